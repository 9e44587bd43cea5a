"""Dates with a named month and a two-digit year, as file names and link texts write them."""

from __future__ import annotations

from datetime import date

from lepcheck.extract.dates import find_dates, parse_uk_date


def test_a_named_month_with_a_two_digit_year_is_a_date() -> None:
    assert parse_uk_date("Board-Papers-14-Mar-23.pdf") == date(2023, 3, 14)
    assert parse_uk_date("Investment Panel, 5th July '22") == date(2022, 7, 5)
    assert parse_uk_date("Minutes 8 Feb 23") == date(2023, 2, 8)


def test_numbers_after_a_day_and_month_that_are_not_years_are_left_alone() -> None:
    assert find_dates("On 3 March 23 members attended") == []
    assert find_dates("Doors open 5 May 10:30") == []
    assert find_dates("Output rose 12 June 45%") == []
    assert find_dates("Founded 3 March 99") == []
    assert find_dates("14 March 2023") == [(date(2023, 3, 14), "14 March 2023")]


def test_a_year_first_date_with_slashes_or_dots_is_a_date() -> None:
    # "Date: 2022/10/13" on a signed register; "2024.01.31" on a minutes page title.
    assert parse_uk_date("Signed 2024/01/31") == date(2024, 1, 31)
    assert find_dates("Board, 2023.11.02 (papers)") == [(date(2023, 11, 2), "2023.11.02")]
    # Mixed separators, a financial year or a month out of range are not dates.
    assert parse_uk_date("2024/01-31") is None
    assert parse_uk_date("Programme 2021/22") is None
    assert parse_uk_date("2024/13/01") is None
