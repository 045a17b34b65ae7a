"""Partner authorisations and the interest register (MAGDA's repertorium)."""
import datetime as dt

import pytest

from discimus_service.domain.errors import (
    CapacityNotAllowedError, InvalidDateError, OutsideRegisteredPeriodError,
    PartnerNotAuthorisedError, PersonNotRegisteredError,
)
from discimus_service.domain.partners import (
    InterestEvent, InterestKind, PartnerAuthorisation, check_period, require_authorisation,
    require_registered, uncovered_days,
)

D = dt.date
I, U = InterestKind.REGISTERED, InterestKind.ENDED
INSZ = "12031555672"
HISTORY = "Onderwijs.GeefHistoriekInschrijving"
AUTH = PartnerAuthorisation("groeipakket", HISTORY, "VTC 17/2016", ("1300",),
                            D(2016, 9, 1), D(2027, 8, 31))


def event(kind, begin, end, seq, capacity="1300"):
    return InterestEvent("groeipakket", capacity, INSZ, kind, begin, end, seq)


def authorise(auths, capacity="1300", day=D(2026, 9, 3), service=HISTORY):
    return require_authorisation(auths, sender_id="groeipakket", service=service,
                                 capacity=capacity, day=day)


def test_an_authorisation_for_the_service_and_capacity_lets_the_partner_in():
    assert authorise([AUTH]) is AUTH


@pytest.mark.parametrize("auths, day, service", [
    ([], D(2026, 9, 3), HISTORY),
    ([AUTH], D(2027, 9, 1), HISTORY),                       # expired
    ([AUTH], D(2016, 8, 31), HISTORY),                      # not yet
    ([AUTH], D(2026, 9, 3), "LED.GeefBewijs"),              # another service
    ([PartnerAuthorisation("clb", HISTORY, "x", ("1300",), D(2016, 9, 1))],
     D(2026, 9, 3), HISTORY),                               # another partner's
], ids=["none", "expired", "not-yet", "other-service", "other-partner"])
def test_without_a_current_authorisation_the_partner_is_refused_40020(auths, day, service):
    with pytest.raises(PartnerNotAuthorisedError) as refused:
        authorise(auths, day=day, service=service)
    assert refused.value.code == 40020 and refused.value.magda_code == 40006


def test_a_capacity_the_authorisation_does_not_allow_is_refused_40021():
    with pytest.raises(CapacityNotAllowedError, match="only in capacity 1300, not '1200'"):
        authorise([AUTH], capacity="1200")


def test_a_period_ending_before_it_begins_is_refused():
    with pytest.raises(InvalidDateError):
        check_period(D(2026, 9, 2), D(2026, 9, 1))
    check_period(D(2026, 9, 1), D(2026, 9, 1))
    check_period(D(2026, 9, 1), None)


def test_a_registration_covers_exactly_its_period():
    events = [event(I, D(2026, 9, 1), D(2027, 8, 31), 1)]
    assert uncovered_days(events, D(2026, 9, 1), D(2027, 8, 31)) is None
    assert uncovered_days(events, D(2026, 8, 1), D(2026, 9, 30)) == (D(2026, 8, 1),
                                                                      D(2026, 8, 31))
    assert uncovered_days(events, D(2027, 8, 1), D(2027, 9, 2)) == (D(2027, 9, 1),
                                                                     D(2027, 9, 2))


def test_an_open_registration_runs_for_ever():
    events = [event(I, D(2020, 9, 1), None, 1)]
    assert uncovered_days(events, D(2030, 1, 1), D(2040, 12, 31)) is None


def test_a_later_deregistration_cuts_a_hole_and_a_later_registration_fills_it():
    events = [event(I, D(2026, 1, 1), None, 1), event(U, D(2026, 3, 1), D(2026, 3, 31), 2)]
    assert uncovered_days(events, D(2026, 2, 1), D(2026, 4, 30)) == (D(2026, 3, 1),
                                                                      D(2026, 3, 31))
    events.append(event(I, D(2026, 3, 10), D(2026, 3, 31), 3))
    assert uncovered_days(events, D(2026, 2, 1), D(2026, 4, 30)) == (D(2026, 3, 1),
                                                                      D(2026, 3, 9))


def test_the_order_of_arrival_decides_not_the_order_in_the_list():
    events = [event(I, D(2026, 1, 1), None, 2), event(U, D.min, None, 1)]
    assert uncovered_days(events, D(2026, 1, 1), D(2026, 12, 31)) is None


def test_a_deregistration_without_period_ends_every_day():
    events = [event(I, D(2026, 1, 1), None, 1), event(U, D.min, None, 2)]
    assert uncovered_days(events, D(2026, 5, 1), D(2026, 5, 1)) == (D(2026, 5, 1),
                                                                     D(2026, 5, 1))


def test_a_person_never_registered_is_refused_40022():
    with pytest.raises(PersonNotRegisteredError) as refused:
        require_registered([], sender_id="groeipakket", capacity="1300", insz=INSZ,
                           begin=D(2026, 9, 1), end=D(2026, 9, 30))
    assert refused.value.code == 40022


def test_a_registration_in_another_capacity_does_not_count():
    with pytest.raises(PersonNotRegisteredError):
        require_registered([event(I, D(2020, 1, 1), None, 1, capacity="1200")],
                           sender_id="groeipakket", capacity="1300", insz=INSZ,
                           begin=D(2026, 9, 1), end=D(2026, 9, 30))


def test_a_question_outside_the_registered_period_is_refused_40023():
    events = [event(I, D(2026, 9, 1), D(2026, 12, 31), 1)]
    require_registered(events, sender_id="groeipakket", capacity="1300", insz=INSZ,
                       begin=D(2026, 9, 1), end=D(2026, 12, 31))
    with pytest.raises(OutsideRegisteredPeriodError, match="from 2027-01-01 to 2027-01-31"):
        require_registered(events, sender_id="groeipakket", capacity="1300", insz=INSZ,
                           begin=D(2026, 12, 1), end=D(2027, 1, 31))
