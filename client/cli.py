"""The ``discimus`` command.

``discimus client …`` (testers and vendors) needs only the client install. The emulator's
own commands (``serve``, ``pki``, ``fixtures``, ``contracts``) are added when the server
extra is installed (``pip install 'discimus-emulator[server]'``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from dataclasses import asdict

from discimus_client import results as r

EXIT_OK, EXIT_REFUSED, EXIT_FAULT = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="discimus",
                                     description="Discimus exchange emulator and client")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_client_commands(commands)
    try:
        from discimus_service import cli as service_cli
    except ImportError:
        service_cli = None
    if service_cli is not None:
        service_cli.register(commands)
    args = parser.parse_args(argv)
    try:
        return args.run(args) or 0
    except ModuleNotFoundError as missing:
        if args.command == "client" or missing.name is None:
            raise
        # The emulator's commands ship in the base distribution, their libraries don't.
        print(f"`discimus {args.command}` runs the emulator and needs its libraries "
              f"({missing.name} is missing): pip install 'discimus-emulator[server]'",
              file=sys.stderr)
        return EXIT_FAULT


def _add_client_commands(commands) -> None:
    client = commands.add_parser("client", help="send signed messages to the emulator")
    sub = client.add_subparsers(dest="client_command", required=True, metavar="ACTION")

    def common(p):
        p.add_argument("--url", default=os.environ.get("DISCIMUS_URL",
                                                       "http://127.0.0.1:8080"))
        p.add_argument("--pki", default=os.environ.get("DISCIMUS_PKI_DIR", "var/pki"),
                       help="folder with <sender>.pem/.key and server.pem (var/pki)")
        p.add_argument("--as", dest="sender", required=True,
                       help="the sending package or agency, e.g. informat")
        p.add_argument("--referte", help="Afzender/Referte (default: a new UUID)")
        p.add_argument("--json", action="store_true", help="print the result as JSON")
        p.add_argument("--institution", required=True, help="instellingsnummer")

    reg = sub.add_parser("register", help="register an enrollment (RegistreerInschrijving)")
    common(reg)
    _student_options(reg)
    reg.add_argument("--correct", action="store_true",
                     help="send CorrigeerInschrijving instead")
    reg.set_defaults(run=_run_register)

    dereg = sub.add_parser("deregister", help="de-register (RegistreerUitschrijving)")
    common(dereg)
    dereg.add_argument("--stamnummer", required=True)
    dereg.add_argument("--start", required=True, type=_date, help="start date of the enrollment")
    dereg.add_argument("--end", required=True, type=_date, help="end date")
    dereg.add_argument("--reason", required=True,
                       help="Aanleiding: S change of school, E end of year, V moved, "
                            "D definitive exclusion, O dissolution (unreasonable "
                            "adaptations), H home education, X death, A other")
    dereg.add_argument("--situation", default="1", help="SituatieNa, 1 or 2 digits")
    dereg.set_defaults(run=_run_deregister)

    doubles = sub.add_parser("doubles", help="double enrollments of the school's students")
    common(doubles)
    doubles.add_argument("--on", type=_date, help="only overlaps on this day")
    doubles.set_defaults(run=_run_doubles)

    career = sub.add_parser("career", help="previous and next school of a student")
    common(career)
    career.add_argument("--insz")
    career.add_argument("--stamnummer")
    career.set_defaults(run=_run_career)

    # Message type 2 lives in its own module (one module per message type).
    from discimus_client.commands_absences import add_commands as add_absence_commands
    add_absence_commands(sub, common)


def _student_options(p) -> None:
    p.add_argument("--insz", help="INSZ or bis number; omit while pending a number")
    p.add_argument("--stamnummer", required=True)
    p.add_argument("--first-name", required=True)
    p.add_argument("--last-name", required=True)
    p.add_argument("--birth-date", required=True, type=_date)
    p.add_argument("--sex", required=True, choices=["M", "V", "X"])
    p.add_argument("--nationality", default="00150")
    p.add_argument("--street")
    p.add_argument("--house-number")
    p.add_argument("--box")
    p.add_argument("--postcode")
    p.add_argument("--municipality")
    p.add_argument("--country", default="00150", help="NIS code; 00999 other/unknown")
    p.add_argument("--group", required=True, help="administrative group")
    p.add_argument("--establishment")
    p.add_argument("--start", required=True, type=_date)
    p.add_argument("--first-attendance", type=_date)
    p.add_argument("--registered", type=_date, help="enrollment date (default today)")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)")


def _client(args):
    from discimus_client.client import DiscimusClient
    return DiscimusClient.from_pki(args.url, args.pki, args.sender)


def _run_register(args) -> int:
    student = r.Student(
        insz=args.insz, stamnummer=args.stamnummer, first_name=args.first_name,
        last_name=args.last_name, birth_date=args.birth_date, sex=args.sex,
        nationality=args.nationality,
        address=r.Address(street=args.street, house_number=args.house_number,
                          box=args.box, postcode=args.postcode,
                          municipality=args.municipality, country=args.country))
    enrollment = r.EnrollmentData(
        institution_number=args.institution, administrative_group=args.group,
        start_date=args.start, registration_date=args.registered or dt.date.today(),
        first_attendance_date=args.first_attendance, establishment=args.establishment)
    action = "correct_enrollment" if args.correct else "register_enrollment"
    return _show(args, lambda c: getattr(c, action)(student, enrollment,
                                                     referte=args.referte))


def _run_deregister(args) -> int:
    return _show(args, lambda c: c.deregister(
        args.institution, args.stamnummer, args.start, end_date=args.end,
        reason=args.reason, situation_after=args.situation, referte=args.referte))


def _run_doubles(args) -> int:
    return _show(args, lambda c: c.double_enrollments(args.institution, on=args.on,
                                                      referte=args.referte))


def _run_career(args) -> int:
    return _show(args, lambda c: c.career(args.institution, insz=args.insz,
                                          stamnummer=args.stamnummer, referte=args.referte))


def _show(args, send, renderer=None) -> int:
    from discimus_client.errors import ServiceFault
    from discimus_client.wsse.errors import SecurityError
    from zeep.exceptions import TransportError
    try:
        result = send(_client(args))
    except ServiceFault as fault:
        print(f"REFUSED by the service: {fault.faultcode}: [{fault.code}] {fault.message}",
              file=sys.stderr)
        return EXIT_FAULT
    except SecurityError as error:
        print(f"NOT TRUSTED: {error.faultstring}", file=sys.stderr)
        return EXIT_FAULT
    except (OSError, TransportError) as error:
        print(f"cannot reach or read: {error}", file=sys.stderr)
        return EXIT_FAULT
    if args.json:
        print(json.dumps(asdict(result), default=str, indent=2))
    else:
        print((renderer or render)(result))
    return EXIT_OK if result.ok else EXIT_REFUSED


def render(result: r.Result) -> str:
    """A readable text rendering of a result, for people."""
    lines = [f"{'ACCEPTED' if result.ok else 'REFUSED'}  (Referte {result.referte})"]
    for u in result.uitzonderingen:
        lines.append(f"  {u.type:<12} {u.code:05d}  {u.diagnose}")
    inhoud = result.inhoud
    if isinstance(inhoud, r.EnrollmentInfo):
        lines.append("  " + _line(inhoud))
    elif isinstance(inhoud, r.Career):
        lines.append(f"  student INSZ {inhoud.insz or '-'}  stamnummer {inhoud.stamnummer}")
        lines.append("  here:      " + _line(inhoud.here))
        lines.append("  previous:  " + (_line(inhoud.previous) if inhoud.previous else "-"))
        lines.append("  next:      " + (_line(inhoud.next) if inhoud.next else "-"))
    elif isinstance(inhoud, list):
        if not inhoud:
            lines.append("  no double enrollments")
        for d in inhoud:
            end = d.overlap_end or "open"
            lines.append(f"  {d.insz} {d.last_name}, {d.first_name}: also at "
                         f"{d.other.institution_number} {d.other.institution_name or ''} "
                         f"(enrolled {d.other.registration_date}, first attendance "
                         f"{d.other.first_attendance_date or '-'}), overlap "
                         f"{d.overlap_start} to {end}")
    return "\n".join(lines)


def _line(e: r.EnrollmentInfo) -> str:
    return (f"{e.institution_number} {e.institution_name or ''} group "
            f"{e.administrative_group} from {e.start_date}"
            f"{' to ' + str(e.end_date) if e.end_date else ''}, enrolled "
            f"{e.registration_date}, first attendance {e.first_attendance_date or '-'}, "
            f"{e.status} (Discimus referte {e.discimus_referte})")


if __name__ == "__main__":
    sys.exit(main())
