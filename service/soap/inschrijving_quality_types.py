"""Message type 1, quality feedback (000 §1.5, issue 6): the contract's types, documented.

Three consultations back to the school on ``/inschrijving``:

- GeefIngeschrevenLeerlingen: the students enrolled on a chosen day, as Discimus holds
  them
- VergelijkLeerlingen: the school's own list held against Discimus: missing at AGODI,
  unknown to the school, fields that differ
- GeefOpenProblemen: the control panel: double enrollments, pending INSZ numbers

Same namespace as ``inschrijving_types`` (one WSDL per message type), whose simple
types these reuse.
"""
from __future__ import annotations

from spyne.model.complex import ComplexModel
from spyne.model.primitive import Date, Integer

from discimus_service.domain.quality import (
    DIFFERENCE_MEANINGS, MAX_COMPARED_STUDENTS, PROBLEM_MEANINGS, DifferenceKind,
    ProblemKind,
)
from discimus_service.soap.documented import (
    code_list, complex_type, field, list_type, simple_type,
)
from discimus_service.soap.inschrijving_types import (
    AdministratieveGroepType, INSZType, InstellingsnummerType, PersoonsnaamType,
    StamnummerType,
)
from discimus_service.soap.namespaces import INSCHRIJVING as NS

AantalLeerlingenType = simple_type("AantalLeerlingenType", NS, "A number of students, "
                                   "0 or more.", model=Integer, ge=0)
VerschilSoortType = code_list(
    "VerschilSoortType", NS, "What kind of difference.",
    {k.value: m for k, m in DIFFERENCE_MEANINGS.items()}, codes=DifferenceKind)
VeldnaamType = code_list("VeldnaamType", NS, "The field that differs.", {
    "INSZ": "The INSZ (national register or bis number).",
    "Voornaam": "The official first name.",
    "Naam": "The official family name.",
    "Geboortedatum": "The birth date (YYYY-MM-DD).",
    "AdministratieveGroep": "The administrative group; compared only when the school "
                            "gives it.",
})
VeldwaardeType = simple_type("VeldwaardeType", NS, "A field's value as text (a date "
                             "as YYYY-MM-DD), at most 150 characters.", max_len=150)
_INSCHRIJVING_PROBLEMS = (ProblemKind.DOUBLE_ENROLLMENT, ProblemKind.PENDING_NUMBER)
ProbleemSoortType = code_list(
    "ProbleemSoortType", NS, "What kind of problem.",
    {k.value: PROBLEM_MEANINGS[k] for k in _INSCHRIJVING_PROBLEMS})
OmschrijvingType = simple_type("OmschrijvingType", NS, "A plain-words description, at "
                               "most 300 characters.", max_len=300)


@complex_type
class SchoolOpDatumVraagInhoudType(ComplexModel):
    """GeefIngeschrevenLeerlingen and GeefOpenProblemen: the asking school, on a day."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Datum", field(Date, "The day, past or future; absent: today. "
                        "GeefIngeschrevenLeerlingen: the enrollments running that day; "
                        "GeefOpenProblemen: the problems of the enrollments running "
                        "that day or later.", optional=True)),
    ]


@complex_type
class IngeschrevenLeerlingType(ComplexModel):
    """A student enrolled on the day, as Discimus holds the enrollment."""

    __namespace__ = NS
    _type_info = [
        ("Stamnummer", field(StamnummerType, "The student's number at the school.")),
        ("INSZ", field(INSZType, "Absent while the number is pending.", optional=True)),
        ("Voornaam", field(PersoonsnaamType, "Official first name.")),
        ("Naam", field(PersoonsnaamType, "Official family name.")),
        ("Geboortedatum", field(Date, "Birth date.")),
        ("AdministratieveGroep", field(AdministratieveGroepType, "Administrative group.")),
        ("BeginDatum", field(Date, "First day of the enrollment.")),
        ("EindDatum", field(Date, "Last day, when de-registered.", optional=True)),
    ]


IngeschrevenLeerlingenType = list_type(
    "IngeschrevenLeerlingenType", NS, "By family name, first name, stamnummer; empty "
    "when none.", IngeschrevenLeerlingType, "Leerling", "One student.")


@complex_type
class GeefIngeschrevenLeerlingenAntwoordInhoudType(ComplexModel):
    """The school's students enrolled on the day (000 §1.5)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Datum", field(Date, "The day.")),
        ("Leerlingen", field(IngeschrevenLeerlingenType, "The students.")),
    ]


# -- VergelijkLeerlingen ---------------------------------------------------------------------
@complex_type
class TeVergelijkenLeerlingType(ComplexModel):
    """One student as the school's package has it."""

    __namespace__ = NS
    _type_info = [
        ("Stamnummer", field(StamnummerType, "The student's number at the school; once "
                             "per list (10009).")),
        ("INSZ", field(INSZType, "Absent or empty while pending.", optional=True)),
        ("Voornaam", field(PersoonsnaamType, "Official first name.")),
        ("Naam", field(PersoonsnaamType, "Official family name.")),
        ("Geboortedatum", field(Date, "Birth date.")),
        ("AdministratieveGroep", field(AdministratieveGroepType, "Compared when given.",
                                       optional=True)),
    ]


TeVergelijkenLeerlingenType = list_type(
    "TeVergelijkenLeerlingenType", NS, f"The school's students enrolled on the day, 1 to "
    f"{MAX_COMPARED_STUDENTS} (more: 10008; a bigger school sends one list per "
    "administrative group and reads ONBEKEND_BIJ_SCHOOL accordingly).",
    TeVergelijkenLeerlingType, "Leerling", "One student.", at_least=1)


@complex_type
class VergelijkLeerlingenVraagInhoudType(ComplexModel):
    """VergelijkLeerlingen: the school's list, to hold against Discimus."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Datum", field(Date, "The day the list is of; absent: today.", optional=True)),
        ("Leerlingen", field(TeVergelijkenLeerlingenType, "The school's list.")),
    ]


@complex_type
class VerschilType(ComplexModel):
    """One difference between the school's list and Discimus."""

    __namespace__ = NS
    _type_info = [
        ("Stamnummer", field(StamnummerType, "The student.")),
        ("Soort", field(VerschilSoortType, "What kind of difference.")),
        ("Veld", field(VeldnaamType, "For AFWIJKEND: the field.", optional=True)),
        ("WaardeSchool", field(VeldwaardeType, "For AFWIJKEND: the school's value; "
                               "absent when the school gave none.", optional=True)),
        ("WaardeAgodi", field(VeldwaardeType, "For AFWIJKEND: Discimus' value; absent "
                              "when it holds none.", optional=True)),
    ]


VerschillenType = list_type(
    "VerschillenType", NS, "By stamnummer, kind and field; empty when the list and "
    "Discimus agree.", VerschilType, "Verschil", "One difference.")


@complex_type
class VergelijkLeerlingenAntwoordInhoudType(ComplexModel):
    """The differences between the school's list and Discimus on the day."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Datum", field(Date, "The day compared.")),
        ("AantalSchool", field(AantalLeerlingenType, "Students on the school's list.")),
        ("AantalAgodi", field(AantalLeerlingenType, "Enrollments Discimus holds for "
                              "the school on the day.")),
        ("Verschillen", field(VerschillenType, "The differences.")),
    ]


# -- GeefOpenProblemen -----------------------------------------------------------------------
@complex_type
class ProbleemType(ComplexModel):
    """One open problem of one student's enrollment."""

    __namespace__ = NS
    _type_info = [
        ("Soort", field(ProbleemSoortType, "What kind of problem.")),
        ("Stamnummer", field(StamnummerType, "The student.")),
        ("Omschrijving", field(OmschrijvingType, "The problem in plain words.")),
        ("BeginDatum", field(Date, "First day concerned (the overlap, the "
                             "enrollment).", optional=True)),
        ("EindDatum", field(Date, "Last day concerned; absent: open.", optional=True)),
        ("AnderInstellingsnummer", field(InstellingsnummerType, "For a double "
                                         "enrollment: the other school.", optional=True)),
    ]


ProblemenType = list_type(
    "ProblemenType", NS, "By stamnummer and kind; empty when none.", ProbleemType,
    "Probleem", "One problem.")


@complex_type
class GeefOpenProblemenAntwoordInhoudType(ComplexModel):
    """The open problems of the school's enrollments running on the day or later
    (000 §1.5)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Problemen", field(ProblemenType, "The problems.")),
    ]
