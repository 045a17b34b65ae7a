"""Edges of the partner rules that mutation testing found unpinned (tools/mutation.py).

Each filter is checked from both sides (a value sorting before and one sorting after
the asked one), each period at its first and last day.

Equivalent mutants of ``service/domain/partners.py`` (the program behaves the same):

- ``uncovered_days``: ``e.last_day < FOREVER`` -> ``!=``: ``last_day`` is a date and
  ``FOREVER`` is ``date.max``, so no day is after it and ``<`` means ``!=``.
- ``uncovered_days``: ``i + 1 < len(points)`` -> ``!=``: ``i`` enumerates ``points``, so
  ``i + 1`` never exceeds ``len(points)``.
- ``uncovered_days``: ``begin < day`` -> ``begin <= day``: ``cuts`` is a set that already
  holds ``begin``; adding it again changes nothing.
- ``uncovered_days``: ``kind is InterestKind.ENDED`` -> ``==`` or ``>=``, and
  ``require_registered``: ``kind is InterestKind.REGISTERED`` -> ``==`` or ``<=``:
  ``kind`` is always a member (the repository builds it with ``InterestKind(r.kind)``),
  members are singletons, and of the two values "I" < "U" none lies beyond ENDED or
  before REGISTERED. (``>= REGISTERED`` is not equivalent and is killed below.)
- ``InterestEvent.sequence`` default ``0`` -> ``1`` or ``-1``: the default only labels an
  event not yet stored; the repository ignores it when adding and reads the database id
  back. Any constant keeps such events in list order (``sorted`` is stable).
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from discimus_service.domain.errors import (
    InvalidDateError, OutsideRegisteredPeriodError, PartnerNotAuthorisedError,
    PersonNotRegisteredError,
)
from discimus_service.domain.partners import (
    InterestEvent, InterestKind, Partner, PartnerAuthorisation, check_period,
    require_authorisation, require_registered, uncovered_days,
)

D = dt.date
I, U = InterestKind.REGISTERED, InterestKind.ENDED
SENDER, CAPACITY, INSZ = "m-partner", "1300", "12031555672"
SERVICE = "Onderwijs.M-02.00"
# Strings sorting just before and just after the asked ones, so a filter turned into
# <= or >= lets one of them through.
BEFORE_AFTER = {"sender_id": ("a-partner", "z-partner"),
                "service": ("Onderwijs.A-02.00", "Onderwijs.Z-02.00"),
                "capacity": ("1200", "1400"),
                "insz": ("12031555571", "12031555773")}


def auth(valid_from=D(2026, 9, 1), valid_to=D(2026, 9, 30), **kw):
    fields = dict(sender_id=SENDER, service=SERVICE, deliberation="VTC 1/2026",
                  capacities=(CAPACITY,), valid_from=valid_from, valid_to=valid_to)
    return PartnerAuthorisation(**{**fields, **kw})


def authorise(auths, day=D(2026, 9, 15)):
    return require_authorisation(auths, sender_id=SENDER, service=SERVICE,
                                 capacity=CAPACITY, day=day)


def event(kind=I, begin=D(2026, 9, 1), end=D(2026, 9, 30), sequence=1, **kw):
    fields = dict(sender_id=SENDER, capacity=CAPACITY, insz=INSZ)
    return InterestEvent(**{**fields, **kw}, kind=kind, begin=begin, end=end,
                         sequence=sequence)


def registered(events, begin=D(2026, 9, 1), end=D(2026, 9, 30)):
    require_registered(events, sender_id=SENDER, capacity=CAPACITY, insz=INSZ,
                       begin=begin, end=end)


@pytest.mark.parametrize("make", [
    lambda: Partner("p", "kb.vlaanderen.be/aiv/p", "1300"),
    lambda: auth(),
    lambda: event(),
], ids=["Partner", "PartnerAuthorisation", "InterestEvent"])
def test_partner_policy_objects_are_frozen_values(make):
    value = make()
    assert value == make()                  # a value, compared by its fields
    field = dataclasses.fields(value)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, field, "changed")


@pytest.mark.parametrize("day", [D(2026, 9, 1), D(2026, 9, 30)], ids=["first", "last"])
def test_an_authorisation_covers_its_first_and_last_day(day):
    assert authorise([auth()], day=day) == auth()


@pytest.mark.parametrize("day", [D(2026, 8, 31), D(2026, 10, 1)], ids=["before", "after"])
def test_an_authorisation_covers_no_day_outside_its_period(day):
    with pytest.raises(PartnerNotAuthorisedError):
        authorise([auth()], day=day)


@pytest.mark.parametrize("field", ["sender_id", "service"])
@pytest.mark.parametrize("side", [0, 1], ids=["sorting-before", "sorting-after"])
def test_another_partners_or_services_authorisation_does_not_count(field, side):
    with pytest.raises(PartnerNotAuthorisedError):
        authorise([auth(**{field: BEFORE_AFTER[field][side]})])


def test_a_period_may_last_one_day_or_longer_but_not_end_before_it_begins():
    check_period(D(2026, 9, 1), D(2026, 9, 1))
    check_period(D(2026, 9, 1), D(2026, 9, 2))
    with pytest.raises(InvalidDateError):
        check_period(D(2026, 9, 2), D(2026, 9, 1))


@pytest.mark.parametrize("field", ["sender_id", "capacity", "insz"])
@pytest.mark.parametrize("side", [0, 1], ids=["sorting-before", "sorting-after"])
def test_another_partners_capacitys_or_persons_registration_does_not_count(field, side):
    with pytest.raises(PersonNotRegisteredError):
        registered([event(**{field: BEFORE_AFTER[field][side]})])


def test_a_person_only_deregistered_was_never_registered():
    with pytest.raises(PersonNotRegisteredError):
        registered([event(U)])


def test_a_registration_covers_its_last_day_not_the_day_after():
    events = [event(end=D(2026, 9, 30))]
    assert uncovered_days(events, D(2026, 9, 30), D(2026, 9, 30)) is None
    registered(events, D(2026, 9, 30), D(2026, 9, 30))
    # The day after the last falls on the last asked day: still a gap, of one day.
    assert uncovered_days(events, D(2026, 9, 1), D(2026, 10, 1)) == (D(2026, 10, 1),
                                                                      D(2026, 10, 1))
    with pytest.raises(OutsideRegisteredPeriodError, match="from 2026-10-01 to 2026-10-01"):
        registered(events, D(2026, 9, 1), D(2026, 10, 1))


def test_a_deregistration_starting_on_the_last_asked_day_leaves_that_day_uncovered():
    events = [event(end=None, sequence=1), event(U, D(2026, 9, 30), None, sequence=2)]
    assert uncovered_days(events, D(2026, 9, 1), D(2026, 9, 30)) == (D(2026, 9, 30),
                                                                      D(2026, 9, 30))
