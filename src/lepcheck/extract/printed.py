"""Dates a document prints about itself: "Last updated 3 March 2024", a cover-page date.

Publication timeliness (MEET-01..03) and register currency (ROI-08) need a date for the
document. Of the many dates in a text, only two kinds say something about the document itself:
dates right after words such as "updated", "published" or "dated", and the first date near the
top of the first page (the date on a cover, or the meeting date heading a set of minutes).
"""

from __future__ import annotations

from collections.abc import Sequence

from lepcheck.extract.dates import find_dated_spans
from lepcheck.models import DatedValue, PageText
from lepcheck.vocab.dates import PRINTED_DATE_CUE

_MAX_PRINTED = 30
_TOP_OF_FIRST_PAGE = 600
_CUE_REACH = 30  # characters between the end of the cue and the start of its date
_WINDOW = 80


def _cued_dates(page: PageText) -> list[DatedValue]:
    """Dates right after a cue word. Only short windows after cues are searched for dates, so
    a 300-page PDF is not run through the full date grammar."""
    found: list[DatedValue] = []
    for cue in PRINTED_DATE_CUE.finditer(page.text):
        window = page.text[cue.start() : cue.end() + _WINDOW].split("\n", 1)[0]
        for value, quote, start in find_dated_spans(window[cue.end() - cue.start() :])[:1]:
            if start <= _CUE_REACH:
                end = cue.end() - cue.start() + start + len(quote)
                found.append(DatedValue(value=value, provenance="printed", quote=window[:end]))
    return found


def printed_dates(
    pages: Sequence[PageText], marked: Sequence[DatedValue] = ()
) -> tuple[DatedValue, ...]:
    found: list[DatedValue] = list(marked)
    if pages:
        cover = find_dated_spans(pages[0].text[:_TOP_OF_FIRST_PAGE])
        if cover:
            value, quote, _ = cover[0]
            found.append(DatedValue(value=value, provenance="printed", quote=quote))
    for page in pages:
        found.extend(_cued_dates(page))
        if len(found) >= _MAX_PRINTED:
            break
    return tuple(dict.fromkeys(found))[:_MAX_PRINTED]
