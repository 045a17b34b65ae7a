"""Message type 7, boarding-school enrollments (internaten): @rpc adapters.

Published as its own spyne Application at ``/internaat`` with its own WSDL and target
namespace (``namespaces.INTERNAAT``). Operations:

- RegistreerInternaatInschrijving, CorrigeerInternaatInschrijving,
  BeeindigInternaatInschrijving (boarding school → AGODI)
- GeefInternaatInschrijvingen (consultation): the boarding school's own registrations
- GeefSchoolInschrijvingenInternen (consultation): where its boarders go to school

Each method converts, calls one use case through :func:`adapter.call`, converts back.
The documented contract types live in ``soap/internaat_types.py``.
"""
from __future__ import annotations

from spyne import Application, ServiceBase
from spyne.protocol.soap import Soap11

from discimus_service.services.boarding_views import (
    BoardersSchoolsView, BoardingConsultation, BoardingEndQuestion, BoardingListView,
    BoardingQuestion, BoardingView,
)
from discimus_service.services.consult_boarding import (
    consult_boarders_schools, consult_boarding,
)
from discimus_service.services.correct_boarding import correct_boarding
from discimus_service.services.end_boarding import end_boarding
from discimus_service.services.register_boarding import register_boarding
from discimus_service.soap.adapter import call
from discimus_service.soap.generiek import repliek_type, verzoek_type
from discimus_service.soap.identification_types import identification_of
from discimus_service.soap.internaat_types import (
    BeeindigInternaatInschrijvingVraagInhoudType,
    GeefInternaatInschrijvingenAntwoordInhoudType,
    GeefSchoolInschrijvingenInternenAntwoordInhoudType,
    InternaatInschrijvingAntwoordInhoudType,
    InternaatInschrijvingResultaatType, InternaatInschrijvingVraagInhoudType,
    InternaatVraagInhoudType, InternSchoolType, PeriodeType, SchoolInschrijvingType,
)
from discimus_service.soap.namespaces import INTERNAAT as NS
from discimus_service.soap.operations import operation


# -- conversions ---------------------------------------------------------------------------
def _blank_to_none(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def boarding_question(inhoud) -> BoardingQuestion:
    ins = inhoud.Inschrijving
    return BoardingQuestion(
        identification=identification_of(inhoud.Leerling),
        institution_number=ins.Instellingsnummer, establishment=ins.Vestigingsplaats,
        start_date=ins.BeginDatum, end_date=ins.EindDatum,
        itinerant_parents=bool(ins.AmbulantBeroepOuders),
        school_number=_blank_to_none(ins.Schoolnummer),
        agreement_framework=ins.Afsprakenkader, support_plan=ins.Ondersteuningsplan)


def end_question(inhoud) -> BoardingEndQuestion:
    return BoardingEndQuestion(inhoud.Instellingsnummer, inhoud.Stamnummer,
                               inhoud.BeginDatum, inhoud.EindDatum)


def consultation(inhoud) -> BoardingConsultation:
    return BoardingConsultation(inhoud.Instellingsnummer, inhoud.Schooljaar,
                                _blank_to_none(inhoud.Stamnummer))


def _result(v: BoardingView):
    return InternaatInschrijvingResultaatType(
        DiscimusReferte=v.discimus_referte, Instellingsnummer=v.institution_number,
        Stamnummer=v.stamnummer, INSZ=v.insz, Naam=v.last_name, Voornaam=v.first_name,
        Vestigingsplaats=v.establishment, Schooljaar=v.school_year,
        Periode=PeriodeType(BeginDatum=v.start_date, EindDatum=v.end_date),
        AmbulantBeroepOuders=v.itinerant_parents, Schoolnummer=v.school_number,
        Afsprakenkader=v.agreement_framework, Ondersteuningsplan=v.support_plan)


def stay_inhoud(v: BoardingView):
    return InternaatInschrijvingAntwoordInhoudType(Inschrijving=_result(v))


def list_inhoud(v: BoardingListView):
    return GeefInternaatInschrijvingenAntwoordInhoudType(
        Instellingsnummer=v.institution_number, Schooljaar=v.school_year,
        Inschrijvingen=[_result(i) for i in v.items])


def schools_inhoud(v: BoardersSchoolsView):
    return GeefSchoolInschrijvingenInternenAntwoordInhoudType(
        Instellingsnummer=v.institution_number, Schooljaar=v.school_year,
        Internen=[InternSchoolType(
            Stamnummer=b.stamnummer, INSZ=b.insz, Naam=b.last_name, Voornaam=b.first_name,
            Periode=PeriodeType(BeginDatum=b.start_date, EindDatum=b.end_date),
            Schoolnummer=b.school_number, SchoolNaam=b.school_name,
            SchoolInschrijvingen=[SchoolInschrijvingType(
                Instellingsnummer=s.institution_number, InstellingNaam=s.institution_name,
                AdministratieveGroep=s.administrative_group,
                Periode=PeriodeType(BeginDatum=s.start_date, EindDatum=s.end_date),
                SoortOnderwijs="2" if s.special_needs else "1") for s in b.schools])
            for b in v.items])


# -- the service ---------------------------------------------------------------------------
InschrijvingVerzoek = verzoek_type("InternaatInschrijving", NS,
                                   InternaatInschrijvingVraagInhoudType)
InschrijvingRepliek = repliek_type("InternaatInschrijving", NS,
                                   InternaatInschrijvingAntwoordInhoudType)
BeeindigVerzoek = verzoek_type("BeeindigInternaatInschrijving", NS,
                               BeeindigInternaatInschrijvingVraagInhoudType)
InternaatVerzoek = verzoek_type("Internaat", NS, InternaatVraagInhoudType)
LijstRepliek = repliek_type("GeefInternaatInschrijvingen", NS,
                            GeefInternaatInschrijvingenAntwoordInhoudType)
ScholenRepliek = repliek_type("GeefSchoolInschrijvingenInternen", NS,
                              GeefSchoolInschrijvingenInternenAntwoordInhoudType)


class InternaatService(ServiceBase):
    @operation("RegistreerInternaatInschrijving", InschrijvingVerzoek, InschrijvingRepliek,
               "Register a boarder's stay at the boarding school, within one school "
               "year.")
    def registreer(ctx, verzoek):
        return call(ctx, verzoek, operation="RegistreerInternaatInschrijving",
                    repliek_type=InschrijvingRepliek, question_of=boarding_question,
                    use_case=register_boarding, result_type=BoardingView,
                    inhoud_of=stay_inhoud)

    @operation("CorrigeerInternaatInschrijving", InschrijvingVerzoek, InschrijvingRepliek,
               "Correct a registered stay, found by boarding school, stamnummer and "
               "BeginDatum: every other field is replaced.")
    def corrigeer(ctx, verzoek):
        return call(ctx, verzoek, operation="CorrigeerInternaatInschrijving",
                    repliek_type=InschrijvingRepliek, question_of=boarding_question,
                    use_case=correct_boarding, result_type=BoardingView,
                    inhoud_of=stay_inhoud)

    @operation("BeeindigInternaatInschrijving", BeeindigVerzoek, InschrijvingRepliek,
               "End a running stay: give its last day.")
    def beeindig(ctx, verzoek):
        return call(ctx, verzoek, operation="BeeindigInternaatInschrijving",
                    repliek_type=InschrijvingRepliek, question_of=end_question,
                    use_case=end_boarding, result_type=BoardingView,
                    inhoud_of=stay_inhoud)

    @operation("GeefInternaatInschrijvingen", InternaatVerzoek, LijstRepliek,
               "List the boarding school's own stays of a school year, of all boarders "
               "or one.")
    def geef_inschrijvingen(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefInternaatInschrijvingen",
                    repliek_type=LijstRepliek, question_of=consultation,
                    use_case=consult_boarding, result_type=BoardingListView,
                    inhoud_of=list_inhoud)

    @operation("GeefSchoolInschrijvingenInternen", InternaatVerzoek, ScholenRepliek,
               "Show where the boarding school's boarders of a school year go to school: "
               "the schools' enrollments that share a day with each stay.")
    def geef_school_inschrijvingen(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefSchoolInschrijvingenInternen",
                    repliek_type=ScholenRepliek, question_of=consultation,
                    use_case=consult_boarders_schools, result_type=BoardersSchoolsView,
                    inhoud_of=schools_inhoud)


def application() -> Application:
    """A fresh spyne Application for message type 7 (validated with lxml on the way in)."""
    return Application([InternaatService], tns=NS, name="Internaat",
                       in_protocol=Soap11(validator="lxml"), out_protocol=Soap11())
