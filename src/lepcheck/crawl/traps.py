"""Crawl traps: URL spaces without end (calendars, faceted queries, looping paths).

Each test looks at the URL alone, or at how many siblings of one shape were already
queued, so a trap is cut after a bounded number of pages whatever its links say.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from urllib.parse import urlsplit

from lepcheck.vocab.web import CALENDAR_WORDS

MAX_URL_LENGTH = 1000
MAX_PATH_SEGMENTS = 15
MAX_SEGMENT_REPEATS = 2
MAX_QUERY_PARAMS = 10
# Distinct query strings on one path (pagination, filters, sort orders).
MAX_QUERIES_PER_PATH = 50
# Distinct dates within one URL shape (a calendar's day, month or year pages).
MAX_DATES_PER_SHAPE = 36
# A calendar beyond these years is walking into nowhere: LEPs were formed in 2011.
EARLIEST_YEAR = 2000
YEARS_AHEAD = 2

_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2}|2[1-9]\d{2})(?!\d)")
# A date in a URL: a year and a month, perhaps a day ("2023-03", "2023/03/14", "20230314").
DATE_PART = re.compile(
    r"(?<!\d)(1[89]\d{2}|2\d{3})([-/_]?)(0[1-9]|1[0-2])(?:\2(0[1-9]|[12]\d|3[01]))?(?!\d)"
)


def _shape(url: str) -> str:
    """The URL with its numbers blanked: siblings in a sequence share a shape."""
    return re.sub(r"\d+", "#", url)


class TrapDetector:
    """Remembers what was queued, and says why a new URL looks like a trap (or None)."""

    def __init__(self, today: date) -> None:
        self._latest_year = today.year + YEARS_AHEAD
        self._queries: Counter[str] = Counter()
        self._dates: dict[str, set[str]] = {}

    def _static_reason(self, url: str) -> str | None:
        parts = urlsplit(url)
        if len(url) > MAX_URL_LENGTH:
            return "URL too long"
        segments = [s for s in parts.path.split("/") if s]
        if len(segments) > MAX_PATH_SEGMENTS:
            return "too many path segments"
        counts = Counter(segments)
        if counts and max(counts.values()) > MAX_SEGMENT_REPEATS:
            return "repeated path segments"
        params = [p.split("=", 1)[0] for p in parts.query.split("&") if p]
        if len(params) > MAX_QUERY_PARAMS or len(params) != len(set(params)):
            return "endless query string"
        if CALENDAR_WORDS.search(url):
            for match in _YEAR.finditer(url):
                year = int(match.group(1))
                if year < EARLIEST_YEAR or year > self._latest_year:
                    return f"calendar date out of range ({year})"
        return None

    def reason(self, url: str, *, is_document: bool = False) -> str | None:
        """Why `url` is a trap, or None; a None also counts it towards the shape limits.

        Documents lead nowhere, so only the URL-alone tests apply to them: a folder of
        monthly board papers is not a calendar.
        """
        static = self._static_reason(url)
        if static or is_document:
            return static
        parts = urlsplit(url)
        path_key = f"{parts.netloc}{parts.path}"
        if parts.query:
            if self._queries[path_key] >= MAX_QUERIES_PER_PATH:
                return "too many query variants of one page"
            self._queries[path_key] += 1
        dates = [m.group(0) for m in DATE_PART.finditer(f"{parts.path}?{parts.query}")]
        if dates and CALENDAR_WORDS.search(url):
            seen = self._dates.setdefault(_shape(url), set())
            key = "|".join(dates)
            if key not in seen and len(seen) >= MAX_DATES_PER_SHAPE:
                return "too many calendar pages"
            seen.add(key)
        return None
