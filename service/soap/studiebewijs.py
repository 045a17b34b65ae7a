"""Message type 4, certificates obtained: @rpc adapters.

Published as its own spyne Application at ``/studiebewijs`` with its own WSDL and target
namespace (``namespaces.STUDIEBEWIJS``). Operations:

- RegistreerStudiebewijzen (school → AGODI): many certificates at once; one registered
  before (student, kind, school year) takes the new data, so it also corrects
- AnnuleerStudiebewijzen (school → AGODI): remove certificates registered by mistake
- GeefStudiebewijzen (consultation): the school's own registrations
- GeefVorigeStudiebewijzen (consultation): a new student's certificates of previous
  schools (secondary: this and the previous school year)
- ControleerToelatingsvoorwaarden (consultation): the admission-condition check
- ControleerOvergang (consultation): whether a change during the year needs a class
  council decision

Each method converts, calls one use case through :func:`adapter.call`, converts back.
The documented contract types live in ``soap/studiebewijs_types.py``.
"""
from __future__ import annotations

from spyne import Application, ServiceBase
from spyne.protocol.soap import Soap11

from discimus_service.domain.admission import StudyDomain
from discimus_service.domain.certificate import CertificateData, CertificateKind, Form
from discimus_service.services.cancel_certificates import cancel_certificates
from discimus_service.services.certificate_views import (
    AdmissionView, CancelCertificatesQuestion, CancelItem, CertificateItem,
    CertificatesConsultation, CertificatesQuestion, CertificatesStoredView,
    CertificatesView, CertificateView, CheckQuestion, StudentQuestion, TransitionView,
)
from discimus_service.services.check_admission import check_admission, check_transition
from discimus_service.services.consult_certificates import (
    consult_certificates, consult_previous_certificates,
)
from discimus_service.services.register_certificates import register_certificates
from discimus_service.soap.adapter import call
from discimus_service.soap.generiek import repliek_type, verzoek_type
from discimus_service.soap.namespaces import STUDIEBEWIJS as NS
from discimus_service.soap.operations import operation
from discimus_service.soap.studiebewijs_types import (
    AnnuleerStudiebewijzenVraagInhoudType, ControleerOvergangAntwoordInhoudType,
    ControleerOvergangVraagInhoudType, ControleerToelatingsvoorwaardenAntwoordInhoudType,
    ControleerToelatingsvoorwaardenVraagInhoudType, GeefStudiebewijzenAntwoordInhoudType,
    GeefStudiebewijzenVraagInhoudType, GeefVorigeStudiebewijzenAntwoordInhoudType,
    GeefVorigeStudiebewijzenVraagInhoudType, GeregistreerdStudiebewijsType,
    RegistreerStudiebewijzenVraagInhoudType, StudiebewijzenVerwerktType, ToelatingType,
)


# -- conversions in ------------------------------------------------------------------------
def _int(text):
    return int(text) if text is not None else None


def _blank(text):
    return (text or "").strip() or None


def _item(s) -> CertificateItem:
    return CertificateItem(s.UniekeIdentificatorLeerling, s.Stamnummer, CertificateData(
        kind=CertificateKind(s.Soort), obtained_on=s.Datum, grade=_int(s.Graad),
        year=s.Leerjaar, form=Form(s.Onderwijsvorm) if s.Onderwijsvorm else None,
        study_field=_blank(s.Studierichting), study_field_code=_blank(s.StudierichtingCode),
        full_name=_blank(s.VolledigeNaam),
        excluded_forms=tuple(Form(f) for f in s.UitgeslotenOnderwijsvormen or ())))


def register_question(inhoud) -> CertificatesQuestion:
    return CertificatesQuestion(inhoud.Instellingsnummer,
                                tuple(_item(s) for s in inhoud.Studiebewijzen or ()))


def cancel_question(inhoud) -> CancelCertificatesQuestion:
    return CancelCertificatesQuestion(inhoud.Instellingsnummer, tuple(
        CancelItem(s.UniekeIdentificatorLeerling, s.Stamnummer, CertificateKind(s.Soort),
                   s.Schooljaar) for s in inhoud.TeAnnulerenStudiebewijzen or ()))


def consultation(inhoud) -> CertificatesConsultation:
    return CertificatesConsultation(inhoud.Instellingsnummer, _blank(inhoud.Stamnummer),
                                    inhoud.Schooljaar, inhoud.Vervolg)


def previous_question(inhoud) -> StudentQuestion:
    return StudentQuestion(inhoud.Instellingsnummer, inhoud.Stamnummer)


def check_question(inhoud) -> CheckQuestion:
    return CheckQuestion(
        inhoud.Instellingsnummer, inhoud.Stamnummer, int(inhoud.Graad), inhoud.Leerjaar,
        Form(inhoud.Onderwijsvorm),
        StudyDomain(inhoud.Studiedomein) if inhoud.Studiedomein else None,
        getattr(inhoud, "Datum", None))


# -- conversions out -----------------------------------------------------------------------
def _text(number):
    return str(number) if number is not None else None


def _value(e):
    return e.value if e is not None else None


def certificate_out(c: CertificateView) -> GeregistreerdStudiebewijsType:
    return GeregistreerdStudiebewijsType(
        Instellingsnummer=c.institution_number, InstellingNaam=c.institution_name,
        UniekeIdentificatorLeerling=c.student_id, Stamnummer=c.stamnummer,
        Soort=c.kind.value, Datum=c.obtained_on, Schooljaar=c.school_year,
        VolledigeNaam=c.full_name, Graad=_text(c.grade), Leerjaar=c.year,
        Onderwijsvorm=_value(c.form), Studierichting=c.study_field,
        StudierichtingCode=c.study_field_code,
        UitgeslotenOnderwijsvormen=[f.value for f in c.excluded_forms] or None)


def stored_inhoud(v: CertificatesStoredView):
    return StudiebewijzenVerwerktType(
        Instellingsnummer=v.institution_number, AantalNieuw=v.new,
        AantalGewijzigd=v.replaced, AantalOngewijzigd=v.unchanged,
        AantalGeannuleerd=v.cancelled)


def certificates_inhoud(v: CertificatesView):
    return GeefStudiebewijzenAntwoordInhoudType(
        Instellingsnummer=v.institution_number, Vervolg=v.continuation,
        Studiebewijzen=[certificate_out(c) for c in v.items])


def previous_inhoud(v: CertificatesView):
    return GeefVorigeStudiebewijzenAntwoordInhoudType(
        Instellingsnummer=v.institution_number, INSZ=v.insz,
        Studiebewijzen=[certificate_out(c) for c in v.items])


def toelating(v: AdmissionView) -> ToelatingType:
    return ToelatingType(
        Graad=str(v.grade), Leerjaar=v.year, Onderwijsvorm=v.form.value,
        Resultaat=v.outcome.value, Voorwaarden=[c.value for c in v.conditions],
        Regel=v.rule_id, Toelichting=v.reason,
        GebaseerdOp=certificate_out(v.based_on) if v.based_on else None)


def admission_inhoud(v: AdmissionView):
    return ControleerToelatingsvoorwaardenAntwoordInhoudType(
        Instellingsnummer=v.institution_number, Stamnummer=v.stamnummer,
        Toelating=toelating(v))


def transition_inhoud(v: TransitionView):
    return ControleerOvergangAntwoordInhoudType(
        Instellingsnummer=v.institution_number, Stamnummer=v.stamnummer, Datum=v.date,
        KlassenraadNodig=v.council_needed, Redenen=list(v.reasons),
        Toelating=toelating(v.admission))


# -- the service ---------------------------------------------------------------------------
RegistreerVerzoek = verzoek_type("RegistreerStudiebewijzen", NS,
                                 RegistreerStudiebewijzenVraagInhoudType)
AnnuleerVerzoek = verzoek_type("AnnuleerStudiebewijzen", NS,
                               AnnuleerStudiebewijzenVraagInhoudType)
VerwerktRepliek = repliek_type("StudiebewijzenVerwerkt", NS, StudiebewijzenVerwerktType)
GeefVerzoek = verzoek_type("GeefStudiebewijzen", NS, GeefStudiebewijzenVraagInhoudType)
GeefRepliek = repliek_type("GeefStudiebewijzen", NS, GeefStudiebewijzenAntwoordInhoudType)
VorigeVerzoek = verzoek_type("GeefVorigeStudiebewijzen", NS,
                             GeefVorigeStudiebewijzenVraagInhoudType)
VorigeRepliek = repliek_type("GeefVorigeStudiebewijzen", NS,
                             GeefVorigeStudiebewijzenAntwoordInhoudType)
ToelatingVerzoek = verzoek_type("ControleerToelatingsvoorwaarden", NS,
                                ControleerToelatingsvoorwaardenVraagInhoudType)
ToelatingRepliek = repliek_type("ControleerToelatingsvoorwaarden", NS,
                                ControleerToelatingsvoorwaardenAntwoordInhoudType)
OvergangVerzoek = verzoek_type("ControleerOvergang", NS, ControleerOvergangVraagInhoudType)
OvergangRepliek = repliek_type("ControleerOvergang", NS,
                               ControleerOvergangAntwoordInhoudType)


class StudiebewijsService(ServiceBase):
    @operation("RegistreerStudiebewijzen", RegistreerVerzoek, VerwerktRepliek,
               "Register certificates the school's students obtained, up to 1,000 per "
               "message, all or nothing; one registered before takes the new data.")
    def registreer_studiebewijzen(ctx, verzoek):
        return call(ctx, verzoek, operation="RegistreerStudiebewijzen",
                    repliek_type=VerwerktRepliek, question_of=register_question,
                    use_case=register_certificates, result_type=CertificatesStoredView,
                    inhoud_of=stored_inhoud)

    @operation("AnnuleerStudiebewijzen", AnnuleerVerzoek, VerwerktRepliek,
               "Cancel certificates registered by mistake, all or nothing.")
    def annuleer_studiebewijzen(ctx, verzoek):
        return call(ctx, verzoek, operation="AnnuleerStudiebewijzen",
                    repliek_type=VerwerktRepliek, question_of=cancel_question,
                    use_case=cancel_certificates, result_type=CertificatesStoredView,
                    inhoud_of=stored_inhoud)

    @operation("GeefStudiebewijzen", GeefVerzoek, GeefRepliek,
               "List the asking school's own certificates, of one student or all, of "
               "one school year or all, one page at a time.")
    def geef_studiebewijzen(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefStudiebewijzen",
                    repliek_type=GeefRepliek, question_of=consultation,
                    use_case=consult_certificates, result_type=CertificatesView,
                    inhoud_of=certificates_inhoud)

    @operation("GeefVorigeStudiebewijzen", VorigeVerzoek, VorigeRepliek,
               "List the certificates previous schools registered for a student "
               "enrolled at the asking school (secondary: this and the previous school "
               "year; the primary certificate always).")
    def geef_vorige_studiebewijzen(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefVorigeStudiebewijzen",
                    repliek_type=VorigeRepliek, question_of=previous_question,
                    use_case=consult_previous_certificates, result_type=CertificatesView,
                    inhoud_of=previous_inhoud)

    @operation("ControleerToelatingsvoorwaarden", ToelatingVerzoek, ToelatingRepliek,
               "Check whether a student enrolled at the asking school meets the "
               "admission conditions of a class (years 1 and 2 of grades 1 to 3), extra "
               "conditions included, on the certificates registered in Discimus.")
    def controleer_toelatingsvoorwaarden(ctx, verzoek):
        return call(ctx, verzoek, operation="ControleerToelatingsvoorwaarden",
                    repliek_type=ToelatingRepliek, question_of=check_question,
                    use_case=check_admission, result_type=AdmissionView,
                    inhoud_of=admission_inhoud)

    @operation("ControleerOvergang", OvergangVerzoek, OvergangRepliek,
               "Check whether a change of class during the school year needs a class "
               "council decision.")
    def controleer_overgang(ctx, verzoek):
        return call(ctx, verzoek, operation="ControleerOvergang",
                    repliek_type=OvergangRepliek, question_of=check_question,
                    use_case=check_transition, result_type=TransitionView,
                    inhoud_of=transition_inhoud)


def application() -> Application:
    """A fresh spyne Application for message type 4 (validated with lxml on the way in)."""
    return Application([StudiebewijsService], tns=NS, name="Studiebewijs",
                       in_protocol=Soap11(validator="lxml"), out_protocol=Soap11())
