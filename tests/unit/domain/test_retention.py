"""Retention (004 §71-73): one cut-off, and careers that ended."""
import datetime as dt

from discimus_service.domain.retention import EnrollmentStub, cutoff, ended_careers

D = dt.date


def test_the_cutoff_is_the_first_day_of_school_year_t_minus_5():
    # Today in 2030-2031: school year 2025 and later are kept, 2024 and older go.
    assert cutoff(D(2031, 3, 1)) == D(2025, 9, 1)
    # 2024-2025 began on 26 August 2024: nothing of it goes early.
    assert cutoff(D(2029, 9, 1)) == D(2024, 8, 26)
    # On 31 August the school year 2028 has not ended yet: 2023 is still kept.
    assert cutoff(D(2029, 8, 31)) == D(2023, 8, 28)
    # Years without a calendar: 1 September.
    assert cutoff(D(2050, 1, 1)) == D(2044, 9, 1)


def stub(i, insz, end, school="034567", stam="1900001"):
    return EnrollmentStub(i, school, stam, insz, end)


def test_a_career_ended_when_every_enrollment_everywhere_ended_before_the_cutoff():
    stubs = [stub(1, "A", D(2018, 6, 30)), stub(2, "A", D(2019, 6, 30), "056789"),
             stub(3, "B", D(2018, 6, 30), stam="1900002"),
             stub(4, "B", None, "056789", stam="1900003"),                 # B still runs
             stub(5, "C", D(2024, 6, 30), stam="1900004")]                 # C too recent
    assert ended_careers(stubs, D(2020, 9, 1)) == [[1, 2]]


def test_a_stamnummer_later_given_an_insz_is_the_same_career():
    stubs = [stub(1, None, D(2018, 6, 30), stam="1800001"),
             stub(2, "A", None, stam="1800001"),                           # same student
             stub(3, None, D(2018, 6, 30), stam="1800009")]                # no INSZ ever
    assert ended_careers(stubs, D(2020, 9, 1)) == [[3]]
