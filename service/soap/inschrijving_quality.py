"""Message type 1, quality feedback (issue 6): conversions for the @rpc adapters.

The operations are methods of ``InschrijvingService`` (``soap/inschrijving.py``, one
service per WSDL); what they convert lives here.
"""
from __future__ import annotations

from discimus_service.domain.quality import ListedStudent
from discimus_service.services.quality_views import (
    ComparisonQuestion, ComparisonView, EnrolledStudentsView, ProblemsView, SchoolOnDay,
)
from discimus_service.soap.generiek import repliek_type, verzoek_type
from discimus_service.soap.inschrijving_quality_types import (
    GeefIngeschrevenLeerlingenAntwoordInhoudType, GeefOpenProblemenAntwoordInhoudType,
    IngeschrevenLeerlingType, ProbleemType, SchoolOpDatumVraagInhoudType,
    VergelijkLeerlingenAntwoordInhoudType, VergelijkLeerlingenVraagInhoudType,
    VerschilType,
)
from discimus_service.soap.namespaces import INSCHRIJVING as NS


def school_on_day(inhoud) -> SchoolOnDay:
    return SchoolOnDay(inhoud.Instellingsnummer, inhoud.Datum)


def enrolled_inhoud(v: EnrolledStudentsView):
    return GeefIngeschrevenLeerlingenAntwoordInhoudType(
        Instellingsnummer=v.institution_number, Datum=v.on,
        Leerlingen=[IngeschrevenLeerlingType(
            Stamnummer=s.stamnummer, INSZ=s.insz, Voornaam=s.first_name,
            Naam=s.last_name, Geboortedatum=s.birth_date,
            AdministratieveGroep=s.administrative_group, BeginDatum=s.start_date,
            EindDatum=s.end_date) for s in v.students])


def comparison_question(inhoud) -> ComparisonQuestion:
    return ComparisonQuestion(inhoud.Instellingsnummer, tuple(ListedStudent(
        s.Stamnummer, s.INSZ, s.Voornaam, s.Naam, s.Geboortedatum,
        (s.AdministratieveGroep or "").strip() or None)
        for s in inhoud.Leerlingen or ()), inhoud.Datum)


def comparison_inhoud(v: ComparisonView):
    return VergelijkLeerlingenAntwoordInhoudType(
        Instellingsnummer=v.institution_number, Datum=v.on, AantalSchool=v.compared,
        AantalAgodi=v.held, Verschillen=[VerschilType(
            Stamnummer=d.stamnummer, Soort=d.kind.value, Veld=d.field,
            WaardeSchool=d.at_school, WaardeAgodi=d.at_agodi) for d in v.differences])


def problems_inhoud(v: ProblemsView, inhoud_type=GeefOpenProblemenAntwoordInhoudType,
                    problem_type=ProbleemType):
    return inhoud_type(
        Instellingsnummer=v.institution_number, Problemen=[problem_type(
            Soort=p.kind.value, Stamnummer=p.stamnummer, Omschrijving=p.detail,
            BeginDatum=p.first, EindDatum=p.last,
            AnderInstellingsnummer=p.other_institution_number) for p in v.problems])


# One question shape (school, day) for two operations: one Verzoek type named for it.
SchoolOpDatumVerzoek = verzoek_type("SchoolOpDatum", NS, SchoolOpDatumVraagInhoudType)
IngeschrevenRepliek = repliek_type("GeefIngeschrevenLeerlingen", NS,
                                   GeefIngeschrevenLeerlingenAntwoordInhoudType)
VergelijkVerzoek = verzoek_type("VergelijkLeerlingen", NS,
                                VergelijkLeerlingenVraagInhoudType)
VergelijkRepliek = repliek_type("VergelijkLeerlingen", NS,
                                VergelijkLeerlingenAntwoordInhoudType)
ProblemenRepliek = repliek_type("GeefOpenProblemen", NS,
                                GeefOpenProblemenAntwoordInhoudType)
