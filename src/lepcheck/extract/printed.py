"""Dates a document prints about itself: "Last updated 3 March 2024", a cover-page date.

Publication timeliness (MEET-01..03) and register currency (ROI-08) need a date for the
document. Of the many dates in a text, only two kinds say something about the document itself:
dates right after words such as "updated", "published" or "dated", and the first date near the
top of the first page (the date on a cover, or the meeting date heading a set of minutes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lepcheck.extract.dates import find_dated_spans
from lepcheck.models import DatedValue, PageText

_MAX_PRINTED = 30
_TOP_OF_FIRST_PAGE = 600
_CUE = re.compile(
    r"(last\s+updated|updated|last\s+reviewed|reviewed|revised|published|publication\s+date"
    r"|date\s+of\s+(?:issue|publication|approval|review)|issued|dated|approved|adopted"
    r"|version\s+date|effective\s+(?:from|date)|date)\b[^.\n]{0,25}$",
    re.IGNORECASE,
)


def printed_dates(
    pages: Sequence[PageText], marked: Sequence[DatedValue] = ()
) -> tuple[DatedValue, ...]:
    found: list[DatedValue] = list(marked)
    for page in pages:
        for index, (value, quote, start) in enumerate(find_dated_spans(page.text)):
            line_start = page.text.rfind("\n", 0, start) + 1
            before = page.text[max(line_start, start - 60) : start]
            cue = _CUE.search(before)
            on_cover = page.number == pages[0].number and index == 0 and start < _TOP_OF_FIRST_PAGE
            if cue:
                quote = (before[cue.start() :] + quote).strip()
            elif not on_cover:
                continue
            found.append(DatedValue(value=value, provenance="printed", quote=quote))
            if len(found) >= _MAX_PRINTED:
                break
        if len(found) >= _MAX_PRINTED:
            break
    return tuple(dict.fromkeys(found))
