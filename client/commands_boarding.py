"""``discimus client boarding …``: message type 7 (boarding schools) from the command line.

- ``register``: a boarder's stay (``--correct`` sends CorrigeerInternaatInschrijving);
- ``end``: give a running stay its last day;
- ``list``: the boarding school's own stays of a school year;
- ``schools``: where its boarders go to school (the schools' enrollments).

Output, ``--json`` and exit codes are the ones of every ``discimus client`` command.
"""
from __future__ import annotations

import argparse
import datetime as dt

from discimus_client import results as r

_YES_NO = {"yes": True, "no": False}


def add_commands(sub, common) -> None:
    """Add ``boarding`` under ``discimus client``; ``common`` adds the shared options."""
    boarding = sub.add_parser("boarding", help="boarding-school enrollments (message "
                              "type 7); --institution is the boarding school")
    actions = boarding.add_subparsers(dest="boarding_command", required=True,
                                      metavar="ACTION")
    reg = actions.add_parser("register", help="register a boarder's stay "
                             "(RegistreerInternaatInschrijving)")
    common(reg)
    _boarder_options(reg)
    _stay_options(reg)
    reg.add_argument("--correct", action="store_true",
                     help="send CorrigeerInternaatInschrijving instead (the stay is "
                          "found by --stamnummer and --start)")
    reg.set_defaults(run=_run_register)

    end = actions.add_parser("end", help="end a running stay "
                             "(BeeindigInternaatInschrijving)")
    common(end)
    end.add_argument("--stamnummer", required=True, help="the boarder's stamnummer")
    end.add_argument("--start", required=True, type=_date, help="start date of the stay")
    end.add_argument("--end", required=True, type=_date, help="the stay's last day")
    end.set_defaults(run=_run_end)

    for name, run, text in (
            ("list", _run_list, "the boarding school's own stays of a school year "
                                "(GeefInternaatInschrijvingen)"),
            ("schools", _run_schools, "where the boarders go to school: the schools' "
                                      "enrollments (GeefSchoolInschrijvingenInternen)")):
        p = actions.add_parser(name, help=text)
        common(p)
        p.add_argument("--school-year", type=int, metavar="YEAR",
                       help="the year the school year starts in, e.g. 2026 for "
                            "2026-2027 (default: the current one)")
        p.add_argument("--stamnummer", help="only this boarder")
        p.set_defaults(run=run)


def _boarder_options(p) -> None:
    """The boarder's identification, as for an enrollment (message type 1)."""
    p.add_argument("--insz", help="INSZ or bis number; omit while pending a number")
    p.add_argument("--stamnummer", required=True,
                   help="the boarding school's number of the boarder, 7 digits")
    p.add_argument("--first-name", required=True, help="Voornaam")
    p.add_argument("--last-name", required=True, help="Naam")
    p.add_argument("--birth-date", required=True, type=_date, help="YYYY-MM-DD")
    p.add_argument("--sex", required=True, choices=["M", "V", "X"],
                   help="M, V (female) or X")
    p.add_argument("--nationality", default="00150",
                   help="NIS code of the nationality (00150: Belgian)")
    p.add_argument("--street", help="street (empty when --country is 00999)")
    p.add_argument("--house-number", help="house number")
    p.add_argument("--box", help="box number (Busnummer)")
    p.add_argument("--postcode", help="4 digits, or 6 for a sub-municipality")
    p.add_argument("--municipality", help="municipality (Gemeente)")
    p.add_argument("--country", default="00150", help="NIS code; 00999 other/unknown")


def _stay_options(p) -> None:
    p.add_argument("--establishment", required=True,
                   help="Vestigingsplaats: where the boarder stays")
    p.add_argument("--start", required=True, type=_date, help="first day of the stay")
    p.add_argument("--end", type=_date, help="last day (default: to the end of the "
                   "school year)")
    p.add_argument("--itinerant", action="store_true",
                   help="both parents (or the only parent) are inland boatmen, "
                        "fairground or circus operators or artists")
    p.add_argument("--school-number", help="only for a European or recognised "
                   "non-funded school: the school the boarder attends")
    p.add_argument("--agreement-framework", choices=sorted(_YES_NO),
                   help="afsprakenkader present (required from 2024-2025 on)")
    p.add_argument("--support-plan", choices=sorted(_YES_NO),
                   help="ondersteuningsplan present (required from 2024-2025 on)")


def _run_register(args) -> int:
    from discimus_client.cli import _show
    student = r.Student(
        insz=args.insz, stamnummer=args.stamnummer, first_name=args.first_name,
        last_name=args.last_name, birth_date=args.birth_date, sex=args.sex,
        nationality=args.nationality,
        address=r.Address(street=args.street, house_number=args.house_number,
                          box=args.box, postcode=args.postcode,
                          municipality=args.municipality, country=args.country))
    stay = r.BoardingData(
        institution_number=args.institution, establishment=args.establishment,
        start_date=args.start, end_date=args.end, itinerant_parents=args.itinerant,
        school_number=args.school_number,
        agreement_framework=_YES_NO.get(args.agreement_framework),
        support_plan=_YES_NO.get(args.support_plan))
    action = "correct_boarding" if args.correct else "register_boarding"
    return _show(args, lambda c: getattr(c, action)(student, stay, referte=args.referte),
                 render)


def _run_end(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.end_boarding(args.institution, args.stamnummer,
                                                args.start, args.end,
                                                referte=args.referte), render)


def _run_list(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.boarding_enrollments(
        args.institution, school_year=args.school_year, stamnummer=args.stamnummer,
        referte=args.referte), render)


def _run_schools(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.boarders_schools(
        args.institution, school_year=args.school_year, stamnummer=args.stamnummer,
        referte=args.referte), render)


def _flag(value: bool | None) -> str:
    return "-" if value is None else "yes" if value else "no"


def _period(start, end) -> str:
    return f"{start} to {end}" if end else f"from {start}"


def _stay_line(b: r.BoardingInfo) -> str:
    extra = []
    if b.itinerant_parents:
        extra.append("itinerant parents")
    if b.school_number:
        extra.append(f"school {b.school_number}")
    return (f"{b.stamnummer} {b.last_name}, {b.first_name} (INSZ {b.insz or '-'}): "
            f"{_period(b.start_date, b.end_date)} at {b.establishment}, "
            f"{b.school_year}-{b.school_year + 1}, agreement framework "
            f"{_flag(b.agreement_framework)}, support plan {_flag(b.support_plan)}"
            + (", " + ", ".join(extra) if extra else "")
            + f" (Discimus referte {b.discimus_referte})")


def render(result: r.Result) -> str:
    """The text rendering of a boarding result, for people."""
    from discimus_client.cli import render as render_common
    lines = [render_common(r.Result(result.referte, None, result.uitzonderingen))]
    inhoud = result.inhoud
    if isinstance(inhoud, r.BoardingInfo):
        lines.append("  " + _stay_line(inhoud))
    elif isinstance(inhoud, list):
        if not inhoud and result.ok:
            lines.append("  no boarders")
        for item in inhoud:
            if isinstance(item, r.BoardingInfo):
                lines.append("  " + _stay_line(item))
                continue
            lines.append(f"  {item.stamnummer} {item.last_name}, {item.first_name} "
                         f"(INSZ {item.insz or '-'}), boarding "
                         f"{_period(item.start_date, item.end_date)}:")
            if item.school_number:
                lines.append(f"      school {item.school_number} "
                             f"{item.school_name or ''} (given by the boarding school)")
            for s in item.schools:
                kind = "special needs" if s.kind_of_education == "2" else "ordinary"
                lines.append(f"      {s.institution_number} {s.institution_name or ''} "
                             f"group {s.administrative_group}, "
                             f"{_period(s.start_date, s.end_date)}, {kind}")
            if not item.school_number and not item.schools:
                lines.append("      no school enrollment known")
    return "\n".join(lines)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
