"""Message type 1, enrollments and de-registrations: contract types and @rpc adapters.

Published as its own spyne Application at ``/inschrijving`` with its own WSDL and target
namespace (``namespaces.INSCHRIJVING``). Operations:

- RegistreerInschrijving, CorrigeerInschrijving, RegistreerUitschrijving (school → AGODI)
- GeefDubbeleInschrijvingen, GeefSchoolloopbaan (consultations back to the school)
- GeefIngeschrevenLeerlingen, VergelijkLeerlingen, GeefOpenProblemen (quality
  feedback, 000 §1.5, issue 6; their types in ``soap/inschrijving_quality_types.py``)

Each method converts, calls one use case through :func:`adapter.call`, converts back.
The documented contract types live in ``soap/inschrijving_types.py``.
"""
from __future__ import annotations

from spyne import Application, ServiceBase
from spyne.protocol.soap import Soap11

from discimus_service.domain.model import Aanleiding, Deregistration
from discimus_service.services import views
from discimus_service.services.consult_career import consult_career
from discimus_service.services.consult_double_enrollments import consult_double_enrollments
from discimus_service.services.correct_enrollment import correct_enrollment
from discimus_service.services.deregister_enrollment import deregister_enrollment
from discimus_service.services.register_enrollment import register_enrollment
from discimus_service.services.compare_students import compare_students
from discimus_service.services.consult_enrolled_students import consult_enrolled_students
from discimus_service.services.consult_open_problems import consult_open_problems
from discimus_service.services.quality_views import (
    ComparisonView, EnrolledStudentsView, ProblemsView,
)
from discimus_service.soap import inschrijving_quality as quality
from discimus_service.services.consult_identification_numbers import (
    consult_school_numbers,
)
from discimus_service.soap import identificatienummers
from discimus_service.soap.adapter import call
from discimus_service.soap.generiek import repliek_type, verzoek_type
from discimus_service.soap.identification_types import identification_of
from discimus_service.soap.inschrijving_types import (
    INSZType, DubbeleInschrijvingenAntwoordInhoudType, DubbeleInschrijvingenVraagInhoudType,
    DubbeleInschrijvingType, InschrijvingAntwoordInhoudType, InschrijvingResultaatType,
    GemotiveerdVerslagType, InschrijvingVraagInhoudType, InstellingsnummerType, PeriodeType,
    PersoonsnaamType, SchoolloopbaanAntwoordInhoudType, SchoolloopbaanVraagInhoudType,
    StamnummerType, UitschrijvingVraagInhoudType, VervolgType,
)
from discimus_service.soap.namespaces import INSCHRIJVING as NS
from discimus_service.soap.operations import operation

# -- conversions ---------------------------------------------------------------------------
def _blank_to_none(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def enrollment_question(inhoud) -> views.EnrollmentQuestion:
    ins = inhoud.Inschrijving
    return views.EnrollmentQuestion(
        identification=identification_of(inhoud.Leerling),
        institution_number=ins.Instellingsnummer,
        administrative_group=ins.AdministratieveGroep,
        establishment=_blank_to_none(ins.Vestigingsplaats),
        start_date=ins.BeginDatum,
        first_attendance_date=ins.DatumEersteLes,
        registration_date=ins.DatumInschrijving,
    )


def deregistration_question(inhoud) -> views.DeregistrationQuestion:
    u = inhoud.Uitschrijving
    return views.DeregistrationQuestion(
        institution_number=inhoud.Instellingsnummer,
        stamnummer=inhoud.Stamnummer,
        start_date=inhoud.BeginDatum,
        deregistration=Deregistration(end_date=u.EindDatum, reason=Aanleiding(u.Aanleiding),
                                      situation_after=u.SituatieNa),
    )


def double_enrollments_question(inhoud) -> views.DoubleEnrollmentsQuestion:
    return views.DoubleEnrollmentsQuestion(inhoud.Instellingsnummer, inhoud.Datum,
                                           continuation=inhoud.Vervolg)


def career_question(inhoud) -> views.CareerQuestion:
    return views.CareerQuestion(inhoud.Instellingsnummer, _blank_to_none(inhoud.INSZ),
                                _blank_to_none(inhoud.Stamnummer))


def enrollment_result(v: views.EnrollmentView | None):
    if v is None:
        return None
    return InschrijvingResultaatType(
        DiscimusReferte=v.discimus_referte, Instellingsnummer=v.institution_number,
        InstellingNaam=v.institution_name, Stamnummer=v.stamnummer,
        AdministratieveGroep=v.administrative_group, BeginDatum=v.start_date,
        DatumInschrijving=v.registration_date, DatumEersteLes=v.first_attendance_date,
        EindDatum=v.end_date, Status=v.status)


def enrollment_inhoud(v: views.EnrollmentView):
    return InschrijvingAntwoordInhoudType(Inschrijving=enrollment_result(v))


def double_enrollments_inhoud(v: views.DoubleEnrollmentsView):
    return DubbeleInschrijvingenAntwoordInhoudType(
        Instellingsnummer=v.institution_number, Vervolg=v.continuation,
        DubbeleInschrijvingen=[DubbeleInschrijvingType(
            INSZ=d.insz, Naam=d.last_name, Voornaam=d.first_name,
            EigenInschrijving=enrollment_result(d.own),
            AndereInschrijving=enrollment_result(d.other),
            OverlapPeriode=PeriodeType(BeginDatum=d.overlap_start, EindDatum=d.overlap_end),
        ) for d in v.items])


def career_inhoud(v: views.CareerView):
    return SchoolloopbaanAntwoordInhoudType(
        INSZ=v.insz, Stamnummer=v.stamnummer, Inschrijving=enrollment_result(v.here),
        VorigeSchool=enrollment_result(v.previous),
        VolgendeSchool=enrollment_result(v.next), GemotiveerdVerslag=_report(v.report))


def _report(report):
    if report is None:
        return None
    return GemotiveerdVerslagType(Datum=report.report_date, Type=report.kind.value,
                                  GeldigVan=report.valid_from, GeldigTot=report.valid_to)


# -- the service ---------------------------------------------------------------------------
InschrijvingVerzoek = verzoek_type("Inschrijving", NS, InschrijvingVraagInhoudType)
InschrijvingRepliek = repliek_type("Inschrijving", NS, InschrijvingAntwoordInhoudType)
UitschrijvingVerzoek = verzoek_type("Uitschrijving", NS, UitschrijvingVraagInhoudType)
DubbeleVerzoek = verzoek_type("DubbeleInschrijvingen", NS,
                              DubbeleInschrijvingenVraagInhoudType)
DubbeleRepliek = repliek_type("DubbeleInschrijvingen", NS,
                              DubbeleInschrijvingenAntwoordInhoudType)
LoopbaanVerzoek = verzoek_type("Schoolloopbaan", NS, SchoolloopbaanVraagInhoudType)
LoopbaanRepliek = repliek_type("Schoolloopbaan", NS, SchoolloopbaanAntwoordInhoudType)


class InschrijvingService(ServiceBase):
    @operation("RegistreerInschrijving", InschrijvingVerzoek, InschrijvingRepliek,
               "Register a new enrollment of a student.")
    def registreer_inschrijving(ctx, verzoek):
        return call(ctx, verzoek, operation="RegistreerInschrijving",
                    repliek_type=InschrijvingRepliek, question_of=enrollment_question,
                    use_case=register_enrollment, result_type=views.EnrollmentView,
                    inhoud_of=enrollment_inhoud)

    @operation("CorrigeerInschrijving", InschrijvingVerzoek, InschrijvingRepliek,
               "Correct a registered enrollment, found by institution, stamnummer and "
               "BeginDatum.")
    def corrigeer_inschrijving(ctx, verzoek):
        return call(ctx, verzoek, operation="CorrigeerInschrijving",
                    repliek_type=InschrijvingRepliek, question_of=enrollment_question,
                    use_case=correct_enrollment, result_type=views.EnrollmentView,
                    inhoud_of=enrollment_inhoud)

    @operation("RegistreerUitschrijving", UitschrijvingVerzoek, InschrijvingRepliek,
               "Register the de-registration that ends an enrollment.")
    def registreer_uitschrijving(ctx, verzoek):
        return call(ctx, verzoek, operation="RegistreerUitschrijving",
                    repliek_type=InschrijvingRepliek, question_of=deregistration_question,
                    use_case=deregister_enrollment, result_type=views.EnrollmentView,
                    inhoud_of=enrollment_inhoud)

    @operation("GeefDubbeleInschrijvingen", DubbeleVerzoek, DubbeleRepliek,
               "List the asking institution's students who are also enrolled "
               "elsewhere over the same days, one page at a time.")
    def geef_dubbele_inschrijvingen(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefDubbeleInschrijvingen",
                    repliek_type=DubbeleRepliek, question_of=double_enrollments_question,
                    use_case=consult_double_enrollments,
                    result_type=views.DoubleEnrollmentsView,
                    inhoud_of=double_enrollments_inhoud)

    @operation("GeefSchoolloopbaan", LoopbaanVerzoek, LoopbaanRepliek,
               "Show a student's enrollment at the asking institution with the "
               "previous and next school's.")
    def geef_schoolloopbaan(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefSchoolloopbaan",
                    repliek_type=LoopbaanRepliek, question_of=career_question,
                    use_case=consult_career, result_type=views.CareerView,
                    inhoud_of=career_inhoud)

    @operation("GeefIngeschrevenLeerlingen", quality.SchoolOpDatumVerzoek,
               quality.IngeschrevenRepliek,
               "List the students enrolled at the asking school on a chosen day, as "
               "Discimus holds them.")
    def geef_ingeschreven_leerlingen(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefIngeschrevenLeerlingen",
                    repliek_type=quality.IngeschrevenRepliek,
                    question_of=quality.school_on_day, use_case=consult_enrolled_students,
                    result_type=EnrolledStudentsView, inhoud_of=quality.enrolled_inhoud)

    @operation("VergelijkLeerlingen", quality.VergelijkVerzoek, quality.VergelijkRepliek,
               "Hold the school's list of students on a day against Discimus: who is "
               "missing at AGODI, who is unknown to the school, which fields differ.")
    def vergelijk_leerlingen(ctx, verzoek):
        return call(ctx, verzoek, operation="VergelijkLeerlingen",
                    repliek_type=quality.VergelijkRepliek,
                    question_of=quality.comparison_question, use_case=compare_students,
                    result_type=ComparisonView, inhoud_of=quality.comparison_inhoud)

    @operation("GeefOpenProblemen", quality.SchoolOpDatumVerzoek, quality.ProblemenRepliek,
               "List the open problems of the asking school's current enrollments: "
               "double enrollments and pending INSZ numbers.")
    def geef_open_problemen(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefOpenProblemen",
                    repliek_type=quality.ProblemenRepliek,
                    question_of=quality.school_on_day, use_case=consult_open_problems,
                    result_type=ProblemsView, inhoud_of=quality.problems_inhoud)


# GeefIdentificatienummers: the school channel's supplied, pseudo and wrong numbers.
IDENTIFICATIENUMMERS = identificatienummers.consultation(
    NS, instellingsnummer=InstellingsnummerType, stamnummer=StamnummerType,
    insz=INSZType, naam=PersoonsnaamType, vervolg=VervolgType)


def application() -> Application:
    """A fresh spyne Application for message type 1 (validated with lxml on the way in)."""
    numbers = identificatienummers.service(NS, IDENTIFICATIENUMMERS, consult_school_numbers)
    return Application([InschrijvingService, numbers], tns=NS, name="Inschrijving",
                       in_protocol=Soap11(validator="lxml"), out_protocol=Soap11())
