"""Message type 6, support model types 2, 4, 6 and 7 (ondersteuningsmodel): the
contract's types, documented.

The fields are the ones of 000 §7.1: the student, the start date of the support and the
special-needs school that takes the support up in that school year. The consultation
(000 §7.2) answers both schools involved.
"""
from __future__ import annotations

from spyne.model.complex import ComplexModel
from spyne.model.primitive import Date

from discimus_service.domain.support import FIRST_SCHOOL_YEAR, LEERSTEUN_SCHOOL_YEAR
from discimus_service.soap.documented import complex_type, field, list_type
from discimus_service.soap.namespaces import ONDERSTEUNING as NS
from discimus_service.soap.record_types import (
    insz_type, outcome_type, school_year_type, student_id_type,
)
from discimus_service.soap.shared_types import instellingsnummer_type, stamnummer_type

InstellingsnummerType = instellingsnummer_type(NS)
StamnummerType = stamnummer_type(NS)
UniekeIdentificatorLeerlingType = student_id_type(NS)
INSZType = insz_type(NS)
SchooljaarType = school_year_type(NS)
UitkomstType = outcome_type(NS)
_YEARS = (f"from school year {FIRST_SCHOOL_YEAR}-{FIRST_SCHOOL_YEAR + 1} (10403) up to "
          f"{LEERSTEUN_SCHOOL_YEAR - 1}-{LEERSTEUN_SCHOOL_YEAR}; from "
          f"{LEERSTEUN_SCHOOL_YEAR}-{LEERSTEUN_SCHOOL_YEAR + 1} on the Leersteun decree "
          "replaces it (10404)")


@complex_type
class OndersteuningVraagInhoudType(ComplexModel):
    """RegistreerOndersteuning / CorrigeerOndersteuning: a student of an ordinary school
    supported under the support model in one school year. One support per student and
    school year; a correction names the same student and school year and gives the
    new start date or supporting school."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The ordinary school where "
                                    "the student is enrolled (a special-needs school: "
                                    "10406).")),
        ("UniekeIdentificatorLeerling", field(UniekeIdentificatorLeerlingType,
                                              "The student's id in the package.")),
        ("Stamnummer", field(StamnummerType, "The student's number at the school; the "
                             "student must be enrolled there on BeginDatum (40010).")),
        ("INSZ", field(INSZType, "The student's INSZ; when given, the one of the "
                       "enrollment (20400). Absent: the enrollment's.", optional=True)),
        ("BeginDatum", field(Date, f"The first day of the support, {_YEARS}; not in "
                             "the future (10002).")),
        ("OndersteunendeInstelling", field(InstellingsnummerType, "The special-needs "
                                           "school that supports the student this "
                                           "school year (10405).")),
    ]


@complex_type
class AnnuleerOndersteuningVraagInhoudType(ComplexModel):
    """AnnuleerOndersteuning: a student's support registered for a school year."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The ordinary school.")),
        ("Stamnummer", field(StamnummerType, "The student's number at the school.")),
        ("BeginDatum", field(Date, "A day of the school year whose support is "
                             "cancelled; it must be registered (30400).")),
    ]


@complex_type
class GeefOndersteundeLeerlingenVraagInhoudType(ComplexModel):
    """GeefOndersteundeLeerlingen: for an ordinary school the supported students it
    registered; for a special-needs school the students it supports, as the ordinary
    schools registered them."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Schooljaar", field(SchooljaarType, "Only this school year; absent: all.",
                             optional=True)),
    ]


@complex_type
class OndersteundeLeerlingType(ComplexModel):
    """A supported student as Discimus holds it."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The ordinary school that "
                                    "registered it, where the student is enrolled.")),
        ("UniekeIdentificatorLeerling", field(UniekeIdentificatorLeerlingType,
                                              "The student's id in the ordinary "
                                              "school's package.")),
        ("Stamnummer", field(StamnummerType, "The student's number at the ordinary "
                             "school.")),
        ("INSZ", field(INSZType, "The student's INSZ; absent while it is pending.",
                       optional=True)),
        ("BeginDatum", field(Date, "The first day of the support.")),
        ("Schooljaar", field(SchooljaarType, "The school year of the support.")),
        ("OndersteunendeInstelling", field(InstellingsnummerType, "The supporting "
                                           "special-needs school.")),
        ("DatumOntvangst", field(Date, "The day Discimus last received it.")),
    ]


OndersteundeLeerlingenType = list_type(
    "OndersteundeLeerlingenType", NS, "Supported students by start date; empty when "
    "there are none.", OndersteundeLeerlingType, "OndersteundeLeerling",
    "One supported student.")


@complex_type
class OndersteuningVerwerktType(ComplexModel):
    """What the message did to the support, and the support as now registered (as it
    was, for a cancellation)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The ordinary school.")),
        ("Uitkomst", field(UitkomstType, "What was done.")),
        ("OndersteundeLeerling", field(OndersteundeLeerlingType, "The support.")),
    ]


@complex_type
class GeefOndersteundeLeerlingenAntwoordInhoudType(ComplexModel):
    """The supported students the asking school registered or supports."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("OndersteundeLeerlingen", field(OndersteundeLeerlingenType, "The students.")),
    ]
