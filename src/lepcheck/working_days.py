"""Clear days in England: the unit of the meeting publication rules, LEP and statutory.

"Five clear working days" (BPG ch.1) means whole working days strictly between two events:
neither the day of publication nor the day of the meeting counts, nor do weekends or England
and Wales bank holidays. Statute says "clear days" (LGA 1972 s. 100A(6)(a), s. 100B(3); SI
2012/2089 regs. 5, 6, 9, 10). Both end days are excluded there too (R v Herefordshire Justices
(1820), applied in R v Swansea City Council, ex p Elitestone (CA 1993)); Elitestone read the
short s. 100B period as working days, while council practice counts the 28-day Forward Plan
periods in calendar days. So a period is counted on a `DayBasis`: `working` or `calendar`
(docs/successor-requirements.md, "Clear days"). This module is imported by `site` and
`checks`, so it imports nothing from lepcheck.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

import holidays

DayBasis = Literal["working", "calendar"]


@lru_cache(maxsize=256)
def _bank_holidays(year: int) -> frozenset[date]:
    # subdiv "ENG": England's list, which matches Wales (Scotland and NI have other days).
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=year)
    return frozenset(calendar.keys())


def is_working_day(day: date) -> bool:
    """True on Monday to Friday when the day is not an England bank holiday."""
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def clear_working_days_between(earlier: date, later: date) -> int:
    """Working days strictly between `earlier` and `later` (both ends excluded).

    The count is antisymmetric: when `later` comes before `earlier` the result is minus the
    count the other way round, so it is zero or negative whenever `later <= earlier`. A rule
    such as "published at least 5 clear working days before the meeting" is then simply
    `clear_working_days_between(published, meeting) >= 5`, and a paper published after the
    meeting can never satisfy it.
    """
    if later < earlier:
        return -clear_working_days_between(later, earlier)
    count = 0
    day = earlier + timedelta(days=1)
    while day < later:
        if is_working_day(day):
            count += 1
        day += timedelta(days=1)
    return count


def clear_calendar_days_between(earlier: date, later: date) -> int:
    """Calendar days strictly between `earlier` and `later` (both ends excluded); antisymmetric
    like `clear_working_days_between`, zero for the same or the next day."""
    if later < earlier:
        return -clear_calendar_days_between(later, earlier)
    return max((later - earlier).days - 1, 0)


def clear_days_between(earlier: date, later: date, basis: DayBasis) -> int:
    """Clear days between two dates, counted in working or calendar days."""
    if basis == "working":
        return clear_working_days_between(earlier, later)
    return clear_calendar_days_between(earlier, later)
