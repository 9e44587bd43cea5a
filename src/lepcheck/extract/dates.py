"""Dates as UK governance documents print them.

Registers, minutes and web pages write dates by hand in many styles: "12th March 2019",
"Tuesday 12 March 2019", "12/03/2019" (always day first in the UK), "12.03.19", ISO
"2019-03-12" (also "2019/03/12", year first), "March 2019" and "Sept 2019". A month with no
day is read as its 1st, which is the earliest the document can be, so a staleness check never
flatters it.
"""

from __future__ import annotations

import re
from datetime import date

from lepcheck.vocab.dates import MONTH_NAME, MONTHS, WEEKDAY

_MONTH = MONTH_NAME
_DAY = r"(?<![\d.])(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR4 = r"(?P<{name}>(?:19|20)\d\d)(?!\d)"

_PATTERN = re.compile(
    "|".join(
        (
            # 12th March 2019, Tuesday 12 March 2019, 12 of March, 2019, 12-Mar-2019; run together
            # as converted PDFs give it ("TUESDAY 26JANUARY 2016", "22ndMarch, 2017")
            rf"(?:{WEEKDAY})?{_DAY.format(name='d1')}(?:\s+of)?[\s\-]*"
            rf"(?P<m1>{_MONTH})\.?,?[\s\-]+{_YEAR4.format(name='y1')}",
            # March 12th, 2019 (seen on sites built from US templates)
            rf"(?P<m2>{_MONTH})\.?\s+{_DAY.format(name='d2')},?\s+{_YEAR4.format(name='y2')}",
            # 2019-03-12 (ISO, also inside <time datetime>); 2019/03/12 and 2019.03.12, year first
            r"(?<![\d./\-])(?P<y3>(?:19|20)\d\d)(?P<isep>[-/.])(?P<m3>[01]?\d)(?P=isep)"
            r"(?P<d3>[0-3]?\d)(?![\d])",
            # 12/03/2019, 12.03.19, 12-03-2019: day first in the UK
            r"(?<![\d./\-])(?P<d4>[0-3]?\d)(?P<sep>[/.\-])(?P<m4>[01]?\d)(?P=sep)"
            r"(?P<y4>(?:19|20)?\d\d)(?![\d./\-]*\d)",
            # 14-Mar-23, 14 March '23, 14th Mar 23: a named month with a two-digit year
            rf"{_DAY.format(name='d6')}[\s\-]+(?P<m6>{_MONTH})\.?[\s\-]+['’]?"
            # (not a time: "27th January 10-00am", a file name's "10.00am")
            r"(?P<y6>\d\d)(?![\d:%]|\.\d|[\s.\-]\d\d\s*(?:am|pm)\b"
            r"|\s*(?:am|pm|hrs?|members?|people|per)\b)",
            # March 2019, Sept 2019 -> 1st of the month
            rf"(?P<m5>{_MONTH})\.?,?\s+{_YEAR4.format(name='y5')}",
        )
    ),
    re.IGNORECASE,
)


_SHORT_YEARS = (10, 39)  # "14-Mar-23": two-digit years with a named month, 2010-2039


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        # Two-digit years in LEP papers are this century (LEPs date from 2011).
        return 2000 + value
    return value


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    try:
        if groups["y1"]:
            return date(int(groups["y1"]), MONTHS[groups["m1"].lower()], int(groups["d1"]))
        if groups["y2"]:
            return date(int(groups["y2"]), MONTHS[groups["m2"].lower()], int(groups["d2"]))
        if groups["y3"]:
            return date(int(groups["y3"]), int(groups["m3"]), int(groups["d3"]))
        if groups["y4"]:
            return date(_year(groups["y4"]), int(groups["m4"]), int(groups["d4"]))
        if groups["y6"]:
            if not _SHORT_YEARS[0] <= int(groups["y6"]) <= _SHORT_YEARS[1]:
                return None  # "3 March 99": not an LEP-era date written short
            return date(_year(groups["y6"]), MONTHS[groups["m6"].lower()], int(groups["d6"]))
        if groups["y5"]:
            return date(int(groups["y5"]), MONTHS[groups["m5"].lower()], 1)
    except ValueError:  # 31 February, month 13 and the like: not a date
        return None
    return None


def find_dated_spans(text: str) -> list[tuple[date, str, int]]:
    """Like `find_dates`, with the offset in `text` where each date starts."""
    found: list[tuple[date, str, int]] = []
    for match in _PATTERN.finditer(text):
        value = _to_date(match)
        if value is not None:
            found.append((value, match.group(0).strip(), match.start()))
    return found


def find_dates(text: str) -> list[tuple[date, str]]:
    """Every date written in `text`, in reading order, each with the words it was read from."""
    return [(value, quote) for value, quote, _ in find_dated_spans(text)]


def parse_uk_date(text: str) -> date | None:
    """The first date written in `text` (see module docstring for the styles), else None."""
    for match in _PATTERN.finditer(text):
        value = _to_date(match)
        if value is not None:
            return value
    return None
