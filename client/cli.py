"""The ``discimus`` command.

``discimus client …`` (testers and vendors) needs only the client install. The emulator's
own commands (``serve``, ``reset``, ``pki``, ``fixtures``, ``contracts``) are listed
always and need the server extra, which they say how to install.

Exit codes, the same for every command: 0 done or accepted, 1 refused with an
Uitzondering (FOUT), 2 a SOAP fault or an answer not signed by the server, 3 a usage or
configuration error (nothing was sent), 4 the service could not be reached.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path

from discimus_client import results as r
from discimus_client.errors import ConfigurationError

EXIT_OK, EXIT_REFUSED, EXIT_FAULT, EXIT_USAGE, EXIT_UNREACHABLE = 0, 1, 2, 3, 4
EXIT_CODES = """exit codes:
  0  done; for `client`: accepted (warnings and information may come with it)
  1  refused by the service with an Uitzondering of type FOUT
  2  refused with a SOAP fault, or the answer is not validly signed by the server
  3  usage or configuration error: nothing was sent (a bad option, setting or key)
  4  the service could not be reached (is it running? check --url / DISCIMUS_URL)"""
DEFAULT_URL = "http://127.0.0.1:8080"


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on a usage error; 2 means a SOAP fault here, so: 3."""

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="discimus", description="Discimus exchange emulator and client",
                     epilog=EXIT_CODES,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_client_commands(commands)
    from discimus_service import cli as service_cli   # standard library only: always there
    service_cli.register(commands)
    args = parser.parse_args(argv)
    try:
        if args.command != "client":
            service_cli.require_server_extra(args.command)
        return args.run(args) or EXIT_OK
    except ConfigurationError as error:
        print(f"discimus: {error}", file=sys.stderr)
        return EXIT_USAGE
    except ModuleNotFoundError as missing:
        if args.command == "client" or missing.name is None:
            raise
        # A library the up-front check does not list (the postgres driver, say).
        print(f"discimus: `discimus {args.command}` needs {missing.name}, which is not "
              f"installed: {service_cli.install_hint('server,postgres')}", file=sys.stderr)
        return EXIT_USAGE


def message_options(p, *, sender_help: str) -> None:
    """The options every ``discimus client`` message command takes: where, who, how."""
    url = os.environ.get("DISCIMUS_URL") or DEFAULT_URL
    pki = os.environ.get("DISCIMUS_PKI_DIR") or "var/pki"
    p.add_argument("--url", default=url,
                   help=f"the emulator's base URL (now {url}; default from "
                        f"DISCIMUS_URL, else {DEFAULT_URL})")
    p.add_argument("--pki", default=pki,
                   help=f"folder with <sender>.pem/.key and server.pem (now {pki}; "
                        f"default from DISCIMUS_PKI_DIR, else var/pki)")
    p.add_argument("--as", dest="sender", required=True, help=sender_help)
    p.add_argument("--referte", help="Afzender/Referte (default: a new UUID)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")


def _add_client_commands(commands) -> None:
    client = commands.add_parser(
        "client", help="send signed messages to the emulator",
        description="Send one signed message and print the verified answer. The service "
                    "is --url (or DISCIMUS_URL); the keys are in --pki (or "
                    "DISCIMUS_PKI_DIR).",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = client.add_subparsers(dest="client_command", required=True, metavar="ACTION")

    def common(p):
        message_options(p, sender_help="the sending package or agency, e.g. informat")
        p.add_argument("--institution", required=True,
                       help="instellingsnummer of the school, e.g. 034567")

    reg = sub.add_parser("register", help="register an enrollment (RegistreerInschrijving)")
    common(reg)
    _student_options(reg)
    reg.add_argument("--correct", action="store_true",
                     help="send CorrigeerInschrijving instead")
    reg.set_defaults(run=_run_register)

    dereg = sub.add_parser("deregister", help="de-register (RegistreerUitschrijving)")
    common(dereg)
    dereg.add_argument("--stamnummer", required=True, help="the student's stamnummer")
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
    doubles.add_argument("--first-page-only", action="store_true",
                         help="show only the first answer (at most 500); by default "
                              "every Vervolg is followed")
    doubles.set_defaults(run=_run_doubles)

    career = sub.add_parser("career", help="previous and next school of a student")
    common(career)
    career.add_argument("--insz", help="the student's INSZ or bis number")
    career.add_argument("--stamnummer", help="or the student's stamnummer at this school")
    career.set_defaults(run=_run_career)

    # Message type 2 lives in its own module (one module per message type).
    from discimus_client.commands_absences import add_commands as add_absence_commands
    add_absence_commands(sub, common)
    from discimus_client.commands_classes import add_commands as add_class_commands
    add_class_commands(sub, common)
    # Message types 5, 6 and 8 likewise.
    from discimus_client.commands_records import add_commands as add_record_commands
    add_record_commands(sub, common)
    from discimus_client import commands_certificates
    commands_certificates.add_commands(sub, common)
    from discimus_client.commands_characteristics import add_commands as add_kenmerken
    add_kenmerken(sub, common)
    from discimus_client.commands_boarding import add_commands as add_boarding_commands
    add_boarding_commands(sub, common)
    from discimus_client.commands_quality import add_commands as add_quality_commands
    add_quality_commands(sub, common)

    from discimus_client.commands_dko import add_commands as add_dko_commands
    add_dko_commands(sub, common)

    from discimus_client.commands_magda import register as add_magda_commands
    add_magda_commands(sub)


def _student_options(p) -> None:
    p.add_argument("--insz", help="INSZ or bis number; omit while pending a number")
    p.add_argument("--stamnummer", required=True,
                   help="7 digits, the first two the school year of first attendance")
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
    p.add_argument("--group", required=True, help="administrative group, e.g. 1A")
    p.add_argument("--establishment", help="Vestigingsplaats, when the school has several")
    p.add_argument("--start", required=True, type=_date,
                   help="start date of the enrollment (YYYY-MM-DD)")
    p.add_argument("--first-attendance", type=_date,
                   help="date of the first lesson attended (YYYY-MM-DD)")
    p.add_argument("--registered", type=_date, help="enrollment date (default today)")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)")


def _client(args):
    """:raises ConfigurationError: the URL is no http(s) URL, or a key file is missing."""
    from urllib.parse import urlsplit

    from discimus_client.client import DiscimusClient
    url = urlsplit(args.url)
    if url.scheme not in ("http", "https") or not url.netloc:
        raise ConfigurationError(f"--url {args.url!r} is not an http(s) URL: give the "
                                 f"emulator's base URL, e.g. {DEFAULT_URL}")
    pki = Path(args.pki)
    wanted = {f"{args.sender}.key": "no key", f"{args.sender}.pem": "no certificate",
              "server.pem": "no server certificate"}
    for name, what in wanted.items():
        if not (pki / name).is_file():
            mine = "" if name == "server.pem" else f" for {args.sender}"
            raise ConfigurationError(
                f"{what}{mine} in {args.pki} ({name} missing, looked in {pki.absolute()}): "
                f"give --pki DIR (or DISCIMUS_PKI_DIR) with {args.sender}.key, "
                f"{args.sender}.pem and server.pem; `discimus serve --init` writes them to "
                f"var/pki of the emulator's checkout")
    try:
        return DiscimusClient.from_pki(args.url, args.pki, args.sender)
    except OSError as error:
        raise ConfigurationError(f"cannot read the keys in {args.pki}: {error}") from None
    except ValueError as error:     # not PEM: cryptography or xmlsec refused to load it
        raise ConfigurationError(f"the key or certificates of {args.sender} in {args.pki} "
                                 f"cannot be loaded ({error}): copy them again") from None


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
    return _show(args, lambda c: every_page(
        lambda vervolg: c.double_enrollments(
            args.institution, on=args.on, continuation=vervolg,
            referte=None if vervolg else args.referte),
        first_page_only=args.first_page_only))


def every_page(fetch, *, first_page_only: bool = False) -> r.Result:
    """Follow a paged consultation's ``Vervolg`` to the end: one result of every item.

    :param fetch: ``fetch(continuation)`` sends one question (``None``: the first page).
    :param first_page_only: stop after the first page; ``continuation`` then says more
        follow.
    """
    result = fetch(None)
    items = list(result.inhoud or [])
    while result.ok and result.continuation and not first_page_only:
        result = fetch(result.continuation)
        items += result.inhoud or []
    return r.Result(referte=result.referte, inhoud=items if result.ok else None,
                    uitzonderingen=result.uitzonderingen,
                    continuation=result.continuation)


def _run_career(args) -> int:
    return _show(args, lambda c: c.career(args.institution, insz=args.insz,
                                          stamnummer=args.stamnummer, referte=args.referte))


def _show(args, send, renderer=None, *, make_client=None) -> int:
    """Send with a client made from ``args``, print the result, return the exit code.

    :param make_client: ``make_client(args)``, for another kind of client (MAGDA).
    """
    from discimus_client.errors import ServiceFault
    from discimus_client.wsse.errors import SecurityError
    from zeep.exceptions import TransportError
    client = (make_client or _client)(args)
    try:
        result = send(client)
    except ServiceFault as fault:
        print(f"REFUSED by the service: {fault.faultcode}: [{fault.code}] {fault.message}",
              file=sys.stderr)
        return EXIT_FAULT
    except SecurityError as error:
        print(f"NOT TRUSTED: {error.faultstring}", file=sys.stderr)
        return EXIT_FAULT
    except (OSError, TransportError) as error:
        print(f"cannot reach the service at {args.url}: {error} (is it running? "
              f"check --url or DISCIMUS_URL)", file=sys.stderr)
        return EXIT_UNREACHABLE
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
        if inhoud.motivated_report:         # VTC 06/2016
            m = inhoud.motivated_report
            lines.append(f"  motivated report of {m.report_date}: special-needs type "
                         f"{m.kind}, valid {m.valid_from} to {m.valid_to or 'open'}")
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
        if result.continuation:
            lines.append("  … more follow (without --first-page-only every page is shown)")
    return "\n".join(lines)


def _line(e: r.EnrollmentInfo) -> str:
    return (f"{e.institution_number} {e.institution_name or ''} group "
            f"{e.administrative_group} from {e.start_date}"
            f"{' to ' + str(e.end_date) if e.end_date else ''}, enrolled "
            f"{e.registration_date}, first attendance {e.first_attendance_date or '-'}, "
            f"{e.status} (Discimus referte {e.discimus_referte})")


if __name__ == "__main__":
    sys.exit(main())
