"""Readers and answer builders of the two school-allowance services (VTC 16/2016).

Onderwijs.GeefAantalAanwezigheden and Onderwijs.GeefAantalProblematischeAfwezigheden
02.00: the emulator's own design (MAGDA publishes none), in MAGDA's style, with their
schemas beside MAGDA's reference ones (``xsd/magda/Onderwijs.GeefAantal…Dienst-02.00``).
The question is GeefHistoriekInschrijving's: Criteria with INSZ and Periode.
"""
from __future__ import annotations

import datetime as dt

from discimus_service.domain.errors import InvalidDateError
from discimus_service.services import attendance
from discimus_service.soap.magda.envelope import E, RequestContext

ATTENDANCE_NS = ("http://webservice.geefaantalaanwezighedendienst-02_00"
                 ".onderwijs.vlaanderen.be")
PROBLEMATIC_NS = ("http://webservice.geefaantalproblematischeafwezighedendienst-02_00"
                  ".onderwijs.vlaanderen.be")


def _date(text: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidDateError(f"{where} {text!r} is not a calendar date (YYYY-MM-DD)",
                               field=where) from None


def read_question(inhoud, ctx: RequestContext) -> attendance.CountQuestion:
    criteria = inhoud.find("Criteria")
    return attendance.CountQuestion(
        afzender=ctx.identificatie, capacity=ctx.hoedanigheid,
        insz=criteria.findtext("INSZ"),
        begin=_date(criteria.findtext("Periode/Begin"), "Periode/Begin"),
        end=_date(criteria.findtext("Periode/Einde"), "Periode/Einde"))


def inhoud(result: attendance.CountResult):
    """``Inhoud/Schooljaren``: per school year the count, then the optional fields."""
    return E.Inhoud(E.Schooljaren(*(_schooljaar(y) for y in result.years)))


def _schooljaar(year):
    element = E.Schooljaar(E.Jaar(f"{year.school_year:04d}"),
                           E.AantalHalveDagen(str(year.half_days)))
    if year.enrolled_half_days is not None:
        element.append(E.AantalHalveDagenIngeschreven(str(year.enrolled_half_days)))
    if year.institutions:
        element.append(E.Instellingen(*(
            E.Instelling(E.Instellingsnummer(i.institution_number),
                         E.AantalHalveDagen(str(i.half_days)))
            for i in year.institutions)))
    return element
