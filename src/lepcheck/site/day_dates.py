"""Dates that name a day, as meeting files and register rows write them.

"March 2023" alone does not date a meeting or a signature, so month-only dates are dropped;
compact "20230314" in file names is read as well (lepcheck.extract.dates reads the rest).
"""

from __future__ import annotations

import re
from datetime import date

from lepcheck.extract.dates import find_dates
from lepcheck.vocab.dates import COMPACT_DATE, MONTH_ONLY, WEEKDAY, WEEKDAY_NUMBERS

_WEEKDAY_FIRST = re.compile(WEEKDAY, re.IGNORECASE)


def contradicts_weekday(value: date, quote: str) -> bool:
    """ "Monday 23rd January 2016" when 23 January 2016 was a Saturday: the year or the day is a
    typing slip, and which one cannot be told, so the date is no meeting's date."""
    if not _WEEKDAY_FIRST.match(quote):
        return False
    return WEEKDAY_NUMBERS.get(quote[:3].lower(), value.weekday()) != value.weekday()


def exact_dates(text: str) -> list[tuple[date, str]]:
    """Dates that name a day: 'March 2023' alone does not date a meeting, nor does a date whose
    printed weekday contradicts it."""
    found = [
        (d, q)
        for d, q in find_dates(text)
        if not MONTH_ONLY.match(q.strip()) and not contradicts_weekday(d, q)
    ]
    for match in COMPACT_DATE.finditer(text):
        try:
            found.append((date(int(match[1]), int(match[2]), int(match[3])), match[0]))
        except ValueError:
            continue
    return found


def date_in_label(text: str) -> date | None:
    found = exact_dates(text)
    return found[0][0] if found else None
