"""Where the time of one signed, persisted enrollment goes, in-process, one core.

Calls the WSGI application directly (no HTTP, no client) with pre-signed
RegistreerInschrijving messages and times each phase of the pipeline by wrapping it,
so the figures add up to the per-request cost that bounds the throughput benchmark.

    .venv/bin/python bench/phases.py --requests 400
    .venv/bin/python bench/phases.py --requests 400 --server-key ec   # the EC option
"""
from __future__ import annotations

import argparse
import collections
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _timed(owner, name: str, label: str, totals: collections.Counter) -> None:
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            totals[label] += time.perf_counter() - start
    setattr(owner, name, wrapper)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--synchronous", default="FULL", choices=["FULL", "NORMAL"])
    parser.add_argument("--server-key", default="rsa", choices=["rsa", "ec"],
                        help="the key that signs the answers (pki init --server-key)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    os.environ.update(DISCIMUS_DATABASE_URL=f"sqlite:///{tmp}/phases.sqlite",
                      DISCIMUS_PKI_DIR=str(tmp / "pki"), DISCIMUS_ECHO="1",
                      DISCIMUS_SQLITE_SYNCHRONOUS=args.synchronous)
    from spyne.server.wsgi import WsgiApplication

    from bench.throughput import ECHO, _presigned
    from discimus_fixtures.senders import SENDER_IDS
    from discimus_service import bootstrap
    from discimus_service.app import create_app
    from discimus_service.security.middleware import SecuredSoapApp
    from discimus_service.security.pki import init_pki
    from discimus_service.services import exchange
    from discimus_service.settings import configure

    settings = configure()
    init_pki(settings.pki_dir, SENDER_IDS, server_key_type=args.server_key)
    bootstrap.ensure_ready(settings)
    app = create_app(settings)

    def call(path: str, body: bytes) -> None:
        environ = {"REQUEST_METHOD": "POST", "CONTENT_TYPE": "text/xml; charset=utf-8",
                   "CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body),
                   "PATH_INFO": path, "SERVER_NAME": "bench", "SERVER_PORT": "1",
                   "wsgi.url_scheme": "http",
                   "HTTP_SOAPACTION": '"RegistreerInschrijving"'}
        status: list = []
        b"".join(app(environ, lambda s, h, e=None: status.append(s)))
        if not status[0].startswith("200"):
            raise RuntimeError(f"{path}: {status[0]}")

    warm = _presigned(tmp / "pki", "informat", "034567", 50, 3)
    bodies = _presigned(tmp / "pki", "informat", "034567", args.requests, 4)
    for body in warm:
        call("/inschrijving", body)
    for _ in range(200):
        call("/echo", ECHO)
    start = time.perf_counter()
    for _ in range(args.requests):
        call("/echo", ECHO)
    echo_ms = (time.perf_counter() - start) / args.requests * 1000

    totals: collections.Counter = collections.Counter()
    _timed(SecuredSoapApp, "_admit", "parse, verify signature, certificate, sender", totals)
    _timed(WsgiApplication, "__call__", "spyne (incl. the exchange below)", totals)
    _timed(exchange, "_handle_once", "exchange: use case, journal, commit", totals)
    _timed(SecuredSoapApp, "_send", "sign and serialize the answer", totals)
    start = time.perf_counter()
    for body in bodies:
        call("/inschrijving", body)
    total_ms = (time.perf_counter() - start) / args.requests * 1000
    print(f"signed, persisted RegistreerInschrijving: {total_ms:.2f} ms per request "
          f"(SQLite synchronous={args.synchronous}, {args.server_key} server key)")
    for label, seconds in totals.items():
        print(f"  {label:48s} {seconds / args.requests * 1000:6.2f} ms")
    print(f"bare spyne echo: {echo_ms:.2f} ms per request; ratio {echo_ms / total_ms:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
