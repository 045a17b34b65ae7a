"""Message type 2, the consultations of issue 6: conversions for the @rpc adapters.

The operations themselves are methods of ``AfwezigheidService`` (``soap/afwezigheid.py``,
one service per WSDL); what they convert lives here to keep that module small.
"""
from __future__ import annotations

from discimus_service.services.absence_consult_views import (
    NurseryConsultation, NurseryResult, RunningCountsResult, StudentsConsultation,
)
from discimus_service.soap.afwezigheid_consult_types import (
    DoorlopendeTellingType, GeefDoorlopendeTellingenAntwoordInhoudType,
    GeefKleuterparticipatieAntwoordInhoudType,
    GeefLeerlingenMet30ProblematischAntwoordInhoudType,
    AfwezigheidsprobleemType, GeefAfwezigheidsproblemenAntwoordInhoudType,
    KleuterparticipatieType, SchoolVraagInhoudType,
    KleuterschoolType, LeerlingenInSchooljaarVraagInhoudType,
    LeerlingMet30ProblematischType, SchoolProblematischType,
    SchoolTellingType,
)
from discimus_service.services.quality_views import ProblemsView, SchoolOnDay
from discimus_service.soap.generiek import repliek_type, verzoek_type
from discimus_service.soap.namespaces import AFWEZIGHEID as NS


def _stamnummer(inhoud) -> str | None:
    return (inhoud.Stamnummer or "").strip() or None


def students_question(inhoud) -> StudentsConsultation:
    return StudentsConsultation(inhoud.Instellingsnummer, _stamnummer(inhoud),
                                inhoud.Schooljaar)


def running_counts_inhoud(v: RunningCountsResult):
    return _counts(GeefDoorlopendeTellingenAntwoordInhoudType, v)


def problematic_limit_inhoud(v: RunningCountsResult):
    return GeefLeerlingenMet30ProblematischAntwoordInhoudType(
        Instellingsnummer=v.institution_number, Schooljaar=v.school_year,
        Leerlingen=[LeerlingMet30ProblematischType(
            Stamnummer=s.stamnummer, INSZ=s.insz,
            AantalProblematischeDagdelen=s.problematic_half_days,
            DatumDertigsteDagdeel=s.thirtieth_on,
            Scholen=[SchoolProblematischType(
                Instellingsnummer=c.institution_number,
                AantalProblematischeDagdelen=c.problematic_half_days)
                for c in s.schools if c.problematic_half_days])
            for s in v.students])


def school_question(inhoud) -> StudentsConsultation:
    return StudentsConsultation(inhoud.Instellingsnummer)


def school_on_day(inhoud) -> SchoolOnDay:
    return SchoolOnDay(inhoud.Instellingsnummer)


def absence_problems_inhoud(v: ProblemsView):
    return GeefAfwezigheidsproblemenAntwoordInhoudType(
        Instellingsnummer=v.institution_number, Problemen=[AfwezigheidsprobleemType(
            Soort=p.kind.value, Stamnummer=p.stamnummer, Omschrijving=p.detail,
            BeginDatum=p.first, EindDatum=p.last) for p in v.problems])


def _counts(inhoud_type, v: RunningCountsResult):
    return inhoud_type(
        Instellingsnummer=v.institution_number, Schooljaar=v.school_year,
        Leerlingen=[DoorlopendeTellingType(
            Stamnummer=s.stamnummer, INSZ=s.insz,
            AantalProblematischeDagdelen=s.problematic_half_days,
            AantalZiektebriefjes=s.sick_notes,
            GrensProblematischBereikt=s.problematic_limit_reached,
            GrensZiektebriefjesOverschreden=s.sick_notes_over_limit,
            DatumDertigsteDagdeel=s.thirtieth_on,
            Scholen=[SchoolTellingType(
                Instellingsnummer=c.institution_number,
                AantalProblematischeDagdelen=c.problematic_half_days,
                AantalZiektebriefjes=c.sick_notes) for c in s.schools])
            for s in v.students])


def nursery_question(inhoud) -> NurseryConsultation:
    return NurseryConsultation(inhoud.Instellingsnummer, _stamnummer(inhoud),
                               inhoud.Schooljaar)


def nursery_inhoud(v: NurseryResult):
    return GeefKleuterparticipatieAntwoordInhoudType(
        Instellingsnummer=v.institution_number, Schooljaar=v.school_year,
        KalenderBenaderd=v.calendar_approximate,
        Leerlingen=[KleuterparticipatieType(
            Stamnummer=s.stamnummer, INSZ=s.insz, Geboortedatum=s.birth_date,
            Leeftijd=s.age, AantalSchooldagdelen=s.school_half_days,
            AantalAfwezig=s.absent, AantalAanwezig=s.present, Drempel=s.threshold,
            DrempelBereikt=s.threshold_met,
            Scholen=[KleuterschoolType(
                Instellingsnummer=c.institution_number,
                AantalSchooldagdelen=c.school_half_days, AantalAfwezig=c.absent,
                AantalAanwezig=c.present) for c in s.schools])
            for s in v.students])


# One question shape for two operations, so one Verzoek type named for the shape.
LeerlingenVerzoek = verzoek_type("LeerlingenInSchooljaar", NS,
                                 LeerlingenInSchooljaarVraagInhoudType)
TellingenVerzoek = KleuterVerzoek = LeerlingenVerzoek
TellingenRepliek = repliek_type("GeefDoorlopendeTellingen", NS,
                                GeefDoorlopendeTellingenAntwoordInhoudType)
# One question shape (the school as a whole) for two operations.
SchoolVerzoek = DertigVerzoek = verzoek_type("School", NS, SchoolVraagInhoudType)
DertigRepliek = repliek_type("GeefLeerlingenMet30Problematisch", NS,
                             GeefLeerlingenMet30ProblematischAntwoordInhoudType)
KleuterRepliek = repliek_type("GeefKleuterparticipatie", NS,
                              GeefKleuterparticipatieAntwoordInhoudType)
ProblemenRepliek = repliek_type("GeefAfwezigheidsproblemen", NS,
                                GeefAfwezigheidsproblemenAntwoordInhoudType)
