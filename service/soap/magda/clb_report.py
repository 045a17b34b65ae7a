"""Reader and answer builder of the CLB's motivated report (VTC 06/2016, CREON → AGODI).

Onderwijs.RegistreerGemotiveerdVerslag 02.00: the emulator's own design (MAGDA publishes
none), in MAGDA's style; schemas in
``xsd/magda/Onderwijs.RegistreerGemotiveerdVerslagDienst-02.00``. The answer is the
repertorium's: ``Inhoud/Resultaat`` 1 with a Beschrijving.
"""
from __future__ import annotations

import datetime as dt

from discimus_service.domain.errors import InvalidDateError
from discimus_service.services import motivated_reports as reports
from discimus_service.soap.magda.envelope import E, RequestContext

REPORT_NS = ("http://webservice.registreergemotiveerdverslagdienst-02_00"
             ".onderwijs.vlaanderen.be")


def _date(text: str | None, where: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidDateError(f"{where} {text!r} is not a calendar date (YYYY-MM-DD)",
                               field=where) from None


def read_question(inhoud, ctx: RequestContext) -> reports.ReportQuestion:
    block = inhoud.find("GemotiveerdVerslag")
    return reports.ReportQuestion(
        afzender=ctx.identificatie, capacity=ctx.hoedanigheid,
        insz=block.findtext("INSZ"), report_date=_date(block.findtext("Datum"), "Datum"),
        kind=block.findtext("Type"),
        valid_from=_date(block.findtext("Geldigheid/Begin"), "Geldigheid/Begin"),
        valid_to=_date(block.findtext("Geldigheid/Einde"), "Geldigheid/Einde"))


def inhoud(result: reports.ReportResult):
    said = "nieuw verslag geregistreerd" if result.new else \
        "hetzelfde verslag: geldigheid vervangen"
    return E.Inhoud(E.Resultaat("1", Beschrijving=said))
