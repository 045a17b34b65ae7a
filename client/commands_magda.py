"""``discimus client magda …``: the partner mode of the command line (MAGDA services).

    discimus client magda register --as groeipakket --insz 12031555672 --from 2026-09-01
    discimus client magda history  --as groeipakket --insz 12031555672 \\
        --from 2026-09-01 --to 2027-08-31
    discimus client magda end      --as groeipakket --insz 12031555672
    discimus client magda attendance  --as groeipakket --insz 21051612345 \\
        --from 2025-09-01 --to 2026-08-31
    discimus client magda problematic --as groeipakket --insz 21051612345 \\
        --from 2025-09-01 --to 2026-08-31
    discimus client magda homeschool --as onderwijsinspectie --capacity 1200 \\
        --insz 14052812345 --from 2026-09-01 --to 2027-08-31
    discimus client magda inspection --as onderwijsinspectie --capacity 1200 \\
        --insz 14052812345 --date 2026-09-02 --result voldoende
    discimus client magda exam --as onderwijsinspectie --capacity 1200 \\
        --insz 14052812345 --last-name Peeters --first-name Lotte --sex V \\
        --birth-date 2014-05-28 --date 2026-09-02 --result geslaagd
    discimus client magda register --as groeipakket --profile magda-connector \\
        --insz 12031555672    # signed as MAGDA's Java connector signs (opted-in partners)
    discimus client magda certificates --as naric --insz 12031555672   # LED.GeefBewijs
    discimus client magda clb-feed --as clb --after 0  # a CLB's notifications (commands_clb)

Requests go to ``/api/Magda-02.00/soap/WebService`` as MAGDA's connector sends them;
the exit codes are those of every ``discimus client`` command.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from discimus_client import results as r
from discimus_client.errors import ConfigurationError


def register(sub) -> None:
    """Add ``magda`` and its actions to the ``discimus client`` sub-commands."""
    from discimus_client.cli import EXIT_CODES, _date, message_options
    magda = sub.add_parser(
        "magda", help="partner agencies: MAGDA services (repertorium, enrollment history, "
        "attendance, problematic absences, home education, LED certificates, the CLB "
        "feed and motivated report)",
        description="Call a MAGDA service as a partner agency (--as groeipakket), at "
                    "/api/Magda-02.00/soap/WebService, signed; the answer is verified.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = magda.add_subparsers(dest="magda_command", required=True, metavar="ACTION")

    def common(p):
        message_options(p, sender_help="the partner agency (its certificate), e.g. "
                                       "groeipakket")
        p.add_argument("--identification",
                       help="Afzender/Identificatie (default kb.vlaanderen.be/aiv/<--as>)")
        p.add_argument("--capacity", default="1300", help="Hoedanigheid (default 1300)")
        p.add_argument("--insz", required=True, help="the person's INSZ")
        p.add_argument("--profile", choices=("strict", "magda-connector"),
                       default="strict",
                       help="how to sign: strict (default) or magda-connector, as MAGDA's "
                            "Java connector does (RSA-SHA1, Body only, no Timestamp); "
                            "the partner's sender record must opt in")

    reg = actions.add_parser("register", help="register interest in a person "
                                              "(Repertorium.RegistreerInschrijving)")
    common(reg)
    reg.add_argument("--from", dest="begin", type=_date, help="first day (default today)")
    reg.add_argument("--to", dest="end", type=_date, help="last day (default open)")
    reg.add_argument("--version", choices=("02.00", "02.01"), default="02.00")
    reg.set_defaults(run=lambda a: _show(a, lambda c: c.register_interest(
        a.insz, a.begin, a.end, version=a.version, referte=a.referte)))

    end = actions.add_parser("end", help="end the interest "
                                         "(Repertorium.RegistreerUitschrijving)")
    common(end)
    end.add_argument("--from", dest="begin", type=_date, help="first day (default: all)")
    end.add_argument("--to", dest="end", type=_date, help="last day")
    end.set_defaults(run=lambda a: _show(a, lambda c: c.end_interest(
        a.insz, a.begin, a.end, referte=a.referte)))

    history = actions.add_parser("history", help="enrollment history of a person "
                                                 "(Onderwijs.GeefHistoriekInschrijving)")
    common(history)
    history.add_argument("--from", dest="begin", type=_date, required=True)
    history.add_argument("--to", dest="end", type=_date, required=True)
    history.set_defaults(run=lambda a: _show(a, lambda c: c.enrollment_history(
        a.insz, a.begin, a.end, referte=a.referte)))

    # School allowances, VTC 16/2016: two services, two authorisations.
    attendance = actions.add_parser(
        "attendance", help="nursery half days present per school year "
                           "(Onderwijs.GeefAantalAanwezigheden)")
    common(attendance)
    attendance.add_argument("--from", dest="begin", type=_date, required=True)
    attendance.add_argument("--to", dest="end", type=_date, required=True)
    attendance.set_defaults(run=lambda a: _show(a, lambda c: c.nursery_attendance(
        a.insz, a.begin, a.end, referte=a.referte)))
    problematic = actions.add_parser(
        "problematic", help="problematic half days (code B) per school year "
                            "(Onderwijs.GeefAantalProblematischeAfwezigheden)")
    common(problematic)
    problematic.add_argument("--from", dest="begin", type=_date, required=True)
    problematic.add_argument("--to", dest="end", type=_date, required=True)
    problematic.set_defaults(run=lambda a: _show(a, lambda c: c.problematic_absences(
        a.insz, a.begin, a.end, referte=a.referte)))
    from discimus_client import commands_clb       # CLB, VTC 05/2016
    commands_clb.add_actions(actions, client_factory=_client)

    # Home education, Onderwijsinspectie (VTC 38/2016 and 35/2016).
    homeschool = actions.add_parser(
        "homeschool", help="last school of a home-educated child, with the results sent "
                           "(Onderwijs.GeefLaatsteInschrijvingHuisonderwijs)")
    common(homeschool)
    homeschool.add_argument("--from", dest="begin", type=_date, required=True)
    homeschool.add_argument("--to", dest="end", type=_date, required=True)
    homeschool.set_defaults(run=lambda a: _show(a, lambda c: c.home_education(
        a.insz, a.begin, a.end, referte=a.referte)))
    inspection = actions.add_parser(
        "inspection", help="send a control visit's result "
                           "(Onderwijs.RegistreerControleHuisonderwijs)")
    common(inspection)
    inspection.add_argument("--date", dest="day", type=_date, required=True,
                            help="the day of the visit")
    inspection.add_argument("--result", choices=("voldoende", "onvoldoende"),
                            required=True)
    inspection.set_defaults(run=lambda a: _show(a, lambda c: c.register_inspection(
        a.insz, a.day, a.result == "voldoende", referte=a.referte)))
    exam = actions.add_parser(
        "exam", help="send the exam board's primary-certificate result "
                     "(Onderwijs.RegistreerResultaatExamencommissie)")
    common(exam)
    exam.add_argument("--last-name", required=True)
    exam.add_argument("--first-name", required=True)
    exam.add_argument("--sex", choices=("M", "V", "X"), required=True)
    exam.add_argument("--birth-date", type=_date, required=True)
    exam.add_argument("--date", dest="day", type=_date, required=True,
                      help="the day of the exam board's decision")
    exam.add_argument("--result", choices=("geslaagd", "niet geslaagd"), required=True)
    exam.set_defaults(run=lambda a: _show(a, lambda c: c.register_exam_result(
        a.insz, a.last_name, a.first_name, a.sex, a.birth_date, a.day,
        a.result == "geslaagd", referte=a.referte)))
    # LED consumers (001): the certificates of a person, the fields of their own
    # authorisation; without --capacity the partner's default capacity applies.
    certificates = actions.add_parser(
        "certificates", help="the certificates of a person (LED.GeefBewijs)")
    common(certificates)
    certificates.set_defaults(capacity=None, run=lambda a: _show(
        a, lambda c: c.certificates(a.insz, referte=a.referte)))


def _client(args):
    from discimus_client.magda import MagdaClient
    pki = Path(args.pki)
    for name in (f"{args.sender}.key", f"{args.sender}.pem", "server.pem"):
        if not (pki / name).is_file():
            raise ConfigurationError(
                f"{name} missing in {pki.absolute()}: give --pki DIR (or DISCIMUS_PKI_DIR) "
                f"with {args.sender}.key, {args.sender}.pem and server.pem")
    try:
        return MagdaClient.from_pki(args.url, pki, args.sender,
                                    identification=args.identification,
                                    capacity=args.capacity, profile=args.profile)
    except (OSError, ValueError) as error:
        raise ConfigurationError(f"cannot load the keys of {args.sender} in {args.pki}: "
                                 f"{error}") from None


def _show(args, send) -> int:
    from discimus_client.cli import _show as show
    return show(args, send, render, make_client=_client)


def render(result: r.Result) -> str:
    lines = [f"{'ACCEPTED' if result.ok else 'REFUSED'}  (Referte {result.referte})"]
    for u in result.uitzonderingen:
        finer = f" (Discimus {u.omstandigheid})" if u.omstandigheid else ""
        lines.append(f"  {u.type:<12} {u.code:05d} {u.oorsprong:<5}{finer}  {u.diagnose}")
    if isinstance(result.inhoud, str):
        lines.append(f"  Resultaat {result.inhoud}")
    if hasattr(result.inhoud, "lines"):              # home education: its own lines
        lines += result.inhoud.lines()
    for e in result.inhoud if isinstance(result.inhoud, list) else ():
        if hasattr(e, "fields"):                                    # LedCertificate
            lines.extend(_certificate_lines(e))
            continue
        if hasattr(e, "school_year") and hasattr(e, "half_days"):   # SchoolYearCount
            lines.append(_school_year_line(e))
            continue
        lines.append(f"  {e.institution_number} {e.institution_name}  school year "
                     f"{e.school_year}  group {e.administrative_group} (niveau {e.niveau})"
                     f"  {e.start_date} to {e.end_date}"
                     + (f"  de-registered ({e.deregistration_reason})"
                        if e.deregistration_reason else ""))
    return "\n".join(lines)


def _school_year_line(y) -> str:
    enrolled = (f" of {y.enrolled_half_days} enrolled"
                if y.enrolled_half_days is not None else "")
    schools = ", ".join(f"{number}: {n}" for number, n in y.institutions)
    return (f"  school year {y.school_year}-{y.school_year + 1}: {y.half_days} half "
            f"days{enrolled}" + (f"  ({schools})" if schools else ""))


def _certificate_lines(c) -> list[str]:
    """The certificate's name and date, then every field answered, by its path."""
    lines = [f"  {c.issued_on}  {c.name}"]
    lines += [f"      {path:<42} {value}" for path, value in c.fields.items()
              if path.startswith(("Basis/", "Bron/"))]
    return lines
