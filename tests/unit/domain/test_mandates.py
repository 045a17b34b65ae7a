"""Which mandate lets a package send a message type for a school on a day (000 §1.4).

Tested on the domain function itself: the use-case tests go through the fakes and
only see the first mandate that fits, so a filter that let another sender's, school's
or message type's mandate through would go unnoticed there.

Equivalent mutants of service/domain/mandates.py (tools/mutation.py): ``valid_to <
day`` turned into ``<=`` and ``valid_from > day`` into ``>=``: a mandate that ends or
starts on the day itself covers it and was returned before these lists are made
(unless it ends before it starts, which no mandate does).
"""
from __future__ import annotations

import datetime as dt

import pytest

from discimus_service.domain.errors import AuthorisationError
from discimus_service.domain.mandates import check_mandate
from discimus_service.domain.model import MessageType
from tests.unit.domain.domain_factories import mandate

D = dt.date
DAY = D(2024, 9, 10)


def check(mandates, day=DAY, **kw):
    who = dict(sender_id="informat", institution_number="012345",
               message_type=MessageType.INSCHRIJVING)
    return check_mandate(mandates, day=day, **{**who, **kw})


def test_the_covering_mandate_is_returned():
    m = mandate()
    assert check([m]) is m


@pytest.mark.parametrize("other", [
    dict(sender_id="wisa"), dict(sender_id="aaa"), dict(sender_id="zzz"),
    dict(institution_number="012344"), dict(institution_number="999999"),
    dict(message_type=MessageType.AFWEZIGHEDEN), dict(message_type=MessageType.TUCHT),
])
def test_a_mandate_of_another_sender_school_or_message_type_does_not_count(other):
    with pytest.raises(AuthorisationError) as exc:
        check([mandate(**other)])
    assert "no mandate at all" in exc.value.diagnose


def test_of_several_covering_mandates_the_latest_started_is_returned():
    older = mandate(valid_from=D(2020, 9, 1))
    newer = mandate(valid_from=D(2024, 9, 1))
    assert check([older, newer]) is newer
    assert check([newer, older]) is newer


@pytest.mark.parametrize("valid_from, valid_to", [
    (DAY, None), (DAY, DAY), (D(2024, 9, 1), DAY), (DAY, D(2025, 8, 31)),
])
def test_a_mandate_covers_its_first_and_last_day(valid_from, valid_to):
    assert check([mandate(valid_from=valid_from, valid_to=valid_to)]).valid_from == valid_from


def test_a_mandate_that_ended_the_day_before_says_so():
    with pytest.raises(AuthorisationError) as exc:
        check([mandate(valid_to=DAY - dt.timedelta(days=1))])
    assert exc.value.diagnose == (
        "no mandate on 2024-09-10: the mandate of 'informat' for school 012345 and "
        "message type inschrijving ended on 2024-09-09: the school changed package")
    assert exc.value.field == "Afzender/Identificatie"


def test_the_latest_end_is_named():
    with pytest.raises(AuthorisationError) as exc:
        check([mandate(valid_from=D(2019, 9, 1), valid_to=D(2020, 8, 31)),
               mandate(valid_from=D(2021, 9, 1), valid_to=D(2023, 8, 31)),
               mandate(valid_from=D(2020, 9, 1), valid_to=D(2021, 8, 31))])
    assert "ended on 2023-08-31" in exc.value.diagnose
    assert "starts only" not in exc.value.diagnose


def test_a_mandate_that_starts_the_day_after_says_so():
    with pytest.raises(AuthorisationError) as exc:
        check([mandate(valid_from=DAY + dt.timedelta(days=1))])
    assert exc.value.diagnose == (
        "no mandate on 2024-09-10: the mandate of 'informat' for school 012345 and "
        "message type inschrijving starts only on 2024-09-11")


def test_the_earliest_start_is_named():
    with pytest.raises(AuthorisationError) as exc:
        check([mandate(valid_from=D(2025, 9, 1)), mandate(valid_from=D(2024, 10, 1))])
    assert "starts only on 2024-10-01" in exc.value.diagnose
    assert "ended" not in exc.value.diagnose


def test_a_change_of_vendor_in_the_future_and_past_names_both():
    with pytest.raises(AuthorisationError) as exc:
        check([mandate(valid_from=D(2020, 9, 1), valid_to=D(2024, 8, 31)),
               mandate(valid_from=D(2024, 10, 1))])
    assert exc.value.diagnose == (
        "no mandate on 2024-09-10: the mandate of 'informat' for school 012345 and "
        "message type inschrijving ended on 2024-08-31: the school changed package; "
        "the mandate of 'informat' for school 012345 and message type inschrijving "
        "starts only on 2024-10-01")


def test_no_mandate_at_all_says_the_school_must_grant_it():
    with pytest.raises(AuthorisationError) as exc:
        check([])
    assert exc.value.diagnose.startswith(
        "there is no mandate at all for 'informat' for school 012345 and message type "
        "inschrijving")
    assert exc.value.field == "Afzender/Identificatie"


def test_a_future_mandate_with_an_end_date_has_not_ended():
    with pytest.raises(AuthorisationError) as exc:
        check([mandate(valid_from=D(2024, 10, 1), valid_to=D(2025, 8, 31))])
    assert "ended" not in exc.value.diagnose
    assert "starts only on 2024-10-01" in exc.value.diagnose
