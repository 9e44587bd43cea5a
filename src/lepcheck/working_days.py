"""Clear working days in England, the unit of the meeting publication rules (BPG ch.1).

"Five clear working days" means whole working days strictly between two events: neither the
day of publication nor the day of the meeting counts, nor do weekends or England and Wales bank
holidays. This module is imported by `site` and `checks`, so it imports nothing from lepcheck.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


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
