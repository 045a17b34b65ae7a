"""The emulator's own ``discimus`` commands: serve, reset, pki, fixtures, contracts.

Importable with the client-only install (standard library only at import time), so
``discimus`` can list these commands and say how to install what they need.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from discimus_client.errors import ConfigurationError

# What the emulator's commands import (the ``server`` extra of setup.cfg).
SERVER_MODULES = ("spyne", "sqlalchemy", "alembic", "stdnum", "faker", "gunicorn", "rich")


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

    reset = commands.add_parser(
        "reset", help="demo data back to its seed (PKI and installation kept)",
        description="Empty the database, journal included, and load the demo data again, "
                    "in one transaction. The PKI, the keys vendors copied and the "
                    "installation stay. Meant for a stopped server; a running one sees the "
                    "old data or the new, never half (see README, Walk-through).")
    reset.add_argument("--seed", type=int, default=2026, help="fixture seed (2026)")
    reset.add_argument("--schools", type=int, default=12, help="schools to generate (12)")
    reset.add_argument("--students", type=int, default=200,
                       help="students to generate (200)")
    reset.set_defaults(run=_reset)

    pki = commands.add_parser("pki", help="the development PKI").add_subparsers(
        dest="pki_command", required=True, metavar="ACTION")
    init = pki.add_parser("init", help="create CA, server and sender certificates")
    init.add_argument("--force", action="store_true", help="replace existing keys")
    init.add_argument("--server-key", choices=("rsa", "ec"), default=None,
                      help="the key that signs answers: rsa (RSA-2048, RSA-SHA256: what "
                           "the WSDL's policy names, verifiable by every stack; the "
                           "default for a new PKI) or ec (P-256, ECDSA-SHA256: faster, "
                           "but WCF and policy-enforcing CXF cannot verify it). Given, a "
                           "server key of the other type is replaced; not given, the "
                           "existing one is kept")
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

    identifiers = commands.add_parser(
        "identifiers", help="the administration's INSZ look-up").add_subparsers(
        dest="identifiers_command", required=True, metavar="ACTION")
    screen = identifiers.add_parser(
        "screen", help="match students without INSZ; pseudo numbers past the grace period",
        description="The administration's screening (002 §2.5) over both channels: a "
                    "student without (valid) INSZ that matches one person another "
                    "institution sent gets that number; one that matches nobody "
                    "--grace-days after its registration date gets a pseudo number; an "
                    "ambiguous one gets nothing. What was given is never given twice. "
                    "Institutions fetch the result with GeefIdentificatienummers.")
    screen.add_argument("--grace-days", type=int, default=30,
                        help="days after the registration date before a pseudo number (30)")
    screen.add_argument("--json", action="store_true", help="print the outcome as JSON")
    screen.set_defaults(run=_identifiers_screen)

    contracts = commands.add_parser("contracts", help="published contracts").add_subparsers(
        dest="contracts_command", required=True, metavar="ACTION")
    export = contracts.add_parser("export", help="write wsdl/ and xsd/ from the service")
    export.add_argument("--root", type=Path, default=Path("."))
    export.set_defaults(run=_contracts_export)
    codes = contracts.add_parser("codes", help="print the table of exception codes (reST)")
    codes.set_defaults(run=_contracts_codes)
    admission = contracts.add_parser("admission", help="print the admission rules of "
                                     "message type 4 (reST)")
    admission.set_defaults(run=_contracts_admission)

    from discimus_service.commands_leerid import register as add_leerid_commands
    add_leerid_commands(commands)

    from discimus_service import cli_operations    # audit, retention, faults
    cli_operations.register(commands)

    from discimus_service import partners_cli
    partners_cli.register(commands)


def install_hint(extras: str = "server") -> str:
    """How to install an extra: there is no package index with the emulator on it."""
    root = Path(__file__).resolve().parent.parent
    if (root / "setup.cfg").exists():       # an editable install: this checkout
        return f"pip install '{root}[{extras}]'"
    try:
        from importlib.metadata import version
        wheel = f"discimus_emulator-{version('discimus-emulator')}-py3-none-any.whl"
    except Exception:       # not installed as a distribution at all
        wheel = "discimus_emulator-VERSION-py3-none-any.whl"
    return (f"pip install '/path/to/checkout[{extras}]' (from the checkout) or "
            f"pip install '{wheel}[{extras}]' (from the wheel)")


def require_server_extra(command: str) -> None:
    """Before anything is printed: are the emulator's libraries installed?

    :raises ConfigurationError: one is missing (the client-only install).
    """
    missing = [name for name in SERVER_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        raise ConfigurationError(
            f"`discimus {command}` runs the emulator, which needs the server extra "
            f"({', '.join(missing)} not installed): {install_hint()}")


def _settings():
    from discimus_service.settings import configure
    return configure()


def _serve(args) -> int:
    from discimus_service import bootstrap
    from discimus_service.preflight import database_has_senders, shown_url
    from discimus_service.settings import non_defaults
    settings = _settings()
    for name in unknown_variables():
        print(f"warning: {name} is not a setting and is ignored (see README, "
              f"Configuration)", file=sys.stderr)
    _check_serve_options(args)
    if args.init:
        bootstrap.ensure_ready(settings, progress=True)
    bootstrap.check_ready(settings)
    if not database_has_senders(settings):
        print("warning: the database has no vendors or agencies, so every message gets "
              "S145: load the demo data with `discimus reset`, or start with --init",
              file=sys.stderr)
    bootstrap.check_port(args.host, args.port)
    base = f"http://{args.host}:{args.port}"
    print(f"Discimus exchange emulator on {base}/  "
          f"(database {shown_url(settings.database_url)})")
    from discimus_service.app import SERVICES
    from discimus_service.soap.magda import catalogue as magda
    for path in SERVICES:
        print(f"  WSDL: {base}{path}?wsdl")
    for service in magda.SERVICES:
        print(f"  MAGDA WSDL: {base}{service.path}?wsdl")
    print(f"  MAGDA endpoint (every partner service): {base}{magda.SHARED_PATHS[0]}")
    print(f"  PKI:  {settings.pki_dir} (server.pem, <sender>.pem/.key); answers signed "
          f"{_answer_signature(settings.pki_dir)}")
    for name, value in non_defaults(settings).items():
        print(f"  {name}={value}")
    sys.stdout.flush()
    return bootstrap.run_gunicorn(settings, host=args.host, port=args.port,
                                  workers=args.workers, threads=args.threads,
                                  front=not args.no_front)


def _check_serve_options(args) -> None:
    if not 0 < args.port < 65536:
        raise ConfigurationError(f"--port {args.port} is not a TCP port: give 1 to 65535")
    for option in ("workers", "threads"):
        if getattr(args, option) < 1:
            raise ConfigurationError(f"--{option} {getattr(args, option)}: give at least 1")


def unknown_variables(env=None) -> list[str]:
    """``DISCIMUS_*`` variables nothing reads: most likely a misspelt setting."""
    import os

    from discimus_service.settings import VARIABLES
    known = {*VARIABLES, "DISCIMUS_URL", "DISCIMUS_TEST_POSTGRES"}
    env = os.environ if env is None else env
    return sorted(name for name in env
                  if name.startswith("DISCIMUS_") and name not in known)


def _answer_signature(directory) -> str:
    """How answers are signed, for the banner: an EC key explains a WCF refusal."""
    from discimus_service.security.pki import PkiPaths, key_type_of
    key_type = key_type_of(PkiPaths(directory).server_key)
    if key_type == "rsa":
        return "RSA-SHA256"
    if key_type == "ec":
        return ("ECDSA-SHA256 (WCF and policy-enforcing CXF cannot verify it: "
                "`discimus pki init --server-key rsa`)")
    raise ConfigurationError(f"{PkiPaths(directory).server_key} is neither an RSA nor an "
                             f"EC key: `discimus pki init --server-key rsa` replaces it")


def _pki_init(args) -> int:
    from discimus_fixtures.senders import SENDER_IDS
    from discimus_service.security.pki import PkiPaths, init_pki
    directory = _settings().pki_dir
    before = PkiPaths(directory)
    had_ca = before.ca_cert.exists()
    old_server = before.server_cert.read_bytes() if before.server_cert.exists() else None
    paths = init_pki(directory, SENDER_IDS, force=args.force,
                     server_key_type=args.server_key)
    print(f"development PKI in {paths.directory}: ca.pem, server.pem, "
          f"{len(SENDER_IDS)} sender certificates, crl.pem; answers signed "
          f"{_answer_signature(paths.directory)}")
    if args.force or not had_ca:
        # Loudly: certificates from an earlier CA now get S141 everywhere.
        print(f"NEW CA in {paths.directory}: certificates issued by any earlier CA are "
              f"refused (S141); vendors must copy their new <sender>.pem/.key and "
              f"server.pem", file=sys.stderr)
    elif old_server is not None and paths.server_cert.read_bytes() != old_server:
        # Clients pin server.pem: until they copy the new one, every answer fails S170.
        print(f"NEW server key in {paths.directory}: vendors must copy the new server.pem "
              f"(their own keys stay valid)", file=sys.stderr)
    return 0


def _pki_revoke(args) -> int:
    from discimus_service.security.pki import PkiPaths, load_certificate, revoke
    paths = PkiPaths(_settings().pki_dir)
    if not args.cert and not args.sender:
        raise ConfigurationError("give a sender id or --cert FILE")
    cert_path = args.cert or paths.sender_cert(args.sender)
    if not Path(cert_path).is_file():
        raise ConfigurationError(f"no certificate {cert_path}: give a sender id of the "
                                 f"PKI in {paths.directory} or --cert FILE")
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


def _reset(args) -> int:
    from discimus_service import bootstrap
    from discimus_service.preflight import shown_url
    settings = _settings()
    counts = bootstrap.load_fixtures(settings, seed=args.seed, schools=args.schools,
                                     students=args.students, progress=True,
                                     empty_first=True)
    print(f"{shown_url(settings.database_url)} emptied and reloaded (seed {args.seed}): "
          + ", ".join(f"{k} {v}" for k, v in counts.items())
          + f"; PKI in {settings.pki_dir} kept")
    return 0


def _identifiers_screen(args) -> int:
    import datetime as dt
    import json

    from discimus_service.persistence.database import make_engine, migrate
    from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
    from discimus_service.services.screen_identification_numbers import screen
    if args.grace_days < 0:
        raise ConfigurationError("--grace-days cannot be negative")
    settings = _settings()
    engine = make_engine(settings.database_url)
    try:
        migrate(engine)
        today = settings.today(dt.datetime.now(dt.timezone.utc))
        with SqlAlchemyUnitOfWork(engine) as uow:
            report = screen(uow, today=today, grace_days=args.grace_days)
    finally:
        engine.dispose()
    if args.json:
        print(json.dumps({"today": today.isoformat(), "outcomes": {
            k: [dict(zip(("channel", "institution", "stamnummer", "insz"), row))
                for row in rows] for k, rows in report.outcomes.items()}}, indent=2))
        return 0
    names = {"supplied": "number supplied (matched)", "pseudo": "pseudo number created",
             "ambiguous": "ambiguous, nothing guessed", "waiting": "no match yet, waiting",
             "known": "number given before"}
    channels = {"S": "school", "D": "academy"}
    print(f"screened on {today}: " + (", ".join(
        f"{len(rows)} {names[k]}" for k, rows in report.outcomes.items())
        or "no student without a number"))
    for outcome in ("supplied", "pseudo", "ambiguous"):
        for channel, institution, stamnummer, number in report.outcomes.get(outcome, ()):
            print(f"  {channels[channel]} {institution} stamnummer {stamnummer}: "
                  f"{names[outcome]}" + (f" {number}" if number else ""))
    return 0


def _contracts_export(args) -> int:
    from discimus_service.contracts import export
    for path in export(args.root):
        print(f"wrote {path}")
    return 0


def _contracts_admission(args) -> int:
    from discimus_service.admission_table import admission_table
    print(admission_table())
    return 0


def _contracts_codes(args) -> int:
    from discimus_service.codes import code_table
    print(code_table())
    return 0
