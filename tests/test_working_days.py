from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from lepcheck.working_days import (
    clear_calendar_days_between,
    clear_days_between,
    clear_working_days_between,
    is_working_day,
)


def test_plain_week_excludes_both_ends() -> None:
    # Monday 8 Jan 2024 to Monday 15 Jan 2024: Tue..Fri = 4 clear days.
    assert clear_working_days_between(date(2024, 1, 8), date(2024, 1, 15)) == 4


def test_easter_2024_bank_holidays_are_not_working_days() -> None:
    # Good Friday 29 Mar and Easter Monday 1 Apr 2024 are England bank holidays.
    assert not is_working_day(date(2024, 3, 29))
    assert not is_working_day(date(2024, 4, 1))
    # Wed 27 Mar -> Wed 3 Apr: Thu 28, (Fri 29 BH), (Sat, Sun), (Mon 1 BH), Tue 2 = 2 days.
    assert clear_working_days_between(date(2024, 3, 27), date(2024, 4, 3)) == 2


def test_christmas_and_one_off_bank_holidays() -> None:
    # Christmas 2023 Monday and Boxing Day Tuesday; coronation bank holiday 8 May 2023.
    assert clear_working_days_between(date(2023, 12, 22), date(2023, 12, 28)) == 1
    assert not is_working_day(date(2023, 5, 8))
    # Scottish-only holiday (2 Jan) is a working day in England.
    assert is_working_day(date(2024, 1, 2))


def test_same_and_adjacent_days_give_zero() -> None:
    assert clear_working_days_between(date(2024, 5, 1), date(2024, 5, 1)) == 0
    assert clear_working_days_between(date(2024, 5, 1), date(2024, 5, 2)) == 0


def test_reversed_dates_are_negative() -> None:
    assert clear_working_days_between(date(2024, 1, 15), date(2024, 1, 8)) == -4


@given(
    st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=0, max_value=60),
)
def test_antisymmetric_and_bounded(start: date, span: int) -> None:
    end = start + timedelta(days=span)
    forward = clear_working_days_between(start, end)
    assert forward == -clear_working_days_between(end, start)
    assert 0 <= forward <= max(span - 1, 0)
    assert forward <= 5 * (span // 7 + 1)


def test_calendar_clear_days_exclude_both_ends_and_count_weekends() -> None:
    # Notice on Friday 1 Dec 2023, decision on Tuesday 2 Jan 2024: 2 Dec .. 1 Jan = 31 days.
    assert clear_calendar_days_between(date(2023, 12, 1), date(2024, 1, 2)) == 31
    assert clear_days_between(date(2023, 12, 1), date(2024, 1, 2), "calendar") == 31
    # The same period in working days leaves out weekends, Christmas, Boxing Day, New Year.
    assert clear_days_between(date(2023, 12, 1), date(2024, 1, 2), "working") == 18


def test_elitestone_three_clear_days_were_not_met_by_a_thursday_for_tuesday_agenda() -> None:
    # R v Swansea CC ex p Elitestone (CA 1993): agenda Thursday 26 April 1990, meeting Tuesday
    # 1 May 1990. Four calendar clear days, but only two working ones: held defective.
    published, meeting = date(1990, 4, 26), date(1990, 5, 1)
    assert clear_days_between(published, meeting, "calendar") == 4
    assert clear_days_between(published, meeting, "working") == 2


def test_calendar_days_same_next_and_reversed() -> None:
    assert clear_calendar_days_between(date(2024, 5, 1), date(2024, 5, 1)) == 0
    assert clear_calendar_days_between(date(2024, 5, 1), date(2024, 5, 2)) == 0
    assert clear_calendar_days_between(date(2024, 5, 10), date(2024, 5, 1)) == -8
