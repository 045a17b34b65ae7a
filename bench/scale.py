"""Partner consultations at scale (issue 7, "Scale"): p50 and p99 against student count.

For each size, in a fresh PostgreSQL schema: ``discimus serve --init`` (demo data,
gunicorn with 2 workers behind the front), then ``fixtures/bulk.py`` writes the students
(enrollments this and last school year, half days of absence, secondary students'
primary certificates) with progress bars; the partner ``groeipakket`` has registered
its interest in a random sample of them, the LED consumer ``naric`` in a random sample
of certificate holders. With
every size loaded, the reference MAGDA client asks GeefHistoriekInschrijving 02.01 about
the samples, one signed request after the other over HTTP (signed, verified, journaled,
audited, answered, signed, verified), to each size in turn: the machine's other work
then weighs on all sizes alike. The latencies' p50 and p99 are printed per size, with
the ratio of each p50 to the smallest size's. Target: p50 at 1,000,000 within 1.5 x p50 at 10,000.
Each turn also asks LED.GeefBewijs 02.00 (``naric``) about a certificate holder of the
size, measured the same way (``led_p50_ms``, ``led_p99_ms``, ``led_p50_ratio``).

    .venv/bin/python bench/scale.py                       # 10,000 100,000 1,000,000
    .venv/bin/python bench/scale.py --students 10000 100000 --questions 200
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.dbhelpers import postgres_schema  # noqa: E402
from tests.e2e.server import start_server  # noqa: E402

BUSINESS_DATE = dt.date(2026, 11, 27)
SAMPLE = 200


def _settle(engine) -> None:
    """What a database reaches in its steady state, before the clock starts.

    Right after a bulk load PostgreSQL's autovacuum sets about the new tables (insert
    thresholds, PostgreSQL 13+) and a checkpoint writes the load's WAL: both compete
    with the questions and grow with the size, so the first runs measured the load's
    aftermath (p50 29 → 72 ms from 10,000 to 1,000,000 students, while the queries
    themselves stayed at 2 ms). VACUUM ANALYZE and CHECKPOINT do that work first.
    """
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM ANALYZE")
        connection.exec_driver_sql("CHECKPOINT")


def _register_interest(engine, inszs: list[str], sender_id: str = "groeipakket",
                       capacity: str = "1300") -> None:
    """A partner's interest in the sample, as RegistreerInschrijving would store it."""
    from discimus_service.persistence import tables
    now = dt.datetime.now(dt.timezone.utc)
    with engine.begin() as connection:
        connection.execute(tables.interest_events.insert(), [
            dict(sender_id=sender_id, capacity=capacity, insz=insz, kind="I",
                 begin_date=dt.date(2020, 9, 1), end_date=None, received_at=now)
            for insz in inszs])


def _sample(engine, size: int) -> list[str]:
    from sqlalchemy import text
    with engine.connect() as connection:
        return [r[0] for r in connection.execute(text(
            "SELECT insz FROM enrollments WHERE institution_number >= '900000' "
            "AND end_date IS NULL ORDER BY random() LIMIT :n"), {"n": size})]


def _holders(engine, size: int) -> list[str]:
    """A random sample of the bulk students holding a certificate (LED.GeefBewijs)."""
    from sqlalchemy import text
    with engine.connect() as connection:
        return [r[0] for r in connection.execute(text(
            "SELECT insz FROM certificates WHERE institution_number >= '900000' "
            "ORDER BY random() LIMIT :n"), {"n": size})]


def _percentiles(seconds: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(seconds, n=100, method="inclusive")
    return statistics.median(seconds), cuts[98]


@dataclass
class Stand:
    """One size, loaded and served: its own schema, server and sample of students."""

    students: int
    server: object
    engine: object
    counts: object
    load_seconds: float
    sample: list[str]
    client: object = None
    seconds: list[float] = field(default_factory=list)
    holders: list[str] = field(default_factory=list)      # LED.GeefBewijs's sample
    led_client: object = None
    led_seconds: list[float] = field(default_factory=list)


def prepare(students: int, stack: contextlib.ExitStack, *, progress: bool) -> Stand:
    """A fresh schema with ``students`` students, settled, served by its own emulator."""
    from discimus_client.magda import MagdaClient
    from discimus_fixtures import bulk
    from discimus_service.persistence.database import make_engine
    root = Path(stack.enter_context(tempfile.TemporaryDirectory()))
    url = stack.enter_context(postgres_schema())
    server = start_server(root, url, workers=2, extra_env={
        "DISCIMUS_BUSINESS_DATE": BUSINESS_DATE.isoformat()})
    stack.callback(server.stop)
    engine = make_engine(url)
    stack.callback(engine.dispose)
    started = time.perf_counter()
    counts = bulk.load(engine, students, BUSINESS_DATE, progress=progress)
    load_seconds = time.perf_counter() - started
    _settle(engine)
    sample = _sample(engine, SAMPLE)
    _register_interest(engine, sample)
    stand = Stand(students, server, engine, counts, load_seconds, sample)
    stand.client = MagdaClient.from_pki(server.url, server.pki_dir, "groeipakket")
    # An LED consumer, registered like groeipakket (fixtures/partners.py: naric, 1510).
    stand.holders = _holders(engine, SAMPLE)
    _register_interest(engine, stand.holders, "naric", "1510")
    stand.led_client = MagdaClient.from_pki(server.url, server.pki_dir, "naric",
                                            capacity="1510")
    return stand


def ask(stand: Stand, n: int) -> float:
    """Seconds for one signed GeefHistoriekInschrijving about the sample's n-th student."""
    insz = stand.sample[n % len(stand.sample)]
    t0 = time.perf_counter()
    result = stand.client.enrollment_history(insz, dt.date(2025, 9, 1), dt.date(2027, 8, 31))
    seconds = time.perf_counter() - t0
    if not result.ok:
        raise SystemExit(f"refused: {result.uitzonderingen}")
    return seconds


def ask_led(stand: Stand, n: int) -> float:
    """Seconds for one signed LED.GeefBewijs about the n-th certificate holder."""
    insz = stand.holders[n % len(stand.holders)]
    t0 = time.perf_counter()
    result = stand.led_client.certificates(insz)
    seconds = time.perf_counter() - t0
    if not result.ok:
        raise SystemExit(f"refused: {result.uitzonderingen}")
    return seconds


def measure(sizes: list[int], questions: int, *, progress: bool = True) -> list[dict]:
    """Every size loaded first, then the questions asked in turn: one to each size, and
    again, so whatever else the machine does meanwhile weighs on every size alike."""
    with contextlib.ExitStack() as stack:
        stands = [prepare(n, stack, progress=progress) for n in sizes]
        for stand in stands:                      # warm the workers and the caches
            for n in range(20):
                ask(stand, n)
                ask_led(stand, n)
        for n in range(questions):
            for stand in stands:
                stand.seconds.append(ask(stand, n))
                stand.led_seconds.append(ask_led(stand, n))
        rows = []
        for stand in stands:
            p50, p99 = _percentiles(stand.seconds)
            led_p50, led_p99 = _percentiles(stand.led_seconds)
            rows.append({"students": stand.students,
                         "enrollments": stand.counts.enrollments,
                         "absences": stand.counts.absences,
                         "load_s": round(stand.load_seconds, 1),
                         "history_p50_ms": round(p50 * 1000, 2),
                         "history_p99_ms": round(p99 * 1000, 2),
                         "certificates": stand.counts.certificates,
                         "led_p50_ms": round(led_p50 * 1000, 2),
                         "led_p99_ms": round(led_p99 * 1000, 2)})
        return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, nargs="+",
                        default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--questions", type=int, default=300,
                        help="timed questions per size (after 20 warm-up ones)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = measure(args.students, args.questions, progress=not args.json)
    base, led_base = rows[0]["history_p50_ms"], rows[0]["led_p50_ms"]
    for row in rows:
        row["p50_ratio"] = round(row["history_p50_ms"] / base, 2)
        row["led_p50_ratio"] = round(row["led_p50_ms"] / led_base, 2)
    if args.json:
        print(json.dumps(rows))
        return 0
    print(f"{'students':>10} {'enrollments':>12} {'absences':>10} {'load s':>7} "
          f"{'p50 ms':>7} {'p99 ms':>7} {'p50 ratio':>9} {'certificates':>12} "
          f"{'LED p50':>7} {'LED p99':>7} {'LED ratio':>9}")
    for row in rows:
        print(f"{row['students']:>10,} {row['enrollments']:>12,} {row['absences']:>10,} "
              f"{row['load_s']:>7} {row['history_p50_ms']:>7} {row['history_p99_ms']:>7} "
              f"{row['p50_ratio']:>9} {row['certificates']:>12,} {row['led_p50_ms']:>7} "
              f"{row['led_p99_ms']:>7} {row['led_p50_ratio']:>9}")
    print("target: p50 at the largest size within 1.5 x p50 at the smallest")
    return 0


if __name__ == "__main__":
    sys.exit(main())
