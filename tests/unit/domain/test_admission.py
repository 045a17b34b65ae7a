"""The admission table (domain/admission.py): one case per row, and how rows combine."""
import datetime as dt

import pytest

from discimus_service.domain import admission as rules
from discimus_service.domain.admission import (
    ADMISSION_RULES, Condition as C, Outcome as O, StudyDomain, Target,
)
from discimus_service.domain.certificate import CertificateKind as K, Form as F
from discimus_service.domain.errors import CheckNotOfferedError
from tests import factories as f


def cert(kind, grade=None, year=None, form=None, day=dt.date(2026, 6, 30), excluded=()):
    return f.certificate(f.certificate_data(kind=kind, grade=grade, year=year, form=form,
                                            obtained_on=day, excluded_forms=excluded))


GBO = cert(K.GBO)
# rule id -> (target, the student's certificates, outcome, conditions, certificate used)
ROWS = {
    "T01": (Target(1, 1, F.A), [GBO], O.VOLDOET, (), GBO),
    "T02": (Target(1, 1, F.A), [cert(K.OA, 1, 1, F.B)], O.VOLDOET, (), K.OA),
    "T03": (Target(1, 1, F.A), [], O.VOLDOET_MITS, (C.TOELATINGSKLASSENRAAD,), None),
    "T04": (Target(1, 1, F.B), [GBO], O.VOLDOET_MITS, (C.TOELATINGSKLASSENRAAD,), GBO),
    "T05": (Target(1, 1, F.B), [], O.VOLDOET, (), None),
    "T06": (Target(1, 2, F.A), [GBO, cert(K.OA, 1, 1, F.A)], O.VOLDOET, (), K.OA),
    "T07": (Target(1, 2, F.B), [cert(K.OA, 1, 1, F.B)], O.VOLDOET, (), K.OA),
    "T08": (Target(1, 2, F.B), [cert(K.OA, 1, 1, F.A)], O.VOLDOET_MITS,
            (C.TOELATINGSKLASSENRAAD,), K.OA),
    "T09": (Target(2, 1, F.DA), [cert(K.OB, 1, 2, F.A, excluded=(F.D,))], O.VOLDOET, (),
            K.OB),
    "T10": (Target(2, 1, F.D), [cert(K.GEG, 1, 2, F.B)], O.VOLDOET, (), K.GEG),
    "T11": (Target(2, 1, F.AM), [cert(K.OA, 1, 2, F.B)], O.VOLDOET, (), K.OA),
    "T12": (Target(2, 2, F.D), [cert(K.OA, 2, 1, F.ASO)], O.VOLDOET, (), K.OA),
    "T13": (Target(3, 1, F.AM), [cert(K.OA, 2, 2, F.DA)], O.VOLDOET, (), K.OA),
    "T14": (Target(3, 1, F.DA), [cert(K.GTG, 2, 2, F.DA)], O.VOLDOET, (), K.GTG),
    "T15": (Target(3, 2, F.DA), [cert(K.OB, 3, 1, F.DA, excluded=(F.D,))], O.VOLDOET,
            (), K.OB),
}


def test_every_row_of_the_table_has_its_case():
    assert sorted(ROWS) == [r.id for r in ADMISSION_RULES]
    assert len({r.id for r in ADMISSION_RULES}) == len(ADMISSION_RULES)


@pytest.mark.parametrize("rule_id", sorted(ROWS))
def test_each_row_decides_its_case(rule_id):
    target, certificates, outcome, conditions, used = ROWS[rule_id]
    verdict = rules.admission(target, certificates)
    assert verdict.rule.id == rule_id
    assert (verdict.outcome, verdict.conditions) == (outcome, conditions)
    if isinstance(used, K):
        assert verdict.based_on.kind is used
    else:
        assert verdict.based_on is used
    assert verdict.reason == verdict.rule.text


@pytest.mark.parametrize("target, certificates", [
    (Target(1, 2, F.A), [cert(K.OA, 1, 1, F.B)]),          # 1B → 2A: not a way
    (Target(1, 2, F.A), [GBO]),                             # 2A needs 1A
    (Target(2, 1, F.D), [cert(K.OA, 1, 2, F.B)]),          # 2B without GEG: AM only
    (Target(2, 1, F.D), [cert(K.OB, 1, 2, F.A, excluded=(F.D,))]),  # excluded by B
    (Target(3, 2, F.AM), [cert(K.OC, 3, 1, F.AM)]),        # a C attest
    (Target(2, 2, F.AM), []),
])
def test_no_row_applies_does_not_meet(target, certificates):
    verdict = rules.admission(target, certificates)
    assert verdict.outcome is O.VOLDOET_NIET and verdict.rule is None
    assert verdict.based_on is None and verdict.conditions == ()
    assert "T" in verdict.reason


def test_a_later_c_attest_for_the_same_year_undoes_an_a_attest():
    a = cert(K.OA, 2, 1, F.D, day=dt.date(2025, 6, 30))
    c = cert(K.OC, 2, 1, F.D, day=dt.date(2026, 6, 30))
    assert rules.admission(Target(2, 2, F.D), [a]).outcome is O.VOLDOET
    assert rules.admission(Target(2, 2, F.D), [a, c]).outcome is O.VOLDOET_NIET
    again = cert(K.OA, 2, 1, F.D, day=dt.date(2026, 6, 29))
    assert rules.admission(Target(2, 2, F.D), [again, c]).outcome is O.VOLDOET_NIET


def test_a_change_of_form_within_a_grade_asks_the_admission_class_council():
    verdict = rules.admission(Target(2, 2, F.AM), [cert(K.OA, 2, 1, F.D)])
    assert (verdict.outcome, verdict.conditions) == (O.VOLDOET_MITS,
                                                     (C.TOELATINGSKLASSENRAAD,))
    assert verdict.rule.id == "T12"


def test_legacy_forms_answer_as_their_successor():
    assert rules.admission(Target(2, 2, F.TSO), [cert(K.OA, 2, 1, F.DA)]
                           ).outcome is O.VOLDOET
    assert rules.admission(Target(3, 2, F.DA), [cert(K.OA, 3, 1, F.KSO)]
                           ).outcome is O.VOLDOET


@pytest.mark.parametrize("domain, form, medical", [
    (StudyDomain.VOEDING, F.AM, True), (StudyDomain.VOEDING, F.DA, True),
    (StudyDomain.VOEDING, F.D, False), (StudyDomain.TAAL, F.AM, False),
    (StudyDomain.WELZIJN, F.AM, True), (None, F.AM, False),
])
def test_some_domains_ask_a_medical_fitness_attest(domain, form, medical):
    verdict = rules.admission(Target(3, 1, form, domain), [cert(K.OA, 2, 2, F.AM)])
    assert (C.MEDISCHE_GESCHIKTHEID in verdict.conditions) is medical
    assert verdict.outcome is (O.VOLDOET_MITS if medical else O.VOLDOET)


@pytest.mark.parametrize("target, not_checked, field", [
    (Target(2, 1, F.MOD), rules.NOT_CHECKED_ADMISSION, "Onderwijsvorm"),
    (Target(1, 1, F.OKAN), rules.NOT_CHECKED_ADMISSION, "Onderwijsvorm"),
    (Target(2, 1, F.DUAAL), rules.NOT_CHECKED_TRANSITION, "Onderwijsvorm"),
    (Target(2, 1, F.DUAAL), rules.NOT_CHECKED_ADMISSION, "Onderwijsvorm"),
    (Target(3, 3, F.AM), rules.NOT_CHECKED_ADMISSION, "Leerjaar"),
    (Target(1, 1, F.D), rules.NOT_CHECKED_ADMISSION, "Onderwijsvorm"),
    (Target(2, 1, F.A), rules.NOT_CHECKED_ADMISSION, "Onderwijsvorm"),
])
def test_targets_discimus_does_not_check_are_refused_with_10306(target, not_checked,
                                                                field):
    with pytest.raises(CheckNotOfferedError) as caught:
        rules.check_target(target, not_checked)
    assert caught.value.code == 10306 and caught.value.field == field


def test_a_checked_target_comes_back_with_its_form_normalised():
    assert rules.check_target(Target(2, 1, F.BSO), rules.NOT_CHECKED_ADMISSION
                              ).form is F.AM


def test_a_change_is_free_up_to_the_day_of_its_year():
    oa = [cert(K.OA, 2, 1, F.D)]
    free = rules.transition(Target(2, 2, F.D), dt.date(2026, 11, 15), oa)
    assert free.council_needed is False and free.reasons == ()
    late = rules.transition(Target(2, 2, F.D), dt.date(2026, 11, 16), oa)
    assert late.council_needed and "2026-11-15" in late.reasons[0]
    first_year = rules.transition(Target(1, 1, F.B), dt.date(2027, 1, 15), [])
    assert first_year.council_needed is False
    assert rules.transition(Target(1, 1, F.B), dt.date(2027, 1, 16), []).council_needed


def test_a_change_to_a_class_not_open_to_the_student_needs_the_council():
    not_met = rules.transition(Target(1, 2, F.A), dt.date(2026, 10, 1), [GBO])
    assert not_met.council_needed and "does not meet" in not_met.reasons[0]
    council = rules.transition(Target(1, 2, F.B), dt.date(2026, 10, 1),
                               [cert(K.OA, 1, 1, F.A)])
    assert council.council_needed and "T08" in council.reasons[0]
