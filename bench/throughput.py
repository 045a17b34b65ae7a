"""Throughput of the signed, persisted enrollment exchange vs a bare spyne echo.

One run, one server stack (gunicorn, same workers, same machine), three loads:

- ``echo``: unsigned spyne echo, raw HTTP keep-alive clients (the baseline);
- ``signed-server``: RegistreerInschrijving messages signed by the client *before*
  the timed window, posted by the same raw clients: the server verifies, checks the
  certificate and mandate, persists, journals, signs; this isolates the server's cost,
  as clients run on other machines in real life;
- ``signed-e2e``: the reference client (zeep) doing everything in the window: sign,
  send, server work, verify the signed answer, convert.

Clients run in separate processes (the GIL), on the same 2 cores as the server, so the
e2e figure also pays for the clients' CPU. Prints requests/s and ratios; writes JSON
with ``--json``.

    .venv/bin/python bench/throughput.py --clients 4 --seconds 10
"""
from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.server import start_server  # noqa: E402  (the same launcher as e2e tests)

ECHO = (b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" '
        b'xmlns:e="urn:discimus-emulator:echo:01.00"><soap:Body><e:Echo>'
        b'<e:text>hallo</e:text></e:Echo></soap:Body></soap:Envelope>')


def _post_loop(url: str, bodies, seconds: float, queue) -> None:
    target = urlparse(url)
    conn = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
    done = errors = 0
    start = time.perf_counter()
    for body in bodies:
        if time.perf_counter() - start > seconds:
            break
        # Every signed body here is a RegistreerInschrijving (S116 without it); the
        # plain echo service ignores the header.
        conn.request("POST", target.path, body=body,
                     headers={"Content-Type": "text/xml; charset=utf-8",
                              "SOAPAction": '"RegistreerInschrijving"'})
        response = conn.getresponse()
        response.read()
        if response.status == 200:
            done += 1
        else:
            errors += 1
    queue.put((done, errors, time.perf_counter() - start))


def _echo_bodies():
    while True:
        yield ECHO


def _presigned(pki: Path, sender: str, institution: str, count: int, worker: int):
    """Signed RegistreerInschrijving messages, made before the clock starts."""
    from bench.students import student_and_enrollment
    from discimus_client.client import DiscimusClient

    client = DiscimusClient.from_pki("http://127.0.0.1:1", pki, sender)
    out = []
    for i in range(count):
        student, enrollment = student_and_enrollment(worker, i, institution)
        out.append(client.signed_request("RegistreerInschrijving",
                                         client.enrollment_inhoud(student, enrollment)))
    return out


def _signed_server_worker(url, pki, sender, institution, count, worker, seconds, queue):
    bodies = _presigned(Path(pki), sender, institution, count, worker)
    _post_loop(url, bodies, seconds, queue)


def _signed_e2e_worker(url, pki, sender, institution, worker, seconds, queue):
    from discimus_client.client import DiscimusClient
    from bench.students import student_and_enrollment
    client = DiscimusClient.from_pki(url, pki, sender)
    codes: Counter = Counter()
    done = errors = 0
    start = time.perf_counter()
    i = 0
    while time.perf_counter() - start < seconds:
        student, enrollment = student_and_enrollment(worker, i, institution)
        i += 1
        result = client.register_enrollment(student, enrollment)
        if result.ok:
            done += 1
        else:
            errors += 1
            codes.update(result.codes())
    queue.put((done, errors, time.perf_counter() - start, dict(codes)))


def _run(target, args_of, clients: int) -> dict:
    queue = mp.Queue()
    procs = [mp.Process(target=target, args=args_of(w) + (queue,)) for w in range(clients)]
    for p in procs:
        p.start()
    results = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    refusals: Counter = Counter()
    for r in results:
        refusals.update(r[3] if len(r) > 3 else {})
    done = sum(r[0] for r in results)
    errors = sum(r[1] for r in results)
    elapsed = max(r[2] for r in results)
    out = {"requests": done, "errors": errors, "seconds": round(elapsed, 2),
           "rps": round(done / elapsed, 1)}
    if refusals:
        out["refusal_codes"] = dict(refusals)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    parser.add_argument("--synchronous", default="FULL", choices=["FULL", "NORMAL"])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--server-pythonpath",
                        help="run the server from another checkout (see bench/mixed.py)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = args.database_url or f"sqlite:///{root / 'bench.sqlite'}"
        server = start_server(root, db, workers=args.workers, threads=args.threads,
                              extra_env={"DISCIMUS_ECHO": "1",
                                         "DISCIMUS_SQLITE_SYNCHRONOUS": args.synchronous,
                                         "DISCIMUS_BUSINESS_DATE": "",
                                         **({"PYTHONPATH": args.server_pythonpath}
                                            if args.server_pythonpath else {})})
        try:
            from discimus_fixtures.generator import DEMO_PRIMARY, DEMO_SECONDARY
            pki, sender, inst = str(server.pki_dir), "informat", DEMO_SECONDARY
            # Warm up both paths (imports, keys, caches) outside the window.
            _run(_post_loop, lambda w: (server.url + "/echo", _echo_bodies(), 1.0), 1)
            echo = _run(_post_loop, lambda w: (server.url + "/echo", _echo_bodies(),
                                               args.seconds), args.clients)
            per_client = int(args.seconds * 700) + 50
            signed = _run(_signed_server_worker,
                          lambda w: (server.url + "/inschrijving", pki, sender, inst,
                                     per_client, w, args.seconds), args.clients)
            # Another school, so the e2e students never collide with the ones above.
            e2e = _run(_signed_e2e_worker,
                       lambda w: (server.url, pki, sender, DEMO_PRIMARY, w, args.seconds),
                       args.clients)
        finally:
            server.stop()
    report = {
        "machine": f"{os.cpu_count()} cores", "clients": args.clients,
        "workers": args.workers, "threads": args.threads, "database": db.split(":")[0],
        "sqlite_synchronous": args.synchronous, "echo": echo, "signed_server": signed,
        "signed_e2e": e2e,
        "ratio_signed_server_vs_echo": round(signed["rps"] / echo["rps"], 3),
        "ratio_signed_e2e_vs_echo": round(e2e["rps"] / echo["rps"], 3),
    }
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
