"""The domain values: code values of the contract, and immutability of value objects."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from discimus_service.domain import model
from tests.unit.domain.domain_factories import (
    address, deregistration, identification, mandate,
)


def test_niveau_carries_magdas_code_values():
    # Pinned as data: MAGDA sends and expects these numbers.
    assert [(n.name, n.value) for n in model.Niveau] == [
        ("KLEUTER", 1), ("LAGER", 2), ("SECUNDAIR", 3)]


@pytest.mark.parametrize("value", [
    address(), identification(), deregistration(dt.date(2025, 1, 1)), mandate(),
    model.School("012345", "Sint-Jozef", model.Niveau.SECUNDAIR),
    model.Sender("informat", model.SenderKind.VENDOR, "Informat"),
    model.JournalEntry(sender_id="informat", referte="r-1", operation="X",
                       received_at=dt.datetime(2026, 9, 3, tzinfo=dt.timezone.utc),
                       raw_message=b"<m/>", question_digest="d", verdict="AANVAARD",
                       codes="", answer_json="{}", replay_key="k"),
], ids=lambda v: type(v).__name__)
def test_value_objects_are_immutable(value):
    # Validation returns new values (dataclasses.replace); a refused message must not
    # leave a half-normalised value behind in a shared object.
    field = dataclasses.fields(value)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, field, None)


@pytest.mark.parametrize("day, covered", [
    (dt.date(2024, 8, 31), False), (dt.date(2024, 9, 1), True),
    (dt.date(2025, 6, 30), True), (dt.date(2025, 7, 1), False),
])
def test_a_closed_mandate_covers_its_period_ends_included(day, covered):
    m = mandate(valid_from=dt.date(2024, 9, 1), valid_to=dt.date(2025, 6, 30))
    assert m.covers(day) is covered


@pytest.mark.parametrize("day, covered", [
    (dt.date(2024, 8, 31), False), (dt.date(2024, 9, 1), True), (dt.date(2099, 1, 1), True),
])
def test_an_open_mandate_covers_every_day_from_its_start(day, covered):
    assert mandate(valid_from=dt.date(2024, 9, 1)).covers(day) is covered


def test_a_school_is_ordinary_education_unless_said_otherwise():
    school = model.School("012345", "Sint-Jozef", model.Niveau.SECUNDAIR)
    assert school.special_needs is False
