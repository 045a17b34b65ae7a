"""The emulator's own ``discimus`` commands: serve, pki, fixtures, contracts, codes."""
from __future__ import annotations

import sys
from pathlib import Path


def register(commands) -> None:
    serve = commands.add_parser("serve", help="run the emulator (gunicorn)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--workers", type=int, default=2)
    serve.add_argument("--threads", type=int, default=1,
                       help="threads per worker (gthread when > 1)")
    serve.add_argument("--no-front", action="store_true",
                       help="serve gunicorn directly, without the buffering front "
                            "(only behind another buffering proxy)")
    serve.add_argument("--init", action="store_true",
                       help="first create what is missing: dev PKI, database, demo data")
    serve.set_defaults(run=_serve)

    pki = commands.add_parser("pki", help="the development PKI").add_subparsers(
        dest="pki_command", required=True, metavar="ACTION")
    init = pki.add_parser("init", help="create CA, server and sender certificates")
    init.add_argument("--force", action="store_true", help="replace existing keys")
    init.set_defaults(run=_pki_init)
    revoke = pki.add_parser("revoke", help="revoke a sender's certificate")
    revoke.add_argument("sender", nargs="?", help="sender id, e.g. wisa")
    revoke.add_argument("--cert", type=Path, help="or the certificate file")
    revoke.set_defaults(run=_pki_revoke)

    fixtures = commands.add_parser("fixtures", help="synthetic data").add_subparsers(
        dest="fixtures_command", required=True, metavar="ACTION")
    load = fixtures.add_parser("load", help="generate and load schools, senders, "
                                            "mandates and students")
    load.add_argument("--seed", type=int, default=2026)
    load.add_argument("--schools", type=int, default=12)
    load.add_argument("--students", type=int, default=200)
    load.set_defaults(run=_fixtures_load)

    contracts = commands.add_parser("contracts", help="published contracts").add_subparsers(
        dest="contracts_command", required=True, metavar="ACTION")
    export = contracts.add_parser("export", help="write wsdl/ and xsd/ from the service")
    export.add_argument("--root", type=Path, default=Path("."))
    export.set_defaults(run=_contracts_export)
    codes = contracts.add_parser("codes", help="print the table of exception codes (reST)")
    codes.set_defaults(run=_contracts_codes)


def _settings():
    from discimus_service.settings import configure
    return configure()


def _serve(args) -> int:
    from discimus_service import bootstrap
    settings = _settings()
    if args.init:
        bootstrap.ensure_ready(settings, progress=True)
    base = f"http://{args.host}:{args.port}"
    print(f"Discimus exchange emulator on {base}/  (database {settings.database_url})")
    from discimus_service.app import SERVICES
    for path in SERVICES:
        print(f"  WSDL: {base}{path}?wsdl")
    print(f"  PKI:  {settings.pki_dir} (server.pem, <sender>.pem/.key)")
    sys.stdout.flush()
    return bootstrap.run_gunicorn(settings, host=args.host, port=args.port,
                                  workers=args.workers, threads=args.threads,
                                  front=not args.no_front)


def _pki_init(args) -> int:
    from discimus_fixtures.senders import SENDER_IDS
    from discimus_service.security.pki import init_pki
    paths = init_pki(_settings().pki_dir, SENDER_IDS, force=args.force)
    print(f"development PKI in {paths.directory}: ca.pem, server.pem, "
          f"{len(SENDER_IDS)} sender certificates, crl.pem")
    return 0


def _pki_revoke(args) -> int:
    from discimus_service.security.pki import PkiPaths, load_certificate, revoke
    paths = PkiPaths(_settings().pki_dir)
    if not args.cert and not args.sender:
        print("give a sender id or --cert FILE", file=sys.stderr)
        return 2
    cert_path = args.cert or paths.sender_cert(args.sender)
    certificate = load_certificate(cert_path)
    revoke(paths, certificate)
    print(f"revoked serial {certificate.serial_number:x} ({cert_path}); running workers "
          "refuse it from their next request")
    return 0


def _fixtures_load(args) -> int:
    from discimus_service import bootstrap
    counts = bootstrap.load_fixtures(_settings(), seed=args.seed, schools=args.schools,
                                     students=args.students, progress=True)
    print("loaded: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


def _contracts_export(args) -> int:
    from discimus_service.contracts import export
    for path in export(args.root):
        print(f"wrote {path}")
    return 0


def _contracts_codes(args) -> int:
    from discimus_service.codes import code_table
    print(code_table())
    return 0
