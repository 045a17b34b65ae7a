"""Message type 1, enrollments and de-registrations: contract types and @rpc adapters.

Published as its own spyne Application at ``/inschrijving`` with its own WSDL and target
namespace (``namespaces.INSCHRIJVING``). Operations:

- RegistreerInschrijving, CorrigeerInschrijving, RegistreerUitschrijving (school → AGODI)
- GeefDubbeleInschrijvingen, GeefSchoolloopbaan (consultations back to the school)

Each method converts, calls one use case through :func:`adapter.call`, converts back.
"""
from __future__ import annotations

from spyne import Application, ServiceBase
from spyne.model.complex import Array, ComplexModel
from spyne.model.primitive import Date, Integer, Unicode
from spyne.protocol.soap import Soap11

from discimus_service.domain.model import (
    Aanleiding, Address, Deregistration, Identification, Sex,
)
from discimus_service.services import views
from discimus_service.services.consult_career import consult_career
from discimus_service.services.consult_double_enrollments import consult_double_enrollments
from discimus_service.services.correct_enrollment import correct_enrollment
from discimus_service.services.deregister_enrollment import deregister_enrollment
from discimus_service.services.register_enrollment import register_enrollment
from discimus_service.soap.adapter import call
from discimus_service.soap.generiek import envelope_types, required
from discimus_service.soap.namespaces import INSCHRIJVING as NS
from discimus_service.soap.operations import operation

Text = Unicode(min_len=1, max_len=120)


class _Type(ComplexModel):
    __namespace__ = NS


# -- question types ----------------------------------------------------------------------
class AdresType(_Type):
    _type_info = [
        ("Straat", Unicode(max_len=120)),
        ("Huisnummer", Unicode(max_len=15)),
        ("Busnummer", Unicode(max_len=15)),
        ("Postcode", Unicode(max_len=10)),
        ("Gemeente", Unicode(max_len=80)),
        ("Land", required(Unicode, pattern=r"\d{5}")),
    ]


class LeerlingType(_Type):
    _type_info = [
        ("INSZ", Unicode(max_len=20)),   # empty while pending a number; checked by the domain
        ("Stamnummer", required(Unicode, max_len=10)),
        ("Voornaam", required(Text)),
        ("Naam", required(Text)),
        ("Geboortedatum", required(Date)),
        ("Geslacht", required(Unicode, values=[s.value for s in Sex])),
        ("Nationaliteit", required(Unicode, pattern=r"\d{5}")),
        ("Adres", AdresType.customize(min_occurs=1, nillable=False)),
    ]


class InschrijvingType(_Type):
    _type_info = [
        ("Instellingsnummer", required(Unicode, pattern=r"\d{1,6}")),
        ("AdministratieveGroep", required(Unicode, min_len=1, max_len=20)),
        ("Vestigingsplaats", Unicode(max_len=20)),
        ("Begindatum", required(Date)),
        ("DatumEersteLes", Date),
        ("DatumInschrijving", required(Date)),
    ]


class InschrijvingInhoud(_Type):
    _type_info = [
        ("Leerling", LeerlingType.customize(min_occurs=1, nillable=False)),
        ("Inschrijving", InschrijvingType.customize(min_occurs=1, nillable=False)),
    ]


class UitschrijvingType(_Type):
    _type_info = [
        ("Einddatum", required(Date)),
        ("Aanleiding", required(Unicode, values=[a.value for a in Aanleiding])),
        ("SituatieNa", required(Unicode, pattern=r"\d{1,2}")),
    ]


class UitschrijvingInhoud(_Type):
    _type_info = [
        ("Instellingsnummer", required(Unicode, pattern=r"\d{1,6}")),
        ("Stamnummer", required(Unicode, max_len=10)),
        ("Begindatum", required(Date)),
        ("Uitschrijving", UitschrijvingType.customize(min_occurs=1, nillable=False)),
    ]


class DubbeleInschrijvingenVraagInhoud(_Type):
    _type_info = [
        ("Instellingsnummer", required(Unicode, pattern=r"\d{1,6}")),
        ("Datum", Date),
    ]


class SchoolloopbaanVraagInhoud(_Type):
    _type_info = [
        ("Instellingsnummer", required(Unicode, pattern=r"\d{1,6}")),
        ("INSZ", Unicode(max_len=20)),
        ("Stamnummer", Unicode(max_len=10)),
    ]


# -- answer types -------------------------------------------------------------------------
class InschrijvingResultaatType(_Type):
    _type_info = [
        ("DiscimusReferte", Integer),
        ("Instellingsnummer", Unicode),
        ("InstellingNaam", Unicode),
        ("Stamnummer", Unicode),
        ("AdministratieveGroep", Unicode),
        ("Begindatum", Date),
        ("DatumInschrijving", Date),
        ("DatumEersteLes", Date),
        ("Einddatum", Date),
        ("Status", Unicode(values=["INGESCHREVEN", "UITGESCHREVEN"])),
    ]


class InschrijvingAntwoordInhoud(_Type):
    _type_info = [("Inschrijving", InschrijvingResultaatType)]


class PeriodeType(_Type):
    _type_info = [("BeginDatum", Date), ("EindDatum", Date)]


class DubbeleInschrijvingType(_Type):
    _type_info = [
        ("INSZ", Unicode),
        ("Naam", Unicode),
        ("Voornaam", Unicode),
        ("EigenInschrijving", InschrijvingResultaatType),
        ("AndereInschrijving", InschrijvingResultaatType),
        ("Overlapperiode", PeriodeType),
    ]


class DubbeleInschrijvingenAntwoordInhoud(_Type):
    _type_info = [
        ("Instellingsnummer", Unicode),
        ("DubbeleInschrijvingen", Array(DubbeleInschrijvingType,
                                        member_name="DubbeleInschrijving")),
    ]


class SchoolloopbaanAntwoordInhoud(_Type):
    _type_info = [
        ("INSZ", Unicode),
        ("Stamnummer", Unicode),
        ("Inschrijving", InschrijvingResultaatType),
        ("VorigeSchool", InschrijvingResultaatType),
        ("VolgendeSchool", InschrijvingResultaatType),
    ]


# -- conversions ---------------------------------------------------------------------------
def _blank_to_none(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def enrollment_question(inhoud) -> views.EnrollmentQuestion:
    lln, ins, adr = inhoud.Leerling, inhoud.Inschrijving, inhoud.Leerling.Adres
    return views.EnrollmentQuestion(
        identification=Identification(
            insz=_blank_to_none(lln.INSZ),
            stamnummer=lln.Stamnummer,
            first_name=lln.Voornaam,
            last_name=lln.Naam,
            birth_date=lln.Geboortedatum,
            sex=Sex(lln.Geslacht),
            nationality=lln.Nationaliteit,
            address=Address(
                street=_blank_to_none(adr.Straat),
                house_number=_blank_to_none(adr.Huisnummer),
                box=_blank_to_none(adr.Busnummer),
                postcode=_blank_to_none(adr.Postcode),
                municipality=_blank_to_none(adr.Gemeente),
                country=adr.Land,
            ),
        ),
        institution_number=ins.Instellingsnummer,
        administrative_group=ins.AdministratieveGroep,
        establishment=_blank_to_none(ins.Vestigingsplaats),
        start_date=ins.Begindatum,
        first_attendance_date=ins.DatumEersteLes,
        registration_date=ins.DatumInschrijving,
    )


def deregistration_question(inhoud) -> views.DeregistrationQuestion:
    u = inhoud.Uitschrijving
    return views.DeregistrationQuestion(
        institution_number=inhoud.Instellingsnummer,
        stamnummer=inhoud.Stamnummer,
        start_date=inhoud.Begindatum,
        deregistration=Deregistration(end_date=u.Einddatum, reason=Aanleiding(u.Aanleiding),
                                      situation_after=u.SituatieNa),
    )


def double_enrollments_question(inhoud) -> views.DoubleEnrollmentsQuestion:
    return views.DoubleEnrollmentsQuestion(inhoud.Instellingsnummer, inhoud.Datum)


def career_question(inhoud) -> views.CareerQuestion:
    return views.CareerQuestion(inhoud.Instellingsnummer, _blank_to_none(inhoud.INSZ),
                                _blank_to_none(inhoud.Stamnummer))


def enrollment_result(v: views.EnrollmentView | None):
    if v is None:
        return None
    return InschrijvingResultaatType(
        DiscimusReferte=v.discimus_referte, Instellingsnummer=v.institution_number,
        InstellingNaam=v.institution_name, Stamnummer=v.stamnummer,
        AdministratieveGroep=v.administrative_group, Begindatum=v.start_date,
        DatumInschrijving=v.registration_date, DatumEersteLes=v.first_attendance_date,
        Einddatum=v.end_date, Status=v.status)


def enrollment_inhoud(v: views.EnrollmentView):
    return InschrijvingAntwoordInhoud(Inschrijving=enrollment_result(v))


def double_enrollments_inhoud(v: views.DoubleEnrollmentsView):
    return DubbeleInschrijvingenAntwoordInhoud(
        Instellingsnummer=v.institution_number,
        DubbeleInschrijvingen=[DubbeleInschrijvingType(
            INSZ=d.insz, Naam=d.last_name, Voornaam=d.first_name,
            EigenInschrijving=enrollment_result(d.own),
            AndereInschrijving=enrollment_result(d.other),
            Overlapperiode=PeriodeType(BeginDatum=d.overlap_start, EindDatum=d.overlap_end),
        ) for d in v.items])


def career_inhoud(v: views.CareerView):
    return SchoolloopbaanAntwoordInhoud(
        INSZ=v.insz, Stamnummer=v.stamnummer, Inschrijving=enrollment_result(v.here),
        VorigeSchool=enrollment_result(v.previous),
        VolgendeSchool=enrollment_result(v.next))


# -- the service ---------------------------------------------------------------------------
RegVerzoek, RegRepliek = envelope_types("RegistreerInschrijving", NS, InschrijvingInhoud,
                                        InschrijvingAntwoordInhoud)
CorVerzoek, CorRepliek = envelope_types("CorrigeerInschrijving", NS, InschrijvingInhoud,
                                        InschrijvingAntwoordInhoud)
UitVerzoek, UitRepliek = envelope_types("RegistreerUitschrijving", NS, UitschrijvingInhoud,
                                        InschrijvingAntwoordInhoud)
DubVerzoek, DubRepliek = envelope_types("GeefDubbeleInschrijvingen", NS,
                                        DubbeleInschrijvingenVraagInhoud,
                                        DubbeleInschrijvingenAntwoordInhoud)
LoopVerzoek, LoopRepliek = envelope_types("GeefSchoolloopbaan", NS,
                                          SchoolloopbaanVraagInhoud,
                                          SchoolloopbaanAntwoordInhoud)


class InschrijvingService(ServiceBase):
    @operation("RegistreerInschrijving", RegVerzoek, RegRepliek)
    def registreer_inschrijving(ctx, verzoek):
        return call(ctx, verzoek, operation="RegistreerInschrijving", repliek_type=RegRepliek,
                    question_of=enrollment_question, use_case=register_enrollment,
                    result_type=views.EnrollmentView, inhoud_of=enrollment_inhoud)

    @operation("CorrigeerInschrijving", CorVerzoek, CorRepliek)
    def corrigeer_inschrijving(ctx, verzoek):
        return call(ctx, verzoek, operation="CorrigeerInschrijving", repliek_type=CorRepliek,
                    question_of=enrollment_question, use_case=correct_enrollment,
                    result_type=views.EnrollmentView, inhoud_of=enrollment_inhoud)

    @operation("RegistreerUitschrijving", UitVerzoek, UitRepliek)
    def registreer_uitschrijving(ctx, verzoek):
        return call(ctx, verzoek, operation="RegistreerUitschrijving",
                    repliek_type=UitRepliek, question_of=deregistration_question,
                    use_case=deregister_enrollment, result_type=views.EnrollmentView,
                    inhoud_of=enrollment_inhoud)

    @operation("GeefDubbeleInschrijvingen", DubVerzoek, DubRepliek)
    def geef_dubbele_inschrijvingen(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefDubbeleInschrijvingen",
                    repliek_type=DubRepliek, question_of=double_enrollments_question,
                    use_case=consult_double_enrollments,
                    result_type=views.DoubleEnrollmentsView,
                    inhoud_of=double_enrollments_inhoud)

    @operation("GeefSchoolloopbaan", LoopVerzoek, LoopRepliek)
    def geef_schoolloopbaan(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefSchoolloopbaan", repliek_type=LoopRepliek,
                    question_of=career_question, use_case=consult_career,
                    result_type=views.CareerView, inhoud_of=career_inhoud)


def application() -> Application:
    """A fresh spyne Application for message type 1 (validated with lxml on the way in)."""
    return Application([InschrijvingService], tns=NS, name="Inschrijving",
                       in_protocol=Soap11(validator="lxml"), out_protocol=Soap11())
