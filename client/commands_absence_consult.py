"""``discimus client absences counts | nursery``: the consultations of issue 6.

- ``counts``: the school's students' problematic half days (B) and sick notes without a
  medical certificate this school year, at every school they attended
  (GeefDoorlopendeTellingen: what carries over on a change of school).
(``discimus client quality thirty``, GeefLeerlingenMet30Problematisch, is rendered here
too.)
- ``nursery``: a basic school's students' half days of nursery attendance in a school
  year and the language-test threshold (GeefKleuterparticipatie).

Output, ``--json`` and exit codes are the ones of every ``discimus client`` command.
"""
from __future__ import annotations

from discimus_client import results as r


def add_actions(actions, common) -> None:
    """Add the two consultations under ``discimus client absences``."""
    counts = actions.add_parser(
        "counts", help="problematic half days and sick notes without a medical "
        "certificate this school year, over every school attended "
        "(GeefDoorlopendeTellingen)")
    common(counts)
    counts.add_argument("--stamnummer", help="only this student")
    counts.add_argument("--school-year", type=int, metavar="YEAR",
                        help="the previous school year's starting year instead of the "
                        "current one")
    counts.set_defaults(run=_run_counts)
    nursery = actions.add_parser(
        "nursery", help="half days of nursery attendance and the language-test "
        "threshold (GeefKleuterparticipatie)")
    common(nursery)
    nursery.add_argument("--stamnummer", help="only this student")
    nursery.add_argument("--school-year", type=int, metavar="YEAR",
                         help="the starting year, e.g. 2025 for 2025-2026 (default: the "
                         "previous school year)")
    nursery.set_defaults(run=_run_nursery)


def _run_counts(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.running_counts(
        args.institution, stamnummer=args.stamnummer, school_year=args.school_year,
        referte=args.referte), render)


def _run_nursery(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.nursery_attendance(
        args.institution, stamnummer=args.stamnummer, school_year=args.school_year,
        referte=args.referte), render)


def render(result: r.Result) -> str:
    """The text rendering of these consultations, for people."""
    from discimus_client.cli import render as render_common
    lines = [render_common(r.Result(result.referte, None, result.uitzonderingen))]
    inhoud = result.inhoud
    if isinstance(inhoud, r.SchoolYearCounts):
        lines.append(f"  school {inhoud.institution_number}, school year "
                     f"{_year(inhoud.school_year)}:")
        if not inhoud.students:
            lines.append("  none")
        for s in inhoud.students:
            marks = ([f"30 reached on {s.thirtieth_on}"] if s.problematic_limit_reached
                     else []) + (["more than 4 sick notes"] if s.sick_notes_over_limit
                                 else [])
            lines.append(f"  stamnummer {s.stamnummer} (INSZ {s.insz or '-'}): "
                         f"{s.problematic_half_days} B half days, "
                         f"{_notes(s.sick_notes)} without certificate"
                         + (f"  [{'; '.join(marks)}]" if marks else ""))
            for c in s.schools:
                lines.append(f"      at {c.institution_number}: {c.problematic_half_days}"
                             f" B, {_notes(c.sick_notes)}")
    elif isinstance(inhoud, r.ThirtyList):
        lines.append(f"  school {inhoud.institution_number}, students at 30 problematic "
                     f"half days or more in {_year(inhoud.school_year)}:")
        if not inhoud.students:
            lines.append("  none")
        for s in inhoud.students:
            shares = ", ".join(f"{c.problematic_half_days} at {c.institution_number}"
                               for c in s.schools)
            lines.append(f"  stamnummer {s.stamnummer} (INSZ {s.insz or '-'}): "
                         f"{s.problematic_half_days} B half days ({shares}); the 30th "
                         f"on {s.thirtieth_on}")
    elif isinstance(inhoud, r.NurseryYear):
        lines.append(f"  school {inhoud.institution_number}, nursery attendance in "
                     f"{_year(inhoud.school_year)}"
                     + (" (calendar approximate: year not in the table)"
                        if inhoud.calendar_approximate else "") + ":")
        if not inhoud.students:
            lines.append("  none")
        for s in inhoud.students:
            verdict = ("no threshold at this age" if s.threshold is None else
                       f"threshold {s.threshold} " + ("met" if s.threshold_met else
                                                      "NOT met: language test"))
            lines.append(f"  stamnummer {s.stamnummer} (born {s.birth_date}, age "
                         f"{s.age}): {s.present} of {s.school_half_days} half days "
                         f"present, {s.absent} absent; {verdict}")
            for c in s.schools:
                lines.append(f"      at {c.institution_number}: {c.present} of "
                             f"{c.school_half_days} present")
    return "\n".join(lines)


def _notes(count: int) -> str:
    return f"{count} sick note" + ("" if count == 1 else "s")


def _year(year: int) -> str:
    return f"{year}-{year + 1}"
