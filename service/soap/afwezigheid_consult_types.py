"""Message type 2, the consultations added in issue 6: their contract types, documented.

Same namespace as ``afwezigheid_types`` (one WSDL per message type), so the simple
types are that module's. Three operations:

- GeefDoorlopendeTellingen: problematic half days and sick notes without a medical
  certificate this school year, at every school the student attended (004 §78)
- GeefLeerlingenMet30Problematisch: quality feedback, students at 30 B half days or
  more this school year (000 §1.5)
- GeefKleuterparticipatie: half days of nursery attendance and the language-test
  threshold (004 §34)
- GeefAfwezigheidsproblemen: quality feedback, the school's half days its enrollment
  data no longer carry (000 §1.5)
"""
from __future__ import annotations

from spyne.model.complex import ComplexModel
from spyne.model.primitive import Boolean, Date

from discimus_service.domain import absence_counts as attendance
from discimus_service.domain.quality import PROBLEM_MEANINGS, ProblemKind
from discimus_service.soap.afwezigheid_types import (
    AantalType, INSZType, InstellingsnummerType, SchooljaarType, StamnummerType,
)
from discimus_service.soap.documented import (
    code_list, complex_type, field, list_type, simple_type,
)
from discimus_service.soap.namespaces import AFWEZIGHEID as NS

_THRESHOLDS = " or ".join(f"{n} half days at age {age}" for age, n in sorted(
    attendance.NURSERY_THRESHOLDS.items(), key=lambda kv: -kv[0]))


@complex_type
class LeerlingenInSchooljaarVraagInhoudType(ComplexModel):
    """GeefDoorlopendeTellingen and GeefKleuterparticipatie: the asking school's
    students enrolled there today, or one of them, over one school year."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Stamnummer", field(StamnummerType, "Only this student, enrolled at the asking "
                             "school today (40010); absent: every student enrolled "
                             "there today.", optional=True)),
        ("Schooljaar", field(SchooljaarType, "The school year, by its starting year. "
                             "GeefDoorlopendeTellingen: the current one or the previous "
                             "one (000 §3.2), absent: the current one. "
                             "GeefKleuterparticipatie: an ended one of the last 5, "
                             "absent: the previous one, the one the language-test "
                             "threshold is about. Another: 10701.", optional=True)),
    ]


@complex_type
class SchoolVraagInhoudType(ComplexModel):
    """GeefLeerlingenMet30Problematisch and GeefAfwezigheidsproblemen: about the asking
    school's own students and registrations as a whole."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
    ]


@complex_type
class SchoolTellingType(ComplexModel):
    """One school's counts for the student this school year: only the numbers, never
    the days (004 §78)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school that registered "
                                    "them (the asking school too).")),
        ("AantalProblematischeDagdelen", field(AantalType, "Half days with code B.")),
        ("AantalZiektebriefjes", field(AantalType, "Sick notes without a medical "
                                       "certificate: runs of consecutive school half "
                                       "days marked ZonderMedischAttest.")),
    ]


SchoolTellingenType = list_type(
    "SchoolTellingenType", NS, "Per school, by institution number.", SchoolTellingType,
    "School", "One school's counts.", at_least=1)


@complex_type
class DoorlopendeTellingType(ComplexModel):
    """One student's running counts this school year, over every school attended."""

    __namespace__ = NS
    _type_info = [
        ("Stamnummer", field(StamnummerType, "The student's number at the asking "
                             "school.")),
        ("INSZ", field(INSZType, "The student's INSZ, by which the schools are matched; "
                       "absent for a student without one (then only the asking school "
                       "counts).", optional=True)),
        ("AantalProblematischeDagdelen", field(AantalType, "All schools together.")),
        ("AantalZiektebriefjes", field(AantalType, "All schools together.")),
        ("GrensProblematischBereikt", field(Boolean, f"true at "
                                           f"{attendance.PROBLEMATIC_LIMIT} problematic "
                                           "half days or more: the CLB acts and AGODI "
                                           "is told (004 §30).")),
        ("GrensZiektebriefjesOverschreden", field(Boolean, "true above "
                                                 f"{attendance.SICK_NOTES_PER_YEAR} sick "
                                                 "notes this school year (004 §78).")),
        ("DatumDertigsteDagdeel", field(Date, "The day of the 30th problematic half "
                                        "day; absent below 30.", optional=True)),
        ("Scholen", field(SchoolTellingenType, "Each school's share.")),
    ]


DoorlopendeTellingenType = list_type(
    "DoorlopendeTellingenType", NS, "By stamnummer; a student with neither a B half "
    "day nor a sick note this school year is left out; empty when none.",
    DoorlopendeTellingType, "Leerling", "One student.")


@complex_type
class GeefDoorlopendeTellingenAntwoordInhoudType(ComplexModel):
    """The running counts of the asking school's students this school year."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Schooljaar", field(SchooljaarType, "The school year counted (the current one "
                             "up to today).")),
        ("Leerlingen", field(DoorlopendeTellingenType, "The students with a B half day "
                             "or a sick note.")),
    ]


# -- quality feedback: 30 problematic half days ----------------------------------------
@complex_type
class SchoolProblematischType(ComplexModel):
    """One school's problematic half days of the student this school year."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school that registered "
                                    "them (the asking school too).")),
        ("AantalProblematischeDagdelen", field(AantalType, "Half days with code B.")),
    ]


ScholenProblematischType = list_type(
    "ScholenProblematischType", NS, "Per school, by institution number.",
    SchoolProblematischType, "School", "One school's count.", at_least=1)


@complex_type
class LeerlingMet30ProblematischType(ComplexModel):
    """A student at 30 problematic half days or more this school year, across schools."""

    __namespace__ = NS
    _type_info = [
        ("Stamnummer", field(StamnummerType, "The student's number at the asking "
                             "school.")),
        ("INSZ", field(INSZType, "The student's INSZ, by which the schools are "
                       "matched.", optional=True)),
        ("AantalProblematischeDagdelen", field(AantalType, "All schools together, 30 or "
                                               "more.")),
        ("DatumDertigsteDagdeel", field(Date, "The day of the 30th: from then on the CLB "
                                        "acts automatically and AGODI is told (004 "
                                        "§30).")),
        ("Scholen", field(ScholenProblematischType, "Each school's share.")),
    ]


LeerlingenMet30ProblematischType = list_type(
    "LeerlingenMet30ProblematischType", NS, "By stamnummer; empty when none.",
    LeerlingMet30ProblematischType, "Leerling", "One student.")


@complex_type
class GeefLeerlingenMet30ProblematischAntwoordInhoudType(ComplexModel):
    """The asking school's students at 30 problematic half days or more this school
    year (quality feedback, 000 §1.5)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Schooljaar", field(SchooljaarType, "The current school year.")),
        ("Leerlingen", field(LeerlingenMet30ProblematischType, "The students.")),
    ]


# -- nursery attendance --------------------------------------------------------------------
@complex_type
class KleuterschoolType(ComplexModel):
    """One nursery school's share of the student's attendance."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The nursery school.")),
        ("AantalSchooldagdelen", field(AantalType, "School half days while enrolled "
                                       "there: weekdays of the enrollment, mornings "
                                       "and afternoons, without Wednesday afternoons, "
                                       "school holidays and public holidays.")),
        ("AantalAfwezig", field(AantalType, "Of those, half days registered absent, "
                                "whatever the code.")),
        ("AantalAanwezig", field(AantalType, "School half days minus absent ones.")),
    ]


KleuterscholenType = list_type(
    "KleuterscholenType", NS, "Per nursery school, by institution number.",
    KleuterschoolType, "School", "One school.", at_least=1)


@complex_type
class KleuterparticipatieType(ComplexModel):
    """One student's nursery attendance in the school year."""

    __namespace__ = NS
    _type_info = [
        ("Stamnummer", field(StamnummerType, "The student's number at the asking "
                             "school.")),
        ("INSZ", field(INSZType, "The student's INSZ, by which other schools are "
                       "matched.", optional=True)),
        ("Geboortedatum", field(Date, "As the asking school sent it.")),
        ("Leeftijd", field(AantalType, "The age the child reaches in the calendar year "
                           "after the school year's start (the year primary would "
                           "start).")),
        ("AantalSchooldagdelen", field(AantalType, "All nursery schools together.")),
        ("AantalAfwezig", field(AantalType, "All nursery schools together.")),
        ("AantalAanwezig", field(AantalType, "All nursery schools together.")),
        ("Drempel", field(AantalType, f"Half days present needed to start primary "
                          f"without a language test: {_THRESHOLDS} (004 §34); absent "
                          "for another age.", optional=True)),
        ("DrempelBereikt", field(Boolean, "Whether AantalAanwezig reaches Drempel; "
                                 "absent when there is no Drempel.", optional=True)),
        ("Scholen", field(KleuterscholenType, "Each nursery school's share.")),
    ]


KleuterparticipatiesType = list_type(
    "KleuterparticipatiesType", NS, "By stamnummer; only students enrolled at a "
    "nursery school that school year; empty when none.", KleuterparticipatieType,
    "Leerling", "One student.")


@complex_type
class GeefKleuterparticipatieAntwoordInhoudType(ComplexModel):
    """Nursery attendance of the asking school's students."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Schooljaar", field(SchooljaarType, "The school year counted.")),
        ("KalenderBenaderd", field(Boolean, "true when the emulator's calendar table "
                                   "does not hold this school year: its school half "
                                   "days then leave out only the fixed public holidays "
                                   "and July and August.")),
        ("Leerlingen", field(KleuterparticipatiesType, "The students.")),
    ]




# -- quality feedback: absence problems ------------------------------------------------------
_ABSENCE_PROBLEMS = (ProblemKind.ABSENCE_OUTSIDE_ENROLLMENT,
                     ProblemKind.ABSENCE_CODE_INVALID)
AfwezigheidsprobleemSoortType = code_list(
    "AfwezigheidsprobleemSoortType", NS, "What kind of problem.",
    {k.value: PROBLEM_MEANINGS[k] for k in _ABSENCE_PROBLEMS})
OmschrijvingType = simple_type("OmschrijvingType", NS, "A plain-words description, at "
                               "most 300 characters.", max_len=300)


@complex_type
class AfwezigheidsprobleemType(ComplexModel):
    """Half days of one student and one code that the school's enrollment data no
    longer carry."""

    __namespace__ = NS
    _type_info = [
        ("Soort", field(AfwezigheidsprobleemSoortType, "What kind of problem.")),
        ("Stamnummer", field(StamnummerType, "The student.")),
        ("Omschrijving", field(OmschrijvingType, "How many half days, which code.")),
        ("BeginDatum", field(Date, "The first of those half days.")),
        ("EindDatum", field(Date, "The last of those half days.")),
    ]


AfwezigheidsproblemenType = list_type(
    "AfwezigheidsproblemenType", NS, "By stamnummer and kind; empty when none.",
    AfwezigheidsprobleemType, "Probleem", "One problem.")


@complex_type
class GeefAfwezigheidsproblemenAntwoordInhoudType(ComplexModel):
    """The asking school's half days, this and the previous school year, that its
    enrollment data no longer carry (000 §1.5: the inconsistency screen)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Problemen", field(AfwezigheidsproblemenType, "The problems.")),
    ]
