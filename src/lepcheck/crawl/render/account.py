"""What the crawl rendered and what went wrong, kept in the snapshot's meta (`rendered_pages`)
so that the report can say it, also when the snapshot is read again without a browser."""

from __future__ import annotations

import json

from lepcheck.crawl.fetch import RenderedPage
from lepcheck.models import FetchProblem, FetchRecord
from lepcheck.snapshot.store import SnapshotWriter

META_KEY = "rendered_pages"


def note_render(writer: SnapshotWriter, page: FetchRecord, rendered: RenderedPage) -> None:
    """Add one page's render to the snapshot's account."""
    account = json.loads(writer.get_meta(META_KEY) or "[]")
    account.append(
        {
            "url": page.url,
            "final_url": page.final_url,
            "reason": rendered.reason,
            "rendered": rendered.dom is not None,
            "truncated_by": rendered.truncated_by,
            "loaded": [r.url for r in rendered.loaded if r.final is not None],
            "problem": rendered.problem,
        }
    )
    writer.set_meta(META_KEY, json.dumps(account))


def render_problems(meta_value: str | None) -> list[FetchProblem]:
    """The pages whose render failed or stopped early: findings that needed them say unknown."""
    problems: list[FetchProblem] = []
    for page in json.loads(meta_value or "[]"):
        if page.get("problem"):
            done = "rendered in part" if page.get("rendered") else "not rendered"
            reason = f"{done} ({page['reason']}): {page['problem']}"
            problems.append(FetchProblem(url=page["url"], reason=reason))
    return problems
