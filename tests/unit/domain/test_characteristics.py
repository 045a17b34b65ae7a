"""Rules of message type 3: code lists, indicators, the declaration in force."""
import datetime as dt

import pytest

from discimus_service.domain import characteristics as rules
from discimus_service.domain.characteristics import (
    Declaration, HomeLanguage as L, Indicator as I, MotherEducation as E,
)
from discimus_service.domain.errors import (
    DeclarationBeforeBirthError, InvalidDateError, InvalidStamnummerError,
    MissingFieldError, NotEnrolledHereError, TooManyItemsError, TooManyStudentsError,
)
from tests import factories as f

TODAY = dt.date(2026, 9, 3)


def declaration(on=dt.date(2026, 9, 1), school="034567", received=TODAY, id=None,
                **kw):
    base = dict(institution_number=school, student_id="LL-1", stamnummer="2600001",
                declared_on=on, home_language=L.NEDERLANDS,
                mother_education=E.SECUNDAIR, sender_id="informat", received_on=received,
                id=id)
    return Declaration(**{**base, **kw})


@pytest.mark.parametrize("language, indicator", [
    (L.NEDERLANDS, I.NEEN), (L.ANDERE_TAAL, I.JA), (L.ONBEKEND, I.ONBEKEND)])
def test_thuistaal_is_met_when_the_home_language_is_not_dutch(language, indicator):
    assert rules.home_language_indicator(language) is indicator


@pytest.mark.parametrize("level, indicator", [
    (E.GEEN_GETUIGSCHRIFT, I.JA), (E.BASISONDERWIJS, I.JA), (E.LAGER_SECUNDAIR, I.JA),
    (E.SECUNDAIR, I.NEEN), (E.HOGER, I.NEEN), (E.ONBEKEND, I.ONBEKEND)])
def test_the_mother_indicator_is_met_without_a_secondary_diploma(level, indicator):
    assert rules.mother_education_indicator(level) is indicator


def test_every_code_has_a_meaning_that_names_its_indicator():
    assert set(rules.HOME_LANGUAGE_MEANINGS) == set(L)
    assert set(rules.MOTHER_EDUCATION_MEANINGS) == set(E)
    assert set(rules.INDICATOR_MEANINGS) == set(I)
    for level, meaning in rules.MOTHER_EDUCATION_MEANINGS.items():
        expected = {I.JA: "is met", I.NEEN: "is not met", I.ONBEKEND: "unknown"}
        assert expected[rules.mother_education_indicator(level)] in meaning


def test_the_latest_date_of_declaration_wins_whoever_sent_it():
    old = declaration(dt.date(2020, 9, 1), school="012345", received=TODAY, id=9)
    new = declaration(dt.date(2026, 9, 1), received=dt.date(2026, 9, 1), id=3)
    assert rules.most_recent([new, old]) is new
    assert rules.most_recent([old, new]) is new
    assert rules.most_recent([]) is None


def test_of_two_on_one_date_the_one_registered_last_wins():
    first = declaration(received=dt.date(2026, 9, 2), id=5)
    later = declaration(school="012345", received=TODAY, id=4)
    assert rules.most_recent([first, later]) is later
    same_day = declaration(school="056789", received=TODAY, id=7)
    assert rules.most_recent([later, same_day]) is same_day
    unsaved = declaration(school="056789", received=TODAY)
    assert rules.most_recent([unsaved, same_day]) is unsaved


def test_a_student_is_ones_own_while_enrolled_or_enrolled_for_later():
    running = f.enrollment_of(f.question())
    assert rules.enrolled_from([running], TODAY) is running
    later = f.enrollment_of(f.question(start_date=dt.date(2026, 10, 1)))
    assert rules.enrolled_from([later], TODAY) is later
    ended = f.enrollment_of(f.question(start_date=dt.date(2025, 9, 1)),
                            deregistration=_deregistration(dt.date(2026, 9, 2)))
    assert rules.enrolled_from([ended], TODAY) is None
    assert rules.enrolled_from([ended], dt.date(2026, 9, 2)) is ended


def test_not_enrolled_says_whether_the_enrollment_ended_or_never_was():
    ended = f.enrollment_of(f.question(start_date=dt.date(2025, 9, 1)),
                            deregistration=_deregistration(dt.date(2026, 6, 30)))
    with pytest.raises(NotEnrolledHereError, match="ended on 2026-06-30"):
        rules.require_enrolled([ended], "034567", "2500001", TODAY)
    with pytest.raises(NotEnrolledHereError, match="no enrollment there") as info:
        rules.require_enrolled([], "034567", "2600009", TODAY)
    assert info.value.field == "Stamnummer" and info.value.code == 40010


def test_the_declaration_date_lies_between_birth_and_today():
    rules.check_declaration_date(TODAY, TODAY, dt.date(2012, 3, 15))
    rules.check_declaration_date(dt.date(2012, 3, 15), TODAY, dt.date(2012, 3, 15))
    with pytest.raises(InvalidDateError, match="future") as future:
        rules.check_declaration_date(TODAY + dt.timedelta(days=1), TODAY, None)
    assert future.value.code == 10002 and future.value.field == "DatumVerklaring"
    with pytest.raises(DeclarationBeforeBirthError, match="before the student was born"
                       ) as early:
        rules.check_declaration_date(dt.date(2012, 3, 14), TODAY, dt.date(2012, 3, 15))
    assert early.value.code == 10200


def test_item_fields_and_counts():
    assert rules.check_item_fields(" LL-1 ", "2600001") == "2600001"
    with pytest.raises(MissingFieldError):
        rules.check_item_fields("  ", "2600001")
    with pytest.raises(InvalidStamnummerError):
        rules.check_item_fields("LL-1", "26001")
    rules.check_item_count(rules.MAX_ITEMS_PER_MESSAGE)
    with pytest.raises(TooManyItemsError, match="1001 declarations"):
        rules.check_item_count(rules.MAX_ITEMS_PER_MESSAGE + 1)
    rules.check_student_count(rules.MAX_STUDENTS_PER_QUESTION)
    with pytest.raises(TooManyStudentsError) as many:
        rules.check_student_count(rules.MAX_STUDENTS_PER_QUESTION + 1)
    assert many.value.code == 10202 and many.value.field == "Leerlingen"
    assert rules.duplicate_error(2).code == 10201
    assert "item 3" in rules.duplicate_error(2).diagnose


def test_a_declaration_is_named_by_school_student_and_date():
    d = declaration()
    assert d.key == ("034567", "2600001", dt.date(2026, 9, 1))
    assert d.same_content(declaration(received=dt.date(2026, 1, 1), sender_id="wisa"))
    assert not d.same_content(declaration(home_language=L.ANDERE_TAAL))
    assert not d.same_content(declaration(mother_education=E.HOGER))
    assert not d.same_content(declaration(student_id="LL-2"))


def _deregistration(end):
    from discimus_service.domain.model import Aanleiding, Deregistration
    return Deregistration(end, Aanleiding.SCHOOLVERANDERING, "1")
