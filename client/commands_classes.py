"""``discimus client classes …``: class information for LeerID (seed 003).

- ``send``: the school's package (Broekx, Informat, Wisa) sends students' classes,
  ``--item STAMNUMMER,CLASS[,SUBCLASS]`` repeated; one message, all or nothing.
- ``list``: LeerID reads the classes of a school's enrolled students (``--as leerid``).
- ``sharing``: whether the school shares class information, since when, under which
  protocol.

The school's LeerID data manager switches sharing on and off with ``discimus leerid``.
Output, ``--json`` and exit codes are the ones of every ``discimus client`` command.
"""
from __future__ import annotations

from discimus_client import class_messages as m
from discimus_client import results as r


def add_commands(sub, common) -> None:
    """Add ``classes`` under ``discimus client``; ``common`` adds the shared options."""
    classes = sub.add_parser("classes", help="class information for LeerID")
    actions = classes.add_subparsers(dest="classes_command", required=True,
                                     metavar="ACTION")
    send = actions.add_parser("send", help="send students' classes "
                              "(RegistreerKlasinformatie)")
    common(send)
    send.add_argument("--item", action="append", default=[], required=True,
                      metavar="STAMNUMMER,CLASS[,SUBCLASS]",
                      help="one student's class, repeatable (the student id is the "
                           "stamnummer)")
    send.set_defaults(run=_run_send, parser=send)
    listing = actions.add_parser("list", help="LeerID: the classes of a school's "
                                 "enrolled students (GeefKlasinformatie)")
    common(listing)
    listing.set_defaults(run=_run_list)
    sharing = actions.add_parser("sharing", help="whether the school shares class "
                                 "information (GeefKlasinformatieDeling)")
    common(sharing)
    sharing.set_defaults(run=_run_sharing)


def classes_of(args) -> list[m.StudentClass]:
    """:raises SystemExit: (argparse, status 2) a malformed ``--item``."""
    out = []
    for text in args.item:
        parts = [p.strip() for p in text.split(",")]
        if len(parts) not in (2, 3) or not all(parts):
            args.parser.error(f"--item {text!r}: expected STAMNUMMER,CLASS[,SUBCLASS]")
        out.append(m.StudentClass(parts[0], parts[1], parts[2] if len(parts) == 3 else None,
                                  student_id=parts[0]))
    return out


def _run_send(args) -> int:
    from discimus_client.cli import _show
    items = classes_of(args)
    return _show(args, lambda c: c.register_classes(args.institution, items,
                                                    referte=args.referte), render)


def _run_list(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.classes(args.institution, referte=args.referte), render)


def _run_sharing(args) -> int:
    from discimus_client.cli import _show
    return _show(args, lambda c: c.class_sharing(args.institution, referte=args.referte),
                 render)


def render(result: r.Result) -> str:
    """The text rendering of a class-information result, for people."""
    from discimus_client.cli import render as render_common
    lines = [render_common(r.Result(result.referte, None, result.uitzonderingen))]
    inhoud = result.inhoud
    if isinstance(inhoud, m.ClassesProcessed):
        lines.append(f"  school {inhoud.institution_number}: {inhoud.new} new, "
                     f"{inhoud.changed} changed, {inhoud.unchanged} unchanged classes")
    elif isinstance(inhoud, m.ClassSharing):
        lines.append("  " + _sharing_line(inhoud))
    elif isinstance(inhoud, m.SchoolClasses):
        lines.append("  " + _sharing_line(inhoud.sharing))
        for c in inhoud.classes:
            sub = f" / {c.subclass}" if c.subclass else ""
            lines.append(f"  {c.stamnummer}  INSZ {c.insz or '(pending)'}  class "
                         f"{c.class_name}{sub}  since {c.since}")
        if not inhoud.classes:
            lines.append("  no classes sent yet")
    return "\n".join(lines)


def _sharing_line(s: m.ClassSharing) -> str:
    if s.active:
        return (f"school {s.institution_number} shares class information with LeerID "
                f"since {s.since:%Y-%m-%d %H:%M} (switched on by {s.data_manager}, "
                f"protocol {s.protocol})")
    if s.since is not None:
        return (f"school {s.institution_number} stopped sharing class information on "
                f"{s.since:%Y-%m-%d} ({s.data_manager})")
    return f"school {s.institution_number} has never shared class information"
