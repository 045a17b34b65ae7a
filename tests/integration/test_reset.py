"""``discimus reset``: the demo data back to its seed, journal emptied, PKI kept."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

from sqlalchemy import insert, select

from discimus_service.persistence import tables
from discimus_service.persistence.database import make_engine

SEED = ("--students", "30")
BUSINESS_DATE = "2026-09-03"     # the seed's dates follow the business date


def discimus(*args, env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DISCIMUS_")}
    return subprocess.run([sys.executable, "-m", "discimus_client.cli", *args],
                          capture_output=True, text=True, timeout=120,
                          env={**environment, **env})


def snapshot(engine) -> dict[str, list[tuple]]:
    """Every row of every table, ids included, in id order."""
    with engine.connect() as connection:
        rows = {table.name: [tuple(row) for row in connection.execute(
                    select(table).order_by(*table.primary_key.columns))]
                for table in tables.metadata.sorted_tables}
        connection.rollback()
    return rows


def test_reset_brings_back_the_seed_and_empties_the_journal(database_url, tmp_path):
    env = {"DISCIMUS_DATABASE_URL": database_url, "DISCIMUS_BUSINESS_DATE": BUSINESS_DATE,
           "DISCIMUS_PKI_DIR": str(tmp_path / "pki")}
    assert discimus("pki", "init", env=env).returncode == 0
    key = (tmp_path / "pki" / "informat.key").read_bytes()
    first = discimus("reset", *SEED, env=env)          # on an empty database: a load
    assert first.returncode == 0, first.stderr
    engine = make_engine(database_url)
    try:
        seeded = snapshot(engine)
        assert seeded["enrollments"] and not seeded["journal"]
        # What a vendor's day leaves behind: a new enrollment and its journal entry.
        enrollment = dict(zip([c.name for c in tables.enrollments.columns],
                              seeded["enrollments"][0]))
        del enrollment["id"]
        enrollment.update(stamnummer="2699999", first_name="Extra")
        with engine.begin() as connection:
            connection.execute(insert(tables.enrollments).values(enrollment))
            connection.execute(insert(tables.journal).values(
                sender_id="informat", referte="r-1", operation="RegistreerInschrijving",
                received_at=dt.datetime.now(dt.timezone.utc), raw_message=b"<x/>",
                question_digest="d", verdict="ACCEPTED", codes="", answer_json="{}",
                replay_key="k-1"))
        assert snapshot(engine) != seeded

        again = discimus("reset", *SEED, env=env)
        assert again.returncode == 0, again.stderr
        assert "emptied and reloaded" in again.stdout and "PKI in" in again.stdout
        assert snapshot(engine) == seeded            # ids included: numbering restarts
    finally:
        engine.dispose()
    assert (tmp_path / "pki" / "informat.key").read_bytes() == key


def test_reset_of_an_unreachable_database_is_one_line(tmp_path):
    done = discimus("reset", env={
        "DISCIMUS_DATABASE_URL": "postgresql://postgres@127.0.0.1:1/test"})
    assert done.returncode == 3 and len(done.stderr.strip().splitlines()) == 1
