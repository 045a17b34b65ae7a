"""Rules of message type 4: which certificates Discimus takes, and where they belong."""
import datetime as dt

import pytest

from discimus_service.domain import certificate as rules
from discimus_service.domain.certificate import (
    KIND_RULES, CertificateKind as K, Form, visible_to_next_school,
)
from discimus_service.domain.errors import (
    CertificateGradeError, CertificateKindNotInForceError, CertificateLevelError,
    CertificateNotExchangedError, CertificateRestrictionError, InvalidDateError,
)
from discimus_service.domain.model import Niveau
from tests import factories as f

TODAY = dt.date(2026, 7, 3)


@pytest.mark.parametrize("kind", [K.DCM, K.AVC, K.VEI])
def test_kinds_discimus_does_not_exchange_are_refused_with_10300(kind):
    with pytest.raises(CertificateNotExchangedError) as caught:
        rules.check_kind(f.certificate_data(kind=kind), f.SECONDARY)
    assert caught.value.code == 10300 and caught.value.field == "Soort"
    assert "not sent to Discimus" in caught.value.diagnose


def test_every_other_kind_is_exchanged():
    assert {k for k, r in KIND_RULES.items() if not r.exchanged} == {K.DCM, K.AVC, K.VEI}


def test_hbo5_nursing_partial_certificates_are_exchanged_from_2017_2018_on():
    nursing = dict(kind=K.DCV, grade=3, year=1, form=Form.BSO)
    rules.check_kind(f.certificate_data(obtained_on=dt.date(2017, 9, 1), **nursing),
                     f.SECONDARY)
    with pytest.raises(CertificateKindNotInForceError) as caught:
        rules.check_kind(f.certificate_data(obtained_on=dt.date(2017, 6, 30), **nursing),
                         f.SECONDARY)
    assert caught.value.code == 10301 and "2017-09-01" in caught.value.diagnose


def test_a_primary_certificate_from_a_secondary_school_is_refused_with_10302():
    gbo = f.certificate_data(kind=K.GBO, grade=None, year=None, form=None)
    rules.check_kind(gbo, f.PRIMARY)
    with pytest.raises(CertificateLevelError) as caught:
        rules.check_kind(gbo, f.SECONDARY)
    assert caught.value.code == 10302 and "primary" in caught.value.diagnose


def test_a_secondary_certificate_from_a_primary_school_is_refused_with_10302():
    with pytest.raises(CertificateLevelError):
        rules.check_kind(f.certificate_data(), f.PRIMARY)


@pytest.mark.parametrize("kw, field", [
    (dict(kind=K.GBO, grade=1, year=None, form=None), "Graad"),
    (dict(kind=K.GBO, grade=None, year=None, form=Form.A), "Graad"),
    (dict(grade=None), "Graad"),
    (dict(kind=K.GEG, grade=2, year=1, form=Form.D), "Graad"),
    (dict(year=3), "Leerjaar"),
    (dict(year=None), "Leerjaar"),
    (dict(form=Form.D), "Onderwijsvorm"),
    (dict(grade=2, form=Form.A), "Onderwijsvorm"),
    (dict(form=None), "Onderwijsvorm"),
])
def test_grade_year_and_form_must_fit_the_kind_10303(kw, field):
    with pytest.raises(CertificateGradeError) as caught:
        rules.check_placement(f.certificate_data(**kw))
    assert caught.value.code == 10303 and caught.value.field == field


def test_a_specialisation_year_exists_in_grade_3_only():
    rules.check_placement(f.certificate_data(kind=K.SG, grade=3, year=3, form=Form.AM))
    rules.check_placement(f.certificate_data(kind=K.GBO, grade=None, year=None,
                                             form=Form.LO))


def test_a_b_attest_needs_its_restrictions_and_only_it_has_them_10304():
    rules.check_placement(f.certificate_data(kind=K.OB, excluded_forms=(Form.D,)))
    with pytest.raises(CertificateRestrictionError) as caught:
        rules.check_placement(f.certificate_data(kind=K.OB))
    assert caught.value.code == 10304
    with pytest.raises(CertificateRestrictionError):
        rules.check_placement(f.certificate_data(excluded_forms=(Form.D,)))


def test_dates_in_the_future_or_before_the_exchange_are_refused():
    rules.check_date(TODAY, TODAY)
    rules.check_date(dt.date(2016, 9, 1), TODAY)
    for day in (TODAY + dt.timedelta(days=1), dt.date(2016, 8, 31)):
        with pytest.raises(InvalidDateError):
            rules.check_date(day, TODAY)


def test_late_means_more_than_seven_calendar_days():
    assert not rules.is_late(dt.date(2026, 6, 26), TODAY)
    assert rules.is_late(dt.date(2026, 6, 25), TODAY)


def test_a_certificate_is_keyed_by_school_student_kind_and_school_year():
    june = f.certificate(f.certificate_data(obtained_on=dt.date(2026, 6, 30)))
    september = f.certificate(f.certificate_data(obtained_on=dt.date(2026, 9, 2)))
    assert june.key == ("034567", "2600001", K.OA, 2025)
    assert september.key[3] == 2026 and june.level is Niveau.SECUNDAIR


def test_the_next_school_sees_secondary_certificates_of_this_and_last_school_year():
    today = dt.date(2026, 10, 1)                      # school year 2026
    def on(day, kind=K.OA):
        extra = {} if kind is K.OA else dict(grade=None, year=None, form=None)
        return f.certificate(f.certificate_data(kind=kind, obtained_on=day, **extra))
    assert visible_to_next_school(on(dt.date(2026, 9, 20)), today)
    assert visible_to_next_school(on(dt.date(2025, 9, 1)), today)
    assert not visible_to_next_school(on(dt.date(2025, 8, 31)), today)
    assert visible_to_next_school(on(dt.date(2019, 6, 28), K.GBO), today)


def test_every_kind_is_documented_with_its_rule():
    for kind, rule in KIND_RULES.items():
        assert rule.kind is kind and rule.documentation()
    assert "10300" in KIND_RULES[K.VEI].documentation()
    assert "10301" in KIND_RULES[K.DCV].documentation()
