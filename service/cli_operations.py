"""``discimus audit``, ``discimus retention`` and ``discimus faults``: operating the
partner side (domain/audit.py, domain/retention.py).

They work on the database of the settings (``DISCIMUS_DATABASE_URL``), not over HTTP:
they are the operator's and tester's tools, like ``reset``. Readable rich tables, or
``--json``. Exit codes as every ``discimus`` command: 0 done, 3 usage.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json

from discimus_client.errors import ConfigurationError

SERVICE_HELP = ("a MAGDA service's Naam (e.g. GeefAantalAanwezigheden), or * for every "
                "MAGDA service")


def register(commands) -> None:
    audit = commands.add_parser(
        "audit", help="who consulted a student, or what a partner consulted",
        description="The audit of partner consultations through MAGDA: every answered "
                    "consultation with who, service, INSZ, when, the authorisation and "
                    "the names of the fields answered (never their values).")
    who = audit.add_mutually_exclusive_group(required=True)
    who.add_argument("--insz", help="who looked at this student (INSZ)")
    who.add_argument("--sender", help="what this partner looked at (e.g. groeipakket)")
    audit.add_argument("--limit", type=int, default=1000, help="at most this many (1000)")
    audit.add_argument("--json", action="store_true", help="print JSON")
    audit.set_defaults(run=_audit)

    retention = commands.add_parser(
        "retention", help="destroy data past their retention period").add_subparsers(
        dest="retention_command", required=True, metavar="ACTION")
    run = retention.add_parser(
        "run", help="purge absences, ended careers' identifiers, journal and audit "
                    "entries past 5 years (004 §71-73); reports counts per kind")
    run.add_argument("--dry-run", action="store_true", help="count only, change nothing")
    run.add_argument("--today", type=_day,
                     help="pretend today is this date (default DISCIMUS_BUSINESS_DATE, "
                          "else today)")
    run.add_argument("--json", action="store_true", help="print JSON")
    run.set_defaults(run=_retention)

    faults = commands.add_parser(
        "faults", help="make MAGDA services fail or slow down (testers)").add_subparsers(
        dest="faults_command", required=True, metavar="ACTION")
    add = faults.add_parser(
        "add", help="add a rule: unavailable (MAGDA 60006), busy (99996) or slow",
        description="Store a fault rule in the database; every worker applies it to "
                    "the next request: unavailable answers MAGDA 60006 'Geen antwoord van "
                    "de bron ontvangen', busy 99996 'Te veel gelijktijdige bevragingen' "
                    "(Oorsprong MAGDA), slow answers normally after --delay seconds.")
    add.add_argument("kind", choices=("unavailable", "busy", "slow"))
    add.add_argument("--service", default="*", help=SERVICE_HELP + " (default *)")
    add.add_argument("--insz", default="*", help="only for this INSZ (default * everyone)")
    add.add_argument("--delay", type=float, default=0.0,
                     help="seconds to wait before answering (slow; optional otherwise)")
    add.add_argument("--note", default="", help="why, shown in the Diagnose")
    add.add_argument("--json", action="store_true", help="print JSON")
    add.set_defaults(run=_faults_add)
    listing = faults.add_parser("list", help="the rules in force")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=_faults_list)
    clear = faults.add_parser("clear", help="remove rules (all without options)")
    clear.add_argument("--id", type=int, help="only this rule")
    clear.add_argument("--service", help="only the rules of this service (or *)")
    clear.add_argument("--insz", help="only the rules of this INSZ (or *)")
    clear.add_argument("--json", action="store_true", help="print JSON")
    clear.set_defaults(run=_faults_clear)


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _uow_factory():
    from discimus_service import preflight
    from discimus_service.persistence.database import make_engine
    from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
    from discimus_service.settings import configure
    settings = configure()
    preflight.check_database(settings)
    engine = make_engine(settings.database_url,
                         sqlite_synchronous=settings.sqlite_synchronous)
    return settings, (lambda **kw: SqlAlchemyUnitOfWork(engine, **kw))


def _print_json(value) -> None:
    print(json.dumps(value, default=str, indent=2))


def _table(title: str, columns: list[str], rows: list[list[str]], *,
           folding: tuple[str, ...] = ()) -> None:
    """A rich table under a one-line title; only the ``folding`` columns wrap."""
    from rich.console import Console
    from rich.table import Table
    table = Table(show_lines=False)
    for column in columns:
        if column in folding:
            table.add_column(column, overflow="fold")
        else:
            table.add_column(column, no_wrap=True)
    for row in rows:
        table.add_row(*row)
    console = Console(width=160)
    console.print(title, soft_wrap=True, highlight=False)   # a line, not wrapped
    console.print(table)


def _audit(args) -> int:
    import dataclasses

    from discimus_service.services import audit
    if args.limit < 1:
        raise ConfigurationError(f"--limit {args.limit}: give at least 1")
    _settings, uow_factory = _uow_factory()
    with uow_factory(read_only=True) as uow:
        entries = (audit.who_looked(uow, args.insz, args.limit) if args.insz else
                   audit.what_was_seen(uow, args.sender, args.limit))
    if args.json:
        _print_json([dataclasses.asdict(e) for e in entries])
        return 0
    title = (f"Who looked at INSZ {args.insz}" if args.insz else
             f"What {args.sender} looked at")
    _table(f"{title}: {len(entries)} consultation(s)",
           ["when (UTC)", "partner", "service", "INSZ", "authorisation", "fields answered"],
           [[f"{e.at:%Y-%m-%d %H:%M:%S}", f"{e.sender_id}\n{e.identification}",
             e.service, e.insz or "-",
             f"{e.deliberation or '-'} (capacity {e.capacity or '-'})",
             "\n".join(e.fields) or "-"] for e in entries],
           folding=("partner", "fields answered"))
    return 0


def _retention(args) -> int:
    import dataclasses

    from discimus_service.services.retention import run_retention
    settings, uow_factory = _uow_factory()
    today = args.today or settings.today(dt.datetime.now(dt.timezone.utc))
    with uow_factory() as uow:
        report = run_retention(uow, today, dry_run=args.dry_run)
    if args.json:
        _print_json(dataclasses.asdict(report))
        return 0
    verb = "would remove (dry run, nothing changed)" if report.dry_run else "removed"
    _table(f"Retention on {today}: everything dated before {report.cutoff} {verb}",
           ["kind", "count"],
           [["absences (half days, 004 §71)", str(report.absences)],
            ["ended school careers (004 §72)", str(report.careers)],
            ["  their enrollments with identifiers", str(report.enrollments)],
            *[[f"  their rows in {name}", str(count)]
              for name, count in report.person_rows.items()],
            ["journal entries", str(report.journal_entries)],
            ["audit entries", str(report.audit_entries)]])
    return 0


def _rule_dict(rule) -> dict:
    return {"id": rule.id, "kind": rule.kind.value, "service": rule.service,
            "insz": rule.insz, "delay_seconds": rule.delay_seconds, "note": rule.note}


def _faults_add(args) -> int:
    from discimus_service.domain.audit import FaultKind, FaultRule
    from discimus_service.domain.errors import DomainError
    from discimus_service.services import fault_injection
    _check_service(args.service)
    _settings, uow_factory = _uow_factory()
    rule = FaultRule(args.service, args.insz, FaultKind(args.kind), args.delay, args.note)
    try:
        with uow_factory() as uow:
            rule_id = fault_injection.add_rule(uow, rule, dt.datetime.now(dt.timezone.utc))
    except (ValueError, DomainError) as error:
        raise ConfigurationError(getattr(error, "diagnose", None) or str(error)) from None
    if args.json:
        _print_json({**_rule_dict(rule), "id": rule_id})
    else:
        print(f"fault rule {rule_id}: {args.kind} for {args.service} and "
              f"{'every INSZ' if args.insz == '*' else 'INSZ ' + args.insz}"
              + (f", after {args.delay:g} s" if args.delay else "")
              + "; clear it with `discimus faults clear --id " + f"{rule_id}`")
    return 0


def _faults_list(args) -> int:
    _settings, uow_factory = _uow_factory()
    with uow_factory(read_only=True) as uow:
        rules = uow.fault_rules.all()
    if args.json:
        _print_json([_rule_dict(r) for r in rules])
        return 0
    _table(f"Fault rules in force: {len(rules)}",
           ["id", "kind", "service", "INSZ", "delay (s)", "note"],
           [[str(r.id), r.kind.value, r.service, r.insz, f"{r.delay_seconds:g}", r.note]
            for r in rules])
    return 0


def _faults_clear(args) -> int:
    from discimus_service.services import fault_injection
    _settings, uow_factory = _uow_factory()
    with uow_factory() as uow:
        removed = fault_injection.clear_rules(uow, rule_id=args.id, service=args.service,
                                              insz=args.insz)
    if args.json:
        _print_json({"removed": removed})
    else:
        print(f"removed {removed} fault rule(s)")
    return 0


def _check_service(name: str) -> None:
    from discimus_service.soap.magda.catalogue import SERVICES
    known = sorted({s.naam for s in SERVICES})
    if name != "*" and name not in known:
        raise ConfigurationError(f"--service {name!r} is no MAGDA service here: give one "
                                 f"of {', '.join(known)}, or *")
