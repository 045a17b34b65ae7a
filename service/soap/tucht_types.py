"""Message type 5, disciplinary measures (tucht): the contract's types, documented.

The fields are the ones of 000 §6: the student (INSZ and institution number, with the
package's student id and the stamnummer as in every message type), the type of measure,
its start date and its end date (not for a definitive exclusion). The measure types
and their documentation come from the domain's table (``domain/discipline.py``).
"""
from __future__ import annotations

from spyne.model.complex import ComplexModel
from spyne.model.primitive import Date

from discimus_service.domain.discipline import (
    MEASURE_DEADLINE_DAYS, MEASURE_RULES, MeasureType,
)
from discimus_service.soap.documented import code_list, complex_type, field, list_type
from discimus_service.soap.namespaces import TUCHT as NS
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


def _measure_doc(m: MeasureType) -> str:
    rule = MEASURE_RULES[m]
    since = "; ".join(f"{'primary' if n.value == 2 else 'secondary'} schools from "
                      f"{day}" for n, day in sorted(rule.exchanged_from.items()))
    return f"{rule.meaning} Exchanged by {since}."


MaatregelTypeType = code_list(
    "MaatregelTypeType", NS, "The type of disciplinary measure. Nursery schools have "
    "none; a type outside its period or level is refused (10402).",
    {m.value: _measure_doc(m) for m in MeasureType}, codes=MeasureType)


@complex_type
class TuchtmaatregelVraagInhoudType(ComplexModel):
    """RegistreerTuchtmaatregel / CorrigeerTuchtmaatregel: one measure of one student.
    A measure is known by its student, type and start date; a correction gives the
    same three and the new rest."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school that took the "
                                    "measure.")),
        ("UniekeIdentificatorLeerling", field(UniekeIdentificatorLeerlingType,
                                              "The student's id in the package.")),
        ("Stamnummer", field(StamnummerType, "The student's number at the school; the "
                             "student must be enrolled there on BeginDatum (40010).")),
        ("INSZ", field(INSZType, "The student's INSZ, the one of the enrollment "
                       "(20400).")),
        ("Type", field(MaatregelTypeType, "The type of measure.")),
        ("BeginDatum", field(Date, "The first day of the measure; not in the future "
                             "(10002) but for a definitive exclusion with effect on 31 "
                             "August. Sent more than "
                             f"{MEASURE_DEADLINE_DAYS} days later: stored with a "
                             "warning (50400).")),
        ("EindDatum", field(Date, "The last day: required for PS and TU (10400), "
                            "refused for DU (10401); within the enrollment (40010).",
                            optional=True)),
    ]


@complex_type
class AnnuleerTuchtmaatregelVraagInhoudType(ComplexModel):
    """AnnuleerTuchtmaatregel: a measure registered before that was not taken."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("Stamnummer", field(StamnummerType, "The student's number at the school.")),
        ("Type", field(MaatregelTypeType, "The type of the registered measure.")),
        ("BeginDatum", field(Date, "Its start date; the measure must be registered "
                             "(30400).")),
    ]


@complex_type
class GeefTuchtmaatregelenVraagInhoudType(ComplexModel):
    """GeefTuchtmaatregelen: the school's own registered measures."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Schooljaar", field(SchooljaarType, "Only measures starting in this school "
                             "year; absent: all.", optional=True)),
    ]


@complex_type
class GeregistreerdeTuchtmaatregelType(ComplexModel):
    """A disciplinary measure as Discimus holds it."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("UniekeIdentificatorLeerling", field(UniekeIdentificatorLeerlingType,
                                              "The student's id in the package that "
                                              "sent it last.")),
        ("Stamnummer", field(StamnummerType, "The student's number at the school.")),
        ("INSZ", field(INSZType, "The student's INSZ.")),
        ("Type", field(MaatregelTypeType, "The type of measure.")),
        ("BeginDatum", field(Date, "The first day.")),
        ("EindDatum", field(Date, "The last day; absent for a definitive exclusion.",
                            optional=True)),
        ("DatumOntvangst", field(Date, "The day Discimus last received it.")),
    ]


GeregistreerdeTuchtmaatregelenType = list_type(
    "GeregistreerdeTuchtmaatregelenType", NS, "Measures by start date; empty when there "
    "are none.", GeregistreerdeTuchtmaatregelType, "Tuchtmaatregel", "One measure.")


@complex_type
class TuchtmaatregelVerwerktType(ComplexModel):
    """What the message did to the measure, and the measure as now registered (as it
    was, for a cancellation)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("Uitkomst", field(UitkomstType, "What was done.")),
        ("Tuchtmaatregel", field(GeregistreerdeTuchtmaatregelType, "The measure.")),
    ]


@complex_type
class GeefTuchtmaatregelenAntwoordInhoudType(ComplexModel):
    """The school's own registered measures."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Tuchtmaatregelen", field(GeregistreerdeTuchtmaatregelenType, "The measures.")),
    ]
