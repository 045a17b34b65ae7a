"""``discimus client characteristics …``: message type 3 from the command line.

- ``register``: a student's declaration on honour (or several with ``--item``), sent as
  one message, all or nothing; sent again with other values it corrects.
- ``cancel``: declarations registered by mistake, by student and date.
- ``show``: whether AGODI holds characteristics for students, and the ones in force.
- ``indicators``: whether students meet the indicators thuistaal and opleidingsniveau
  moeder.
- ``list``: the school's own registrations, every page (``--first-page-only`` to stop).

Output, ``--json`` and exit codes are the ones of every ``discimus client`` command.
"""
from __future__ import annotations

import argparse
import datetime as dt

from discimus_client import characteristics_messages as km, results as r

LANGUAGES = {"N": "Dutch", "A": "not Dutch", "O": "not declared"}
LEVELS = {"1": "no certificate", "2": "primary education",
          "3": "secondary without its diploma", "4": "secondary diploma",
          "5": "higher education", "9": "not declared"}
INDICATORS = {"J": "met", "N": "not met", "O": "unknown"}


def add_commands(sub, common) -> None:
    """Add ``characteristics`` under ``discimus client``; ``common`` adds the shared
    options."""
    group = sub.add_parser("characteristics", help="student characteristics: home "
                           "language and mother's education level (message type 3)")
    actions = group.add_subparsers(dest="characteristics_command", required=True,
                                   metavar="ACTION")
    reg = actions.add_parser("register", help="register or correct declarations on "
                             "honour (RegistreerLeerlingenkenmerken)")
    common(reg)
    _selection(reg, with_values=True)
    reg.set_defaults(run=_run_register, parser=reg)
    cancel = actions.add_parser("cancel", help="cancel registered declarations "
                                "(AnnuleerLeerlingenkenmerken)")
    common(cancel)
    _selection(cancel, with_values=False)
    cancel.set_defaults(run=_run_cancel, parser=cancel)
    show = actions.add_parser("show", help="whether AGODI holds characteristics for "
                              "students, and the ones in force (GeefLeerlingenkenmerken)")
    common(show)
    _students(show)
    show.set_defaults(run=_run_show)
    indicators = actions.add_parser("indicators", help="whether students meet the "
                                    "indicators thuistaal and opleidingsniveau moeder "
                                    "(GeefIndicatoren)")
    common(indicators)
    _students(indicators)
    indicators.set_defaults(run=_run_indicators)
    listing = actions.add_parser("list", help="the school's own registrations "
                                 "(GeefGeregistreerdeLeerlingenkenmerken)")
    common(listing)
    listing.add_argument("--stamnummer", help="only this student")
    listing.add_argument("--first-page-only", action="store_true",
                         help="stop after the first page (500 declarations)")
    listing.set_defaults(run=_run_list)


def _students(p) -> None:
    p.add_argument("--stamnummer", action="append", required=True, dest="stamnummers",
                   metavar="STAMNUMMER", help="a student enrolled at the school; "
                   "repeatable, up to 500")


def _selection(p, *, with_values: bool) -> None:
    p.add_argument("--stamnummer", help="the student (with --date)")
    p.add_argument("--student-id", help="Unieke Identificator Leerling in your package "
                   "(default: the stamnummer)")
    p.add_argument("--date", type=_date, help="the date of the declaration on honour")
    if with_values:
        p.add_argument("--home-language", choices=sorted(LANGUAGES), help="thuistaal: "
                       + ", ".join(f"{k} {v}" for k, v in LANGUAGES.items()))
        p.add_argument("--mother-education", choices=sorted(LEVELS),
                       help="opleidingsniveau moeder: "
                       + ", ".join(f"{k} {v}" for k, v in LEVELS.items()))
    p.add_argument("--item", action="append", default=[], metavar=(
        "STAMNUMMER,DATE,LANGUAGE,LEVEL" if with_values else "STAMNUMMER,DATE"),
        help="one more declaration, repeatable (the student id is the stamnummer)")


def declarations_of(args, *, with_values: bool) -> list[km.Declaration]:
    """The declarations the options select, in order.

    :raises SystemExit: (through argparse, exit status 3) an incomplete or malformed
        selection.
    """
    out: list[km.Declaration] = []
    language = getattr(args, "home_language", None)
    level = getattr(args, "mother_education", None)
    if args.date is not None or args.stamnummer is not None:
        if args.date is None or args.stamnummer is None or (
                with_values and (language is None or level is None)):
            args.parser.error("give --stamnummer, --date" + (
                ", --home-language and --mother-education" if with_values else "")
                + " together")
        out.append(km.Declaration(args.student_id or args.stamnummer, args.stamnummer,
                                  args.date, language, level))
    for text in args.item:
        parts = [p.strip() for p in text.split(",")]
        if len(parts) != (4 if with_values else 2):
            args.parser.error(f"--item {text!r}: expected STAMNUMMER,DATE"
                              + (",LANGUAGE,LEVEL" if with_values else ""))
        try:
            day = dt.date.fromisoformat(parts[1])
        except ValueError:
            args.parser.error(f"--item {text!r}: {parts[1]!r} is not a date (YYYY-MM-DD)")
        values = (parts[2].upper(), parts[3]) if with_values else (None, None)
        out.append(km.Declaration(parts[0], parts[0], day, *values))
    if not out:
        args.parser.error("nothing to send: give --stamnummer and --date, or --item")
    return out


def _run_register(args) -> int:
    from discimus_client.cli import _show
    items = declarations_of(args, with_values=True)
    return _show(args, lambda c: c.register_characteristics(
        args.institution, items, referte=args.referte), render)


def _run_cancel(args) -> int:
    from discimus_client.cli import _show
    items = declarations_of(args, with_values=False)
    return _show(args, lambda c: c.cancel_characteristics(
        args.institution, items, referte=args.referte), render)


def _run_show(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.characteristics(args.institution, args.stamnummers,
                                                   referte=args.referte), render)


def _run_indicators(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.indicators(args.institution, args.stamnummers,
                                              referte=args.referte), render)


def _run_list(args) -> int:
    from discimus_client.cli import _show, every_page
    return _show(args, lambda c: every_page(
        lambda vervolg: c.own_characteristics(
            args.institution, stamnummer=args.stamnummer, continuation=vervolg,
            referte=None if vervolg else args.referte),
        first_page_only=args.first_page_only), render)


def render(result: r.Result) -> str:
    """The text rendering of a characteristics result, for people."""
    from discimus_client.cli import render as render_common
    lines = [render_common(r.Result(result.referte, None, result.uitzonderingen))]
    inhoud = result.inhoud
    if isinstance(inhoud, km.DeclarationsProcessed):
        lines.append(f"  school {inhoud.institution_number}: {inhoud.new} new, "
                     f"{inhoud.replaced} changed, {inhoud.unchanged} unchanged, "
                     f"{inhoud.cancelled} cancelled declarations")
    elif isinstance(inhoud, list):
        if not inhoud:
            lines.append("  none")
        for item in inhoud:
            lines.append("  " + _line(item))
        if result.continuation:
            lines.append("  … more follow (without --first-page-only every page is shown)")
    return "\n".join(lines)


def _line(item) -> str:
    if isinstance(item, km.StudentCharacteristics):
        if item.in_force is None:
            return (f"stamnummer {item.stamnummer}: no characteristics at AGODI; ask "
                    "the parents for a declaration on honour")
        return f"stamnummer {item.stamnummer}: {_declaration(item.in_force)}"
    if isinstance(item, km.StudentIndicators):
        source = (f"declaration of {item.declared_on}" if item.declared_on
                  else "no declaration")
        return (f"stamnummer {item.stamnummer}: thuistaal "
                f"{INDICATORS.get(item.home_language, item.home_language)}, "
                f"opleidingsniveau moeder "
                f"{INDICATORS.get(item.mother_education, item.mother_education)} "
                f"({source})")
    return (f"stamnummer {item.stamnummer} (student id {item.student_id}): "
            + _declaration(item))


def _declaration(d: km.Declaration) -> str:
    return (f"declared {d.declared_on} at school {d.institution_number}: home language "
            f"{LANGUAGES.get(d.home_language, d.home_language)} ({d.home_language}), "
            f"mother {LEVELS.get(d.mother_education, d.mother_education)} "
            f"({d.mother_education})")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
