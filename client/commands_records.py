"""``discimus client measures|support|refusals …``: message types 5, 6 and 8.

Each group has the same four actions, one per operation of its contract:

- ``register`` (``--correct`` sends the correction instead),
- ``cancel``, naming the record by its key,
- ``list``, the school's registrations (``--school-year`` for one school year).

Output, ``--json`` and exit codes are the ones of every ``discimus client`` command.
"""
from __future__ import annotations

import argparse
import datetime as dt

from discimus_client import results as r


def add_commands(sub, common) -> None:
    """Add the three groups under ``discimus client``; ``common`` adds shared options."""
    _measures(_group(sub, "measures", "disciplinary measures (message type 5)"), common)
    _support(_group(sub, "support", "supported students, support model types 2, 4, 6 "
                    "and 7 (message type 6)"), common)
    _refusals(_group(sub, "refusals", "refused and dissolved enrollments, MNGI (message "
                     "type 8)"), common)


def _group(sub, name: str, help_text: str):
    parser = sub.add_parser(name, help=help_text)
    return parser.add_subparsers(dest=f"{name}_command", required=True, metavar="ACTION")


def _action(actions, common, name: str, help_text: str, run):
    p = actions.add_parser(name, help=help_text)
    common(p)
    p.set_defaults(run=run, parser=p)
    return p


def _listing(actions, common, help_text: str, run) -> None:
    p = _action(actions, common, "list", help_text, run)
    p.add_argument("--school-year", type=int, metavar="YEAR",
                   help="only this school year, by its first year (2026: 2026-2027)")


def _student(p, *, insz_required: bool) -> None:
    p.add_argument("--stamnummer", required=True, help="the student's stamnummer")
    p.add_argument("--insz", required=insz_required, help="the student's INSZ")
    p.add_argument("--student-id", help="Unieke Identificator Leerling in your package "
                   "(default: the stamnummer)")


# -- message type 5 ------------------------------------------------------------------------
def _measures(actions, common) -> None:
    reg = _action(actions, common, "register", "register a disciplinary measure "
                  "(RegistreerTuchtmaatregel)", _run_measure)
    _student(reg, insz_required=True)
    reg.add_argument("--type", required=True, choices=("PS", "TU", "DU"),
                     help="PS preventive suspension, TU temporary exclusion, DU "
                     "definitive exclusion")
    reg.add_argument("--from", dest="start", required=True, type=_date,
                     help="first day of the measure")
    reg.add_argument("--to", dest="end", type=_date, help="last day (not for DU)")
    reg.add_argument("--correct", action="store_true",
                     help="send CorrigeerTuchtmaatregel instead")
    cancel = _action(actions, common, "cancel", "cancel a registered measure "
                     "(AnnuleerTuchtmaatregel)", _run_measure_cancel)
    cancel.add_argument("--stamnummer", required=True, help="the student's stamnummer")
    cancel.add_argument("--type", required=True, choices=("PS", "TU", "DU"),
                        help="the type of the registered measure")
    cancel.add_argument("--from", dest="start", required=True, type=_date,
                        help="its first day")
    _listing(actions, common, "the school's registered measures (GeefTuchtmaatregelen)",
             _run_measures)


def _run_measure(args) -> int:
    from discimus_client.cli import _show
    measure = r.Measure(args.institution, args.student_id or args.stamnummer,
                        args.stamnummer, args.insz, args.type, args.start, args.end)
    send = "correct_measure" if args.correct else "register_measure"
    return _show(args, lambda c: getattr(c, send)(measure, referte=args.referte), render)


def _run_measure_cancel(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.cancel_measure(
        args.institution, args.stamnummer, args.type, args.start, referte=args.referte),
        render)


def _run_measures(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.measures(args.institution, school_year=args.school_year,
                                            referte=args.referte), render)


# -- message type 6 ------------------------------------------------------------------------
def _support(actions, common) -> None:
    reg = _action(actions, common, "register", "register a supported student "
                  "(RegistreerOndersteuning)", _run_support)
    _student(reg, insz_required=False)
    reg.add_argument("--from", dest="start", required=True, type=_date,
                     help="first day of the support (2019-2020 to 2022-2023)")
    reg.add_argument("--supporting", required=True,
                     help="institution number of the supporting special-needs school")
    reg.add_argument("--correct", action="store_true",
                     help="send CorrigeerOndersteuning instead")
    cancel = _action(actions, common, "cancel", "cancel a student's support of a school "
                     "year (AnnuleerOndersteuning)", _run_support_cancel)
    cancel.add_argument("--stamnummer", required=True, help="the student's stamnummer")
    cancel.add_argument("--from", dest="start", required=True, type=_date,
                        help="a day of the school year")
    _listing(actions, common, "supported students the school registered or supports "
             "(GeefOndersteundeLeerlingen)", _run_supported)


def _run_support(args) -> int:
    from discimus_client.cli import _show
    support = r.SupportedStudent(args.institution, args.student_id or args.stamnummer,
                                 args.stamnummer, args.start, args.supporting, args.insz)
    send = "correct_support" if args.correct else "register_support"
    return _show(args, lambda c: getattr(c, send)(support, referte=args.referte), render)


def _run_support_cancel(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.cancel_support(
        args.institution, args.stamnummer, args.start, referte=args.referte), render)


def _run_supported(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.supported_students(
        args.institution, school_year=args.school_year, referte=args.referte), render)


# -- message type 8 ------------------------------------------------------------------------
def _refusals(actions, common) -> None:
    reg = _action(actions, common, "register", "register a refused or dissolved "
                  "enrollment (RegistreerWeigering)", _run_refusal)
    reg.add_argument("--insz", required=True, help="the student's INSZ")
    reg.add_argument("--kind", required=True, choices=("W", "O"),
                     help="W refused enrollment, O dissolved enrollment (unreasonable "
                     "adaptations; de-register it with reason O first)")
    reg.add_argument("--date", required=True, type=_date, help="the day")
    reg.add_argument("--stamnummer", help="the dissolved enrollment's stamnummer (O)")
    reg.add_argument("--student-id", help="Unieke Identificator Leerling in your package "
                     "(default: the stamnummer, else the INSZ)")
    reg.add_argument("--correct", action="store_true",
                     help="send CorrigeerWeigering instead")
    cancel = _action(actions, common, "cancel", "cancel a registered refusal "
                     "(AnnuleerWeigering)", _run_refusal_cancel)
    cancel.add_argument("--insz", required=True, help="the student's INSZ")
    cancel.add_argument("--date", required=True, type=_date, help="the registered day")
    _listing(actions, common, "the school's registered refusals (GeefWeigeringen)",
             _run_refusals)


def _run_refusal(args) -> int:
    from discimus_client.cli import _show
    refusal = r.Refusal(args.institution, args.student_id or args.stamnummer or args.insz,
                        args.insz, args.kind, args.date, args.stamnummer)
    send = "correct_refusal" if args.correct else "register_refusal"
    return _show(args, lambda c: getattr(c, send)(refusal, referte=args.referte), render)


def _run_refusal_cancel(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.cancel_refusal(args.institution, args.insz, args.date,
                                                  referte=args.referte), render)


def _run_refusals(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.refusals(args.institution, school_year=args.school_year,
                                            referte=args.referte), render)


# -- output --------------------------------------------------------------------------------
MEASURE_NAMES = {"PS": "preventive suspension", "TU": "temporary exclusion",
                 "DU": "definitive exclusion"}
REFUSAL_NAMES = {"W": "refused enrollment", "O": "dissolved enrollment"}


def line(record) -> str:
    """One record, for people."""
    if isinstance(record, r.Measure):
        until = f" to {record.end_date}" if record.end_date else " (no end date)"
        return (f"{MEASURE_NAMES.get(record.type, record.type)} ({record.type}) from "
                f"{record.start_date}{until}  stamnummer {record.stamnummer}  INSZ "
                f"{record.insz}  (student id {record.student_id})")
    if isinstance(record, r.SupportedStudent):
        return (f"supported from {record.start_date} by {record.supporting_institution}"
                f"  stamnummer {record.stamnummer} at {record.institution_number}  INSZ "
                f"{record.insz or '-'}  (student id {record.student_id})")
    stamnummer = f"  stamnummer {record.stamnummer}" if record.stamnummer else ""
    return (f"{REFUSAL_NAMES.get(record.kind, record.kind)} ({record.kind}) on "
            f"{record.date}  INSZ {record.insz}{stamnummer}  (student id "
            f"{record.student_id})")


def render(result: r.Result) -> str:
    """The text rendering of a record result, for people."""
    from discimus_client.cli import render as render_common
    lines = [render_common(r.Result(result.referte, None, result.uitzonderingen))]
    inhoud = result.inhoud
    if isinstance(inhoud, r.RecordProcessed):
        lines.append(f"  {inhoud.outcome}: {line(inhoud.record)}")
    elif isinstance(inhoud, list):
        lines += [f"  {line(item)}" for item in inhoud] or ["  none"]
    return "\n".join(lines)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
