"""``discimus client magda clb-feed``: a CLB reads its notifications (VTC 05/2016).

    discimus client magda clb-feed --as clb              # from the first
    discimus client magda clb-feed --as clb --after 12   # after the 12th it has read

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
                         "problematic half days (Onderwijs.GeefMeldingenProblematischeAfwezigheden)")
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
