"""``discimus leerid …``: the LeerID Schoolloket, for testers (seed 003).

In reality the school's LeerID data manager switches class sharing on and off in
LeerID's web portal; here these commands do it, with the same rules (a director's
assignment valid today, the protocol accepted):

- ``directors --institution N``: the director's assignments (who is data manager when)
- ``status --institution N``: whether the school shares, since when, who switched it
- ``share --institution N --director P --accept-protocol``: switch sharing on
- ``stop --institution N --director P``: switch it off; the shared classes are removed

Exit codes as ``discimus client``: 0 done (or already so), 1 refused, 3 configuration.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json


def register(commands) -> None:
    leerid = commands.add_parser(
        "leerid", help="LeerID class sharing (the data manager's switch)").add_subparsers(
        dest="leerid_command", required=True, metavar="ACTION")
    for name, help_text, run in (
            ("directors", "the director's assignments of a school", _directors),
            ("status", "whether a school shares class information", _status),
            ("share", "switch class sharing on (the data manager)", _share),
            ("stop", "switch class sharing off and remove the classes", _stop)):
        p = leerid.add_parser(name, help=help_text)
        p.add_argument("--institution", required=True, help="the school's number")
        if name in ("share", "stop"):
            p.add_argument("--director", required=True, metavar="PERSON",
                           help="the data manager's person id (see `directors`)")
        if name == "share":
            p.add_argument("--accept-protocol", action="store_true",
                           help="accept the LeerID class-information protocol")
        p.add_argument("--json", action="store_true", help="print the result as JSON")
        p.set_defaults(run=run)


def _uow_factory():
    from discimus_service import preflight
    from discimus_service.persistence.database import make_engine
    from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
    from discimus_service.settings import configure
    settings = configure()
    preflight.check_database(settings)
    engine = make_engine(settings.database_url,
                         sqlite_synchronous=settings.sqlite_synchronous)
    return settings, lambda: SqlAlchemyUnitOfWork(engine)


def _now(settings) -> dt.datetime:
    now = dt.datetime.now(dt.timezone.utc)
    if settings.business_date is not None:     # the emulator's business date, if set
        now = dt.datetime.combine(settings.business_date, now.time(), dt.timezone.utc)
    return now


def _print(args, data, text: str) -> None:
    if args.json:
        print(json.dumps(data, default=str, indent=2))
    else:
        print(text)


def _refused(args, problem) -> int:
    _print(args, {"code": problem.code, "diagnose": problem.diagnose},
           f"[{problem.code}] {problem.diagnose}")
    return 1


def _directors(args) -> int:
    settings, factory = _uow_factory()
    with factory() as uow:
        directors = uow.class_info.directors(args.institution)
    today = _now(settings).date()
    rows = [{**dataclasses.asdict(d), "data_manager_today": d.covers(today)}
            for d in directors]
    if args.json:
        _print(args, rows, "")
        return 0
    from rich.console import Console
    from rich.table import Table
    table = Table(title=f"director's assignments of school {args.institution}")
    for column in ("person", "name", "from", "until", f"data manager on {today}"):
        table.add_column(column)
    for d in directors:
        table.add_row(d.person_id, d.name, str(d.valid_from), str(d.valid_to or "—"),
                      "yes" if d.covers(today) else "no")
    Console().print(table)
    return 0


def _status(args) -> int:
    from discimus_service.services.consult_classes import sharing_view
    _settings, factory = _uow_factory()
    with factory() as uow:
        view = sharing_view(uow, args.institution, uow.class_info.events(args.institution))
    _print(args, dataclasses.asdict(view), _sharing_text(view))
    return 0


def _share(args) -> int:
    from discimus_service.domain.errors import DomainError
    from discimus_service.services.class_sharing import switch_on
    settings, factory = _uow_factory()
    with factory() as uow:
        try:
            done = switch_on(uow, institution_number=args.institution,
                             person_id=args.director, accept_protocol=args.accept_protocol,
                             now=_now(settings))
        except DomainError as problem:
            return _refused(args, problem)
    text = _sharing_text(done.sharing) + ("" if done.changed else " (already so)")
    _print(args, {**dataclasses.asdict(done.sharing), "changed": done.changed}, text)
    return 0


def _stop(args) -> int:
    from discimus_service.domain.errors import DomainError
    from discimus_service.services.class_sharing import switch_off
    settings, factory = _uow_factory()
    with factory() as uow:
        try:
            done = switch_off(uow, institution_number=args.institution,
                              person_id=args.director, now=_now(settings))
        except DomainError as problem:
            return _refused(args, problem)
    text = _sharing_text(done.sharing) + (
        f"; {done.removed} students' classes removed" if done.changed else " (already so)")
    _print(args, {**dataclasses.asdict(done.sharing), "changed": done.changed,
                  "removed": done.removed}, text)
    return 0


def _sharing_text(view) -> str:
    if view.active:
        return (f"school {view.institution_number} shares class information with LeerID "
                f"since {view.since:%Y-%m-%d %H:%M} UTC (switched on by "
                f"{view.data_manager}, protocol {view.protocol_version})")
    if view.since is not None:
        return (f"school {view.institution_number} does not share class information "
                f"(stopped {view.since:%Y-%m-%d %H:%M} UTC by {view.data_manager})")
    return f"school {view.institution_number} has never shared class information"
