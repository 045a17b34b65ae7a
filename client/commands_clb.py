"""``discimus client magda clb-feed`` and ``clb-report``: a CLB reads its notifications
(VTC 05/2016) and sends a motivated report for special-needs education (VTC 06/2016).

    discimus client magda clb-feed --as clb              # from the first
    discimus client magda clb-feed --as clb --after 12   # after the 12th it has read
    discimus client magda clb-report --as clb --insz 11070788884 --date 2026-06-15 \\
        --type 9 --from 2026-09-01                       # a motivated report (VTC 06/2016)

Each answer ends with the cursor to pass as ``--after`` next time; reading removes
nothing, so a CLB that lost an answer asks again with its last cursor.
"""
from __future__ import annotations

from discimus_client import results as r


def add_actions(actions, *, client_factory) -> None:
    """Add ``clb-feed`` to ``discimus client magda``."""
    from discimus_client.cli import message_options
    feed = actions.add_parser(
        "clb-feed", help="a CLB's notifications of students reaching 10 and 30 "
                         "problematic half days "
                         "(Onderwijs.GeefMeldingenProblematischeAfwezigheden)")
    message_options(feed, sender_help="the CLB (its certificate), e.g. clb")
    feed.add_argument("--identification",
                      help="Afzender/Identificatie (default kb.vlaanderen.be/aiv/<--as>)")
    feed.add_argument("--capacity", default="1400", help="Hoedanigheid (default 1400)")
    feed.add_argument("--profile", choices=("strict", "magda-connector"), default="strict",
                      help="how to sign (see the other magda actions)")
    feed.add_argument("--after", type=int, default=0,
                      help="the cursor: the last Volgnummer already read (default 0)")
    feed.add_argument("--max", dest="limit", type=int,
                      help="at most this many notifications (1-500; default 100)")

    def run(args) -> int:
        from discimus_client.cli import _show
        return _show(args, lambda c: c.clb_feed(args.after, args.limit,
                                                referte=args.referte),
                     render, make_client=client_factory)
    feed.set_defaults(run=run)

    from discimus_client.cli import _date
    from discimus_client.commands_magda import _show as show_magda
    report = actions.add_parser(
        "clb-report", help="send a CLB's motivated report for special-needs education "
                           "(Onderwijs.RegistreerGemotiveerdVerslag)")
    message_options(report, sender_help="the CLB (its certificate), e.g. clb")
    report.add_argument("--identification",
                        help="Afzender/Identificatie (default kb.vlaanderen.be/aiv/<--as>)")
    report.add_argument("--capacity", default="1400", help="Hoedanigheid (default 1400)")
    report.add_argument("--profile", choices=("strict", "magda-connector"),
                        default="strict", help="how to sign (see the other magda actions)")
    report.add_argument("--insz", required=True, help="the pupil's INSZ")
    report.add_argument("--date", dest="report_date", type=_date, required=True,
                        help="the report's date")
    report.add_argument("--type", dest="kind", required=True,
                        help="type of special-needs education: BA, 2, 3, 4, 6, 7 or 9")
    report.add_argument("--from", dest="begin", type=_date, required=True,
                        help="first day it is valid")
    report.add_argument("--to", dest="end", type=_date, help="last day (default: no end)")
    report.set_defaults(run=lambda a: show_magda(a, lambda c: c.clb_report(
        a.insz, a.report_date, a.kind, a.begin, a.end, referte=a.referte)))


def render(result: r.Result) -> str:
    import dataclasses
    from discimus_client.commands_magda import render as render_magda
    # The verdict and Uitzonderingen as every magda action prints them; then the feed.
    lines = [render_magda(dataclasses.replace(result, inhoud=None))]
    feed = result.inhoud
    if feed is None:
        return lines[0]
    for n in feed.notifications:
        thirtieth = f", 30th on {n.thirtieth}" if n.thirtieth else ""
        lines.append(f"  #{n.sequence}  INSZ {n.insz}  school year {n.school_year}-"
                     f"{n.school_year + 1}: reached {n.threshold} ({n.half_days} half days; "
                     f"10th on {n.tenth}{thirtieth})  schools {', '.join(n.institutions)}")
    lines.append(f"  next: --after {feed.cursor}"
                 + ("  (more waiting: ask again)" if feed.more else ""))
    return "\n".join(lines)
