"""The MAGDA services the emulator offers: contract facts, readers and answer builders.

One :class:`MagdaService` per service version, named and versioned as MAGDA does
(Context/Naam ``GeefHistoriekInschrijving``, Versie ``02.01.0000``), with its
namespace and reference schemas. Readers turn the schema-valid Inhoud into a question
dataclass; builders turn a use case's result into the Antwoord's Inhoud.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from discimus_service.domain.errors import InvalidCodeValueError, InvalidDateError
from discimus_service.domain.schoolyear import school_year_end
from discimus_service.services import attendance as counts
from discimus_service.services import clb_feed, motivated_reports
from discimus_service.services import enrollment_history as history
from discimus_service.services import home_education as home
from discimus_service.services import partner_interest as interest
from discimus_service.services import led_certificates
from discimus_service.soap.magda import attendance, clb, clb_report, led
from discimus_service.soap.magda import home_education as home_xml
from discimus_service.soap.magda.envelope import RequestContext, E


@dataclass(frozen=True)
class MagdaService:
    naam: str                     # Context/Naam and the request element's name
    versie: str                   # Context/Versie
    folder: str                   # the reference folder under xsd/magda
    namespace: str
    oorsprong: str                # who answers the question: the source's code
    read: Callable[[Any, RequestContext], Any]
    use_case: Callable
    result_type: type
    inhoud: Callable[[Any], Any]
    max_questions: int = 1        # VragenType maxOccurs in the request schema
    consultation: bool = False    # answers data about a person: audited (services/audit.py)
    own_design: bool = False      # no MAGDA publication: the emulator's own schemas

    @property
    def dienst(self) -> str:
        """``GeefHistoriekInschrijvingDienst-02.01``: MAGDA's name of the service."""
        return f"{self.naam}Dienst-{self.versie[:5]}"

    @property
    def authorisation(self) -> str:
        """The service an authorisation names, e.g. ``Onderwijs.GeefHistoriekInschrijving``."""
        return self.folder.rsplit("Dienst-", 1)[0]

    @property
    def path(self) -> str:
        """The service's own endpoint, beside the shared /Magda-02.00/soap/WebService."""
        return f"/{self.dienst}/soap/WebService"

    @property
    def operation(self) -> str:
        """The journal's name of the operation, e.g. ``GeefHistoriekInschrijving-02.01``."""
        return f"{self.naam}-{self.versie[:5]}"

    @property
    def request_tag(self) -> str:
        return f"{{{self.namespace}}}{self.naam}"

    @property
    def response_tag(self) -> str:
        return f"{{{self.namespace}}}{self.naam}Response"

    @property
    def request_xsd(self) -> str:
        return f"{self.folder}/WebService/{self.naam}.xsd"

    @property
    def response_xsd(self) -> str:
        return f"{self.folder}/WebService/{self.naam}Response.xsd"


def _date(text: str | None, where: str) -> dt.date | None:
    """MAGDA's Datum2_0Type allows unknown parts (``2017-99-99``); we need a real day."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidDateError(f"{where} {text!r} is not a calendar date (YYYY-MM-DD)",
                               field=where) from None


# -- Repertorium ---------------------------------------------------------------------------
def _read_interest_0200(service: str):
    def read(inhoud, ctx: RequestContext) -> interest.InterestQuestion:
        block = inhoud.find("Inschrijving")
        if block is None:
            block = inhoud.find("Uitschrijving")
        return interest.InterestQuestion(
            service=service, afzender=ctx.identificatie,
            identification=block.findtext("Identificatie"),
            capacity=block.findtext("Hoedanigheid"),
            inszs=(block.findtext("INSZ"),),
            begin=_date(block.findtext("Periode/Begin"), "Periode/Begin"),
            end=_date(block.findtext("Periode/Einde"), "Periode/Einde"))
    return read


def _read_interest_0201(inhoud, ctx: RequestContext) -> interest.InterestQuestion:
    block = inhoud.find("Inschrijving")
    subjects = block.findall("BetrokkenSubject/Subjecten/Subject")
    others = sorted({s.findtext("Type") for s in subjects} - {"PERS"})
    if block.findtext("BetrokkenSubject/Type") != "PERS" or others:
        raise InvalidCodeValueError(
            "only persons (BetrokkenSubject Type PERS, Subject Type PERS with the INSZ "
            f"as Sleutel) can be registered here, not {others or 'that type'}",
            field="BetrokkenSubject/Type")
    return interest.InterestQuestion(
        service=interest.REGISTER, afzender=ctx.identificatie,
        identification=block.findtext("Identificatie"),
        capacity=block.findtext("Hoedanigheid"),
        inszs=tuple(s.findtext("Sleutel") for s in subjects),
        begin=_date(block.findtext("Periode/Begin"), "Periode/Begin"),
        end=_date(block.findtext("Periode/Einde"), "Periode/Einde"))


def _resultaat(result: interest.InterestResult):
    return E.Inhoud(E.Resultaat("1", Beschrijving=f"{result.persons} persoon/personen "
                                                  "verwerkt"))


# -- GeefHistoriekInschrijving -------------------------------------------------------------
def _read_history(inhoud, ctx: RequestContext) -> history.HistoryQuestion:
    criteria = inhoud.find("Criteria")
    return history.HistoryQuestion(
        afzender=ctx.identificatie, capacity=ctx.hoedanigheid,
        insz=criteria.findtext("INSZ"),
        begin=_date(criteria.findtext("Periode/Begin"), "Periode/Begin"),
        end=_date(criteria.findtext("Periode/Einde"), "Periode/Einde"))


_NIVEAU = {1: "Kleuteronderwijs", 2: "Lager onderwijs", 3: "Secundair onderwijs"}
_GROUP_NUMBER = re.compile(r"\d{1,6}\Z")
_LOCATION_NUMBER = re.compile(r"\d{1,9}\Z")


def _history_inhoud(result: history.HistoryResult):
    return E.Inhoud(E.Inschrijvingen(*(_inschrijving(e) for e in result.entries)))


def _inschrijving(e: history.HistoryEntry):
    instelling = E.Instelling(E.Instellingsnummer(e.institution_number),
                              E.OfficieleNaam(e.institution_name or e.institution_number))
    if e.institution_municipality:
        instelling.append(E.Adres(E.Gemeente(E.Naam(e.institution_municipality[:120]))))
    parts = [E.Bron("LP"), E.Referte(str(e.discimus_referte)), instelling]
    if e.establishment and _LOCATION_NUMBER.match(e.establishment):
        parts.append(E.OnderwijsLocatie(E.Nummer(e.establishment)))
    leerplicht = E.LeerplichtOnderwijs(
        # The school side sends no programme kind: its schools teach full-time (1).
        E.SoortProgramma(E.Code("1"), E.Omschrijving("Voltijds")),
        E.DatumInschrijving(e.registration_date.isoformat()))
    if e.first_attendance_date:
        leerplicht.append(E.DatumEersteLes(e.first_attendance_date.isoformat()))
    leerplicht.append(E.Schooljaar(f"{e.school_year:04d}"))
    leerplicht.append(_group(e))
    parts.append(leerplicht)
    return E.Inschrijving(*parts)


def _group(e: history.HistoryEntry):
    niveau = e.institution_niveau
    groep = E.AdministratieveGroep(
        # AGODI's group number when the school sent one; its own label as the Naam.
        E.Nummer(e.administrative_group if _GROUP_NUMBER.match(e.administrative_group)
                 else "0"),
        E.Naam(e.administrative_group),
        E.Niveau(E.Code(str(niveau or 9)), E.Omschrijving(_NIVEAU.get(niveau, "Onbekend"))),
        # The schools table knows no special-needs flag yet: ordinary education (1).
        E.SoortOnderwijs(E.Code("1"), E.Omschrijving("Gewoon onderwijs")))
    end = e.end_date or school_year_end(e.school_year)
    block = E.InschrijvingAdministratieveGroep(
        E.Referte(str(e.discimus_referte)),
        E.Periode(E.Begin(e.start_date.isoformat()), E.Einde(end.isoformat())), groep)
    if e.reason:
        block.append(E.Uitschrijving(E.Aanleiding(E.Code(e.reason)),
                                     E.SituatieNa(E.Code(e.situation_after or "0"))))
    return block


_REPERTORIUM_0200 = "repertorium-02_00.vip.vlaanderen.be"
SERVICES: tuple[MagdaService, ...] = (
    MagdaService(
        "GeefHistoriekInschrijving", "02.01.0000",
        "Onderwijs.GeefHistoriekInschrijvingDienst-02.01",
        "http://webservice.geefhistoriekinschrijvingdienst-02_01.onderwijs.vlaanderen.be",
        "Disci", _read_history, history.enrollment_history, history.HistoryResult,
        _history_inhoud, consultation=True),
    MagdaService(
        "RegistreerInschrijving", "02.00.0000",
        "Repertorium.RegistreerInschrijvingDienst-02.00",
        f"http://webservice.registreerinschrijvingdienst-02_00.{_REPERTORIUM_0200}",
        "MAGDA", _read_interest_0200(interest.REGISTER), interest.register_interest,
        interest.InterestResult, _resultaat),
    MagdaService(
        "RegistreerInschrijving", "02.01.0000",
        "Repertorium.RegistreerInschrijvingDienst-02.01",
        "http://webservice.registreerinschrijvingdienst-02_01.repertorium-02_01"
        ".vip.vlaanderen.be",
        "MAGDA", _read_interest_0201, interest.register_interest,
        interest.InterestResult, _resultaat),
    MagdaService(
        "RegistreerUitschrijving", "02.00.0000",
        "Repertorium.RegistreerUitschrijvingDienst-02.00",
        f"http://webservice.registreeruitschrijvingdienst-02_00.{_REPERTORIUM_0200}",
        "MAGDA", _read_interest_0200(interest.END), interest.end_interest,
        interest.InterestResult, _resultaat),
    # School allowances (VTC 16/2016): the emulator's own design, MAGDA's style.
    MagdaService(
        "GeefAantalAanwezigheden", "02.00.0000",
        "Onderwijs.GeefAantalAanwezighedenDienst-02.00", attendance.ATTENDANCE_NS,
        "Disci", attendance.read_question, counts.nursery_attendance, counts.CountResult,
        attendance.inhoud, consultation=True, own_design=True),
    MagdaService(
        "GeefAantalProblematischeAfwezigheden", "02.00.0000",
        "Onderwijs.GeefAantalProblematischeAfwezighedenDienst-02.00",
        attendance.PROBLEMATIC_NS, "Disci", attendance.read_question,
        counts.problematic_absences, counts.CountResult, attendance.inhoud,
        consultation=True, own_design=True),
    # Home education (VTC 38/2016, 35/2016): the emulator's own design, MAGDA's style.
    MagdaService(
        "GeefLaatsteInschrijvingHuisonderwijs", "02.00.0000",
        "Onderwijs.GeefLaatsteInschrijvingHuisonderwijsDienst-02.00",
        home_xml.LAST_SCHOOL_NS, "Disci", home_xml.read_last_school, home.last_school,
        home.LastSchoolResult, home_xml.last_school_inhoud, consultation=True,
        own_design=True),
    MagdaService(
        "RegistreerControleHuisonderwijs", "02.00.0000",
        "Onderwijs.RegistreerControleHuisonderwijsDienst-02.00", home_xml.INSPECTION_NS,
        "Disci", home_xml.read_inspection, home.register_inspection,
        home.RegisteredResult, home_xml.registered_inhoud, own_design=True),
    MagdaService(
        "RegistreerResultaatExamencommissie", "02.00.0000",
        "Onderwijs.RegistreerResultaatExamencommissieDienst-02.00", home_xml.EXAM_NS,
        "Disci", home_xml.read_exam, home.register_exam_result, home.RegisteredResult,
        home_xml.registered_inhoud, own_design=True),
    # LED consumers (NARIC, exam board, hospitals, business counters, Selor; 001).
    MagdaService(
        "GeefBewijs", "02.00.0000", "LED.GeefBewijsDienst-02.00", led.LED_NS, "LED",
        led.read_question, led_certificates.give_certificates,
        led_certificates.CertificateResult, led.inhoud, consultation=True),
    # CLB, via LARS (VTC 05/2016): its feed of notifications; own design, MAGDA's style.
    MagdaService(
        "GeefMeldingenProblematischeAfwezigheden", "02.00.0000",
        "Onderwijs.GeefMeldingenProblematischeAfwezighedenDienst-02.00", clb.FEED_NS,
        "Disci", clb.read_question, clb_feed.read_feed, clb_feed.FeedResult, clb.inhoud,
        consultation=True, own_design=True),
    # CLB (CREON) → AGODI (VTC 06/2016): its motivated report; audited like a
    # consultation (who sent what about which INSZ, under which authorisation).
    MagdaService(
        "RegistreerGemotiveerdVerslag", "02.00.0000",
        "Onderwijs.RegistreerGemotiveerdVerslagDienst-02.00", clb_report.REPORT_NS,
        "Disci", clb_report.read_question, motivated_reports.register_report,
        motivated_reports.ReportResult, clb_report.inhoud,
        consultation=True, own_design=True),
)
BY_REQUEST = {s.request_tag: s for s in SERVICES}
SHARED_PATHS = ("/api/Magda-02.00/soap/WebService", "/Magda-02.00/soap/WebService")
