"""``discimus client dko …`` and ``discimus client numbers``: DKO and looked-up numbers.

- ``dko register`` / ``dko correct``: a student's registration at an academy for a
  school year (leave out ``--insz`` while there is none: it is looked up on receipt);
- ``dko deregister``: the registration ends on ``--end``;
- ``dko numbers``: the academy's supplied, pseudo and wrong numbers (/dko);
- ``numbers``: the same consultation for a school (/inschrijving).

Output, ``--json`` and exit codes are the ones of every ``discimus client`` command.
"""
from __future__ import annotations

import argparse
import datetime as dt

from discimus_client import dko_messages as m, results as r


def add_commands(sub, common) -> None:
    """Add ``dko`` and ``numbers`` under ``discimus client``."""
    dko = sub.add_parser("dko", help="part-time arts education: the academies' channel")
    actions = dko.add_subparsers(dest="dko_command", required=True, metavar="ACTION")
    reg = actions.add_parser("register", help="register a student at an academy "
                             "(RegistreerDkoInschrijving)")
    common(reg)
    _registration_options(reg)
    reg.add_argument("--correct", action="store_true",
                     help="send CorrigeerDkoInschrijving instead")
    reg.set_defaults(run=_run_register)
    dereg = actions.add_parser("deregister", help="end a registration "
                               "(RegistreerDkoUitschrijving)")
    common(dereg)
    dereg.add_argument("--stamnummer", required=True, help="the student's stamnummer")
    dereg.add_argument("--school-year", required=True, type=int,
                       help="starting year of the registration's school year, e.g. 2026")
    dereg.add_argument("--end", required=True, type=_date, help="last day")
    dereg.set_defaults(run=_run_deregister)
    for parent, channel in ((actions, "dko"), (sub, "school")):
        numbers = parent.add_parser(
            "numbers", help=("the academy's" if channel == "dko" else "the school's")
            + " supplied, pseudo and wrong INSZ numbers (GeefIdentificatienummers)")
        common(numbers)
        numbers.add_argument("--stamnummer", help="only this student")
        numbers.add_argument("--first-page-only", action="store_true",
                             help="stop after the first page (500 answers)")
        numbers.set_defaults(run=_run_numbers, channel=channel)


def _registration_options(p) -> None:
    p.add_argument("--insz", help="INSZ; omit while the student has none")
    p.add_argument("--stamnummer", required=True,
                   help="the academy's number: one student's in every school year")
    p.add_argument("--first-name", required=True, help="official first given name")
    p.add_argument("--last-name", required=True, help="official family name")
    p.add_argument("--birth-date", required=True, type=_date, help="YYYY-MM-DD")
    p.add_argument("--sex", required=True, choices=["M", "V", "X"], help="M, V or X")
    p.add_argument("--nationality", default="00150", help="NIS code (00150 Belgian)")
    p.add_argument("--street", help="street (empty when --country is 00999)")
    p.add_argument("--house-number", help="house number")
    p.add_argument("--box", help="box number (Busnummer)")
    p.add_argument("--postcode", help="4 digits, or 6 for a sub-municipality")
    p.add_argument("--municipality", help="municipality (Gemeente)")
    p.add_argument("--country", default="00150", help="NIS code; 00999 other/unknown")
    p.add_argument("--school-year", required=True, type=int,
                   help="starting year of the school year, e.g. 2026 for 2026-2027")
    p.add_argument("--discipline", required=True, choices=sorted(m.DISCIPLINES),
                   help="studierichting: " + ", ".join(f"{k} {v}"
                                                       for k, v in m.DISCIPLINES.items()))
    p.add_argument("--fee", required=True, choices=sorted(m.FEE_CATEGORIES),
                   help="fee category: " + ", ".join(f"{k} {v}"
                                                     for k, v in m.FEE_CATEGORIES.items()))
    p.add_argument("--registered", type=_date, help="registration date (default today)")


def _run_register(args) -> int:
    from discimus_client.cli import _show
    student = r.Student(
        insz=args.insz, stamnummer=args.stamnummer, first_name=args.first_name,
        last_name=args.last_name, birth_date=args.birth_date, sex=args.sex,
        nationality=args.nationality,
        address=r.Address(street=args.street, house_number=args.house_number,
                          box=args.box, postcode=args.postcode,
                          municipality=args.municipality, country=args.country))
    registration = m.DkoRegistrationData(
        institution_number=args.institution, school_year=args.school_year,
        discipline=args.discipline, fee_category=args.fee,
        registration_date=args.registered or dt.date.today())
    action = "correct_dko" if args.correct else "register_dko"
    return _show(args, lambda c: getattr(c, action)(student, registration,
                                                     referte=args.referte), render)


def _run_deregister(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.deregister_dko(
        args.institution, args.stamnummer, args.school_year, end_date=args.end,
        referte=args.referte), render)


def _run_numbers(args) -> int:
    from discimus_client.cli import _show, every_page

    def ask(c):
        method = (c.dko_identification_numbers if args.channel == "dko"
                  else c.identification_numbers)
        return every_page(lambda vervolg: method(
            args.institution, stamnummer=args.stamnummer, continuation=vervolg,
            referte=None if vervolg else args.referte),
            first_page_only=args.first_page_only)
    return _show(args, ask, render)


def render(result: r.Result) -> str:
    """The text rendering of a DKO or identification-number result, for people."""
    from discimus_client.cli import render as render_common
    lines = [render_common(r.Result(result.referte, None, result.uitzonderingen))]
    inhoud = result.inhoud
    if isinstance(inhoud, m.DkoRegistrationInfo):
        g = inhoud
        lines.append(
            f"  academy {g.institution_number} {g.institution_name or ''} stamnummer "
            f"{g.stamnummer}, school year {g.school_year}-{g.school_year + 1}, "
            f"{m.DISCIPLINES.get(g.discipline, g.discipline)}, fee "
            f"{m.FEE_CATEGORIES.get(g.fee_category, g.fee_category)}, INSZ "
            f"{g.insz or 'pending'}, registered {g.registration_date}"
            f"{', ended ' + str(g.end_date) if g.end_date else ''}, {g.status} "
            f"(Discimus referte {g.discimus_referte})")
    elif isinstance(inhoud, list):
        if not inhoud:
            lines.append("  no numbers supplied, created or reported")
        for n in inhoud:
            what = (f"{n.kind:<9} {n.insz}" if n.insz
                    else f"{n.kind:<9} {n.insz_sent!r} is wrong")
            lines.append(f"  stamnummer {n.stamnummer} {n.last_name}, {n.first_name} "
                         f"(born {n.birth_date}): {what}  [{n.decided_on}] {n.diagnose}")
        if result.continuation:
            lines.append("  … more follow (without --first-page-only every page is shown)")
    return "\n".join(lines)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
