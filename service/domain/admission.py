"""Admission and transition checks of secondary education (000 §5.2), as data.

From 2018-2019 Discimus says itself whether a student meets the admission conditions
for an enrollment in year 1 or 2 of grade 1, 2 or 3 (not modular, not OKAN), on the
strength of the certificates registered in Discimus, extra conditions included (an
admission class council, a medical fitness attest); and, for a change during the school
year in those years (not modular, dual or OKAN), whether a class council decision is
needed. A school that knows better (an exam-board certificate, one not registered)
decides itself: the check is advice, not a refusal.

The seeds say what is checked, not the articles of the Codex Secondary Education; the
rules below are this emulator's reading of them, kept as data so that each row is
documented (README, rendered from :data:`ADMISSION_RULES`) and tested on its own:

- a row names the target (grade, year, forms), the certificate that qualifies (its
  kinds, and the grade, year and forms it was obtained in), what the student must not
  hold, and the outcome with its extra conditions;
- the rows of a target are tried in order; the first whose certificate the student
  holds decides; no row: the student does not meet the conditions;
- an orientation attest counts only if it is the student's last one for that year of
  study (a later C attest undoes an A attest), and a B attest not for the forms it
  excludes;
- a row marked ``same_form`` asks the admission class council when the student changes
  form within a grade;
- a medical fitness attest is asked on top for the study domains of
  :data:`MEDICAL_FITNESS` in labour-market and double finality.
"""
from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from discimus_service.domain.certificate import (
    Certificate, CertificateKind as K, Form, normal_form,
)
from discimus_service.domain.errors import CheckNotOfferedError
from discimus_service.domain.schoolyear import school_year


class Outcome(str, enum.Enum):
    VOLDOET = "VOLDOET"                  # meets the admission conditions
    VOLDOET_MITS = "VOLDOET_MITS"        # meets them if the extra conditions are met
    VOLDOET_NIET = "VOLDOET_NIET"        # does not meet them on the certificates known


class Condition(str, enum.Enum):
    TOELATINGSKLASSENRAAD = "TOELATINGSKLASSENRAAD"
    MEDISCHE_GESCHIKTHEID = "MEDISCHE_GESCHIKTHEID"


class StudyDomain(str, enum.Enum):
    """Studiedomein of the modernised secondary education."""

    STEM = "STEM"
    TAAL = "TAAL"            # taal en cultuur
    KUNST = "KUNST"          # kunst en creatie
    LAND = "LAND"            # land- en tuinbouw
    ECONOMIE = "ECONOMIE"    # economie en organisatie
    WELZIJN = "WELZIJN"      # maatschappij en welzijn
    SPORT = "SPORT"
    VOEDING = "VOEDING"      # voeding en horeca


OUTCOME_MEANINGS = {
    Outcome.VOLDOET: "The student meets the admission conditions.",
    Outcome.VOLDOET_MITS: "The student meets them if the extra conditions listed are met.",
    Outcome.VOLDOET_NIET: "The student does not meet them on the certificates registered "
                          "in Discimus.",
}
CONDITION_MEANINGS = {
    Condition.TOELATINGSKLASSENRAAD: "A favourable decision of the admission class "
                                     "council (toelatingsklassenraad).",
    Condition.MEDISCHE_GESCHIKTHEID: "A medical fitness attest (medisch "
                                     "geschiktheidsattest) for the field of study.",
}
DOMAIN_MEANINGS = {
    StudyDomain.STEM: "Science, technology, engineering and mathematics.",
    StudyDomain.TAAL: "Language and culture (taal en cultuur).",
    StudyDomain.KUNST: "Arts and creation (kunst en creatie).",
    StudyDomain.LAND: "Agriculture and horticulture (land- en tuinbouw).",
    StudyDomain.ECONOMIE: "Economics and organisation (economie en organisatie).",
    StudyDomain.WELZIJN: "Society and welfare (maatschappij en welzijn).",
    StudyDomain.SPORT: "Sport.",
    StudyDomain.VOEDING: "Food and hospitality (voeding en horeca).",
}
# Domains whose labour-market and double-finality programmes handle food, machines or
# patients: the student needs a medical fitness attest (the emulator's list).
MEDICAL_FITNESS = {
    StudyDomain.VOEDING: frozenset({Form.AM, Form.DA}),
    StudyDomain.LAND: frozenset({Form.AM, Form.DA}),
    StudyDomain.WELZIJN: frozenset({Form.AM}),
    StudyDomain.STEM: frozenset({Form.AM}),
}
_ORIENTATION = frozenset({K.OA, K.OB, K.OC})
_UPPER = frozenset({Form.D, Form.DA, Form.AM})


@dataclass(frozen=True)
class AdmissionRule:
    """One row of the admission table; see the module docstring for how rows apply."""

    id: str
    grade: int
    year: int
    forms: frozenset[Form]              # the target forms the row is about
    outcome: Outcome
    text: str
    kinds: frozenset[K] = frozenset()   # the qualifying certificate; empty: none needed
    from_grade: int | None = None       # ... obtained in this grade, year and forms
    from_year: int | None = None
    from_forms: frozenset[Form] | None = None     # None: any form, or none
    without: frozenset[K] = frozenset()  # the student must not hold these
    conditions: frozenset[Condition] = frozenset()
    same_form: bool = False

    def qualifying(self, certificates: Sequence[Certificate], target: Form
                   ) -> Certificate | None:
        """The certificate by which this row applies to the student, if any; a row
        without a certificate applies with None."""
        if any(c.kind in self.without for c in certificates):
            return None
        for c in sorted(certificates, key=lambda c: c.data.obtained_on, reverse=True):
            d = c.data
            if (c.kind in self.kinds
                    and (self.from_grade is None or d.grade == self.from_grade)
                    and (self.from_year is None or d.year == self.from_year)
                    and (self.from_forms is None or normal_form(d.form) in self.from_forms)
                    and target not in {normal_form(f) for f in d.excluded_forms}
                    and _last_orientation(c, certificates)):
                return c
        return None


def _last_orientation(c: Certificate, certificates: Sequence[Certificate]) -> bool:
    """An orientation attest counts only as the last one for its year of study."""
    if c.kind not in _ORIENTATION:
        return True
    same = [o for o in certificates if o.kind in _ORIENTATION
            and (o.data.grade, o.data.year) == (c.data.grade, c.data.year)]
    return max(same, key=lambda o: o.data.obtained_on) is c


_V, _M, _N = Outcome.VOLDOET, Outcome.VOLDOET_MITS, Outcome.VOLDOET_NIET
_COUNCIL = frozenset({Condition.TOELATINGSKLASSENRAAD})
ADMISSION_RULES: tuple[AdmissionRule, ...] = (
    AdmissionRule("T01", 1, 1, frozenset({Form.A}), _V, "1A with the primary "
                  "education certificate.", kinds=frozenset({K.GBO})),
    AdmissionRule("T02", 1, 1, frozenset({Form.A}), _V, "1A after 1B with an "
                  "orientation attest A.", kinds=frozenset({K.OA}), from_grade=1,
                  from_year=1, from_forms=frozenset({Form.B})),
    AdmissionRule("T03", 1, 1, frozenset({Form.A}), _M, "1A without the primary "
                  "education certificate: only on a favourable decision of the "
                  "admission class council.", conditions=_COUNCIL),
    AdmissionRule("T04", 1, 1, frozenset({Form.B}), _M, "1B with the primary "
                  "education certificate: only on a favourable decision of the "
                  "admission class council.", kinds=frozenset({K.GBO}),
                  conditions=_COUNCIL),
    AdmissionRule("T05", 1, 1, frozenset({Form.B}), _V, "1B without the primary "
                  "education certificate.", without=frozenset({K.GBO})),
    AdmissionRule("T06", 1, 2, frozenset({Form.A}), _V, "2A after 1A with an "
                  "orientation attest A.", kinds=frozenset({K.OA}), from_grade=1,
                  from_year=1, from_forms=frozenset({Form.A})),
    AdmissionRule("T07", 1, 2, frozenset({Form.B}), _V, "2B after 1B with an "
                  "orientation attest A.", kinds=frozenset({K.OA}), from_grade=1,
                  from_year=1, from_forms=frozenset({Form.B})),
    AdmissionRule("T08", 1, 2, frozenset({Form.B}), _M, "2B after 1A: only on a "
                  "favourable decision of the admission class council.",
                  kinds=frozenset({K.OA}), from_grade=1, from_year=1,
                  from_forms=frozenset({Form.A}), conditions=_COUNCIL),
    AdmissionRule("T09", 2, 1, _UPPER, _V, "Grade 2 after 2A with an orientation "
                  "attest A or B (not in a form the B attest excludes).",
                  kinds=frozenset({K.OA, K.OB}), from_grade=1, from_year=2,
                  from_forms=frozenset({Form.A})),
    AdmissionRule("T10", 2, 1, _UPPER, _V, "Grade 2 with the certificate of the first "
                  "grade.", kinds=frozenset({K.GEG})),
    AdmissionRule("T11", 2, 1, frozenset({Form.AM}), _V, "Grade 2, labour-market "
                  "finality, after 2B with an orientation attest A.",
                  kinds=frozenset({K.OA}), from_grade=1, from_year=2,
                  from_forms=frozenset({Form.B})),
    AdmissionRule("T12", 2, 2, _UPPER, _V, "Year 2 of grade 2 after year 1 of grade 2 "
                  "with an orientation attest A or B (not in a form the B attest "
                  "excludes); another form: admission class council.",
                  kinds=frozenset({K.OA, K.OB}), from_grade=2, from_year=1,
                  same_form=True),
    AdmissionRule("T13", 3, 1, _UPPER, _V, "Grade 3 after year 2 of grade 2 with an "
                  "orientation attest A or B (not in a form the B attest excludes).",
                  kinds=frozenset({K.OA, K.OB}), from_grade=2, from_year=2),
    AdmissionRule("T14", 3, 1, _UPPER, _V, "Grade 3 with the certificate of the second "
                  "grade.", kinds=frozenset({K.GTG})),
    AdmissionRule("T15", 3, 2, _UPPER, _V, "Year 2 of grade 3 after year 1 of grade 3 "
                  "with an orientation attest A or B (not in a form the B attest "
                  "excludes); another form: admission class council.",
                  kinds=frozenset({K.OA, K.OB}), from_grade=3, from_year=1,
                  same_form=True),
)
# Changes during the school year (overgang): free up to this day of the school year
# (month, day), a class council decision after it; by year of the grade.
TRANSITION_FREE_UNTIL = {1: (1, 15), 2: (11, 15)}
CHECKED_GRADES, CHECKED_YEARS = frozenset({1, 2, 3}), frozenset({1, 2})
NOT_CHECKED_ADMISSION = frozenset({Form.MOD, Form.OKAN})
NOT_CHECKED_TRANSITION = frozenset({Form.MOD, Form.OKAN, Form.DUAAL})


@dataclass(frozen=True)
class Target:
    """The class a student is, or is to be, enrolled in."""

    grade: int
    year: int
    form: Form
    domain: StudyDomain | None = None


@dataclass(frozen=True)
class AdmissionVerdict:
    outcome: Outcome
    conditions: tuple[Condition, ...]
    rule: AdmissionRule | None
    based_on: Certificate | None
    reason: str


def check_target(target: Target, not_checked: Iterable[Form]) -> Target:
    """:raises CheckNotOfferedError: a target Discimus does not check."""
    not_checked = frozenset(not_checked)
    if target.form in not_checked:
        raise CheckNotOfferedError(
            f"Discimus does not check {target.form.value} education: not modular, "
            "OKAN" + (" or dual" if Form.DUAAL in not_checked else "") + " programmes",
            field="Onderwijsvorm")
    if target.grade not in CHECKED_GRADES or target.year not in CHECKED_YEARS:
        raise CheckNotOfferedError(
            f"Discimus checks years 1 and 2 of grades 1 to 3 only, not year "
            f"{target.year} of grade {target.grade}", field="Leerjaar")
    form = normal_form(target.form)
    allowed = {Form.A, Form.B} if target.grade == 1 else _UPPER
    if form not in allowed:
        raise CheckNotOfferedError(
            f"Onderwijsvorm {target.form.value} is not one of grade {target.grade}: "
            + ", ".join(f.value for f in Form if f in allowed)
            + (" (a dual programme by its finality, AM or DA)" if form is Form.DUAAL
               else ""), field="Onderwijsvorm")
    return Target(target.grade, target.year, form, target.domain)


def rules_for(target: Target) -> list[AdmissionRule]:
    return [r for r in ADMISSION_RULES if (r.grade, r.year) == (target.grade, target.year)
            and normal_form(target.form) in r.forms]


def admission(target: Target, certificates: Sequence[Certificate]) -> AdmissionVerdict:
    """Whether the student with these certificates meets the admission conditions.

    :param target: a target accepted by :func:`check_target`.
    """
    form = normal_form(target.form)
    for rule in rules_for(target):
        found = rule.qualifying(certificates, form)
        held_back = any(c.kind in rule.without for c in certificates)
        if held_back or (rule.kinds and found is None):
            continue
        conditions = set(rule.conditions)
        if rule.same_form and found is not None and normal_form(found.data.form) != form:
            conditions.add(Condition.TOELATINGSKLASSENRAAD)
        if form in MEDICAL_FITNESS.get(target.domain, ()):
            conditions.add(Condition.MEDISCHE_GESCHIKTHEID)
        outcome = Outcome.VOLDOET_MITS if conditions else rule.outcome
        ordered = tuple(c for c in Condition if c in conditions)
        return AdmissionVerdict(outcome, ordered, rule, found, rule.text)
    needed = "; ".join(f"{r.id}: {r.text}" for r in rules_for(target)) or "no rule"
    return AdmissionVerdict(Outcome.VOLDOET_NIET, (), None, None,
                            "no certificate registered in Discimus opens this class; "
                            f"the rules: {needed}")


@dataclass(frozen=True)
class TransitionVerdict:
    council_needed: bool
    reasons: tuple[str, ...]
    admission: AdmissionVerdict


def free_until(target: Target, day: dt.date) -> dt.date:
    """The last day of the school year of ``day`` a change to ``target`` is free."""
    month, dom = TRANSITION_FREE_UNTIL[target.year]
    year = school_year(day)
    return dt.date(year if month >= 9 else year + 1, month, dom)


def transition(target: Target, day: dt.date, certificates: Sequence[Certificate]
               ) -> TransitionVerdict:
    """Whether a change to ``target`` on ``day`` needs a class council decision."""
    verdict = admission(target, certificates)
    reasons = []
    last = free_until(target, day)
    if day > last:
        reasons.append(f"the change falls after {last}, the last day of free changes "
                       f"in year {target.year} of a grade")
    if verdict.outcome is Outcome.VOLDOET_NIET:
        reasons.append("the student does not meet the admission conditions of the "
                       "new class on the certificates registered")
    elif Condition.TOELATINGSKLASSENRAAD in verdict.conditions:
        reasons.append(f"admission to the new class asks it ({verdict.rule.id}: "
                       f"{verdict.rule.text})")
    return TransitionVerdict(bool(reasons), tuple(reasons), verdict)
