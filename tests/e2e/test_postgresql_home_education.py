"""The home-education services on PostgreSQL: the demo child de-registered for home
education, the inspectorate's results stored (a correction replacing the first), seen in
its consultation, audited; a refusal writes nothing but its journal entry.

Runs, never skips, under CI=true (tests/dbhelpers.py).
"""
from __future__ import annotations

import datetime as dt

import pytest

from discimus_client.magda import MagdaClient
from discimus_fixtures.generator import insz_for
from discimus_fixtures.home_education import HOME_EDUCATED
from discimus_service.persistence.database import make_engine, row_counts
from tests import dbhelpers
from tests.e2e.server import start_server

D = dt.date
PERIOD = (D(2026, 2, 1), D(2026, 8, 31))


@pytest.fixture(scope="module")
def pg_server(tmp_path_factory):
    dbhelpers.require_postgres()
    with dbhelpers.postgres_schema() as url:
        running = start_server(tmp_path_factory.mktemp("e2e-postgres-home-education"), url)
        try:
            yield running
        finally:
            running.stop()


def test_the_home_education_flow_on_postgresql(pg_server):
    sequence, birth, sex, first, last = HOME_EDUCATED
    insz = insz_for(birth, sex, sequence)
    inspectie = MagdaClient.from_pki(pg_server.url, pg_server.pki_dir, "onderwijsinspectie",
                                     capacity="1200")
    engine = make_engine(pg_server.database_url)
    try:
        assert inspectie.register_interest(insz, PERIOD[0]).ok
        assert inspectie.register_inspection(insz, D(2026, 5, 12), False).ok
        corrected = inspectie.register_inspection(insz, D(2026, 5, 12), True)
        assert corrected.ok and corrected.codes() == [50180] and corrected.inhoud.replaced
        assert inspectie.register_exam_result(insz, last, first, sex.value, birth,
                                              D(2026, 6, 20), True).ok
        before = row_counts(engine)
        refused = inspectie.register_exam_result(insz, last, first, "M", birth,
                                                 D(2026, 6, 20), False)
        assert refused.codes() == [10181]
        assert row_counts(engine) == {**before, "journal": before["journal"] + 1,
                                      "replay_keys": before["replay_keys"] + 1}
        seen = inspectie.home_education(insz, *PERIOD)
        assert seen.ok, seen.uitzonderingen
        h = seen.inhoud
        assert (h.institution_number, h.end_date, h.deregistration_reason,
                h.home_education) == ("012345", D(2026, 1, 31), "H", True)
        assert h.controls == ((D(2026, 5, 12), "voldoende"),)
        assert h.exams == ((D(2026, 6, 20), "geslaagd"),)
        after = row_counts(engine)
        assert (after["home_education_inspections"], after["exam_board_results"]) == (1, 1)
        assert after["audit_log"] == before["audit_log"] + 1
    finally:
        engine.dispose()
