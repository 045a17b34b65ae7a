"""Home education rules: identity against the INSZ, dates, the last enrollment."""
import datetime as dt

import pytest

from discimus_fixtures.generator import bis_for, insz_for
from discimus_service.domain.errors import (
    InszBirthDateMismatchError, InszSexMismatchError, InvalidInszError,
    ResultDateInFutureError,
)
from discimus_service.domain.home_education import (
    check_identity, check_not_future, ended_for_home_education, last_enrollment,
)
from discimus_service.domain.model import Aanleiding, Deregistration, Sex
from tests import factories as f

D = dt.date
BIRTH = D(2015, 5, 28)


def test_a_matching_identity_gives_the_compact_insz():
    insz = insz_for(BIRTH, Sex.V, 481)
    dotted = f"{insz[:2]}.{insz[2:4]}.{insz[4:6]}-{insz[6:9]}.{insz[9:]}"
    assert check_identity(dotted, BIRTH, Sex.V) == insz


def test_another_birth_date_is_20010():
    with pytest.raises(InszBirthDateMismatchError) as wrong:
        check_identity(insz_for(BIRTH, Sex.V, 481), D(2015, 5, 29), Sex.V)
    assert wrong.value.code == 20010 and wrong.value.field == "Geboortedatum"


def test_the_other_sex_is_10181_and_says_why():
    with pytest.raises(InszSexMismatchError) as wrong:
        check_identity(insz_for(BIRTH, Sex.V, 481), BIRTH, Sex.M)
    assert wrong.value.code == 10181 and wrong.value.field == "Geslacht"
    assert "even sequence number" in wrong.value.diagnose


def test_a_bis_number_given_with_the_sex_unknown_is_not_compared_on_sex():
    known = bis_for(BIRTH, Sex.M, 481)                       # month + 40: sex known
    with pytest.raises(InszSexMismatchError):
        check_identity(known, BIRTH, Sex.V)
    unknown = known[:2] + f"{int(known[2:4]) - 20:02d}" + known[4:9]
    from stdnum.be import bis
    unknown = unknown + f"{97 - int('2' + unknown) % 97:02d}"
    assert bis.is_valid(unknown)
    assert check_identity(unknown, BIRTH, Sex.V) == unknown


def test_an_invalid_insz_is_20002():
    with pytest.raises(InvalidInszError):
        check_identity("15052896431", BIRTH, Sex.V)


def test_a_result_dated_after_today_is_10180():
    check_not_future(D(2026, 9, 3), D(2026, 9, 3), "Controle/Datum")
    with pytest.raises(ResultDateInFutureError) as late:
        check_not_future(D(2026, 9, 4), D(2026, 9, 3), "Controle/Datum")
    assert late.value.code == 10180 and late.value.field == "Controle/Datum"


def test_the_last_enrollment_is_the_one_begun_last_by_the_day():
    first = f.enrollment_of(f.question(start_date=D(2024, 9, 1)), id=1,
                            deregistration=Deregistration(D(2025, 1, 31),
                                                          Aanleiding.HUISONDERWIJS, "0"))
    second = f.enrollment_of(f.question(start_date=D(2026, 9, 1)), id=2)
    assert last_enrollment([second, first], until=D(2026, 8, 31)) is first
    assert last_enrollment([first, second], until=D(2026, 9, 1)) is second
    assert last_enrollment([first], until=D(2024, 8, 31)) is None
    assert ended_for_home_education(first) and not ended_for_home_education(second)
