"""CLB thresholds (VTC 05/2016): the 10th and 30th problematic half day of a minor."""
import datetime as dt

from discimus_service.domain.clb import THRESHOLDS, age_on, reached

D = dt.date
MINOR = D(2012, 3, 15)


def half_days(n, school="034567", first=D(2025, 10, 6)):
    """n B half days, morning then afternoon, on consecutive days from ``first``."""
    return [(school, first + dt.timedelta(days=i // 2), ("VM", "NM")[i % 2])
            for i in range(n)]


def test_nine_half_days_reach_nothing():
    assert reached(half_days(9), MINOR) == []


def test_the_tenth_half_day_reaches_10_and_names_its_day():
    (ten,) = reached(half_days(10), MINOR)
    assert (ten.threshold, ten.half_days, ten.tenth, ten.thirtieth) == (
        10, 10, D(2025, 10, 10), None)
    assert ten.institutions == ("034567",)


def test_thirty_half_days_reach_both_with_both_days():
    ten, thirty = reached(half_days(31), MINOR)
    assert [r.threshold for r in (ten, thirty)] == list(THRESHOLDS)
    assert thirty.half_days == 31
    assert (thirty.tenth, thirty.thirtieth) == (D(2025, 10, 10), D(2025, 10, 20))


def test_the_morning_comes_before_the_afternoon_whatever_the_order_sent():
    items = list(reversed(half_days(11)))          # the 11th is 11 October, morning
    (ten,) = reached(items, MINOR)
    assert ten.tenth == D(2025, 10, 10)


def test_a_half_day_two_schools_marked_counts_once_and_names_both_schools():
    both = half_days(9) + half_days(9, school="012345")
    assert reached(both, MINOR) == []
    (ten,) = reached(both + [("012345", D(2025, 10, 20), "VM")], MINOR)
    assert ten.half_days == 10 and ten.institutions == ("012345", "034567")


def test_an_adult_on_the_day_of_the_threshold_is_not_notified():
    assert reached(half_days(30), D(2007, 10, 10)) == []          # 18 on 10 October
    assert [r.threshold for r in reached(half_days(30), D(2007, 10, 21))] == [10, 30]
    # 18 between the 10th and the 30th (20 October): only 10 was reached as a minor.
    assert [r.threshold for r in reached(half_days(30), D(2007, 10, 20))] == [10]
    assert [r.threshold for r in reached(half_days(30), D(2007, 10, 11))] == [10]


def test_an_unknown_birth_date_counts_as_a_minor():
    assert [r.threshold for r in reached(half_days(10), None)] == [10]


def test_age_on_counts_completed_years():
    assert age_on(D(2008, 2, 29), D(2026, 2, 28)) == 17
    assert age_on(D(2008, 2, 29), D(2026, 3, 1)) == 18
