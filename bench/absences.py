"""Absence ingestion (issue 6, "Speed"): signed 1,000-half-day messages end to end.

One run, one database: the emulator under gunicorn stores RegistreerAfwezigheden
messages of 1,000 half days each, sent by the reference client (zeep signs, the server
verifies, checks mandate, enrollments and codes, stores and journals, signs; the client
verifies the answer), timed per message. Then a plain SQLAlchemy Core ``executemany``
inserts the same number of rows of the same shape into the same table (another
institution number, so no key collides). Prints half days stored per second for both
and the ratio; target: at least a third of the plain insert rate.

The students are enrolled before the clock starts; each message holds 10 of them, 50
weekdays each, both half days.

    .venv/bin/python bench/absences.py --messages 5
    .venv/bin/python bench/absences.py --messages 5 --postgresql

``--postgresql`` runs both in a fresh schema of the test database (``tests/dbhelpers``,
127.0.0.1:5432/test), dropped afterwards.
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.server import start_server  # noqa: E402  (the same launcher as e2e tests)

BUSINESS_DATE = dt.date(2026, 11, 27)
START = dt.date(2026, 9, 1)
INSTITUTION = "034567"
STUDENTS_PER_MESSAGE, WEEKDAYS = 10, 50


def _weekdays(count: int) -> list[dt.date]:
    days, day = [], START
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _enroll(client, count: int) -> list[str]:
    from bench.students import student_and_enrollment
    stamnummers = []
    for i in range(count):
        student, enrollment = student_and_enrollment(4, i, INSTITUTION)
        enrollment = dataclasses.replace(enrollment, start_date=START,
                                         registration_date=START)
        result = client.register_enrollment(student, enrollment)
        if not result.ok:
            raise SystemExit(f"enrollment refused: {result.uitzonderingen}")
        stamnummers.append(student.stamnummer)
    return stamnummers


def _message(stamnummers: list[str]):
    from discimus_client.results import HalfDayAbsence
    return [HalfDayAbsence(f"BENCH-{s}", s, day, half, "Z")
            for s in stamnummers for day in _weekdays(WEEKDAYS) for half in ("VM", "NM")]


def _plain_insert(database_url: str, rows: int) -> float:
    """Seconds for one executemany of ``rows`` absence rows, committed."""
    from discimus_service.persistence import tables
    from discimus_service.persistence.database import make_engine
    engine = make_engine(database_url)
    days = _weekdays(rows // 2 // 100 + 1)
    values = [dict(institution_number="999999", stamnummer=f"26{n // (2 * len(days)):05d}",
                   date=days[n // 2 % len(days)], half_day=("VM", "NM")[n % 2],
                   student_id="PLAIN", code="Z", sender_id="informat",
                   received_on=BUSINESS_DATE) for n in range(rows)]
    try:
        start = time.perf_counter()
        with engine.begin() as connection:
            connection.execute(tables.absences.insert(), values)
        return time.perf_counter() - start
    finally:
        engine.dispose()


@contextlib.contextmanager
def _database(args):
    if args.postgresql:
        from tests.dbhelpers import postgres_schema
        with postgres_schema() as url:
            yield url
    else:
        yield args.database_url


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=5)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--database-url", help="default: SQLite in a temporary folder")
    where.add_argument("--postgresql", action="store_true",
                       help="a fresh schema of the test database, dropped afterwards")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from discimus_client.client import DiscimusClient
    with tempfile.TemporaryDirectory() as tmp, _database(args) as given_url:
        root = Path(tmp)
        url = given_url or f"sqlite:///{root / 'bench.sqlite'}"
        server = start_server(root, url, workers=2, extra_env={
            "DISCIMUS_BUSINESS_DATE": BUSINESS_DATE.isoformat()})
        try:
            client = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")
            students = _enroll(client, args.messages * STUDENTS_PER_MESSAGE)
            messages = [_message(students[i:i + STUDENTS_PER_MESSAGE])
                        for i in range(0, len(students), STUDENTS_PER_MESSAGE)]
            stored, elapsed = 0, 0.0
            for half_days in messages:
                start = time.perf_counter()
                result = client.register_absences(INSTITUTION, half_days)
                elapsed += time.perf_counter() - start
                if not result.ok:
                    raise SystemExit(f"refused: {result.uitzonderingen[:3]}")
                stored += result.inhoud.new
            plain_seconds = _plain_insert(url, stored)
        finally:
            server.stop()
    exchange_rate, plain_rate = stored / elapsed, stored / plain_seconds
    figures = {"database": url.split(":", 1)[0].split("+", 1)[0], "half_days": stored, "messages": len(messages),
               "e2e_half_days_per_s": round(exchange_rate),
               "plain_executemany_half_days_per_s": round(plain_rate),
               "ratio": round(exchange_rate / plain_rate, 3)}
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"{figures['database']}: {stored} half days in {len(messages)} signed messages of "
              f"{len(messages[0])}: {exchange_rate:,.0f} half days/s end to end")
        print(f"plain executemany of {stored} rows: {plain_rate:,.0f} rows/s")
        print(f"ratio: {exchange_rate / plain_rate:.3f} (target >= 0.333)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
