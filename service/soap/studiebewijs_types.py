"""Message type 4, certificates obtained: the contract's types, documented.

Field names follow AGODI's and LED's vocabulary (Soort is LED's Bewijstype, Datum its
Uitreikingsdatum, Graad, Onderwijsvorm, Studierichting, VolledigeNaam). The kinds of
certificate, the education forms and the outcomes come from the domain's tables
(``domain/certificate.py``, ``domain/admission.py``), so the XSD documents each value
with the rule the service applies.
"""
from __future__ import annotations

from spyne.model.complex import ComplexModel
from spyne.model.primitive import Boolean, Date, Integer

from discimus_service.domain.admission import (
    CONDITION_MEANINGS, DOMAIN_MEANINGS, OUTCOME_MEANINGS, Condition, Outcome,
    StudyDomain,
)
from discimus_service.domain.certificate import (
    FORM_MEANINGS, KIND_RULES, MAX_ITEMS_PER_MESSAGE, CertificateKind, Form,
)
from discimus_service.soap.documented import (
    code_list, complex_type, field, list_type, simple_type,
)
from discimus_service.soap.namespaces import STUDIEBEWIJS as NS
from discimus_service.soap.shared_types import (
    instellingsnummer_type, stamnummer_type, vervolg_type,
)

# -- simple types --------------------------------------------------------------------------
InstellingsnummerType = instellingsnummer_type(NS)
StamnummerType = stamnummer_type(NS)
VervolgType = vervolg_type(NS)
UniekeIdentificatorLeerlingType = simple_type(
    "UniekeIdentificatorLeerlingType", NS, "The student's id inside the sending "
    "software package (Unieke Identificator Leerling), 1 to 50 characters.",
    min_len=1, max_len=50)
AantalType = simple_type("AantalType", NS, "A number of certificates, 0 or more.",
                         model=Integer, ge=0)
SchooljaarType = simple_type(
    "SchooljaarType", NS, "A school year by the year it starts in (2025: 2025-2026), as "
    "MAGDA's Schooljaar.", model=Integer, ge=2000, le=2999)
GraadType = code_list("GraadType", NS, "A grade of secondary education.", {
    "1": "First grade (eerste graad): years 1 and 2.",
    "2": "Second grade (tweede graad): years 3 and 4.",
    "3": "Third grade (derde graad): years 5 and 6, and the specialisation year."})
LeerjaarType = simple_type("LeerjaarType", NS, "A year within the grade: 1 or 2; 3 is "
                           "the specialisation year of grade 3.", model=Integer, ge=1,
                           le=3)
INSZType = simple_type("INSZType", NS, "National register or bis number (INSZ) of the "
                       "student, 11 digits, by which schools are matched.", max_len=20)
TekstType = simple_type("TekstType", NS, "Free text, at most 255 characters.",
                        max_len=255)
StudierichtingType = simple_type("StudierichtingType", NS, "A field of study "
                                 "(studierichting) as on the certificate, at most 200 "
                                 "characters.", min_len=1, max_len=200)
CodeType = simple_type("CodeType", NS, "The school's own code of the field of study, at "
                       "most 30 characters.", min_len=1, max_len=30)
ToelichtingType = simple_type("ToelichtingType", NS, "An explanation in words, at most "
                              "2,000 characters.", max_len=2000)
RegelType = simple_type("RegelType", NS, "The id of a row of the admission table (T01, "
                        "...; README 'Admission rules').", pattern=r"T\d{2}")
SoortStudiebewijsType = code_list(
    "SoortStudiebewijsType", NS, "The kind of certificate (LED Bewijstype). Kinds "
    "Discimus does not exchange are refused (10300).",
    {k.value: KIND_RULES[k].documentation() for k in CertificateKind},
    codes=CertificateKind)
OnderwijsvormType = code_list(
    "OnderwijsvormType", NS, "Education form: the stream (grade 1) or finality (grades "
    "2 and 3), or the form of before the modernisation.",
    {f.value: m for f, m in FORM_MEANINGS.items()}, codes=Form)
ResultaatType = code_list("ResultaatType", NS, "The outcome of the admission check.",
                          {o.value: m for o, m in OUTCOME_MEANINGS.items()},
                          codes=Outcome)
VoorwaardeType = code_list("VoorwaardeType", NS, "An extra admission condition.",
                           {c.value: m for c, m in CONDITION_MEANINGS.items()},
                           codes=Condition)
StudiedomeinType = code_list("StudiedomeinType", NS, "Study domain of the modernised "
                             "secondary education.",
                             {d.value: m for d, m in DOMAIN_MEANINGS.items()},
                             codes=StudyDomain)
OnderwijsvormenType = list_type(
    "OnderwijsvormenType", NS, "Education forms an orientation attest B excludes "
    "(clausulering).", OnderwijsvormType, "Onderwijsvorm", "One excluded form.",
    at_least=1)


# -- registration --------------------------------------------------------------------------
@complex_type
class StudiebewijsType(ComplexModel):
    """One certificate one student obtained at the sending school."""

    __namespace__ = NS
    _type_info = [
        ("UniekeIdentificatorLeerling", field(UniekeIdentificatorLeerlingType,
                                              "The student's id in the package.")),
        ("Stamnummer", field(StamnummerType, "The student's number at the school; the "
                             "school must have had the student that school year "
                             "(40010).")),
        ("Soort", field(SoortStudiebewijsType, "The kind of certificate.")),
        ("Datum", field(Date, "The day it was obtained (LED Uitreikingsdatum); not in "
                        "the future, not before 1 September 2016 (10002); sent more "
                        "than 7 days later: stored with WAARSCHUWING 50300.")),
        ("Graad", field(GraadType, "The grade it was obtained in; secondary "
                        "certificates only (10303).", optional=True)),
        ("Leerjaar", field(LeerjaarType, "The year of the grade; secondary "
                           "certificates only (10303).", optional=True)),
        ("Onderwijsvorm", field(OnderwijsvormType, "The stream or finality; secondary "
                                "certificates only (10303).", optional=True)),
        ("Studierichting", field(StudierichtingType, "The field of study, as on the "
                                 "certificate.", optional=True)),
        ("StudierichtingCode", field(CodeType, "The school's code of the field of "
                                     "study.", optional=True)),
        ("VolledigeNaam", field(TekstType, "The full name as printed on the "
                                "certificate; absent: the kind's name.", optional=True)),
        ("UitgeslotenOnderwijsvormen", field(OnderwijsvormenType, "What an orientation "
                                             "attest B excludes: required with OB, not "
                                             "allowed otherwise (10304).",
                                             optional=True)),
    ]


StudiebewijzenType = list_type(
    "StudiebewijzenType", NS, f"The certificates of the message, 1 to "
    f"{MAX_ITEMS_PER_MESSAGE} (more: 10008); each student's kind and school year at "
    "most once (10305). One transaction: when any item breaks a rule nothing is stored "
    "and every problem is answered, its Omstandigheid naming the item "
    "(Studiebewijzen/Studiebewijs[3]/Graad).", StudiebewijsType, "Studiebewijs",
    "One certificate.", at_least=1)


@complex_type
class RegistreerStudiebewijzenVraagInhoudType(ComplexModel):
    """RegistreerStudiebewijzen: certificates obtained; one registered before (same
    student, kind and school year) takes the new data (50301)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school that gave them.")),
        ("Studiebewijzen", field(StudiebewijzenType, "The certificates.")),
    ]


@complex_type
class TeAnnulerenStudiebewijsType(ComplexModel):
    """One registered certificate to cancel."""

    __namespace__ = NS
    _type_info = [
        ("UniekeIdentificatorLeerling", field(UniekeIdentificatorLeerlingType,
                                              "The student's id in the package.")),
        ("Stamnummer", field(StamnummerType, "The student's number at the school.")),
        ("Soort", field(SoortStudiebewijsType, "The kind of certificate.")),
        ("Schooljaar", field(SchooljaarType, "The school year it was obtained in.")),
    ]


TeAnnulerenStudiebewijzenType = list_type(
    "TeAnnulerenStudiebewijzenType", NS, f"The certificates to cancel, 1 to "
    f"{MAX_ITEMS_PER_MESSAGE}; all or nothing, like a registration.",
    TeAnnulerenStudiebewijsType, "Studiebewijs", "One certificate.", at_least=1)


@complex_type
class AnnuleerStudiebewijzenVraagInhoudType(ComplexModel):
    """AnnuleerStudiebewijzen: certificates registered by mistake."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("TeAnnulerenStudiebewijzen", field(TeAnnulerenStudiebewijzenType, "The "
                                            "certificates; each must be registered "
                                            "(30300).")),
    ]


@complex_type
class StudiebewijzenVerwerktType(ComplexModel):
    """What the message did, counted in certificates."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school.")),
        ("AantalNieuw", field(AantalType, "Certificates registered for the first time.")),
        ("AantalGewijzigd", field(AantalType, "Certificates registered before, now with "
                                  "the new data.")),
        ("AantalOngewijzigd", field(AantalType, "Certificates sent again unchanged.")),
        ("AantalGeannuleerd", field(AantalType, "Certificates cancelled.")),
    ]


# -- consultations -------------------------------------------------------------------------
@complex_type
class GeregistreerdStudiebewijsType(ComplexModel):
    """A certificate as Discimus holds it."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The school that gave it.")),
        ("InstellingNaam", field(TekstType, "Its name, as on the day it was "
                                 "registered.")),
        ("UniekeIdentificatorLeerling", field(UniekeIdentificatorLeerlingType, "The "
                                              "student's id in the package that sent it "
                                              "last; own registrations only.",
                                              optional=True)),
        ("Stamnummer", field(StamnummerType, "The student's number at the asking "
                             "school.")),
        ("Soort", field(SoortStudiebewijsType, "The kind of certificate.")),
        ("Datum", field(Date, "The day it was obtained.")),
        ("Schooljaar", field(SchooljaarType, "The school year of that day.")),
        ("VolledigeNaam", field(TekstType, "The full name of the certificate.")),
        ("Graad", field(GraadType, "The grade.", optional=True)),
        ("Leerjaar", field(LeerjaarType, "The year of the grade.", optional=True)),
        ("Onderwijsvorm", field(OnderwijsvormType, "The stream or finality.",
                                optional=True)),
        ("Studierichting", field(StudierichtingType, "The field of study.",
                                 optional=True)),
        ("StudierichtingCode", field(CodeType, "The school's code of it.",
                                     optional=True)),
        ("UitgeslotenOnderwijsvormen", field(OnderwijsvormenType, "What a B attest "
                                             "excludes.", optional=True)),
    ]


GeregistreerdeStudiebewijzenType = list_type(
    "GeregistreerdeStudiebewijzenType", NS, "Certificates; empty when there are none.",
    GeregistreerdStudiebewijsType, "Studiebewijs", "One certificate.")


@complex_type
class GeefStudiebewijzenVraagInhoudType(ComplexModel):
    """GeefStudiebewijzen: the school's own registrations, of one student or all, of one
    school year or all, one page at a time."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Stamnummer", field(StamnummerType, "Only this student; absent: all.",
                             optional=True)),
        ("Schooljaar", field(SchooljaarType, "Only this school year; absent: all.",
                             optional=True)),
        ("Vervolg", field(VervolgType, "The Vervolg of the previous answer, to get the "
                          "next page; absent for the first page.", optional=True)),
    ]


@complex_type
class GeefStudiebewijzenAntwoordInhoudType(ComplexModel):
    """The school's own certificates in order of registration, at most 500 a page."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Studiebewijzen", field(GeregistreerdeStudiebewijzenType, "This page.")),
        ("Vervolg", field(VervolgType, "Present only when more follow: send it back as "
                          "the question's Vervolg to get the next page.", optional=True)),
    ]


@complex_type
class GeefVorigeStudiebewijzenVraagInhoudType(ComplexModel):
    """GeefVorigeStudiebewijzen: the certificates previous schools registered for a
    student enrolled at the asking school (today or later): secondary ones of this and
    the previous school year, the primary certificate always."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Stamnummer", field(StamnummerType, "The student, enrolled at the asking "
                             "school today or later (40010).")),
    ]


@complex_type
class GeefVorigeStudiebewijzenAntwoordInhoudType(ComplexModel):
    """The student's certificates of other schools."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("INSZ", field(INSZType, "The INSZ the schools were matched by; absent when "
                       "the enrollment has none yet (then nothing is found).",
                       optional=True)),
        ("Studiebewijzen", field(GeregistreerdeStudiebewijzenType, "The certificates, "
                                 "by date obtained.")),
    ]


# -- checks --------------------------------------------------------------------------------
VoorwaardenType = list_type("VoorwaardenType", NS, "Extra conditions; empty when there "
                            "are none.", VoorwaardeType, "Voorwaarde", "One condition.")
RedenenType = list_type("RedenenType", NS, "Why a class council decision is needed; "
                        "empty when none is.", ToelichtingType, "Reden", "One reason.")


@complex_type
class ControleerToelatingsvoorwaardenVraagInhoudType(ComplexModel):
    """ControleerToelatingsvoorwaarden: does a student enrolled at the asking school
    meet the admission conditions of a class, on the certificates registered in
    Discimus? Years 1 and 2 of grades 1 to 3, not modular or OKAN (10306)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Stamnummer", field(StamnummerType, "The student, enrolled at the asking "
                             "school today or later (40010).")),
        ("Graad", field(GraadType, "The grade of the class.")),
        ("Leerjaar", field(LeerjaarType, "The year of the grade: 1 or 2.")),
        ("Onderwijsvorm", field(OnderwijsvormType, "A or B in grade 1; D, DA or AM (or "
                                "ASO, TSO, KSO, BSO) in grades 2 and 3.")),
        ("Studiedomein", field(StudiedomeinType, "The study domain: some ask a medical "
                               "fitness attest.", optional=True)),
    ]


@complex_type
class ToelatingType(ComplexModel):
    """The verdict of the admission check (advice: the school decides)."""

    __namespace__ = NS
    _type_info = [
        ("Graad", field(GraadType, "The grade of the class.")),
        ("Leerjaar", field(LeerjaarType, "The year of the grade.")),
        ("Onderwijsvorm", field(OnderwijsvormType, "The form checked (a form of before "
                                "the modernisation as its successor).")),
        ("Resultaat", field(ResultaatType, "Whether the student meets the conditions.")),
        ("Voorwaarden", field(VoorwaardenType, "The extra conditions.")),
        ("Regel", field(RegelType, "The row of the admission table that decided; "
                        "absent when none applied.", optional=True)),
        ("Toelichting", field(ToelichtingType, "The rule in words.")),
        ("GebaseerdOp", field(GeregistreerdStudiebewijsType, "The certificate the rule "
                              "applied by; absent when it needs none.", optional=True)),
    ]


@complex_type
class ControleerToelatingsvoorwaardenAntwoordInhoudType(ComplexModel):
    """The admission verdict for the student."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Stamnummer", field(StamnummerType, "The student.")),
        ("Toelating", field(ToelatingType, "The verdict.")),
    ]


@complex_type
class ControleerOvergangVraagInhoudType(ComplexModel):
    """ControleerOvergang: does a change of class during the school year need a class
    council decision? Years 1 and 2 of grades 1 to 3, not modular, dual or OKAN
    (10306)."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Stamnummer", field(StamnummerType, "The student, enrolled at the asking "
                             "school on Datum (40010).")),
        ("Graad", field(GraadType, "The grade of the new class.")),
        ("Leerjaar", field(LeerjaarType, "The year of the grade: 1 or 2.")),
        ("Onderwijsvorm", field(OnderwijsvormType, "The form of the new class.")),
        ("Studiedomein", field(StudiedomeinType, "The study domain of the new class.",
                               optional=True)),
        ("Datum", field(Date, "The day of the change.")),
    ]


@complex_type
class ControleerOvergangAntwoordInhoudType(ComplexModel):
    """Whether the change needs a class council decision, and why."""

    __namespace__ = NS
    _type_info = [
        ("Instellingsnummer", field(InstellingsnummerType, "The asking school.")),
        ("Stamnummer", field(StamnummerType, "The student.")),
        ("Datum", field(Date, "The day of the change.")),
        ("KlassenraadNodig", field(Boolean, "True when a class council decision is "
                                   "needed.")),
        ("Redenen", field(RedenenType, "Why.")),
        ("Toelating", field(ToelatingType, "The admission verdict for the new class.")),
    ]
