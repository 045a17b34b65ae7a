"""``discimus client quality …``: quality feedback to the school (000 §1.5).

- ``enrolled``: the students enrolled on a day, as Discimus holds them
  (GeefIngeschrevenLeerlingen).
- ``compare``: your list (a CSV file) held against Discimus (VergelijkLeerlingen).
- ``problems``: open problems of the current enrollments (GeefOpenProblemen).
- ``absences``: half days the enrollment data no longer carry
  (GeefAfwezigheidsproblemen, on the absences service).
- ``thirty``: students at 30 problematic half days or more this school year
  (GeefLeerlingenMet30Problematisch, on the absences service).

Output, ``--json`` and exit codes are the ones of every ``discimus client`` command.
"""
from __future__ import annotations

import argparse
import datetime as dt

from discimus_client import results as r


def add_commands(sub, common) -> None:
    """Add ``quality`` under ``discimus client``; ``common`` adds the shared options."""
    quality = sub.add_parser("quality", help="quality feedback: enrolled students, "
                             "comparison, open problems")
    actions = quality.add_subparsers(dest="quality_command", required=True,
                                     metavar="ACTION")
    enrolled = actions.add_parser("enrolled", help="students enrolled on a day "
                                  "(GeefIngeschrevenLeerlingen)")
    common(enrolled)
    enrolled.add_argument("--on", type=_date, help="the day (default today)")
    enrolled.set_defaults(run=_run_enrolled)
    compare = actions.add_parser("compare", help="your list held against Discimus "
                                 "(VergelijkLeerlingen)")
    common(compare)
    compare.add_argument("--file", required=True, help="CSV with a header row: "
                         "stamnummer,insz,voornaam,naam,geboortedatum"
                         "[,administratieve_groep]")
    compare.add_argument("--on", type=_date, help="the day of the list (default today)")
    compare.set_defaults(run=_run_compare, parser=compare)
    problems = actions.add_parser("problems", help="open problems of the enrollments "
                                  "(GeefOpenProblemen)")
    common(problems)
    problems.add_argument("--on", type=_date, help="enrollments running on this day or "
                          "later (default today)")
    problems.set_defaults(run=_run_problems)
    absences = actions.add_parser("absences", help="half days the enrollments no longer "
                                  "carry (GeefAfwezigheidsproblemen)")
    common(absences)
    absences.set_defaults(run=_run_absences)
    thirty = actions.add_parser("thirty", help="students at 30 problematic half days or "
                                "more this school year (GeefLeerlingenMet30Problematisch)")
    common(thirty)
    thirty.set_defaults(run=_run_thirty)


def _run_enrolled(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.enrolled_students(args.institution, on=args.on,
                                                     referte=args.referte), render)


def _run_compare(args) -> int:
    from discimus_client.cli import _show
    from discimus_client.quality_messages import read_students
    try:
        students = read_students(args.file)
    except (OSError, ValueError) as problem:
        args.parser.error(str(problem))
    if not students:
        args.parser.error(f"{args.file}: no students")
    return _show(args, lambda c: c.compare_students(args.institution, students,
                                                    on=args.on, referte=args.referte),
                 render)


def _run_problems(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.open_problems(args.institution, on=args.on,
                                                 referte=args.referte), render)


def _run_absences(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.absence_problems(args.institution,
                                                    referte=args.referte), render)


def _run_thirty(args) -> int:
    from discimus_client.cli import _show
    from discimus_client.commands_absence_consult import render as render_counts
    return _show(args, lambda c: c.problematic_limit(args.institution,
                                                     referte=args.referte), render_counts)


def render(result: r.Result) -> str:
    """The text rendering of a quality-feedback result, for people."""
    from discimus_client.cli import render as render_common
    lines = [render_common(r.Result(result.referte, None, result.uitzonderingen))]
    inhoud = result.inhoud
    if isinstance(inhoud, r.EnrolledStudents):
        lines.append(f"  {len(inhoud.students)} students enrolled at "
                     f"{inhoud.institution_number} on {inhoud.on}:")
        for s in inhoud.students:
            lines.append(f"  {s.stamnummer}  {s.last_name}, {s.first_name}  born "
                         f"{s.birth_date}  INSZ {s.insz or 'pending'}  group "
                         f"{s.administrative_group}  from {s.start_date}"
                         + (f" to {s.end_date}" if s.end_date else ""))
    elif isinstance(inhoud, r.Comparison):
        lines.append(f"  {inhoud.compared} on your list, {inhoud.held} at Discimus on "
                     f"{inhoud.on}; {len(inhoud.differences)} differences")
        for d in inhoud.differences:
            if d.kind == "AFWIJKEND":
                lines.append(f"  {d.stamnummer}  {d.field} differs: yours "
                             f"{d.at_school or '(none)'!r}, Discimus "
                             f"{d.at_agodi or '(none)'!r}")
            elif d.kind == "ONTBREEKT_BIJ_AGODI":
                lines.append(f"  {d.stamnummer}  on your list, not enrolled at Discimus")
            else:
                lines.append(f"  {d.stamnummer}  enrolled at Discimus, not on your list")
    elif isinstance(inhoud, r.Problems):
        lines.append(f"  {len(inhoud.problems)} open problems at "
                     f"{inhoud.institution_number}" + (":" if inhoud.problems else ""))
        for p in inhoud.problems:
            period = f"{p.first or '?'} to {p.last or 'open'}"
            lines.append(f"  {p.stamnummer}  {p.kind}  {p.detail}  ({period})")
    return "\n".join(lines)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
