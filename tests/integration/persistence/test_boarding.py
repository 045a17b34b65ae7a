"""The boarding repository (message type 7) and the institution kinds, against SQLite
and PostgreSQL."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from discimus_service.domain.model import InstitutionKind, Niveau, School
from discimus_service.services.ports import DuplicateKeyError
from tests.unit.domain.domain_factories import address, identification
from tests.unit.domain.test_boarding import old_stay, stay


def test_a_stay_round_trips_with_every_field(uow_factory):
    sent = stay(itinerant_parents=True, school_number="88001", end_date=dt.date(2025, 3, 1),
                identification=identification(address=address(box="b2",
                                                               postcode="905001")))
    with uow_factory() as uow:
        uow.boarding.add(sent)
        uow.commit()
    assert sent.id is not None
    with uow_factory() as uow:
        found = uow.boarding.get("099001", sent.stamnummer, sent.start_date)
    assert found == sent


def test_flags_stay_unknown_before_2024(uow_factory):
    with uow_factory() as uow:
        uow.boarding.add(old_stay())
        uow.commit()
    with uow_factory() as uow:
        found = uow.boarding.get("099001", "2400017", dt.date(2022, 9, 1))
    assert (found.agreement_framework, found.support_plan) == (None, None)
    assert found.itinerant_parents is False


def test_update_keeps_the_id(uow_factory):
    first = stay()
    with uow_factory() as uow:
        uow.boarding.add(first)
        uow.boarding.add(dataclasses.replace(first, end_date=dt.date(2024, 12, 20),
                                             establishment="Brugge"))
        uow.commit()
    with uow_factory() as uow:
        (found,) = uow.boarding.of_boarder("099001", first.stamnummer, None)
    assert (found.id, found.end_date, found.establishment) == (
        first.id, dt.date(2024, 12, 20), "Brugge")


def test_a_boarder_is_found_by_stamnummer_or_insz(uow_factory):
    a = stay()
    b = stay(identification=identification(stamnummer="2400099"),
             start_date=dt.date(2025, 1, 6))
    c = stay(identification=identification(stamnummer="2400098", insz=None),
             start_date=dt.date(2025, 2, 3))
    elsewhere = stay(institution_number="099002")
    with uow_factory() as uow:
        for s in (a, b, c, elsewhere):
            uow.boarding.add(s)
        uow.commit()
    with uow_factory() as uow:
        by_insz = uow.boarding.of_boarder("099001", "2400077", a.insz)
        by_number = uow.boarding.of_boarder("099001", "2400098", None)
    assert [s.id for s in by_insz] == [a.id, b.id]
    assert [s.id for s in by_number] == [c.id]


def test_stays_starting_in_a_period(uow_factory):
    stays = [old_stay(), stay(), stay(identification=identification(stamnummer="2400099"),
                                       start_date=dt.date(2024, 9, 1))]
    with uow_factory() as uow:
        for s in stays:
            uow.boarding.add(s)
        uow.commit()
    with uow_factory() as uow:
        year = uow.boarding.starting_in("099001", dt.date(2024, 9, 1), dt.date(2025, 8, 31))
        one = uow.boarding.starting_in("099001", dt.date(2024, 9, 1), dt.date(2025, 8, 31),
                                       stamnummer="2400099")
    assert [s.stamnummer for s in year] == ["2400017", "2400099"]
    assert [s.id for s in one] == [stays[2].id]


def test_the_natural_key_is_unique(uow_factory):
    with uow_factory() as uow:
        uow.boarding.add(stay())
        with pytest.raises(DuplicateKeyError):
            uow.boarding.add(stay())
            uow.commit()


@pytest.mark.parametrize("kind", list(InstitutionKind))
def test_an_institution_keeps_its_kind(uow_factory, kind):
    with uow_factory() as uow:
        uow.schools.add(School("099001", "X", Niveau.SECUNDAIR, "Gent", kind=kind))
        uow.commit()
    with uow_factory() as uow:
        assert uow.schools.get("099001").kind is kind
