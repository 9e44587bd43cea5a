from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lepcheck.extract.dates import find_dates, parse_uk_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12th March 2019", date(2019, 3, 12)),
        ("12 March 2019", date(2019, 3, 12)),
        ("Tuesday 12 March 2019", date(2019, 3, 12)),
        ("Wednesday, 4th of September, 2019", date(2019, 9, 4)),
        ("12/03/2019", date(2019, 3, 12)),
        ("12.03.19", date(2019, 3, 12)),
        ("2019-03-12", date(2019, 3, 12)),
        ("March 2019", date(2019, 3, 1)),
        ("12 Mar 2019", date(2019, 3, 12)),
        ("Sept 2019", date(2019, 9, 1)),
        ("March 12th, 2019", date(2019, 3, 12)),
        ("12-Mar-2019", date(2019, 3, 12)),
        ("Last updated: 3 March 2024", date(2024, 3, 3)),
        ("2024-03-03T10:00:00Z", date(2024, 3, 3)),
    ],
)
def test_styles_seen_on_lep_sites(text: str, expected: date) -> None:
    assert parse_uk_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["version 1.2.3", "31/02/2020", "tel 01234 567890", "Grammar 2019", "12 Decisions 2019", ""],
)
def test_things_that_are_not_dates(text: str) -> None:
    assert parse_uk_date(text) is None


def test_day_first_not_month_first() -> None:
    assert parse_uk_date("04/05/2021") == date(2021, 5, 4)


def test_find_dates_keeps_order_and_quotes() -> None:
    text = "Meeting held on 1 May 2019; minutes approved 2 June 2020 (see 03/07/2020)."
    assert find_dates(text) == [
        (date(2019, 5, 1), "1 May 2019"),
        (date(2020, 6, 2), "2 June 2020"),
        (date(2020, 7, 3), "03/07/2020"),
    ]


_FORMATS = (
    "{d} {B} {Y}",
    "{d}{suffix} {B} {Y}",
    "{A} {d} {B} {Y}",
    "{A}, {d}{suffix} of {B}, {Y}",
    "{d} {b} {Y}",
    "{dd}/{mm}/{Y}",
    "{dd}.{mm}.{y}",
    "{d}-{b}-{Y}",
    "{Y}-{mm}-{dd}",
    "{B} {d}{suffix}, {Y}",
)


def _suffix(day: int) -> str:
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2069, 12, 31)),
    st.sampled_from(_FORMATS),
    st.sampled_from(["", "Published ", "Board meeting - ", "("]),
)
def test_round_trip_of_formatted_dates(value: date, fmt: str, prefix: str) -> None:
    text = prefix + fmt.format(
        d=value.day,
        dd=f"{value.day:02d}",
        mm=f"{value.month:02d}",
        suffix=_suffix(value.day),
        A=value.strftime("%A"),
        B=value.strftime("%B"),
        b=value.strftime("%b"),
        Y=value.year,
        y=f"{value.year % 100:02d}",
    )
    assert parse_uk_date(text) == value
    assert [found for found, _ in find_dates(text + " and again")] == [value]


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_month_and_year_read_as_first_of_month(value: date) -> None:
    assert parse_uk_date(value.strftime("%B %Y")) == value.replace(day=1)


# Dates with a named month and a two-digit year, as file names and link texts write them.


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
