"""Rules of message type 4: certificates obtained (studiebewijzen, 000 §5).

A school sends each certificate a student obtained (getuigschrift, attest, diploma) and
its date, within the week (000 §5: "binnen de week nadat het studiebewijs behaald
werd"). Every certificate of basic and secondary education is exchanged, except the
specific study sanctions of safety courses, partial certificates of modular secondary
education (those of HBO5 nursing are exchanged from 2017-2018 on) and the attest of
acquired competences of modular education (000 §5.1). The exchange itself started in
school year 2016-2017. Which kinds exist, where they belong and whether they are
exchanged is data (:data:`KIND_RULES`), documented in the contract from the same table.

Discimus passes the certificates on to the LED database (000 §5), whose partners read
them through MAGDA LED.GeefBewijs: so a certificate keeps every field LED answers with
that the school knows (its kind, date, grade, year, education form, field of study,
the institution's name and number and kind of education as on the day), see
``domain/led.py``.
"""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from discimus_service.domain.errors import (
    CertificateGradeError, CertificateKindNotInForceError, CertificateLevelError,
    CertificateNotExchangedError, CertificateRestrictionError, InvalidDateError,
)
from discimus_service.domain.model import Niveau, School
from discimus_service.domain.schoolyear import school_year, school_year_start

# "binnen de week nadat het studiebewijs behaald werd" (000 §5).
CERTIFICATE_DEADLINE_DAYS = 7
MAX_ITEMS_PER_MESSAGE = 1000
# "In schooljaar 2016-2017 is de uitwisseling van studiebewijzen via Discimus gestart."
EXCHANGE_STARTED = school_year_start(2016)


class CertificateKind(str, enum.Enum):
    """Bewijstype as the school sends it."""

    GBO = "GBO"      # getuigschrift basisonderwijs
    OA = "OA"        # oriënteringsattest A
    OB = "OB"        # oriënteringsattest B (with restrictions: clausulering)
    OC = "OC"        # oriënteringsattest C
    GEG = "GEG"      # getuigschrift eerste graad
    GTG = "GTG"      # getuigschrift tweede graad
    SG = "SG"        # studiegetuigschrift (e.g. second year of the third grade, BSO)
    DSO = "DSO"      # diploma secundair onderwijs
    AVB = "AVB"      # attest van verworven bekwaamheden
    DCV = "DCV"      # deelcertificaat HBO5 verpleegkunde
    DCM = "DCM"      # deelcertificaat modulair onderwijs
    AVC = "AVC"      # attest verworven competenties modulair onderwijs
    VEI = "VEI"      # studiebekrachtiging veiligheidsopleiding


class Form(str, enum.Enum):
    """Onderwijsvorm: the stream (first grade) or finality (grades 2 and 3) the
    certificate was obtained in; ASO, TSO, KSO and BSO for certificates of before the
    modernisation of secondary education."""

    LO = "LO"        # lager onderwijs (primary)
    A = "A"          # A-stroom, first grade
    B = "B"          # B-stroom, first grade
    D = "D"          # doorstroomfinaliteit
    DA = "DA"        # dubbele finaliteit
    AM = "AM"        # arbeidsmarktfinaliteit
    ASO = "ASO"
    TSO = "TSO"
    KSO = "KSO"
    BSO = "BSO"
    MOD = "MOD"      # modulair onderwijs
    OKAN = "OKAN"    # onthaalonderwijs voor anderstalige nieuwkomers
    DUAAL = "DUAAL"  # duaal leren


FORM_MEANINGS = {
    Form.LO: "Primary education (lager onderwijs).",
    Form.A: "First grade, A stream (A-stroom).",
    Form.B: "First grade, B stream (B-stroom).",
    Form.D: "Grades 2 and 3: finality continuing studies (doorstroomfinaliteit).",
    Form.DA: "Grades 2 and 3: double finality (dubbele finaliteit).",
    Form.AM: "Grades 2 and 3: labour-market finality (arbeidsmarktfinaliteit).",
    Form.ASO: "General secondary education, before the modernisation (counts as D).",
    Form.TSO: "Technical secondary education, before the modernisation (counts as DA).",
    Form.KSO: "Secondary arts education, before the modernisation (counts as DA).",
    Form.BSO: "Vocational secondary education, before the modernisation (counts as AM).",
    Form.MOD: "Modular education (modulair onderwijs).",
    Form.OKAN: "Reception education for newly arrived non-Dutch-speaking pupils (OKAN).",
    Form.DUAAL: "Dual learning (duaal leren).",
}
# The forms of before the modernisation answer the admission rules as their successor.
LEGACY_FORMS = {Form.ASO: Form.D, Form.TSO: Form.DA, Form.KSO: Form.DA, Form.BSO: Form.AM}
GRADE_ONE_FORMS = frozenset({Form.A, Form.B})
UPPER_FORMS = frozenset({Form.D, Form.DA, Form.AM, Form.ASO, Form.TSO, Form.KSO,
                         Form.BSO, Form.MOD, Form.DUAAL})


def normal_form(form: Form | None) -> Form | None:
    return LEGACY_FORMS.get(form, form) if form is not None else None


@dataclass(frozen=True)
class KindRule:
    """One kind of certificate: where it belongs and whether Discimus exchanges it.

    ``grades`` None: no grade (primary); otherwise the grades it is given in, and then
    Graad, Leerjaar and Onderwijsvorm are required. ``final``: an end certificate
    (LED Bewijsstaat "Eindbewijs") rather than an intermediate one.
    """

    kind: CertificateKind
    name: str                       # the Dutch name, LED's VolledigeNaam by default
    meaning: str
    level: Niveau
    led_type: str                   # LED Bewijstype
    final: bool
    grades: frozenset[int] | None = None
    exchanged: bool = True
    exchanged_from: dt.date = EXCHANGE_STARTED

    def documentation(self) -> str:
        if not self.exchanged:
            return f"{self.meaning} Not sent to Discimus: refused (10300)."
        where = ("primary education" if self.level is Niveau.LAGER else
                 "secondary education, grade " + " or ".join(map(str, sorted(self.grades))))
        text = f"{self.meaning} Given in {where}."
        if self.exchanged_from != EXCHANGE_STARTED:
            text += f" Exchanged when obtained from {self.exchanged_from} on (10301)."
        return text


_K, _S = CertificateKind, Niveau.SECUNDAIR
KIND_RULES: dict[CertificateKind, KindRule] = {r.kind: r for r in (
    KindRule(_K.GBO, "Getuigschrift basisonderwijs", "Primary education certificate.",
             Niveau.LAGER, "Getuigschrift", True),
    KindRule(_K.OA, "Oriënteringsattest A", "Orientation attest A: the student may go "
             "on to the next year without restriction.", _S, "Attest", False,
             frozenset({1, 2, 3})),
    KindRule(_K.OB, "Oriënteringsattest B", "Orientation attest B: the student may go "
             "on to the next year, except to the education forms it excludes.", _S,
             "Attest", False, frozenset({1, 2, 3})),
    KindRule(_K.OC, "Oriënteringsattest C", "Orientation attest C: the year was not "
             "passed.", _S, "Attest", False, frozenset({1, 2, 3})),
    KindRule(_K.GEG, "Getuigschrift van de eerste graad", "Certificate of the first "
             "grade of secondary education.", _S, "Getuigschrift", True, frozenset({1})),
    KindRule(_K.GTG, "Getuigschrift van de tweede graad", "Certificate of the second "
             "grade of secondary education.", _S, "Getuigschrift", True, frozenset({2})),
    KindRule(_K.SG, "Studiegetuigschrift", "Study certificate, e.g. of the second year "
             "of the third grade of labour-market finality.", _S, "Studiegetuigschrift",
             True, frozenset({3})),
    KindRule(_K.DSO, "Diploma van secundair onderwijs", "Diploma of secondary "
             "education.", _S, "Diploma", True, frozenset({3})),
    KindRule(_K.AVB, "Attest van verworven bekwaamheden", "Attest of acquired skills "
             "(e.g. at the end of the B stream or in special-needs education).", _S,
             "Attest", True, frozenset({1, 2, 3})),
    KindRule(_K.DCV, "Deelcertificaat HBO5 verpleegkunde", "Partial certificate of "
             "HBO5 nursing (hoger beroepsonderwijs).", _S, "Deelcertificaat", False,
             frozenset({3}), exchanged_from=school_year_start(2017)),
    KindRule(_K.DCM, "Deelcertificaat modulair onderwijs", "Partial certificate of "
             "modular secondary education.", _S, "Deelcertificaat", False,
             frozenset({1, 2, 3}), exchanged=False),
    KindRule(_K.AVC, "Attest verworven competenties", "Attest of acquired "
             "competences in modular education.", _S, "Attest", False,
             frozenset({1, 2, 3}), exchanged=False),
    KindRule(_K.VEI, "Studiebekrachtiging veiligheidsopleiding", "Specific study "
             "sanction of a safety course.", _S, "Attest", False, frozenset({1, 2, 3}),
             exchanged=False),
)}
LEVEL_WORDS = {Niveau.KLEUTER: "nursery", Niveau.LAGER: "primary",
               Niveau.SECUNDAIR: "secondary"}


@dataclass(frozen=True)
class CertificateData:
    """What the school says of a certificate (everything but who and when it arrived)."""

    kind: CertificateKind
    obtained_on: dt.date
    grade: int | None = None
    year: int | None = None
    form: Form | None = None
    study_field: str | None = None          # studierichting, as on the certificate
    study_field_code: str | None = None     # the school's code of it
    full_name: str | None = None            # VolledigeNaam; default the kind's name
    excluded_forms: tuple[Form, ...] = ()   # what a B attest excludes (clausulering)


@dataclass
class Certificate:
    """One certificate of one student, as registered by the school that gave it.

    The institution's name and kind of education are kept as they were on the day it
    was registered: LED answers with the school as on the certificate.
    """

    institution_number: str
    student_id: str                  # Unieke Identificator Leerling
    stamnummer: str
    insz: str | None                 # from the enrollment: how other schools find it
    data: CertificateData
    institution_name: str
    special_needs: bool
    sender_id: str
    received_on: dt.date
    id: int | None = None

    @property
    def kind(self) -> CertificateKind:
        return self.data.kind

    @property
    def school_year(self) -> int:
        return school_year(self.data.obtained_on)

    @property
    def key(self) -> tuple[str, str, CertificateKind, int]:
        """One kind of certificate per student, school and school year."""
        return (self.institution_number, self.stamnummer, self.kind, self.school_year)

    @property
    def level(self) -> Niveau:
        return KIND_RULES[self.kind].level


def check_kind(data: CertificateData, school: School) -> None:
    """Whether Discimus takes this kind of certificate from this school on its date.

    :raises CertificateNotExchangedError: a kind Discimus does not exchange.
    :raises CertificateKindNotInForceError: obtained before its exchange started.
    :raises CertificateLevelError: a kind of another level than the school's.
    """
    rule = KIND_RULES[data.kind]
    if not rule.exchanged:
        raise CertificateNotExchangedError(
            f"a {rule.name} ({data.kind.value}) is not sent to Discimus: safety-course "
            "sanctions, partial certificates and competence attests of modular "
            "education stay with the school", field="Soort")
    if data.obtained_on < rule.exchanged_from:
        raise CertificateKindNotInForceError(
            f"a {rule.name} is exchanged through Discimus only when obtained from "
            f"{rule.exchanged_from} on, not on {data.obtained_on}", field="Datum")
    if rule.level is not school.niveau:
        raise CertificateLevelError(
            f"a {rule.name} is given in {LEVEL_WORDS[rule.level]} education; school "
            f"{school.institution_number} is a {LEVEL_WORDS[school.niveau]} school",
            field="Soort")


def check_placement(data: CertificateData) -> CertificateData:
    """Whether grade, year, form and restrictions fit the kind; :returns: the data.

    :raises CertificateGradeError: a grade, year or form the kind does not allow.
    :raises CertificateRestrictionError: restrictions without a B attest, or none with.
    """
    rule = KIND_RULES[data.kind]
    if rule.grades is None:
        if data.grade is not None or data.year is not None or data.form not in (
                None, Form.LO):
            raise CertificateGradeError(
                f"a {rule.name} belongs to primary education: leave Graad and Leerjaar "
                "out, Onderwijsvorm LO or none", field="Graad")
    else:
        if data.grade not in rule.grades:
            raise CertificateGradeError(
                f"a {rule.name} is given in grade "
                f"{' or '.join(map(str, sorted(rule.grades)))}, not in "
                f"{data.grade or 'no grade'}", field="Graad")
        if data.year is None or not 1 <= data.year <= (3 if data.grade == 3 else 2):
            raise CertificateGradeError(
                f"Leerjaar {data.year or 'absent'} is not a year of grade {data.grade}: "
                "1 or 2 (grade 3 also 3, the specialisation year)", field="Leerjaar")
        allowed = GRADE_ONE_FORMS if data.grade == 1 else UPPER_FORMS
        if data.form not in allowed:
            raise CertificateGradeError(
                f"Onderwijsvorm {data.form.value if data.form else 'absent'} is not one "
                f"of grade {data.grade}: "
                + ", ".join(f.value for f in sorted(allowed, key=list(Form).index)),
                field="Onderwijsvorm")
    if data.kind is CertificateKind.OB and not data.excluded_forms:
        raise CertificateRestrictionError(
            "an orientation attest B names the education forms it excludes "
            "(UitgeslotenOnderwijsvormen)", field="UitgeslotenOnderwijsvormen")
    if data.kind is not CertificateKind.OB and data.excluded_forms:
        raise CertificateRestrictionError(
            f"only an orientation attest B excludes education forms, not a "
            f"{rule.name}", field="UitgeslotenOnderwijsvormen")
    return data


def check_date(day: dt.date, today: dt.date) -> None:
    """:raises InvalidDateError: obtained in the future or before the exchange began."""
    if day > today:
        raise InvalidDateError(f"the date {day} lies in the future; only certificates "
                               "obtained can be registered", field="Datum")
    if day < EXCHANGE_STARTED:
        raise InvalidDateError(f"the date {day} lies before {EXCHANGE_STARTED}, when "
                               "the exchange of certificates through Discimus began",
                               field="Datum")


def is_late(obtained_on: dt.date, today: dt.date) -> bool:
    return (today - obtained_on).days > CERTIFICATE_DEADLINE_DAYS


def visible_to_next_school(certificate: Certificate, today: dt.date) -> bool:
    """Whether a school a student enrolled at may see this certificate of another school.

    Certificates of secondary education are shown for the current and the previous
    school year (000 §5.2); the primary certificate always, as it replaces the paper
    one at the move to secondary education.
    """
    if certificate.level is not Niveau.SECUNDAIR:
        return True
    return certificate.school_year >= school_year(today) - 1
