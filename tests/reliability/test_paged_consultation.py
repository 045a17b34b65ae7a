"""GeefDubbeleInschrijvingen over HTTP, in parts: Vervolg continues, a forged one is refused.

The reliability servers answer at most two doubles a part (helpers.py), so seven
doubles come in four parts.
"""
from __future__ import annotations

import datetime as dt

from discimus_client.client import DiscimusClient
from discimus_fixtures.generator import DEMO_OTHER, DEMO_SECONDARY
from discimus_service.persistence.database import make_engine
from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
from tests import factories


def _seven_doubles(server) -> set[str]:
    engine = make_engine(server.database_url)
    inszs = set()
    try:
        with SqlAlchemyUnitOfWork(engine) as uow:
            for n in range(7):
                # Born 2009: no other test's students (helpers.registrations: 2010 on).
                ident = factories.identification(
                    sequence=400 + n, birth_date=dt.date(2009, 6, 6),
                    stamnummer=f"24{90_000 + n:05d}")
                inszs.add(ident.insz)
                for school in (DEMO_SECONDARY, DEMO_OTHER):
                    uow.enrollments.add(factories.enrollment_of(factories.question(
                        institution_number=school, identification=ident,
                        start_date=dt.date(2026, 9, 1))))
            uow.commit()
    finally:
        engine.dispose()
    return inszs


def test_the_doubles_come_in_parts_that_add_up(server_on):
    server = server_on("sqlite")
    ours = _seven_doubles(server)
    client = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")
    seen, token, parts = [], None, 0
    while True:
        result = client.double_enrollments(DEMO_SECONDARY, continuation=token)
        assert result.ok and len(result.inhoud) <= 2
        seen += [(d.insz, d.other.institution_number) for d in result.inhoud]
        parts += 1
        if (token := result.continuation) is None:
            break
    assert ours <= {insz for insz, _school in seen}
    assert len(seen) == len(set(seen)) and parts == (len(seen) + 1) // 2


def test_a_vervolg_the_service_did_not_give_is_refused_with_10012(server_on):
    server = server_on("sqlite")
    client = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")
    result = client.double_enrollments(DEMO_SECONDARY, continuation="bm90LW91cnM")
    assert not result.ok and 10012 in result.codes()
