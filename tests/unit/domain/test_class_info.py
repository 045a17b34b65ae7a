"""LeerID class information rules (seed 003): packages, the data manager, the sharing."""
from __future__ import annotations

import datetime as dt

import pytest

from discimus_service.domain import class_info as rules
from discimus_service.domain.class_info import DirectorAssignment, SharingEvent
from discimus_service.domain.errors import (
    ClassSharingOffError, InvalidClassError, NotDataManagerError,
    PackageCannotShareClassesError, ProtocolNotAcceptedError, TooManyItemsError,
)

DAY = dt.date(2026, 9, 3)
AT = dt.datetime(2026, 9, 3, 8, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("package", ["broekx", "informat", "wisa"])
def test_the_three_packages_may_send(package):
    rules.check_package(package)


@pytest.mark.parametrize("package", ["skore", "leerid", "Informat", ""])
def test_any_other_sender_may_not(package):
    with pytest.raises(PackageCannotShareClassesError) as refused:
        rules.check_package(package)
    assert refused.value.code == 40150 and "broekx, informat, wisa" in refused.value.diagnose


def test_only_leerid_reads():
    rules.check_reader("leerid")
    with pytest.raises(PackageCannotShareClassesError, match="only LeerID"):
        rules.check_reader("informat")


def _director(**changes):
    values = dict(institution_number="034567", person_id="P1", name="An",
                  valid_from=dt.date(2025, 9, 1), valid_to=None)
    return DirectorAssignment(**{**values, **changes})


def test_a_director_is_the_data_manager_until_the_assignment_ends():
    temporary = _director(valid_to=dt.date(2026, 8, 31))
    assert rules.require_data_manager([temporary], institution_number="034567",
                                      person_id="P1", day=dt.date(2026, 8, 31)) is temporary
    with pytest.raises(NotDataManagerError, match="ended on 2026-08-31") as refused:
        rules.require_data_manager([temporary], institution_number="034567",
                                   person_id="P1", day=dt.date(2026, 9, 1))
    assert refused.value.code == 40151


@pytest.mark.parametrize("assignment, why", [
    (_director(valid_from=dt.date(2026, 10, 1)), "starts only on 2026-10-01"),
    (_director(institution_number="012345"), "no director's assignment for this school"),
    (_director(person_id="P2"), "no director's assignment for this school"),
])
def test_no_right_without_an_assignment_for_that_school_today(assignment, why):
    with pytest.raises(NotDataManagerError, match=why):
        rules.require_data_manager([assignment], institution_number="034567",
                                   person_id="P1", day=DAY)


def test_the_latest_covering_assignment_is_the_one():
    old, new = _director(), _director(valid_from=dt.date(2026, 9, 1))
    assert rules.require_data_manager([old, new], institution_number="034567",
                                      person_id="P1", day=DAY) is new


def test_the_protocol_must_be_accepted():
    rules.check_protocol(True)
    with pytest.raises(ProtocolNotAcceptedError, match=rules.PROTOCOL_VERSION):
        rules.check_protocol(False)


def _event(active: bool) -> SharingEvent:
    return SharingEvent("034567", active, "P1", rules.PROTOCOL_VERSION if active else None,
                        AT)


def test_sharing_is_on_after_the_latest_switch_on():
    assert rules.require_sharing([_event(True)], "034567").active
    assert rules.require_sharing([_event(True), _event(False), _event(True)], "034567")


@pytest.mark.parametrize("events, said", [
    ([], "does not share"), ([_event(True), _event(False)], "stopped on 2026-09-03")])
def test_no_sharing_never_switched_on_or_stopped(events, said):
    with pytest.raises(ClassSharingOffError, match=said) as refused:
        rules.require_sharing(events, "034567")
    assert refused.value.code == 40152


@pytest.mark.parametrize("name, subclass", [("", None), ("   ", None), ("A" * 21, None),
                                            ("1A", ""), ("1A", "B" * 21)])
def test_a_class_is_1_to_20_characters(name, subclass):
    with pytest.raises(InvalidClassError) as refused:
        rules.check_class(name, subclass)
    assert refused.value.code == 10150


def test_good_classes_and_the_item_limit():
    rules.check_class("3LAT", None)
    rules.check_class("A" * 20, "5WEWI-b")
    rules.check_items(1000)
    with pytest.raises(TooManyItemsError):
        rules.check_items(1001)
