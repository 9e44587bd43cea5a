"""The period a document covers and the approval it records, read from its own words.

FIN-02, FIN-04, FIN-05, ASSUR-02 and ASSUR-05 judge accounts, annual reports, delivery plans,
assurance statements and frameworks current by these rather than by file metadata (issue 13
item 4). The title is read first, then the cover (the top of the first page), then the text
with a cue (the patterns are lepcheck.vocab.periods; where each is believed is said here, in
PERIOD_PATTERNS and APPROVAL_PATTERNS); the first period found is the document's own, since
documents name their period before they discuss other years. Of approvals, the latest sign-off
or version-table date is the one the current text carries; a date printed with the document's
name on its cover counts only when there is neither.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from lepcheck.extract.dates import parse_uk_date
from lepcheck.models import CoveredPeriod, DatedValue, PageText
from lepcheck.vocab.periods import APPROVAL_WORDS, DAY_MONTH_YEAR, NOT_YET, PERIOD_WORDS

Place = Literal["title", "cover", "text"]
# How a match turns into dates:
#   year_ended       `end` is a day; the period is the year to it
#   from_to          `start` and `end` are days or months ("April 2020 to March 2021")
#   financial_years  `y1` and `y2` ("2019/20", "2012-15"): 1 April y1 to 31 March y2
#   named_year       `year` alone ("Annual Report 2020"): read as the financial year ending in
#                    it, the earliest period the words allow, so a staleness check never
#                    flatters a document (as lepcheck.extract.dates reads "March 2019" as its 1st)
#   sign_off         `date` of an approval, adoption or signature of this document
#   version_row      `date` on a line of a version table ("3.0  19 July 2019  Board approval")
#   edition          `date` printed with the document's name on its cover
Shape = Literal[
    "year_ended", "from_to", "financial_years", "named_year", "sign_off", "version_row", "edition"
]
_EVERYWHERE: tuple[Place, ...] = ("title", "cover", "text")


@dataclass(frozen=True)
class DatePattern:
    """A pattern of lepcheck.vocab.periods, the shape of what it reads and where it is believed."""

    name: str
    shape: Shape
    places: tuple[Place, ...]
    pattern: re.Pattern[str]


def _named(
    words: dict[str, re.Pattern[str]], name: str, shape: Shape, *places: Place
) -> DatePattern:
    return DatePattern(name, shape, places, words[name])


# In order of preference when two begin at the same place.
PERIOD_PATTERNS: tuple[DatePattern, ...] = (
    _named(PERIOD_WORDS, "year_ended", "year_ended", *_EVERYWHERE),
    _named(PERIOD_WORDS, "period_from_to", "from_to", *_EVERYWHERE),
    _named(PERIOD_WORDS, "months_on_cover", "from_to", "title", "cover"),
    _named(PERIOD_WORDS, "financial_year_in_text", "financial_years", *_EVERYWHERE),
    _named(PERIOD_WORDS, "document_with_years", "financial_years", *_EVERYWHERE),
    _named(PERIOD_WORDS, "years_in_title", "financial_years", "title"),
    _named(PERIOD_WORDS, "years_reviewed_on_cover", "financial_years", "cover"),
    _named(PERIOD_WORDS, "document_with_year", "named_year", "title", "cover"),
    _named(PERIOD_WORDS, "our_document_of_year", "named_year", *_EVERYWHERE),
    _named(PERIOD_WORDS, "year_reviewed_on_cover", "named_year", "cover"),
)
APPROVAL_PATTERNS: tuple[DatePattern, ...] = (
    _named(APPROVAL_WORDS, "sign_off", "sign_off", *_EVERYWHERE),
    _named(APPROVAL_WORDS, "version_row", "version_row", "cover", "text"),
    _named(APPROVAL_WORDS, "edition", "edition", "title", "cover"),
)

COVER_CHARS = 1_200  # the top of the first page: a cover or a web page's opening lines
TEXT_CHARS = 40_000  # front matter and the first pages; a period named later is another's
MAX_YEARS = 6  # a period longer than this is a programme's, not a document's
_NOT_YET_REACH = 40
_QUOTE_CHARS = 200
_DAY_FIRST = re.compile(rf"^\s*{DAY_MONTH_YEAR}|^\s*[0-3]?\d[/.]", re.IGNORECASE)


def _places(title: str, pages: Sequence[PageText]) -> Iterator[tuple[Place, str]]:
    yield "title", title
    if pages:
        yield "cover", pages[0].text[:COVER_CHARS]
        yield "text", "\n".join(page.text for page in pages)[:TEXT_CHARS]


def _quote(match: re.Match[str]) -> str:
    return " ".join(match.group(0).split())[:_QUOTE_CHARS]


def _group(match: re.Match[str], prefix: str) -> str | None:
    """The first group named `prefix`... that took part in the match (a pattern may name two
    alternatives y1a and y1b)."""
    for name, value in match.groupdict().items():
        if name.startswith(prefix) and value is not None:
            return value
    return None


def _month_end(text: str, value: date) -> date:
    """ "March 2021" ends on the 31st; a day is itself."""
    if _DAY_FIRST.match(text):
        return value
    return value.replace(day=calendar.monthrange(value.year, value.month)[1])


def _year_to(end: date) -> date:
    """The first day of the year that ends on `end` (31 March 2019 -> 1 April 2018)."""
    try:
        return end.replace(year=end.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        return end.replace(year=end.year - 1, day=28) + timedelta(days=1)


def _financial_years(first: str, last: str) -> tuple[date, date] | None:
    start_year = int(first)
    end_year = int(last) if len(last) == 4 else start_year // 100 * 100 + int(last)
    if not 1 <= end_year - start_year <= MAX_YEARS - 1:
        return None  # "2019-03" is a month, "2019/18" nothing
    return date(start_year, 4, 1), date(end_year, 3, 31)


def _dates_of(pattern: DatePattern, match: re.Match[str]) -> tuple[date, date] | None:
    if pattern.shape == "year_ended":
        end = parse_uk_date(match.group("end"))
        return (_year_to(end), end) if end else None
    if pattern.shape == "from_to":
        start, end = parse_uk_date(match.group("start")), parse_uk_date(match.group("end"))
        if start is None or end is None:
            return None
        end = _month_end(match.group("end"), end)
        return (start, end) if start < end <= start + timedelta(days=366 * MAX_YEARS) else None
    if pattern.shape == "financial_years":
        first, last = _group(match, "y1"), _group(match, "y2")
        return _financial_years(first, last) if first and last else None
    year = _group(match, "year")
    # The financial year ending in it: the earliest period the words allow (Shape, above).
    return (date(int(year) - 1, 4, 1), date(int(year), 3, 31)) if year else None


def _earliest_period(place: Place, text: str) -> CoveredPeriod | None:
    """The first period in `text` by position, of the patterns believed in this place."""
    found: list[tuple[int, int, CoveredPeriod]] = []
    for rank, pattern in enumerate(PERIOD_PATTERNS):
        if place not in pattern.places:
            continue
        for match in pattern.pattern.finditer(text):
            dates = _dates_of(pattern, match)
            if dates is not None:
                period = CoveredPeriod(
                    start=dates[0],
                    end=dates[1],
                    quote=_quote(match),
                    locator=place,
                    exact=pattern.shape != "named_year",
                )
                found.append((match.start(), rank, period))
                break
    return min(found, key=lambda item: item[:2])[2] if found else None


def read_period(title: str, pages: Sequence[PageText]) -> CoveredPeriod | None:
    """The period the document says it covers, or None when its words give none."""
    for place, text in _places(title, pages):
        period = _earliest_period(place, text)
        if period is not None:
            return period
    return None


def _approvals(pattern: DatePattern, text: str) -> Iterator[DatedValue]:
    for match in pattern.pattern.finditer(text):
        if NOT_YET.search(text[max(0, match.start() - _NOT_YET_REACH) : match.start()]):
            continue
        value = parse_uk_date(match.group("date"))
        if value is not None:
            yield DatedValue(value=value, provenance="printed", quote=_quote(match))


def read_approval(title: str, pages: Sequence[PageText]) -> DatedValue | None:
    """The latest approval, sign-off or version date the document records of itself; else the
    date its title or cover prints with its name; None when its words give none."""
    places = list(_places(title, pages))
    recorded = [
        found
        for pattern in APPROVAL_PATTERNS
        if pattern.shape != "edition"
        for place, text in places
        if place in pattern.places and place != "cover"  # the text holds the cover
        for found in _approvals(pattern, text)
    ]
    if recorded:
        return max(recorded, key=lambda d: d.value)
    editions = (
        found
        for pattern in APPROVAL_PATTERNS
        if pattern.shape == "edition"
        for place, text in places
        if place in pattern.places
        for found in _approvals(pattern, text)
    )
    return next(editions, None)
