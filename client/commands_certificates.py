"""``discimus client certificates …``: message type 4 from the command line.

- ``register``: one certificate of one student (RegistreerStudiebewijzen)
- ``cancel``: one registered certificate, by student, kind and school year
- ``list``: the school's own registrations, every page (``--first-page-only`` to stop)
- ``previous``: a new student's certificates of previous schools
- ``admission``: the admission-condition check for a class
- ``transition``: whether a change of class during the year needs the class council

Output, ``--json`` and exit codes are the ones of every ``discimus client`` command.
"""
from __future__ import annotations

import argparse
import datetime as dt

from discimus_client import certificate_messages as m, results as r

KINDS = ("GBO", "OA", "OB", "OC", "GEG", "GTG", "SG", "DSO", "AVB", "DCV", "DCM", "AVC",
         "VEI")
FORMS = ("LO", "A", "B", "D", "DA", "AM", "ASO", "TSO", "KSO", "BSO", "MOD", "OKAN",
         "DUAAL")
DOMAINS = ("STEM", "TAAL", "KUNST", "LAND", "ECONOMIE", "WELZIJN", "SPORT", "VOEDING")


def add_commands(sub, common) -> None:
    """Add ``certificates`` under ``discimus client``; ``common`` adds shared options."""
    group = sub.add_parser("certificates", help="certificates obtained (message type 4)")
    actions = group.add_subparsers(dest="certificates_command", required=True,
                                   metavar="ACTION")
    reg = actions.add_parser("register", help="register or correct a certificate "
                             "(RegistreerStudiebewijzen)")
    common(reg)
    reg.add_argument("--stamnummer", required=True, help="the student")
    reg.add_argument("--student-id", help="Unieke Identificator Leerling in your package "
                     "(default: the stamnummer)")
    reg.add_argument("--kind", required=True, type=str.upper, choices=KINDS,
                     help="Soort: GBO primary certificate, OA/OB/OC orientation attests, "
                     "GEG/GTG grade certificates, SG, DSO diploma, AVB, DCV")
    reg.add_argument("--date", required=True, type=_date, help="the day it was obtained")
    reg.add_argument("--grade", type=int, choices=(1, 2, 3), help="secondary: the grade")
    reg.add_argument("--year", type=int, choices=(1, 2, 3), help="secondary: the year")
    reg.add_argument("--form", type=str.upper, choices=FORMS, help="secondary: the "
                     "stream or finality (A, B, D, DA, AM, or ASO, TSO, KSO, BSO)")
    reg.add_argument("--study-field", help="the field of study, as on the certificate")
    reg.add_argument("--study-field-code", help="your code of the field of study")
    reg.add_argument("--full-name", help="the full name printed on the certificate")
    reg.add_argument("--exclude", action="append", default=[], type=str.upper,
                     choices=FORMS, help="a form a B attest excludes (repeatable)")
    reg.set_defaults(run=_run_register)

    cancel = actions.add_parser("cancel", help="cancel a registered certificate "
                                "(AnnuleerStudiebewijzen)")
    common(cancel)
    cancel.add_argument("--stamnummer", required=True, help="the student")
    cancel.add_argument("--kind", required=True, type=str.upper, choices=KINDS)
    cancel.add_argument("--school-year", required=True, type=int,
                        help="the school year it was obtained in, by its first year")
    cancel.set_defaults(run=_run_cancel)

    listing = actions.add_parser("list", help="the school's own certificates "
                                 "(GeefStudiebewijzen)")
    common(listing)
    listing.add_argument("--stamnummer", help="only this student")
    listing.add_argument("--school-year", type=int, help="only this school year")
    listing.add_argument("--first-page-only", action="store_true",
                         help="stop after the first page (500 certificates)")
    listing.set_defaults(run=_run_list)

    previous = actions.add_parser("previous", help="a student's certificates of previous "
                                  "schools (GeefVorigeStudiebewijzen)")
    common(previous)
    previous.add_argument("--stamnummer", required=True, help="the student")
    previous.set_defaults(run=_run_previous)

    for name, helptext, runner in (
            ("admission", "does the student meet the admission conditions of a class? "
             "(ControleerToelatingsvoorwaarden)", _run_admission),
            ("transition", "does a change of class during the year need a class "
             "council decision? (ControleerOvergang)", _run_transition)):
        check = actions.add_parser(name, help=helptext)
        common(check)
        check.add_argument("--stamnummer", required=True, help="the student")
        check.add_argument("--grade", required=True, type=int, choices=(1, 2, 3))
        check.add_argument("--year", required=True, type=int, choices=(1, 2))
        check.add_argument("--form", required=True, type=str.upper, choices=FORMS)
        check.add_argument("--domain", type=str.upper, choices=DOMAINS,
                           help="the study domain of the class")
        if name == "transition":
            check.add_argument("--date", required=True, type=_date,
                               help="the day of the change")
        check.set_defaults(run=runner)


def _run_register(args) -> int:
    from discimus_client.cli import _show
    certificate = m.Certificate(
        student_id=args.student_id or args.stamnummer, stamnummer=args.stamnummer,
        kind=args.kind, date=args.date, grade=args.grade, year=args.year, form=args.form,
        study_field=args.study_field, study_field_code=args.study_field_code,
        full_name=args.full_name, excluded_forms=tuple(args.exclude))
    return _show(args, lambda c: c.register_certificates(
        args.institution, [certificate], referte=args.referte), render)


def _run_cancel(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.cancel_certificates(
        args.institution, [(args.stamnummer, args.kind, args.school_year)],
        referte=args.referte), render)


def _run_list(args) -> int:
    from discimus_client.cli import _show, every_page
    return _show(args, lambda c: every_page(
        lambda vervolg: c.certificates(args.institution, stamnummer=args.stamnummer,
                                       school_year=args.school_year,
                                       continuation=vervolg,
                                       referte=None if vervolg else args.referte),
        first_page_only=args.first_page_only), render)


def _run_previous(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.previous_certificates(
        args.institution, args.stamnummer, referte=args.referte), render)


def _run_admission(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.check_admission(
        args.institution, args.stamnummer, grade=args.grade, year=args.year,
        form=args.form, domain=args.domain, referte=args.referte), render)


def _run_transition(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.check_transition(
        args.institution, args.stamnummer, grade=args.grade, year=args.year,
        form=args.form, date=args.date, domain=args.domain, referte=args.referte),
        render)


def render(result: r.Result) -> str:
    """The text rendering of a certificate result, for people."""
    from discimus_client.cli import render as render_common
    lines = [render_common(r.Result(result.referte, None, result.uitzonderingen))]
    inhoud = result.inhoud
    if isinstance(inhoud, m.CertificatesProcessed):
        lines.append(f"  school {inhoud.institution_number}: {inhoud.new} new, "
                     f"{inhoud.replaced} changed, {inhoud.unchanged} unchanged, "
                     f"{inhoud.cancelled} cancelled certificates")
    elif isinstance(inhoud, m.PreviousCertificates):
        lines.append(f"  student INSZ {inhoud.insz or '- (none yet: nothing to match)'}")
        lines += _certificate_lines(inhoud.certificates)
    elif isinstance(inhoud, m.AdmissionCheck):
        lines += _admission_lines(inhoud.stamnummer, inhoud.admission)
    elif isinstance(inhoud, m.TransitionCheck):
        lines.append(f"  change on {inhoud.date}: class council decision "
                     f"{'NEEDED' if inhoud.council_needed else 'not needed'}")
        lines += [f"    - {reason}" for reason in inhoud.reasons]
        lines += _admission_lines(inhoud.stamnummer, inhoud.admission)
    elif isinstance(inhoud, list):
        lines += _certificate_lines(inhoud)
        if result.continuation:
            lines.append("  … more follow (without --first-page-only every page is shown)")
    return "\n".join(lines)


def _certificate_lines(certificates) -> list[str]:
    if not certificates:
        return ["  none"]
    out = []
    for c in certificates:
        where = (f"grade {c.grade} year {c.year} {c.form}" if c.grade else
                 "primary education")
        excluded = (f", excludes {', '.join(c.excluded_forms)}" if c.excluded_forms
                    else "")
        out.append(f"  {c.date}  {c.kind:<3}  {c.full_name}  ({where}{excluded}) "
                   f"stamnummer {c.stamnummer}, from {c.institution_number} "
                   f"{c.institution_name or ''}".rstrip())
    return out


def _admission_lines(stamnummer: str, a: m.Admission) -> list[str]:
    lines = [f"  stamnummer {stamnummer}, grade {a.grade} year {a.year} {a.form}: "
             f"{a.outcome}" + (f" if {' and '.join(a.conditions)}" if a.conditions
                               else ""),
             f"    rule {a.rule or '-'}: {a.reason}"]
    if a.based_on is not None:
        b = a.based_on
        lines.append(f"    on {b.kind} {b.full_name} of {b.date} from "
                     f"{b.institution_number} {b.institution_name or ''}".rstrip())
    return lines


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
