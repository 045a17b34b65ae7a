"""Message type 7 on the PostgreSQL server: register, resend, consult the schools.

Runs, never skips, under CI=true (tests/dbhelpers.py).
"""
from __future__ import annotations

import datetime as dt

from discimus_client.results import Address, BoardingData, Student
from discimus_fixtures.boarding import DEMO_BOARDING
from discimus_fixtures.generator import DEMO_SECONDARY
from discimus_service.persistence.database import make_engine, row_counts
from tests.e2e.test_postgresql_server import pg_server  # noqa: F401  (the fixture)


def test_boarding_on_postgresql(pg_server):  # noqa: F811
    from discimus_client.client import DiscimusClient
    informat = DiscimusClient.from_pki(pg_server.url, pg_server.pki_dir, "informat")
    # A demo boarder attending a demo school: the consultation finds the school.
    seen = informat.boarders_schools(DEMO_BOARDING)
    assert seen.ok and any(s.institution_number == DEMO_SECONDARY
                           for b in seen.inhoud for s in b.schools)
    boarder = Student(insz=None, stamnummer="2600601", first_name="Lien",
                      last_name="Goossens", birth_date=dt.date(2012, 10, 1), sex="V",
                      address=Address(None, None, None, None, country="00999"))
    stay = BoardingData(DEMO_BOARDING, "Gent", dt.date(2026, 9, 1),
                        agreement_framework=False, support_plan=False)
    engine = make_engine(pg_server.database_url)
    try:
        first = informat.register_boarding(boarder, stay, referte="pg-7")
        assert first.ok and first.codes() == [50501]          # no INSZ: no school known
        counts = row_counts(engine)
        again = informat.register_boarding(boarder, stay, referte="pg-7")
        assert again.inhoud == first.inhoud and 50003 in again.codes()
        assert row_counts(engine) == {**counts, "replay_keys": counts["replay_keys"] + 1}
    finally:
        engine.dispose()
