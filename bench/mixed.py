"""A mixed load over HTTP: registrations and GeefDubbeleInschrijvingen on a large school.

The server (``discimus serve``: front + gunicorn, 2 sync workers) gets a school of
``--students`` students (a tenth of them doubles) on top of the demo data; then, for
``--seconds``, ``--writers`` processes post pre-signed registrations to that school (so
its list grows) while ``--readers`` processes ask for its double enrollments, every
message signed before the clock starts. Counts answers by kind: 200, signed fault,
anything else (unsigned or HTML: must stay 0).

    .venv/bin/python bench/mixed.py --students 8000 --seconds 20
    PYTHONPATH=/path/to/shim .venv/bin/python bench/mixed.py --server-pythonpath ...

``--server-pythonpath`` runs the server from another checkout (the "before" figures):
a folder holding ``discimus_service``, ``discimus_client``, ``discimus_fixtures`` links.
"""
from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import multiprocessing as mp
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.server import start_server  # noqa: E402


def _poster(url: str, bodies: list[bytes], action: str, seconds: float, queue) -> None:
    target = urlparse(url)
    kinds: Counter = Counter()
    start = time.perf_counter()
    for body in bodies:
        if time.perf_counter() - start > seconds:
            break
        conn = http.client.HTTPConnection(target.hostname, target.port, timeout=120)
        try:
            conn.request("POST", target.path, body=body,
                         headers={"Content-Type": "text/xml; charset=utf-8",
                                  "SOAPAction": f'"{action}"'})
            response = conn.getresponse()
            data = response.read()
            signed = (response.getheader("Content-Type", "").startswith("text/xml")
                      and b"Signature" in data)
            kinds["200" if response.status == 200 and signed else
                  "signed fault" if signed else f"unsigned {response.status}"] += 1
        except OSError as error:
            kinds[f"no answer ({type(error).__name__})"] += 1
        finally:
            conn.close()
    queue.put((dict(kinds), time.perf_counter() - start))


def _registrations(pki: str, institution: str, count: int, worker: int) -> list[bytes]:
    from bench.throughput import _presigned
    return _presigned(Path(pki), "informat", institution, count, worker)


def _consultations(pki: str, institution: str, count: int) -> list[bytes]:
    from discimus_client.client import DiscimusClient
    client = DiscimusClient.from_pki("http://127.0.0.1:1", pki, "informat")
    return [client.signed_request("GeefDubbeleInschrijvingen",
                                  {"Instellingsnummer": institution, "Datum": None})
            for _ in range(count)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=8000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--writers", type=int, default=3)
    parser.add_argument("--readers", type=int, default=1)
    parser.add_argument("--server-pythonpath", help="run the server from this code")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    from sqlalchemy import insert

    from bench.doubles import school_rows
    from discimus_fixtures.generator import DEMO_OTHER, DEMO_PRIMARY, DEMO_SECONDARY
    from discimus_service.persistence import tables as t
    from discimus_service.persistence.database import make_engine

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = f"sqlite:///{root / 'mixed.sqlite'}"
        env = {"DISCIMUS_BUSINESS_DATE": ""}
        if args.server_pythonpath:
            env["PYTHONPATH"] = args.server_pythonpath
        server = start_server(root, db, workers=2, extra_env=env)
        try:
            engine = make_engine(db)
            with engine.begin() as connection:
                connection.execute(insert(t.enrollments), school_rows(
                    args.students, DEMO_SECONDARY, DEMO_OTHER, DEMO_PRIMARY,
                    born_from=dt.date(2005, 1, 1)))
            engine.dispose()
            report = _measure(server.url, str(server.pki_dir), DEMO_SECONDARY, args)
        finally:
            server.stop()
    report.update(students=args.students, seconds=args.seconds, writers=args.writers,
                  readers=args.readers,
                  server="other checkout" if args.server_pythonpath else "this checkout")
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0


def _measure(url: str, pki: str, institution: str, args) -> dict:
    queues = {"registrations": mp.Queue(), "consultations": mp.Queue()}
    jobs = []
    for w in range(args.writers):
        bodies = _registrations(pki, institution, int(args.seconds * 150), w)
        jobs.append(mp.Process(target=_poster, args=(
            url + "/inschrijving", bodies, "RegistreerInschrijving", args.seconds,
            queues["registrations"])))
    for _ in range(args.readers):
        bodies = _consultations(pki, institution, int(args.seconds * 20))
        jobs.append(mp.Process(target=_poster, args=(
            url + "/inschrijving", bodies, "GeefDubbeleInschrijvingen", args.seconds,
            queues["consultations"])))
    for job in jobs:
        job.start()
    counts = {"registrations": args.writers, "consultations": args.readers}
    report = {}
    for name, queue in queues.items():
        kinds: Counter = Counter()
        elapsed = 0.0
        for _ in range(counts[name]):
            got, seconds = queue.get()
            kinds.update(got)
            elapsed = max(elapsed, seconds)
        report[name] = dict(kinds)
        report[f"{name}_per_minute"] = round(kinds["200"] / elapsed * 60) if elapsed else 0
    for job in jobs:
        job.join()
    report["requests_per_minute"] = (report["registrations_per_minute"]
                                     + report["consultations_per_minute"])
    return report


if __name__ == "__main__":
    sys.exit(main())
