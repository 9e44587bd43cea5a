"""An audit's cost follows its evidence (issue 17), end to end on generated LEP-like sites
(tests/generated_sites.py): the sample LEP as it stands, padded with 3,000 news stories, and
with its board meetings one to a page of a paginated archive under the news.

The padded site reaches the plain site's verdicts with about as many requests; the deep site's
meetings are all found within the default budget; a news story that links a board paper still
yields the paper. The figures at scale are benchmarks/crawl_economy.py's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from tests.generated_sites import NEWS_PAPERS, GeneratedSite, Variant, serve_generated

from lepcheck.audit import AuditResult, AuditSettings, Target, audit
from lepcheck.demo.server import sample_target


@dataclass(frozen=True)
class Audited:
    result: AuditResult
    requests: list[str]

    def statuses(self) -> dict[str, str]:
        return {f.rule_id: f.status for f in self.result.report.findings}


def audited(variant: Variant, out: Path, *, news_papers: bool = False) -> Audited:
    sample = sample_target()
    site = GeneratedSite(variant, news_papers=news_papers)
    with serve_generated(site) as base:
        result = audit(
            Target(id=sample["id"], name=sample["name"], url=base),
            AuditSettings(
                out_dir=out,
                formats=("json",),
                as_of=date.fromisoformat(sample["as_of"]),
                allow_private_network=True,
                delay=0.0,
            ),
        )
    return Audited(result, list(site.log))


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Audited:
    return audited("plain", tmp_path_factory.mktemp("plain"))


def test_the_padded_site_gets_the_plain_sites_verdicts_for_about_its_cost(
    plain: Audited, tmp_path: Path
) -> None:
    padded = audited("padded", tmp_path)
    assert padded.statuses() == plain.statuses()
    assert len(padded.requests) <= 1.2 * len(plain.requests)
    stories = [r for r in padded.requests if r.startswith("/news/") and r != "/news/"]
    assert stories  # sampled, not ignored
    snapshot = padded.result.report.snapshot
    assert snapshot is not None
    assert snapshot.stopped.startswith("stopped: no governance links left in ")
    assert any(family.startswith("news and event stories") for family in snapshot.sampled)


def test_papers_deep_in_a_paginated_archive_and_linked_from_news_are_found(
    plain: Audited, tmp_path: Path
) -> None:
    deep = audited("deep", tmp_path, news_papers=True)
    meetings = {m.date for m in deep.result.site.meetings}
    assert meetings == {m.date for m in plain.result.site.meetings} and len(meetings) == 4
    fetched = set(deep.requests)
    for paper, _ in NEWS_PAPERS.values():
        assert paper in fetched
    snapshot = deep.result.report.snapshot
    assert snapshot is not None and snapshot.stopped.startswith("stopped: no governance links")
