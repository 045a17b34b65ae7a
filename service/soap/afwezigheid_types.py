"""Message type 2, absences per half day: the contract's types, documented.

Field names follow AGODI's vocabulary (004 §59-63): Unieke Identificator Leerling,
Stamnummer, Datum, Dagdeel, Code. The absence codes and the half days come from the
domain's tables (``domain/absence.py``), so the XSD documents each code with the rule
the service applies, and a code added to the domain without a meaning fails at import.
"""
from __future__ import annotations

from spyne.model.complex import ComplexModel
from spyne.model.primitive import Boolean, Date, Integer

from discimus_service.domain.absence import (
    CODE_RULES, HALF_DAY_MEANINGS, LEVEL_NAMES, MAX_ITEMS_PER_MESSAGE, AbsenceCode,
    HalfDay,
)
from discimus_service.soap.documented import (
    code_list, complex_type, field, list_type, simple_type,
)
from discimus_service.soap.namespaces import AFWEZIGHEID as NS
from discimus_service.soap.shared_types import (
    instellingsnummer_type, stamnummer_type, vervolg_type,
)

# -- simple types ----------------------------------------------------------------------------
InstellingsnummerType = instellingsnummer_type(NS)
StamnummerType = stamnummer_type(NS)
UniekeIdentificatorLeerlingType = simple_type(
    "UniekeIdentificatorLeerlingType", NS, "The student's id inside the sending "
    "software package (Unieke Identificator Leerling), 1 to 50 characters; a school "
    "using two packages has two.", min_len=1, max_len=50)
VervolgType = vervolg_type(NS)
AantalType = simple_type("AantalType", NS, "A count, 0 or more: of half days unless "
                         "the element says otherwise (sick notes, years of age).",
                         model=Integer, ge=0)


def _code_doc(code: AbsenceCode) -> str:
    rule = CODE_RULES[code]
    where = []
    if rule.levels is not None:
        where.append("only at " + " or ".join(LEVEL_NAMES[n] for n in sorted(rule.levels))
                     + " schools")
    if rule.special_needs_only:
        where.append("only in special-needs education")
    if rule.below_compulsory_age:
        where.append("only before the student reaches compulsory school age")
    if rule.valid_from or rule.valid_to:
        where.append(f"only from {rule.valid_from} to {rule.valid_to}")
    return rule.meaning + (" Allowed " + "; ".join(where) + "." if where else "")


AfwezigheidscodeType = code_list(
    "AfwezigheidscodeType", NS, "Absence code, the set in force since 1 September 2019 "
    "plus the temporary codes of 2020-2022. A code the student's level, kind of "
    "education or age does not allow is refused (10010); N and X outside their period "
    "too (10011).", {c.value: _code_doc(c) for c in AbsenceCode}, codes=AbsenceCode)
DagdeelType = code_list("DagdeelType", NS, "Which half of the day (dagdeel).",
                        {h.value: m for h, m in HALF_DAY_MEANINGS.items()}, codes=HalfDay)


# Added for issue 6, optional and at the end of the item so that every message sent
# before stays valid and means the same (absent = false).
SICK_NOTE_DOC = (
    "true: an illness half day (code Z only, else 10700) covered by a note of the "
    "parents instead of a medical certificate (ziektebriefje). A student may be ill "
    "without a medical certificate at most 4 times a school year, counted across "
    "schools (004 §78): consecutive marked school half days make one note. Absent or "
    "false: not marked. Added in issue 6; optional, so earlier messages are unchanged.")


# -- question types --------------------------------------------------------------------------
@complex_type
class AfwezigheidType(ComplexModel):
    """One half day of absence of one student."""

    __namespace__ = NS
    _type_info = [
        ("UniekeIdentificatorLeerling", field(UniekeIdentificatorLeerlingType,
                                              "The student's id in the package.")),
        ("Stamnummer", field(StamnummerType, "The student's number at the school; "
                             "the student must be enrolled there on Datum (40010).")),
        ("Datum", field(Date, "The day; not in the future (10002).")),
        ("Dagdeel", field(DagdeelType, "Morning or afternoon.")),
        ("Code", field(AfwezigheidscodeType, "The absence code.")),
        ("ZonderMedischAttest", field(Boolean, SICK_NOTE_DOC, optional=True)),
    ]


@complex_type
class HalveDagType(ComplexModel):
    """One registered half day of one student, to cancel."""

    __namespace__ = NS
    _type_info = [
        ("UniekeIdentificatorLeerling", field(UniekeIdentificatorLeerlingType,
                                              "The student's id in the package.")),
        ("Stamnummer", field(StamnummerType, "The student's number at the school.")),
        ("Datum", field(Date, "The day.")),
        ("Dagdeel", field(DagdeelType, "Morning or afternoon.")),
    ]


AfwezighedenType = list_type(
    "AfwezighedenType", NS, f"The half days of the message, 1 to {MAX_ITEMS_PER_MESSAGE} "
    f"(more: 10008). Each student's half day at most once (10009). The message is one "
    "transaction: when any item breaks a rule nothing is stored and every problem is "
    "answered, its Omstandigheid naming the item (Afwezigheden/Afwezigheid[3]/Code).",
    AfwezigheidType, "Afwezigheid", "One half day.", at_least=1)
HalveDagenType = list_type(
    "HalveDagenType", NS, f"The half days to cancel, 1 to {MAX_ITEMS_PER_MESSAGE}; all "
    "or nothing, like a registration.", HalveDagType, "HalveDag", "One half day.",
    at_least=1)


@complex_type
class RegistreerAfwezighedenVraagInhoudType(ComplexModel):
    """RegistreerAfwezigheden: a school's half days of absence, a day or a week at a
    time. A half day registered before takes the new code (50005)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("Afwezigheden", field(AfwezighedenType, "The half days.")),
    ]


@complex_type
class AnnuleerAfwezighedenVraagInhoudType(ComplexModel):
    """AnnuleerAfwezigheden: half days registered before that were no absence."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("HalveDagen", field(HalveDagenType, "The half days to cancel; each must be "
                             "registered (30030).")),
    ]


@complex_type
class GeefAfwezighedenVraagInhoudType(ComplexModel):
    """GeefAfwezigheden: the school's own registrations, of one student or all, over a
    period or all, one page at a time."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Stamnummer", field(StamnummerType, "Only this student; absent: all.",
                             optional=True)),
        ("BeginDatum", field(Date, "From this day on; absent: from the first.",
                             optional=True)),
        ("EindDatum", field(Date, "Up to this day; absent: to the last.",
                            optional=True)),
        ("Vervolg", field(VervolgType, "The Vervolg of the previous answer, to get the "
                          "next page; absent for the first page.", optional=True)),
    ]


# -- answer types ----------------------------------------------------------------------------
@complex_type
class AfwezighedenVerwerktType(ComplexModel):
    """What the message did, counted in half days."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("AantalNieuw", field(AantalType, "Half days registered for the first time.")),
        ("AantalGewijzigd", field(AantalType, "Half days registered before, now with "
                                  "the new code or student id.")),
        ("AantalOngewijzigd", field(AantalType, "Half days sent again unchanged.")),
        ("AantalGeannuleerd", field(AantalType, "Half days cancelled.")),
    ]


@complex_type
class GeregistreerdeAfwezigheidType(ComplexModel):
    """A half day of absence as Discimus holds it (004 §66, second block)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school that "
                                    "registered it.")),
        ("UniekeIdentificatorLeerling", field(UniekeIdentificatorLeerlingType,
                                              "The student's id in the package that "
                                              "sent it last.")),
        ("Stamnummer", field(StamnummerType, "The student's number at the school.")),
        ("Datum", field(Date, "The day.")),
        ("Dagdeel", field(DagdeelType, "Morning or afternoon.")),
        ("Code", field(AfwezigheidscodeType, "The absence code.")),
        ("ZonderMedischAttest", field(Boolean, "Present (true) only for an illness "
                                      "half day registered as covered by a sick note "
                                      "without a medical certificate.", optional=True)),
    ]


GeregistreerdeAfwezighedenType = list_type(
    "GeregistreerdeAfwezighedenType", NS, "Half days of absence, by date; empty when "
    "there are none.", GeregistreerdeAfwezigheidType, "Afwezigheid", "One half day.")


@complex_type
class GeefAfwezighedenAntwoordInhoudType(ComplexModel):
    """The school's own half days of absence, one page at a time (at most 500)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Afwezigheden", field(GeregistreerdeAfwezighedenType, "This page.")),
        ("Vervolg", field(VervolgType, "Present only when more half days follow: send "
                          "it back as the question's Vervolg to get the next page.",
                          optional=True)),
    ]


# -- problematic absences at other schools -----------------------------------------------
INSZType = simple_type(
    "INSZType", NS, "National register or bis number (INSZ) of the student, 11 digits, "
    "as the schools sent it with the enrollments.", max_len=20)
SchooljaarType = simple_type(
    "SchooljaarType", NS, "A school year by the year it starts in (2025: 2025-2026), as "
    "MAGDA's Schooljaar.", model=Integer, ge=2000, le=2999)


@complex_type
class GeefProblematischeAfwezighedenVraagInhoudType(ComplexModel):
    """GeefProblematischeAfwezigheden: problematic absences (code B) other schools
    registered for the asking school's students, this and the previous school year."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Stamnummer", field(StamnummerType, "Only this student, enrolled at the asking "
                             "school today (40010); absent: every student enrolled "
                             "there today.", optional=True)),
    ]


@complex_type
class ProblematischeAfwezigheidType(ComplexModel):
    """A student's problematic half days at one other school in one school year
    (004 §66, aggregated block)."""

    __namespace__ = NS
    _type_info = [
        ("Stamnummer", field(StamnummerType, "The student's number at the asking "
                             "school.")),
        ("INSZ", field(INSZType, "The student's INSZ, by which the schools are "
                       "matched.")),
        ("Instellingsnummer", field(InstellingsnummerType, "The other school, which "
                                    "registered the half days.")),
        ("Schooljaar", field(SchooljaarType, "The school year.")),
        ("Code", field(AfwezigheidscodeType, "Always B.")),
        ("AantalDagdelen", field(AantalType, "How many half days, at least 1.")),
    ]


ProblematischeAfwezighedenType = list_type(
    "ProblematischeAfwezighedenType", NS, "Counts by student, school year and other "
    "school; empty when there are none.", ProblematischeAfwezigheidType,
    "ProblematischeAfwezigheid", "One count.")


@complex_type
class GeefProblematischeAfwezighedenAntwoordInhoudType(ComplexModel):
    """The asking school's students' problematic absences at other schools."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("ProblematischeAfwezigheden", field(ProblematischeAfwezighedenType,
                                             "The counts.")),
    ]
