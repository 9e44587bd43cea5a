"""The banner every format carries when the crawl behind a report did not finish.

`lepcheck check` on the snapshot of a killed or interrupted crawl reports on what was
collected (a user whose crawl hit a timeout wants that), but such a report must never look
whole: a requirement may show as fail or unknown only because its page was never fetched.
"""

from __future__ import annotations

from lepcheck.models import Report


def incomplete_notice(report: Report) -> str | None:
    """One sentence saying the report is incomplete and why, or None for a finished crawl."""
    snapshot = report.snapshot
    if snapshot is None or snapshot.complete:
        return None
    return (
        f"INCOMPLETE: the crawl behind this report did not finish. Snapshot {snapshot.id} "
        f"holds {snapshot.records} responses, and {snapshot.pending} URLs found were still "
        "waiting to be fetched. A requirement may show as fail or unknown only because its "
        "page was never fetched: resume the crawl (lepcheck crawl LEP --out DIR --resume) "
        "and check the snapshot again."
    )
