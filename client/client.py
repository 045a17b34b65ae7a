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

from discimus_client import (
    absence_messages, certificate_messages, characteristics_messages as km, class_messages,
    dko_messages, internaat_messages, item_lists, quality_messages, record_messages as rm,
    results as r,
)
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
        self._base_url, self._settings, self._transport = (base_url.rstrip("/"), settings,
                                                           transport)
        self._proxies: dict[str, Any] = {}
        # Message types 1 and 2, the ones every package uses, made now; the others on
        # first use (``_contract``).
        self._inschrijving = self._contract("inschrijving")
        self._afwezigheid = self._contract("afwezigheid")

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

    # -- class information for LeerID (seed 003) -------------------------------------------
    def register_classes(self, institution_number: str,
                         classes: list[class_messages.StudentClass], *,
                         referte: str | None = None
                         ) -> r.Result[class_messages.ClassesProcessed]:
        """Send students' classes (Broekx, Informat, Wisa; while the school shares them),
        up to 1,000 at once, all or nothing; a student's class replaces the last one."""
        return self._call("RegistreerKlasinformatie",
                          class_messages.register_inhoud(institution_number, classes),
                          referte, class_messages.processed_answer,
                          self._contract("klasinformatie"))

    def classes(self, institution_number: str, *,
                referte: str | None = None) -> r.Result[class_messages.SchoolClasses]:
        """LeerID only: the classes of the school's enrolled students, while shared."""
        return self._call("GeefKlasinformatie", {"Instellingsnummer": institution_number},
                          referte, class_messages.classes_answer,
                          self._contract("klasinformatie"))

    def class_sharing(self, institution_number: str, *,
                      referte: str | None = None) -> r.Result[class_messages.ClassSharing]:
        """Whether the school shares class information with LeerID."""
        return self._call("GeefKlasinformatieDeling",
                          {"Instellingsnummer": institution_number}, referte,
                          class_messages.sharing_answer, self._contract("klasinformatie"))

    # -- message type 5: disciplinary measures -------------------------------------------
    def register_measure(self, measure: r.Measure, *, referte: str | None = None
                         ) -> r.Result[r.RecordProcessed]:
        """Register a disciplinary measure; late (over a week after its start): 50400."""
        return self._record("RegistreerTuchtmaatregel", rm.measure_inhoud(measure),
                            referte, rm.measure_processed)

    def correct_measure(self, measure: r.Measure, *, referte: str | None = None
                        ) -> r.Result[r.RecordProcessed]:
        """New data for the measure with the same stamnummer, type and start date."""
        return self._record("CorrigeerTuchtmaatregel", rm.measure_inhoud(measure),
                            referte, rm.measure_processed)

    def cancel_measure(self, institution_number: str, stamnummer: str, measure_type: str,
                       start_date: dt.date, *, referte: str | None = None
                       ) -> r.Result[r.RecordProcessed]:
        return self._record("AnnuleerTuchtmaatregel", rm.measure_key(
            institution_number, stamnummer, measure_type, start_date), referte,
            rm.measure_processed)

    def measures(self, institution_number: str, *, school_year: int | None = None,
                 referte: str | None = None) -> r.Result[list[r.Measure]]:
        """The school's own registered measures (of one school year: its first year)."""
        return self._record("GeefTuchtmaatregelen", rm.consult_inhoud(
            institution_number, school_year), referte, rm.measures_answer)

    # -- message type 6: support model types 2, 4, 6, 7 ----------------------------------
    def register_support(self, support: r.SupportedStudent, *,
                         referte: str | None = None) -> r.Result[r.RecordProcessed]:
        """Register a supported student (school years 2019-2020 to 2022-2023)."""
        return self._record("RegistreerOndersteuning", rm.support_inhoud(support),
                            referte, rm.support_processed)

    def correct_support(self, support: r.SupportedStudent, *,
                        referte: str | None = None) -> r.Result[r.RecordProcessed]:
        """Another start date or supporting school, same student and school year."""
        return self._record("CorrigeerOndersteuning", rm.support_inhoud(support),
                            referte, rm.support_processed)

    def cancel_support(self, institution_number: str, stamnummer: str,
                       start_date: dt.date, *, referte: str | None = None
                       ) -> r.Result[r.RecordProcessed]:
        """Cancel the student's support in the school year of ``start_date``."""
        return self._record("AnnuleerOndersteuning", rm.support_key(
            institution_number, stamnummer, start_date), referte, rm.support_processed)

    def supported_students(self, institution_number: str, *,
                           school_year: int | None = None, referte: str | None = None
                           ) -> r.Result[list[r.SupportedStudent]]:
        """Registered by the school (ordinary) or supported by it (special needs)."""
        return self._record("GeefOndersteundeLeerlingen", rm.consult_inhoud(
            institution_number, school_year), referte, rm.supported_answer)

    # -- message type 8: refusals and dissolved enrollments -------------------------------
    def register_refusal(self, refusal: r.Refusal, *, referte: str | None = None
                         ) -> r.Result[r.RecordProcessed]:
        """Register a refusal (W) or a dissolution (O) from 2020-2021 on."""
        return self._record("RegistreerWeigering", rm.refusal_inhoud(refusal), referte,
                            rm.refusal_processed)

    def correct_refusal(self, refusal: r.Refusal, *, referte: str | None = None
                        ) -> r.Result[r.RecordProcessed]:
        return self._record("CorrigeerWeigering", rm.refusal_inhoud(refusal), referte,
                            rm.refusal_processed)

    def cancel_refusal(self, institution_number: str, insz: str, date: dt.date, *,
                       referte: str | None = None) -> r.Result[r.RecordProcessed]:
        return self._record("AnnuleerWeigering", rm.refusal_key(
            institution_number, insz, date), referte, rm.refusal_processed)

    def refusals(self, institution_number: str, *, school_year: int | None = None,
                 referte: str | None = None) -> r.Result[list[r.Refusal]]:
        return self._record("GeefWeigeringen", rm.consult_inhoud(
            institution_number, school_year), referte, rm.refusals_answer)

    def _record(self, operation: str, inhoud: dict, referte: str | None, convert):
        return self._call(operation, inhoud, referte, convert,
                          self._contract(rm.CONTRACTS[operation]))

    # -- message type 4 ------------------------------------------------------------------
    def register_certificates(self, institution_number: str,
                              certificates: list[certificate_messages.Certificate], *,
                              referte: str | None = None):
        """Register (or correct) up to 1,000 certificates at once, all or nothing.

        :returns: ``Result[CertificatesProcessed]``; a refusal names each bad item in
            ``Uitzondering.omstandigheid`` (``Studiebewijzen/Studiebewijs[2]/Soort``).
        """
        return self._call("RegistreerStudiebewijzen",
                          certificate_messages.register_inhoud(institution_number,
                                                               certificates),
                          referte, certificate_messages.processed_answer,
                          self._contract("studiebewijs"))

    def cancel_certificates(self, institution_number: str,
                            items: list[tuple[str, str, int]], *,
                            referte: str | None = None):
        """Cancel registered certificates, each (stamnummer, kind, school year)."""
        return self._call("AnnuleerStudiebewijzen",
                          certificate_messages.cancel_inhoud(institution_number, items),
                          referte, certificate_messages.processed_answer,
                          self._contract("studiebewijs"))

    def certificates(self, institution_number: str, *, stamnummer: str | None = None,
                     school_year: int | None = None, continuation: str | None = None,
                     referte: str | None = None):
        """One page of the school's own certificates (``Result.continuation``: more)."""
        inhoud = {"Instellingsnummer": institution_number, "Stamnummer": stamnummer,
                  "Schooljaar": school_year, "Vervolg": continuation}
        return self._call("GeefStudiebewijzen", inhoud, referte,
                          certificate_messages.certificates_answer, self._contract("studiebewijs"))

    def previous_certificates(self, institution_number: str, stamnummer: str, *,
                              referte: str | None = None):
        """The certificates previous schools registered for a student enrolled here."""
        inhoud = {"Instellingsnummer": institution_number, "Stamnummer": stamnummer}
        return self._call("GeefVorigeStudiebewijzen", inhoud, referte,
                          certificate_messages.previous_answer, self._contract("studiebewijs"))

    def check_admission(self, institution_number: str, stamnummer: str, *, grade: int,
                        year: int, form: str, domain: str | None = None,
                        referte: str | None = None):
        """Whether the student meets the admission conditions of the class."""
        return self._call("ControleerToelatingsvoorwaarden",
                          certificate_messages.check_inhoud(
                              institution_number, stamnummer, grade, year, form, domain),
                          referte, certificate_messages.admission_answer,
                          self._contract("studiebewijs"))

    def check_transition(self, institution_number: str, stamnummer: str, *, grade: int,
                         year: int, form: str, date: dt.date, domain: str | None = None,
                         referte: str | None = None):
        """Whether a change to the class on ``date`` needs a class council decision."""
        return self._call("ControleerOvergang",
                          certificate_messages.check_inhoud(
                              institution_number, stamnummer, grade, year, form, domain,
                              date),
                          referte, certificate_messages.transition_answer,
                          self._contract("studiebewijs"))
    # -- message type 3 ------------------------------------------------------------------
    def register_characteristics(self, institution_number: str,
                                 declarations: list[km.Declaration], *,
                                 referte: str | None = None
                                 ) -> r.Result[km.DeclarationsProcessed]:
        """Register (or correct) up to 1,000 declarations on honour, all or nothing.

        A refusal names each bad item in ``Uitzondering.omstandigheid``
        (``Leerlingenkenmerken/Leerlingenkenmerk[2]/DatumVerklaring``, 1-based).
        """
        return self._call("RegistreerLeerlingenkenmerken",
                          km.register_inhoud(institution_number, declarations), referte,
                          km.processed_answer, self._contract("leerlingenkenmerken"))

    def cancel_characteristics(self, institution_number: str,
                               declarations: list[km.Declaration], *,
                               referte: str | None = None
                               ) -> r.Result[km.DeclarationsProcessed]:
        """Cancel registered declarations (by student and date), all or nothing."""
        return self._call("AnnuleerLeerlingenkenmerken",
                          km.cancel_inhoud(institution_number, declarations), referte,
                          km.processed_answer, self._contract("leerlingenkenmerken"))

    def characteristics(self, institution_number: str, stamnummers: list[str], *,
                        referte: str | None = None
                        ) -> r.Result[list[km.StudentCharacteristics]]:
        """Whether AGODI holds characteristics for these students (up to 500, enrolled
        at the school), and the ones in force."""
        return self._call("GeefLeerlingenkenmerken",
                          km.students_inhoud(institution_number, stamnummers), referte,
                          km.characteristics_answer, self._contract("leerlingenkenmerken"))

    def indicators(self, institution_number: str, stamnummers: list[str], *,
                   referte: str | None = None) -> r.Result[list[km.StudentIndicators]]:
        """Whether these students meet the indicators thuistaal and opleidingsniveau
        moeder."""
        return self._call("GeefIndicatoren",
                          km.students_inhoud(institution_number, stamnummers), referte,
                          km.indicators_answer, self._contract("leerlingenkenmerken"))

    def own_characteristics(self, institution_number: str, *,
                            stamnummer: str | None = None,
                            continuation: str | None = None, referte: str | None = None
                            ) -> r.Result[list[km.Declaration]]:
        """One page of the school's own declarations; ``Result.continuation`` asks for
        the next."""
        inhoud = {"Instellingsnummer": institution_number, "Stamnummer": stamnummer,
                  "Vervolg": continuation}
        return self._call("GeefGeregistreerdeLeerlingenkenmerken", inhoud, referte,
                          km.declarations_answer, self._contract("leerlingenkenmerken"))

    # -- message type 7 ------------------------------------------------------------------
    def register_boarding(self, student: r.Student, stay: r.BoardingData, *,
                          referte: str | None = None) -> r.Result[r.BoardingInfo]:
        """Register a boarder's stay at a boarding school (within one school year)."""
        return self._call("RegistreerInternaatInschrijving",
                          internaat_messages.stay_inhoud(student, stay), referte,
                          internaat_messages.stay_answer, self._contract("internaat"))

    def correct_boarding(self, student: r.Student, stay: r.BoardingData, *,
                         referte: str | None = None) -> r.Result[r.BoardingInfo]:
        """Correct a stay, found by boarding school, stamnummer and start date; every
        other field is replaced (an end date left out runs the stay to the year's end)."""
        return self._call("CorrigeerInternaatInschrijving",
                          internaat_messages.stay_inhoud(student, stay), referte,
                          internaat_messages.stay_answer, self._contract("internaat"))

    def end_boarding(self, institution_number: str, stamnummer: str,
                     start_date: dt.date, end_date: dt.date, *,
                     referte: str | None = None) -> r.Result[r.BoardingInfo]:
        """End a running stay on ``end_date`` (its last day)."""
        inhoud = {"Instellingsnummer": institution_number, "Stamnummer": stamnummer,
                  "BeginDatum": start_date, "EindDatum": end_date}
        return self._call("BeeindigInternaatInschrijving", inhoud, referte,
                          internaat_messages.stay_answer, self._contract("internaat"))

    def boarding_enrollments(self, institution_number: str, *,
                             school_year: int | None = None,
                             stamnummer: str | None = None, referte: str | None = None
                             ) -> r.Result[list[r.BoardingInfo]]:
        """The boarding school's own stays of a school year (default: the current one)."""
        inhoud = {"Instellingsnummer": institution_number, "Schooljaar": school_year,
                  "Stamnummer": stamnummer}
        return self._call("GeefInternaatInschrijvingen", inhoud, referte,
                          internaat_messages.list_answer, self._contract("internaat"))

    def boarders_schools(self, institution_number: str, *,
                         school_year: int | None = None, stamnummer: str | None = None,
                         referte: str | None = None) -> r.Result[list[r.BoarderSchools]]:
        """Where the boarding school's boarders of a school year go to school."""
        inhoud = {"Instellingsnummer": institution_number, "Schooljaar": school_year,
                  "Stamnummer": stamnummer}
        return self._call("GeefSchoolInschrijvingenInternen", inhoud, referte,
                          internaat_messages.schools_answer, self._contract("internaat"))

    def running_counts(self, institution_number: str, *, stamnummer: str | None = None,
                       school_year: int | None = None,
                       referte: str | None = None) -> r.Result[r.SchoolYearCounts]:
        """The school's students' problematic half days and sick notes without a
        medical certificate this school year (or the previous one), at every school
        they attended (the counts that carry over on a change of school)."""
        inhoud = {"Instellingsnummer": institution_number, "Stamnummer": stamnummer,
                  "Schooljaar": school_year}
        return self._call("GeefDoorlopendeTellingen", inhoud, referte,
                          absence_messages.running_counts_answer, self._afwezigheid)

    def problematic_limit(self, institution_number: str, *,
                          referte: str | None = None) -> r.Result[r.ThirtyList]:
        """The school's students at 30 problematic half days or more this school
        year, counted across schools, with the day of the 30th."""
        inhoud = {"Instellingsnummer": institution_number}
        return self._call("GeefLeerlingenMet30Problematisch", inhoud, referte,
                          absence_messages.thirty_answer, self._afwezigheid)

    def nursery_attendance(self, institution_number: str, *,
                           stamnummer: str | None = None, school_year: int | None = None,
                           referte: str | None = None) -> r.Result[r.NurseryYear]:
        """Half days of nursery attendance of a basic school's students in a school
        year (default: the previous one), against the language-test threshold."""
        inhoud = {"Instellingsnummer": institution_number, "Stamnummer": stamnummer,
                  "Schooljaar": school_year}
        return self._call("GeefKleuterparticipatie", inhoud, referte,
                          absence_messages.nursery_answer, self._afwezigheid)

    def absence_problems(self, institution_number: str, *, referte: str | None = None
                         ) -> r.Result[r.Problems]:
        """The school's half days (this and last school year) its enrollment data no
        longer carry: outside an enrollment, or with a code no longer allowed."""
        return self._call("GeefAfwezigheidsproblemen",
                          {"Instellingsnummer": institution_number}, referte,
                          quality_messages.problems_answer, self._afwezigheid)

    # -- quality feedback (message type 1) -----------------------------------------------
    def enrolled_students(self, institution_number: str, *, on: dt.date | None = None,
                          referte: str | None = None) -> r.Result[r.EnrolledStudents]:
        """The students enrolled at the school on a day (default today)."""
        return self._call("GeefIngeschrevenLeerlingen",
                          {"Instellingsnummer": institution_number, "Datum": on},
                          referte, quality_messages.enrolled_answer)

    def compare_students(self, institution_number: str, students: list[r.ListedStudent],
                         *, on: dt.date | None = None,
                         referte: str | None = None) -> r.Result[r.Comparison]:
        """Your list of students on a day held against Discimus: who is missing at
        AGODI, who is unknown to you, which fields differ."""
        return self._call("VergelijkLeerlingen",
                          quality_messages.compare_inhoud(institution_number, students, on),
                          referte, quality_messages.comparison_answer)

    def open_problems(self, institution_number: str, *, on: dt.date | None = None,
                      referte: str | None = None) -> r.Result[r.Problems]:
        """Open problems of the school's enrollments running on the day (default
        today) or later: double enrollments and pending INSZ numbers."""
        return self._call("GeefOpenProblemen",
                          {"Instellingsnummer": institution_number, "Datum": on},
                          referte, quality_messages.problems_answer)

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
                          dko_messages.registration_answer, self._contract("dko"))

    def correct_dko(self, student: r.Student, registration: dko_messages.DkoRegistrationData,
                    *, referte: str | None = None
                    ) -> r.Result[dko_messages.DkoRegistrationInfo]:
        return self._call("CorrigeerDkoInschrijving",
                          dko_messages.registration_inhoud(student, registration), referte,
                          dko_messages.registration_answer, self._contract("dko"))

    def deregister_dko(self, institution_number: str, stamnummer: str, school_year: int, *,
                       end_date: dt.date, referte: str | None = None
                       ) -> r.Result[dko_messages.DkoRegistrationInfo]:
        return self._call("RegistreerDkoUitschrijving",
                          dko_messages.deregistration_inhoud(institution_number, stamnummer,
                                                             school_year, end_date),
                          referte, dko_messages.registration_answer, self._contract("dko"))

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
                          referte, dko_messages.numbers_answer, self._contract("dko"))

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
        envelope, _headers = self._signed(operation, self._verzoek(inhoud, referte),
                                          self._service_of(operation, service)[1])
        return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8")

    def http_headers(self, operation: str, service: str | None = None) -> dict[str, str]:
        """The HTTP headers zeep sends with ``operation``: to post a
        :meth:`signed_request` yourself.

        The SOAPAction is the operation's soapAction in the WSDL, quoted as WS-I Basic
        Profile 1.1 (R1109) asks; the service refuses a message without it (S116).
        """
        return _headers(self._service_of(operation, service)[1], operation)

    @staticmethod
    def enrollment_inhoud(student: r.Student, enrollment: r.EnrollmentData) -> dict:
        """The Inhoud of RegistreerInschrijving / CorrigeerInschrijving."""
        return _enrollment_inhoud(student, enrollment)

    # -- plumbing ------------------------------------------------------------------------
    def _contract(self, name: str):
        """The zeep service proxy of contract ``name`` (``wsdl/<name>.wsdl``, served at
        ``/<name>``), made on first use: parsing a WSDL costs a tenth of a second, and
        most programs use one or two of the contracts."""
        if name not in self._proxies:
            zeep_client = zeep.Client(str(wsdl_path(name)), wsse=self.wsse,
                                      settings=self._settings, transport=self._transport)
            self._proxies[name] = zeep_client.create_service(
                next(iter(zeep_client.wsdl.bindings)), f"{self._base_url}/{name}")
        return self._proxies[name]

    def _service_of(self, operation: str, service: str | None = None):
        """The zeep client and service proxy whose contract has ``operation``.

        :param service: a contract's name, for an operation two contracts have
            (GeefIdentificatienummers: ``"dko"``); else found from the operation.
        """
        proxy = self._contract(service or _CONTRACT_OF.get(operation, "inschrijving"))
        return proxy._client, proxy

    def _signed(self, operation: str, verzoek: dict, service=None):
        """The signed envelope zeep would send for ``operation``, and its HTTP headers."""
        service = service or self._service_of(operation)[1]
        envelope = self._shortcut(operation, verzoek, service)
        if envelope is None:
            envelope = service._client.create_message(service, operation, Verzoek=verzoek)
        return envelope, _headers(service, operation)

    def _send(self, operation: str, verzoek: dict, service=None):
        """zeep's own ``binding.send``, with the long-list shortcut of :meth:`_shortcut`.

        ``service`` is the zeep ServiceProxy of the operation's contract; its client,
        binding and address (``_client``, ``_binding``, ``_binding_options``) are what
        zeep's own proxy call uses.
        """
        service = service or self._service_of(operation)[1]
        envelope = self._shortcut(operation, verzoek, service)
        if envelope is None:
            return getattr(service, operation)(Verzoek=verzoek)
        response = service._client.transport.post_xml(
            service._binding_options["address"], envelope, _headers(service, operation))
        binding = service._binding
        return binding.process_reply(service._client, binding.get(operation), response)

    def _shortcut(self, operation: str, verzoek: dict, service):
        """The signed envelope of a message with a long flat list, rendered by zeep for
        its first item and copied for the others (:mod:`discimus_client.item_lists`);
        None when zeep renders the whole message."""
        shortened, rest = item_lists.split(operation, verzoek)
        if not rest:
            return None
        envelope = service._binding.get(operation).create(Verzoek=shortened).content
        item_lists.expand(envelope, operation, rest)
        return self.wsse.apply(envelope, {})[0]

    def _verzoek(self, inhoud: dict, referte: str | None) -> dict:
        referte = referte or uuid.uuid4().hex
        return {"Context": self._context(referte),
                "Vragen": {"Vraag": {"Referte": referte, "Inhoud": inhoud}}}

    def _call(self, operation: str, inhoud: dict, referte: str | None, convert,
              service=None):
        verzoek = self._verzoek(inhoud, referte)
        referte = verzoek["Vragen"]["Vraag"]["Referte"]
        try:
            repliek = self._send(operation, verzoek, service)
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


# Operation → the contract (``wsdl/<name>.wsdl``) that has it; message type 1's
# operations are the default. Each message type's module lists its own operations.
_CONTRACT_OF: dict[str, str] = {
    **dict.fromkeys(absence_messages.OPERATIONS, "afwezigheid"),
    **dict.fromkeys(km.OPERATIONS, "leerlingenkenmerken"),
    **dict.fromkeys(certificate_messages.OPERATIONS, "studiebewijs"),
    **dict.fromkeys(internaat_messages.OPERATIONS, "internaat"),
    **dict.fromkeys(class_messages.OPERATIONS, "klasinformatie"),
    **dict.fromkeys(dko_messages.OPERATIONS, "dko"),
    **rm.CONTRACTS,
}


def _headers(service, operation: str) -> dict[str, str]:
    """What zeep sends with ``operation`` (its ``_set_http_headers``): the WSDL's
    soapAction, quoted as WS-I Basic Profile 1.1 (R1109) asks."""
    action = service._binding.get(operation).soapaction
    return {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"{action}"'}


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
                    next=_info(inhoud.get("VolgendeSchool")),
                    motivated_report=_report(inhoud.get("GemotiveerdVerslag")))


def _report(report: dict | None) -> r.MotivatedReport | None:
    if not report:
        return None
    return r.MotivatedReport(report_date=report["Datum"], kind=report["Type"],
                             valid_from=report["GeldigVan"],
                             valid_to=report.get("GeldigTot"))
