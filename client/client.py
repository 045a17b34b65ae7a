"""The reference client: a thin, typed layer over zeep and the packaged WSDLs.

>>> client = DiscimusClient.from_pki("http://127.0.0.1:8080", "var/pki", "informat")
>>> result = client.register_enrollment(student, enrollment)
>>> result.ok, result.inhoud.discimus_referte, result.codes()

Every request is signed (``plugin.SignatureProfile``) and every answer verified against
the server's certificate before zeep reads it. Business refusals come back as
``Result.uitzonderingen``; protocol and security refusals raise :class:`ServiceFault`.
"""
from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

import requests
import zeep
from lxml import etree
from zeep.exceptions import Fault
from zeep.helpers import serialize_object
from zeep.transports import Transport

from discimus_client import absence_messages, dko_messages, results as r
from discimus_client.contracts import wsdl_path
from discimus_client.errors import ServiceFault
from discimus_client.plugin import SignatureProfile

CONTEXT_NAAM = "DISCIMUS"
CONTEXT_VERSIE = "01.00.0000"
INSCHRIJVING_NS = "urn:discimus-emulator:inschrijving:01.00"


class DiscimusClient:
    def __init__(self, base_url: str, *, sender_id: str, key_pem: bytes, cert_pem: bytes,
                 server_cert_pem: bytes, timeout: float = 30.0,
                 session: requests.Session | None = None):
        """:param base_url: e.g. ``http://127.0.0.1:8080``
        :param sender_id: the package's identification (the certificate's CN)
        """
        self.sender_id = sender_id
        self.wsse = SignatureProfile(key_pem, cert_pem, server_cert_pem)
        settings = zeep.Settings(strict=True, forbid_dtd=True, forbid_entities=True,
                                 forbid_external=True, xml_huge_tree=False)
        transport = Transport(session=session or requests.Session(), timeout=timeout,
                              operation_timeout=timeout)
        self._zeep = zeep.Client(str(wsdl_path("inschrijving")), wsse=self.wsse,
                                 settings=settings, transport=transport)
        binding = next(iter(self._zeep.wsdl.bindings))
        self._binding = self._zeep.wsdl.bindings[binding]
        self._inschrijving = self._zeep.create_service(
            binding, base_url.rstrip("/") + "/inschrijving")
        # Message type 2 has its own contract, path and zeep client (same transport).
        self._zeep_afwezigheid = zeep.Client(str(wsdl_path("afwezigheid")), wsse=self.wsse,
                                             settings=settings, transport=transport)
        self._afwezigheid = self._zeep_afwezigheid.create_service(
            next(iter(self._zeep_afwezigheid.wsdl.bindings)),
            base_url.rstrip("/") + "/afwezigheid")
        # DKO, the academies' channel: its own contract and path too.
        self._zeep_dko = zeep.Client(str(wsdl_path("dko")), wsse=self.wsse,
                                     settings=settings, transport=transport)
        self._dko = self._zeep_dko.create_service(
            next(iter(self._zeep_dko.wsdl.bindings)), base_url.rstrip("/") + "/dko")

    @classmethod
    def from_pki(cls, base_url: str, pki_dir: str | Path, sender_id: str,
                 **kwargs) -> "DiscimusClient":
        """A client using ``<pki_dir>/<sender_id>.pem|.key`` and ``server.pem``."""
        pki = Path(pki_dir)
        return cls(base_url, sender_id=sender_id,
                   key_pem=(pki / f"{sender_id}.key").read_bytes(),
                   cert_pem=(pki / f"{sender_id}.pem").read_bytes(),
                   server_cert_pem=(pki / "server.pem").read_bytes(), **kwargs)

    # -- message type 1 ------------------------------------------------------------------
    def register_enrollment(self, student: r.Student, enrollment: r.EnrollmentData, *,
                            referte: str | None = None) -> r.Result[r.EnrollmentInfo]:
        return self._call("RegistreerInschrijving", _enrollment_inhoud(student, enrollment),
                          referte, _enrollment_answer)

    def correct_enrollment(self, student: r.Student, enrollment: r.EnrollmentData, *,
                           referte: str | None = None) -> r.Result[r.EnrollmentInfo]:
        return self._call("CorrigeerInschrijving", _enrollment_inhoud(student, enrollment),
                          referte, _enrollment_answer)

    def deregister(self, institution_number: str, stamnummer: str, start_date: dt.date,
                   *, end_date: dt.date, reason: str, situation_after: str,
                   referte: str | None = None) -> r.Result[r.EnrollmentInfo]:
        """De-register; reason ``O`` is a dissolution for unreasonable adaptations."""
        inhoud = {"Instellingsnummer": institution_number, "Stamnummer": stamnummer,
                  "BeginDatum": start_date,
                  "Uitschrijving": {"EindDatum": end_date, "Aanleiding": reason,
                                    "SituatieNa": situation_after}}
        return self._call("RegistreerUitschrijving", inhoud, referte, _enrollment_answer)

    def double_enrollments(self, institution_number: str, *, on: dt.date | None = None,
                           continuation: str | None = None,
                           referte: str | None = None) -> r.Result[list[r.DoubleEnrollment]]:
        """One page of double enrollments; ``Result.continuation`` asks for the next.

        :param continuation: the ``continuation`` of the previous page's result.
        """
        inhoud = {"Instellingsnummer": institution_number, "Datum": on,
                  "Vervolg": continuation}
        return self._call("GeefDubbeleInschrijvingen", inhoud, referte, _doubles_answer)

    def career(self, institution_number: str, *, insz: str | None = None,
               stamnummer: str | None = None,
               referte: str | None = None) -> r.Result[r.Career]:
        inhoud = {"Instellingsnummer": institution_number, "INSZ": insz,
                  "Stamnummer": stamnummer}
        return self._call("GeefSchoolloopbaan", inhoud, referte, _career_answer)

    # -- message type 2 ------------------------------------------------------------------
    def register_absences(self, institution_number: str,
                          half_days: list[r.HalfDayAbsence], *,
                          referte: str | None = None) -> r.Result[r.AbsencesProcessed]:
        """Register (or correct) up to 1,000 half days at once, all or nothing.

        A refusal names each bad item in ``Uitzondering.omstandigheid``
        (``Afwezigheden/Afwezigheid[3]/Code``, 1-based).
        """
        return self._call("RegistreerAfwezigheden",
                          absence_messages.register_inhoud(institution_number, half_days),
                          referte, absence_messages.processed_answer, self._afwezigheid)

    def cancel_absences(self, institution_number: str,
                        half_days: list[r.HalfDayAbsence], *,
                        referte: str | None = None) -> r.Result[r.AbsencesProcessed]:
        """Cancel registered half days (their ``code`` is ignored), all or nothing."""
        return self._call("AnnuleerAfwezigheden",
                          absence_messages.cancel_inhoud(institution_number, half_days),
                          referte, absence_messages.processed_answer, self._afwezigheid)

    def absences(self, institution_number: str, *, stamnummer: str | None = None,
                 first: dt.date | None = None, last: dt.date | None = None,
                 continuation: str | None = None,
                 referte: str | None = None) -> r.Result[list[r.HalfDayAbsence]]:
        """One page of the school's own registrations; ``Result.continuation`` asks for
        the next."""
        inhoud = {"Instellingsnummer": institution_number, "Stamnummer": stamnummer,
                  "BeginDatum": first, "EindDatum": last, "Vervolg": continuation}
        return self._call("GeefAfwezigheden", inhoud, referte,
                          absence_messages.absences_answer, self._afwezigheid)

    def problematic_absences(self, institution_number: str, *,
                             stamnummer: str | None = None, referte: str | None = None
                             ) -> r.Result[list[r.ProblematicAbsences]]:
        """Problematic half days (B) other schools registered for the school's students
        (or one of them), this and the previous school year."""
        inhoud = {"Instellingsnummer": institution_number, "Stamnummer": stamnummer}
        return self._call("GeefProblematischeAfwezigheden", inhoud, referte,
                          absence_messages.problematic_answer, self._afwezigheid)

    def identification_numbers(self, institution_number: str, *,
                               stamnummer: str | None = None,
                               continuation: str | None = None, referte: str | None = None
                               ) -> r.Result[list[dko_messages.IdentificationNumber]]:
        """One page of the school's supplied, pseudo and wrong numbers (on /inschrijving,
        with the school's message type 1 mandate)."""
        return self._call("GeefIdentificatienummers",
                          dko_messages.numbers_inhoud(institution_number, stamnummer,
                                                      continuation),
                          referte, dko_messages.numbers_answer)

    # -- DKO, the academies' channel -----------------------------------------------------
    def register_dko(self, student: r.Student, registration: dko_messages.DkoRegistrationData,
                     *, referte: str | None = None
                     ) -> r.Result[dko_messages.DkoRegistrationInfo]:
        """Register a student at an academy; leave ``student.insz`` None while pending."""
        return self._call("RegistreerDkoInschrijving",
                          dko_messages.registration_inhoud(student, registration), referte,
                          dko_messages.registration_answer, self._dko)

    def correct_dko(self, student: r.Student, registration: dko_messages.DkoRegistrationData,
                    *, referte: str | None = None
                    ) -> r.Result[dko_messages.DkoRegistrationInfo]:
        return self._call("CorrigeerDkoInschrijving",
                          dko_messages.registration_inhoud(student, registration), referte,
                          dko_messages.registration_answer, self._dko)

    def deregister_dko(self, institution_number: str, stamnummer: str, school_year: int, *,
                       end_date: dt.date, referte: str | None = None
                       ) -> r.Result[dko_messages.DkoRegistrationInfo]:
        return self._call("RegistreerDkoUitschrijving",
                          dko_messages.deregistration_inhoud(institution_number, stamnummer,
                                                             school_year, end_date),
                          referte, dko_messages.registration_answer, self._dko)

    def dko_identification_numbers(self, institution_number: str, *,
                                   stamnummer: str | None = None,
                                   continuation: str | None = None,
                                   referte: str | None = None
                                   ) -> r.Result[list[dko_messages.IdentificationNumber]]:
        """One page of the academy's supplied, pseudo and wrong numbers (on /dko, with
        its DKO mandate)."""
        return self._call("GeefIdentificatienummers",
                          dko_messages.numbers_inhoud(institution_number, stamnummer,
                                                      continuation),
                          referte, dko_messages.numbers_answer, self._dko)

    # -- for testers ---------------------------------------------------------------------
    def signed_request(self, operation: str, inhoud: dict, *,
                       referte: str | None = None, service: str | None = None) -> bytes:
        """The signed request exactly as it would be sent, without sending it.

        For testers: to inspect a message, to keep it as a golden file, or to alter it
        and watch the service refuse it (see ``fixtures/attacks``).

        :param operation: e.g. ``"RegistreerInschrijving"``
        :param inhoud: the Vraag's Inhoud as zeep values (see the WSDL)
        :param service: ``"dko"`` for an operation both contracts have
            (GeefIdentificatienummers); else found from the operation
        """
        zeep_client, proxy = self._service_of(operation, service)
        envelope = zeep_client.create_message(proxy, operation,
                                              Verzoek=self._verzoek(inhoud, referte))
        return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")

    def http_headers(self, operation: str, service: str | None = None) -> dict[str, str]:
        """The HTTP headers zeep sends with ``operation``: to post a
        :meth:`signed_request` yourself.

        The SOAPAction is the operation's soapAction in the WSDL, quoted as WS-I Basic
        Profile 1.1 (R1109) asks; the service refuses a message without it (S116).
        """
        zeep_client, _service = self._service_of(operation, service)
        binding = zeep_client.wsdl.bindings[next(iter(zeep_client.wsdl.bindings))]
        action = binding.get(operation).soapaction
        return {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"{action}"'}

    @staticmethod
    def enrollment_inhoud(student: r.Student, enrollment: r.EnrollmentData) -> dict:
        """The Inhoud of RegistreerInschrijving / CorrigeerInschrijving."""
        return _enrollment_inhoud(student, enrollment)

    # -- plumbing ------------------------------------------------------------------------
    def _service_of(self, operation: str, service: str | None = None):
        """The zeep client and service proxy whose contract has ``operation``."""
        if service == "dko" or operation in dko_messages.OPERATIONS:
            return self._zeep_dko, self._dko
        if operation in absence_messages.OPERATIONS:
            return self._zeep_afwezigheid, self._afwezigheid
        return self._zeep, self._inschrijving

    def _verzoek(self, inhoud: dict, referte: str | None) -> dict:
        referte = referte or uuid.uuid4().hex
        return {"Context": self._context(referte),
                "Vragen": {"Vraag": {"Referte": referte, "Inhoud": inhoud}}}

    def _call(self, operation: str, inhoud: dict, referte: str | None, convert,
              service=None):
        verzoek = self._verzoek(inhoud, referte)
        referte = verzoek["Vragen"]["Vraag"]["Referte"]
        try:
            repliek = getattr(service or self._inschrijving, operation)(Verzoek=verzoek)
        except Fault as fault:
            raise ServiceFault(str(fault.code), fault.message) from None
        data = serialize_object(repliek, dict)
        antwoord = ((data.get("Antwoorden") or {}).get("Antwoord")) or {}
        problems = list(_uitzonderingen(antwoord.get("Uitzonderingen")))
        problems += _uitzonderingen(data.get("Uitzonderingen"))
        inhoud_out = antwoord.get("Inhoud")
        return r.Result(referte=antwoord.get("Referte") or referte,
                        inhoud=convert(inhoud_out) if inhoud_out else None,
                        uitzonderingen=tuple(problems),
                        continuation=(inhoud_out or {}).get("Vervolg"))

    def _context(self, referte: str) -> dict:
        now = dt.datetime.now(dt.timezone.utc)
        return {"Naam": CONTEXT_NAAM, "Versie": CONTEXT_VERSIE, "Bericht": {
            "Type": "VRAAG",
            "Tijdstip": {"Datum": now.date(), "Tijd": now.strftime("%H:%M:%S.")
                         + f"{now.microsecond // 1000:03d}"},
            "Afzender": {"Identificatie": self.sender_id, "Referte": referte}}}


def _enrollment_inhoud(student: r.Student, e: r.EnrollmentData) -> dict:
    a = student.address
    return {
        "Leerling": {
            "INSZ": student.insz, "Stamnummer": student.stamnummer,
            "Voornaam": student.first_name, "Naam": student.last_name,
            "Geboortedatum": student.birth_date, "Geslacht": student.sex,
            "Nationaliteit": student.nationality,
            "Adres": {"Straat": a.street, "Huisnummer": a.house_number,
                      "Busnummer": a.box, "Postcode": a.postcode,
                      "Gemeente": a.municipality, "Land": a.country}},
        "Inschrijving": {
            "Instellingsnummer": e.institution_number,
            "AdministratieveGroep": e.administrative_group,
            "Vestigingsplaats": e.establishment, "BeginDatum": e.start_date,
            "DatumEersteLes": e.first_attendance_date,
            "DatumInschrijving": e.registration_date}}


def _uitzonderingen(block: Any):
    items = (block or {}).get("Uitzondering") if isinstance(block, dict) else block
    for u in items or []:
        yield r.Uitzondering(code=int(u["Identificatie"]), type=u["Type"],
                             diagnose=u["Diagnose"], oorsprong=u.get("Oorsprong") or "",
                             omstandigheid=u.get("Omstandigheid"))


def _info(d: dict | None) -> r.EnrollmentInfo | None:
    if not d:
        return None
    return r.EnrollmentInfo(
        discimus_referte=d.get("DiscimusReferte"), institution_number=d["Instellingsnummer"],
        institution_name=d.get("InstellingNaam"), stamnummer=d["Stamnummer"],
        administrative_group=d.get("AdministratieveGroep"), start_date=d.get("BeginDatum"),
        registration_date=d.get("DatumInschrijving"),
        first_attendance_date=d.get("DatumEersteLes"), end_date=d.get("EindDatum"),
        status=d.get("Status"))


def _enrollment_answer(inhoud: dict) -> r.EnrollmentInfo | None:
    return _info(inhoud.get("Inschrijving"))


def _doubles_answer(inhoud: dict) -> list[r.DoubleEnrollment]:
    block = inhoud.get("DubbeleInschrijvingen") or {}
    items = block.get("DubbeleInschrijving") if isinstance(block, dict) else block
    return [r.DoubleEnrollment(
        insz=d["INSZ"], last_name=d["Naam"], first_name=d["Voornaam"],
        own=_info(d["EigenInschrijving"]), other=_info(d["AndereInschrijving"]),
        overlap_start=d["OverlapPeriode"]["BeginDatum"],
        overlap_end=d["OverlapPeriode"].get("EindDatum")) for d in items or []]


def _career_answer(inhoud: dict) -> r.Career:
    return r.Career(insz=inhoud.get("INSZ"), stamnummer=inhoud["Stamnummer"],
                    here=_info(inhoud["Inschrijving"]),
                    previous=_info(inhoud.get("VorigeSchool")),
                    next=_info(inhoud.get("VolgendeSchool")))
