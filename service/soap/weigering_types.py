"""Message type 8, refusals and dissolved enrollments (weigeringen / MNGI): the
contract's types, documented.

000 §9: a school board that refuses a student, or dissolves the enrollment of a student
with specific educational needs because the adaptations are unreasonable, gives the
parents a notice of non-realised enrollment and reports it to AGODI.
"""
from __future__ import annotations

from spyne.model.complex import ComplexModel
from spyne.model.primitive import Date

from discimus_service.domain.refusals import FIRST_SCHOOL_YEAR, KIND_MEANINGS, RefusalKind
from discimus_service.soap.documented import code_list, complex_type, field, list_type
from discimus_service.soap.namespaces import WEIGERING as NS
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
SoortWeigeringType = code_list(
    "SoortWeigeringType", NS, "What was not realised: a refused enrollment or a "
    "dissolved one.", {k.value: m for k, m in KIND_MEANINGS.items()}, codes=RefusalKind)


@complex_type
class WeigeringVraagInhoudType(ComplexModel):
    """RegistreerWeigering / CorrigeerWeigering: one refusal or dissolution, known by
    the student's INSZ and its day; a correction gives the same two and the new rest."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school that refused "
                                    "or dissolved.")),
        ("UniekeIdentificatorLeerling", field(UniekeIdentificatorLeerlingType,
                                              "The student's (or candidate's) id in "
                                              "the package.")),
        ("INSZ", field(INSZType, "The student's INSZ.")),
        ("Soort", field(SoortWeigeringType, "Refusal (W) or dissolution (O).")),
        ("Datum", field(Date, "The day of the refusal or dissolution (of the notice "
                        "of non-realised enrollment), from school year "
                        f"{FIRST_SCHOOL_YEAR}-{FIRST_SCHOOL_YEAR + 1} on (10407), not "
                        "in the future (10002). A refused student is not enrolled at "
                        "the school that day (30402); a dissolved enrollment is "
                        "de-registered with reason O that day (30403).")),
        ("Stamnummer", field(StamnummerType, "For a dissolution: the dissolved "
                             "enrollment's stamnummer (10001 when absent). Ignored for "
                             "a refusal.", optional=True)),
    ]


@complex_type
class AnnuleerWeigeringVraagInhoudType(ComplexModel):
    """AnnuleerWeigering: a refusal or dissolution registered by mistake."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("INSZ", field(INSZType, "The student's INSZ.")),
        ("Datum", field(Date, "The registered day; it must be registered (30400).")),
    ]


@complex_type
class GeefWeigeringenVraagInhoudType(ComplexModel):
    """GeefWeigeringen: the school's own registered refusals and dissolutions."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Schooljaar", field(SchooljaarType, "Only this school year; absent: all.",
                             optional=True)),
    ]


@complex_type
class GeregistreerdeWeigeringType(ComplexModel):
    """A refusal or dissolution as Discimus holds it."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("UniekeIdentificatorLeerling", field(UniekeIdentificatorLeerlingType,
                                              "The id in the package that sent it "
                                              "last.")),
        ("INSZ", field(INSZType, "The student's INSZ.")),
        ("Soort", field(SoortWeigeringType, "Refusal (W) or dissolution (O).")),
        ("Datum", field(Date, "The day.")),
        ("Stamnummer", field(StamnummerType, "The dissolved enrollment's stamnummer; "
                             "absent for a refusal.", optional=True)),
        ("DatumOntvangst", field(Date, "The day Discimus last received it.")),
    ]


GeregistreerdeWeigeringenType = list_type(
    "GeregistreerdeWeigeringenType", NS, "Refusals and dissolutions by day; empty when "
    "there are none.", GeregistreerdeWeigeringType, "Weigering", "One refusal or "
    "dissolution.")


@complex_type
class WeigeringVerwerktType(ComplexModel):
    """What the message did, and the refusal as now registered (as it was, for a
    cancellation)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("Uitkomst", field(UitkomstType, "What was done.")),
        ("Weigering", field(GeregistreerdeWeigeringType, "The refusal or dissolution.")),
    ]


@complex_type
class GeefWeigeringenAntwoordInhoudType(ComplexModel):
    """The school's own registered refusals and dissolutions."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Weigeringen", field(GeregistreerdeWeigeringenType, "The refusals.")),
    ]
