"""The school-allowance services on PostgreSQL: the demo toddlers' attendance, its audit
and a fault rule set from the command line, across the server's workers.

Runs, never skips, under CI=true (tests/dbhelpers.py).
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from discimus_client.magda import MagdaClient
from discimus_fixtures.attendance import DEMO_NURSERY, nursery_data
from discimus_fixtures.generator import insz_for
from discimus_service.persistence.database import make_engine, row_counts
from tests import dbhelpers
from tests.e2e.server import BUSINESS_DATE, start_server

BIN = Path(sys.executable).parent
YEAR = (dt.date(2026, 9, 1), dt.date(2027, 8, 31))


@pytest.fixture(scope="module")
def pg_server(tmp_path_factory):
    dbhelpers.require_postgres()
    with dbhelpers.postgres_schema() as url:
        running = start_server(tmp_path_factory.mktemp("e2e-postgres-attendance"), url)
        try:
            yield running
        finally:
            running.stop()


def test_demo_toddler_attendance_audit_and_a_fault_rule_on_postgresql(pg_server):
    today = dt.date.fromisoformat(BUSINESS_DATE)
    toddler = nursery_data(2026, today, insz_for).enrollments[0]
    groeipakket = MagdaClient.from_pki(pg_server.url, pg_server.pki_dir, "groeipakket")
    assert groeipakket.register_interest(toddler.insz, YEAR[0]).ok
    engine = make_engine(pg_server.database_url)
    try:
        before = row_counts(engine)
        result = groeipakket.nursery_attendance(toddler.insz, *YEAR)
        assert result.ok, result.uitzonderingen
        (year,) = result.inhoud
        assert year.school_year == 2026 and year.enrolled_half_days == 3      # Tue, Wed VM
        assert year.institutions[0][0] == DEMO_NURSERY
        assert row_counts(engine)["audit_log"] == before["audit_log"] + 1

        env = {**os.environ, "DISCIMUS_DATABASE_URL": pg_server.database_url}
        discimus = [str(BIN / "discimus")]
        added = subprocess.run(discimus + ["faults", "add", "unavailable"], env=env,
                               capture_output=True, text=True, timeout=120)
        assert added.returncode == 0, added.stderr
        try:
            for _ in range(3):
                down = groeipakket.nursery_attendance(toddler.insz, *YEAR)
                assert down.codes() == [60006] and down.errors[0].omstandigheid == "30902"
        finally:
            subprocess.run(discimus + ["faults", "clear"], env=env, timeout=120, check=True)
        assert groeipakket.nursery_attendance(toddler.insz, *YEAR).ok
    finally:
        engine.dispose()
