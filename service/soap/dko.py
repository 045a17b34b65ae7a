"""DKO, part-time arts education: the academies' own channel (000 §1.1, 002).

Published as its own spyne Application at ``/dko`` with its own WSDL and target
namespace (``namespaces.DKO``), and its own rights: an academy's DKO mandate, never a
school's (``services/dko_common.py``). Operations:

- RegistreerDkoInschrijving, CorrigeerDkoInschrijving, RegistreerDkoUitschrijving
  (academy → AGODI); a missing or wrong INSZ is looked up on receipt
- GeefIdentificatienummers (consultation): supplied, pseudo and wrong numbers

Each method converts, calls one use case through :func:`adapter.call`, converts back.
The documented contract types live in ``soap/dko_types.py``.
"""
from __future__ import annotations

from spyne import Application, ServiceBase
from spyne.protocol.soap import Soap11

from discimus_service.domain.dko import Discipline, FeeCategory
from discimus_service.domain.model import Address, Identification, Sex
from discimus_service.services.consult_identification_numbers import consult_dko_numbers
from discimus_service.services.deregister_dko import deregister_dko
from discimus_service.services.dko_views import (
    DkoDeregistrationQuestion, DkoQuestion, DkoView,
)
from discimus_service.services.register_dko import correct_dko, register_dko
from discimus_service.soap import identificatienummers
from discimus_service.soap.adapter import call
from discimus_service.soap.dko_types import (
    IDENTIFICATIENUMMERS, DkoInschrijvingAntwoordInhoudType, DkoInschrijvingResultaatType,
    DkoInschrijvingVraagInhoudType, DkoUitschrijvingVraagInhoudType,
)
from discimus_service.soap.generiek import repliek_type, verzoek_type
from discimus_service.soap.namespaces import DKO as NS
from discimus_service.soap.operations import operation


# -- conversions ---------------------------------------------------------------------------
def _blank_to_none(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def registration_question(inhoud) -> DkoQuestion:
    lln, ins, adr = inhoud.Leerling, inhoud.Inschrijving, inhoud.Leerling.Adres
    return DkoQuestion(
        institution_number=ins.Instellingsnummer, school_year=ins.Schooljaar,
        identification=Identification(
            insz=_blank_to_none(lln.INSZ), stamnummer=lln.Stamnummer,
            first_name=lln.Voornaam, last_name=lln.Naam, birth_date=lln.Geboortedatum,
            sex=Sex(lln.Geslacht), nationality=lln.Nationaliteit,
            address=Address(
                street=_blank_to_none(adr.Straat),
                house_number=_blank_to_none(adr.Huisnummer),
                box=_blank_to_none(adr.Busnummer),
                postcode=_blank_to_none(adr.Postcode),
                municipality=_blank_to_none(adr.Gemeente), country=adr.Land)),
        discipline=Discipline(ins.Studierichting),
        fee_category=FeeCategory(ins.Tariefcategorie),
        registration_date=ins.DatumInschrijving)


def deregistration_question(inhoud) -> DkoDeregistrationQuestion:
    return DkoDeregistrationQuestion(inhoud.Instellingsnummer, inhoud.Stamnummer,
                                     inhoud.Schooljaar, inhoud.EindDatum)


def registration_inhoud(v: DkoView):
    return DkoInschrijvingAntwoordInhoudType(Inschrijving=DkoInschrijvingResultaatType(
        DiscimusReferte=v.discimus_referte, Instellingsnummer=v.institution_number,
        InstellingNaam=v.academy_name, Stamnummer=v.stamnummer,
        Schooljaar=v.school_year, INSZ=v.insz, Studierichting=v.discipline.value,
        Tariefcategorie=v.fee_category.value, DatumInschrijving=v.registration_date,
        EindDatum=v.end_date, Status=v.status))


# -- the service ---------------------------------------------------------------------------
InschrijvingVerzoek = verzoek_type("DkoInschrijving", NS, DkoInschrijvingVraagInhoudType)
InschrijvingRepliek = repliek_type("DkoInschrijving", NS, DkoInschrijvingAntwoordInhoudType)
UitschrijvingVerzoek = verzoek_type("DkoUitschrijving", NS, DkoUitschrijvingVraagInhoudType)


class DkoService(ServiceBase):
    @operation("RegistreerDkoInschrijving", InschrijvingVerzoek, InschrijvingRepliek,
               "Register a student at an academy for a school year; a missing or wrong "
               "INSZ is looked up at once.")
    def registreer_dko_inschrijving(ctx, verzoek):
        return call(ctx, verzoek, operation="RegistreerDkoInschrijving",
                    repliek_type=InschrijvingRepliek, question_of=registration_question,
                    use_case=register_dko, result_type=DkoView,
                    inhoud_of=registration_inhoud)

    @operation("CorrigeerDkoInschrijving", InschrijvingVerzoek, InschrijvingRepliek,
               "Correct a registration, found by academy, stamnummer and school year.")
    def corrigeer_dko_inschrijving(ctx, verzoek):
        return call(ctx, verzoek, operation="CorrigeerDkoInschrijving",
                    repliek_type=InschrijvingRepliek, question_of=registration_question,
                    use_case=correct_dko, result_type=DkoView,
                    inhoud_of=registration_inhoud)

    @operation("RegistreerDkoUitschrijving", UitschrijvingVerzoek, InschrijvingRepliek,
               "De-register a student: the registration ends on EindDatum.")
    def registreer_dko_uitschrijving(ctx, verzoek):
        return call(ctx, verzoek, operation="RegistreerDkoUitschrijving",
                    repliek_type=InschrijvingRepliek, question_of=deregistration_question,
                    use_case=deregister_dko, result_type=DkoView,
                    inhoud_of=registration_inhoud)


def application() -> Application:
    """A fresh spyne Application for DKO (validated with lxml on the way in)."""
    numbers = identificatienummers.service(NS, IDENTIFICATIENUMMERS, consult_dko_numbers)
    return Application([DkoService, numbers], tns=NS, name="Dko",
                       in_protocol=Soap11(validator="lxml"), out_protocol=Soap11())
