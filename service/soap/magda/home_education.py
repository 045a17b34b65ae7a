"""Readers and answer builders of the three home-education services (VTC 38/2016, 35/2016).

Onderwijs.GeefLaatsteInschrijvingHuisonderwijs, Onderwijs.RegistreerControleHuisonderwijs
and Onderwijs.RegistreerResultaatExamencommissie 02.00: the emulator's own design (MAGDA
publishes none), in MAGDA's style, with their schemas beside MAGDA's reference ones
(``xsd/magda/Onderwijs.…Dienst-02.00``, each marked as own design).
"""
from __future__ import annotations

import datetime as dt

from discimus_service.domain.errors import InvalidDateError
from discimus_service.domain.model import Aanleiding, Sex
from discimus_service.services import home_education as he
from discimus_service.soap.magda.envelope import E, RequestContext

_BASE = "dienst-02_00.onderwijs.vlaanderen.be"
LAST_SCHOOL_NS = f"http://webservice.geeflaatsteinschrijvinghuisonderwijs{_BASE}"
INSPECTION_NS = f"http://webservice.registreercontrolehuisonderwijs{_BASE}"
EXAM_NS = f"http://webservice.registreerresultaatexamencommissie{_BASE}"
SUFFICIENT, INSUFFICIENT = "voldoende", "onvoldoende"
PASSED, NOT_PASSED = "geslaagd", "niet geslaagd"
_REASONS = {Aanleiding.SCHOOLVERANDERING.value: "Schoolverandering",
            Aanleiding.EINDE_SCHOOLJAAR.value: "Einde schooljaar",
            Aanleiding.VERHUIS.value: "Verhuis", Aanleiding.DEFINITIEVE_UITSLUITING.value:
            "Definitieve uitsluiting", Aanleiding.ONTBINDING.value: "Ontbinding",
            Aanleiding.HUISONDERWIJS.value: "Huisonderwijs",
            Aanleiding.OVERLIJDEN.value: "Overlijden", Aanleiding.ANDERE.value: "Andere"}


def _date(text: str, where: str) -> dt.date:
    # The schemas allow only real calendar days; this guards a hand-built question.
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise InvalidDateError(f"{where} {text!r} is not a calendar date (YYYY-MM-DD)",
                               field=where) from None


def read_last_school(inhoud, ctx: RequestContext) -> he.LastSchoolQuestion:
    criteria = inhoud.find("Criteria")
    return he.LastSchoolQuestion(
        afzender=ctx.identificatie, capacity=ctx.hoedanigheid,
        insz=criteria.findtext("INSZ"),
        begin=_date(criteria.findtext("Periode/Begin"), "Periode/Begin"),
        end=_date(criteria.findtext("Periode/Einde"), "Periode/Einde"))


def read_inspection(inhoud, ctx: RequestContext) -> he.InspectionQuestion:
    controle = inhoud.find("Controle")
    return he.InspectionQuestion(
        afzender=ctx.identificatie, capacity=ctx.hoedanigheid,
        insz=controle.findtext("INSZ"),
        visit_date=_date(controle.findtext("Datum"), "Controle/Datum"),
        sufficient=controle.findtext("Resultaat") == SUFFICIENT)


def read_exam(inhoud, ctx: RequestContext) -> he.ExamQuestion:
    kandidaat, beslissing = inhoud.find("Kandidaat"), inhoud.find("Beslissing")
    return he.ExamQuestion(
        afzender=ctx.identificatie, capacity=ctx.hoedanigheid,
        insz=kandidaat.findtext("INSZ"), last_name=kandidaat.findtext("Naam"),
        first_name=kandidaat.findtext("Voornaam"), sex=Sex(kandidaat.findtext("Geslacht")),
        birth_date=_date(kandidaat.findtext("Geboortedatum"), "Kandidaat/Geboortedatum"),
        decision_date=_date(beslissing.findtext("Datum"), "Beslissing/Datum"),
        passed=beslissing.findtext("Resultaat") == PASSED)


def last_school_inhoud(result: he.LastSchoolResult):
    """``Inhoud``: LaatsteInschrijving, then the granted Controles and Examencommissie."""
    inhoud = E.Inhoud()
    s = result.last_school
    if s is not None:
        periode = E.Periode(E.Begin(s.start_date.isoformat()))
        if s.end_date:
            periode.append(E.Einde(s.end_date.isoformat()))
        block = E.LaatsteInschrijving(
            E.Instelling(E.Instellingsnummer(s.institution_number),
                         E.OfficieleNaam(s.institution_name or s.institution_number)),
            periode)
        if s.reason:
            block.append(E.Uitschrijving(E.Aanleiding(
                E.Code(s.reason), E.Omschrijving(_REASONS.get(s.reason, "Andere")))))
        block.append(E.Huisonderwijs("true" if s.home_education else "false"))
        inhoud.append(block)
    if result.controls:
        inhoud.append(E.Controles(*(
            E.Controle(E.Datum(c.day.isoformat()),
                       E.Resultaat(SUFFICIENT if c.positive else INSUFFICIENT))
            for c in result.controls)))
    if result.exams:
        inhoud.append(E.Examencommissie(*(
            E.Beslissing(E.Datum(x.day.isoformat()),
                         E.Resultaat(PASSED if x.positive else NOT_PASSED))
            for x in result.exams)))
    return inhoud


def registered_inhoud(result: he.RegisteredResult):
    """``Inhoud/Registratie``: what was stored, and whether it replaced an earlier one."""
    return E.Inhoud(E.Registratie(E.INSZ(result.insz), E.Datum(result.day.isoformat()),
                                  E.Vervangen("true" if result.replaced else "false")))
