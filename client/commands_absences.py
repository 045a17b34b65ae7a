"""``discimus client absences …``: message type 2 from the command line.

- ``register``: half days of one student over a period (weekdays), or any half days
  given one by one with ``--item``; sent as one message, all or nothing.
- ``cancel``: the same selection, cancelled.
- ``list``: the school's own registrations, every page (``--first-page-only`` to stop).
- ``problematic``: its students' problematic half days (B) at other schools.

Output, ``--json`` and exit codes are the ones of every ``discimus client`` command.
"""
from __future__ import annotations

import argparse
import datetime as dt

from discimus_client import results as r

HALF_DAYS = ("VM", "NM")


def add_commands(sub, common) -> None:
    """Add ``absences`` under ``discimus client``; ``common`` adds the shared options."""
    absences = sub.add_parser("absences", help="absences per half day (message type 2)")
    actions = absences.add_subparsers(dest="absences_command", required=True,
                                      metavar="ACTION")
    reg = actions.add_parser("register", help="register or correct half days of "
                             "absence (RegistreerAfwezigheden)")
    common(reg)
    _selection(reg, with_code=True)
    reg.set_defaults(run=_run_register, parser=reg)
    cancel = actions.add_parser("cancel", help="cancel registered half days "
                                "(AnnuleerAfwezigheden)")
    common(cancel)
    _selection(cancel, with_code=False)
    cancel.set_defaults(run=_run_cancel, parser=cancel)
    listing = actions.add_parser("list", help="the school's own registrations "
                                 "(GeefAfwezigheden)")
    common(listing)
    listing.add_argument("--stamnummer", help="only this student")
    listing.add_argument("--from", dest="first", type=_date, help="from this day")
    listing.add_argument("--to", dest="last", type=_date, help="up to this day")
    listing.add_argument("--first-page-only", action="store_true",
                         help="stop after the first page (500 half days)")
    listing.set_defaults(run=_run_list)
    problematic = actions.add_parser(
        "problematic", help="problematic half days (B) of the school's students at "
        "other schools, this and last school year (GeefProblematischeAfwezigheden)")
    common(problematic)
    problematic.add_argument("--stamnummer", help="only this student")
    problematic.set_defaults(run=_run_problematic)
    from discimus_client import commands_absence_consult
    commands_absence_consult.add_actions(actions, common)


def _selection(p, *, with_code: bool) -> None:
    p.add_argument("--stamnummer", help="the student (with --date)")
    p.add_argument("--student-id", help="Unieke Identificator Leerling in your package "
                   "(default: the stamnummer)")
    p.add_argument("--date", type=_date, help="the (first) day")
    p.add_argument("--to", type=_date, help="the last day: every weekday from --date")
    p.add_argument("--half", choices=HALF_DAYS + ("day",), default="day",
                   help="VM morning, NM afternoon, day both (default)")
    if with_code:
        p.add_argument("--code", help="A, M, R, Z, H, P or B (N, X: 2020-2022 only)")
        p.add_argument("--sick-note", action="store_true",
                       help="with --code Z and --stamnummer/--date: covered by a note "
                       "of the parents, not a medical certificate (ZonderMedischAttest)")
    p.add_argument("--item", action="append", default=[], metavar=(
        "STAMNUMMER,DATE,HALF,CODE" if with_code else "STAMNUMMER,DATE,HALF"),
        help="one more half day, repeatable (the student id is the stamnummer)")


def half_days_of(args, *, with_code: bool) -> list[r.HalfDayAbsence]:
    """The half days the options select, in order.

    :raises SystemExit: (through argparse, exit status 2) an incomplete or malformed
        selection.
    """
    out: list[r.HalfDayAbsence] = []
    code = getattr(args, "code", None)
    sick_note = bool(getattr(args, "sick_note", False))
    if args.date is not None or args.stamnummer is not None:
        if args.date is None or args.stamnummer is None or (with_code and not code):
            args.parser.error("give --stamnummer, --date" + (" and --code" if with_code
                                                               else "") + " together")
        last = args.to or args.date
        day = args.date
        halves = HALF_DAYS if args.half == "day" else (args.half,)
        while day <= last:
            if args.to is None or day.weekday() < 5:     # a period: weekdays only
                out += [r.HalfDayAbsence(args.student_id or args.stamnummer,
                                         args.stamnummer, day, h, code,
                                         without_certificate=sick_note) for h in halves]
            day += dt.timedelta(days=1)
    for text in args.item:
        parts = [p.strip() for p in text.split(",")]
        if len(parts) != (4 if with_code else 3):
            args.parser.error(f"--item {text!r}: expected STAMNUMMER,DATE,HALF"
                              + (",CODE" if with_code else ""))
        try:
            day = dt.date.fromisoformat(parts[1])
        except ValueError:
            args.parser.error(f"--item {text!r}: {parts[1]!r} is not a date (YYYY-MM-DD)")
        out.append(r.HalfDayAbsence(parts[0], parts[0], day, parts[2].upper(),
                                    parts[3].upper() if with_code else None))
    if not out:
        args.parser.error("nothing to send: give --stamnummer and --date, or --item")
    return out


def _run_register(args) -> int:
    from discimus_client.cli import _show
    items = half_days_of(args, with_code=True)
    return _show(args, lambda c: c.register_absences(args.institution, items,
                                                     referte=args.referte), render)


def _run_cancel(args) -> int:
    from discimus_client.cli import _show
    items = half_days_of(args, with_code=False)
    return _show(args, lambda c: c.cancel_absences(args.institution, items,
                                                   referte=args.referte), render)


def _run_list(args) -> int:
    from discimus_client.cli import _show, every_page
    return _show(args, lambda c: every_page(
        lambda vervolg: c.absences(args.institution, stamnummer=args.stamnummer,
                                   first=args.first, last=args.last, continuation=vervolg,
                                   referte=None if vervolg else args.referte),
        first_page_only=args.first_page_only), render)


def _run_problematic(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.problematic_absences(
        args.institution, stamnummer=args.stamnummer, referte=args.referte), render)


def render(result: r.Result) -> str:
    """The text rendering of an absence result, for people."""
    from discimus_client.cli import render as render_common
    lines = [render_common(r.Result(result.referte, None, result.uitzonderingen))]
    inhoud = result.inhoud
    if isinstance(inhoud, r.AbsencesProcessed):
        lines.append(f"  school {inhoud.institution_number}: {inhoud.new} new, "
                     f"{inhoud.replaced} changed, {inhoud.unchanged} unchanged, "
                     f"{inhoud.cancelled} cancelled half days")
    elif inhoud and isinstance(inhoud[0], r.ProblematicAbsences):
        for p in inhoud:
            lines.append(f"  stamnummer {p.stamnummer} (INSZ {p.insz}): {p.half_days} "
                         f"B half days at {p.other_institution_number} in "
                         f"{p.school_year}-{p.school_year + 1}")
    elif isinstance(inhoud, list):
        if not inhoud:
            lines.append("  none")
        for a in inhoud:
            lines.append(f"  {a.date} {a.half_day}  {a.code}  stamnummer {a.stamnummer}"
                         f"  (student id {a.student_id})"
                         + ("  sick note, no certificate" if a.without_certificate
                            else ""))
        if result.continuation:
            lines.append("  … more follow (without --first-page-only every page is shown)")
    return "\n".join(lines)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
