"""Reader and answer builder of the CLB feed (VTC 05/2016, DISCIMUS → LARS → CLB).

Onderwijs.GeefMeldingenProblematischeAfwezigheden 02.00: the emulator's own design
(MAGDA publishes none), in MAGDA's style, with its schemas beside MAGDA's reference
ones (``xsd/magda/Onderwijs.GeefMeldingenProblematischeAfwezighedenDienst-02.00``).
A feed read with a cursor rather than a callback: the CLB (LARS) asks "after N, at most
M" when it suits it, and a lost answer costs nothing but asking again.
"""
from __future__ import annotations

from discimus_service.services import clb_feed
from discimus_service.soap.magda.envelope import E, RequestContext

FEED_NS = ("http://webservice.geefmeldingenproblematischeafwezighedendienst-02_00"
           ".onderwijs.vlaanderen.be")


def read_question(inhoud, ctx: RequestContext) -> clb_feed.FeedQuestion:
    """The schema has checked both numbers (Na ≥ 0, 1 ≤ Maximum ≤ 500)."""
    criteria = inhoud.find("Criteria")
    after = criteria.findtext("Na") if criteria is not None else None
    limit = criteria.findtext("Maximum") if criteria is not None else None
    return clb_feed.FeedQuestion(
        afzender=ctx.identificatie, capacity=ctx.hoedanigheid,
        after=int(after) if after else 0,
        limit=int(limit) if limit else clb_feed.DEFAULT_LIMIT)


def inhoud(result: clb_feed.FeedResult):
    """``Inhoud``: the Meldingen in order, the next cursor and whether more wait."""
    return E.Inhoud(E.Meldingen(*(_melding(n) for n in result.notifications)),
                    E.VolgendeNa(str(result.cursor)),
                    E.Meer("true" if result.more else "false"))


def _melding(n):
    element = E.Melding(E.Volgnummer(str(n.sequence)), E.INSZ(n.insz),
                        E.Schooljaar(f"{n.school_year:04d}"), E.Drempel(str(n.threshold)),
                        E.AantalHalveDagen(str(min(n.half_days, 999))),
                        E.DatumTiendeHalveDag(n.tenth.isoformat()))
    if n.thirtieth is not None:
        element.append(E.DatumDertigsteHalveDag(n.thirtieth.isoformat()))
    element.append(E.Instellingen(*(E.Instellingsnummer(i) for i in n.institutions[:99])))
    return element
