"""The report's method note: how the evidence behind a finding is weighed, said once for every
format (HTML and Markdown) so the formats cannot drift apart."""

from __future__ import annotations

# How publication dates are known (MEET-01..03; the project's guide, "Dates say how they are
# known"). Each timeliness finding names the strength its dates rest on.
DATE_STRENGTHS: tuple[tuple[str, str], ...] = (
    (
        "proved",
        "first seen by an earlier lepcheck crawl: the document was up by then. On time, it "
        "proves compliance; too late proves nothing, as nobody was looking earlier.",
    ),
    (
        "declared",
        "recorded by the publisher's own system or printed beside the document: a committee "
        "system's publication date for each paper (ModernGov `publicationdate`), a decision "
        "page's \u201cPublication date\u201d, a \u201cpublished on\u201d line. Taken at its "
        "word: on time passes, too late fails.",
    ),
    (
        "suggested",
        "HTTP Last-Modified or file metadata, which say when a file last changed, not when it "
        "went up: on time is partial, too late fails with lower confidence.",
    ),
)
DATES_INTRO = (
    "Publication deadlines are counted in clear working days (weekends and England and Wales "
    "bank holidays excluded; neither the day of publication nor the meeting day counts). "
    "A meeting a committee system declares cancelled has no deadline. Dates have three "
    "strengths:"
)
