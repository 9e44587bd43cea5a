"""The fetch loop: page and time budgets, depth, hosts side by side, a page that breaks."""

from __future__ import annotations

import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from lepcheck.crawl import crawl
from lepcheck.snapshot import Snapshot

from .crawl_site_server import Reply, Site, home_linking, options, run


def test_budget_and_depth_limits_are_recorded(site: Site, tmp_path: Path) -> None:
    site.fallback = lambda path: Reply(
        body=f'<a href="{path}a/">a</a><a href="{path}b/">b</a>'.encode()
    )
    site.page("/", "".join(f'<a href="/p{n}/">p</a>' for n in range(5)))
    snapshot, records = run(site, tmp_path, max_depth=2, max_pages=6)
    assert len([r for r in records.values() if "robots" not in r.url]) <= 7
    reasons = {s.reason for s in snapshot.skipped()}
    assert "budget" in reasons
    assert max(r.depth for r in records.values()) <= 2


class SteppedClock:
    """The crawl's clock, moved on only by the site: each slow page spends a fixed share of the
    budget, so the test counts pages instead of timing them (a loaded machine cannot change
    the count)."""

    def __init__(self) -> None:
        self.now = 0.0
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        return self.now

    def spend(self, seconds: float) -> None:
        with self._lock:
            self.now += seconds


def test_total_time_budget_stops_the_crawl(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lepcheck.crawl import loop, state
    from lepcheck.crawl.options import WORKERS

    clock = SteppedClock()
    clock_module = SimpleNamespace(monotonic=clock.monotonic)
    monkeypatch.setattr(state, "time", clock_module)
    monkeypatch.setattr(loop, "time", clock_module)
    slow = [f"/slow/{n}" for n in range(40)]
    home_linking(site, *slow)

    def slow_page(path: str) -> Reply:
        if path.startswith("/slow/"):
            clock.spend(0.25)  # four of them spend the whole 1 s budget
        return Reply(body=b"<p>slow</p>")

    site.fallback = slow_page
    snapshot, records = run(site, tmp_path, total_time=1.0)
    fetched = {u for u in records if "/slow/" in u}
    # No page is started once the budget is spent: the four that spent it, plus at most the
    # other workers' requests already in flight when it ran out.
    assert 4 <= len(fetched) <= 4 + WORKERS - 1
    budget = {s.url for s in snapshot.skipped() if s.reason == "budget"}
    assert budget == {f"{site.base}{p}" for p in slow} - fetched


def test_a_page_that_breaks_the_crawler_does_not_end_the_crawl(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault injection inside the crawler: link reading and fetching blow up on one URL each."""
    from lepcheck.crawl import CrawlEvent, discovery, links
    from lepcheck.crawl.fetch import Fetcher

    home_linking(site, "/bad-links", "/bad-fetch", "/fine")
    site.page("/bad-links", '<a href="/never">never</a>')
    site.page("/fine", "<p>fine</p>")

    def exploding_links(body: bytes, page_url: str, content_type: str = "") -> list[object]:
        if page_url.endswith("/bad-links"):
            raise RuntimeError("parser fell over")
        return links.extract_links(body, page_url, content_type)  # type: ignore[return-value]

    real_fetch = Fetcher.fetch

    async def exploding_fetch(self: object, url: str, **kwargs: object) -> object:
        if url.endswith("/bad-fetch"):
            raise ValueError("unexpected")
        return await real_fetch(self, url, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(discovery, "extract_links", exploding_links)
    monkeypatch.setattr(Fetcher, "fetch", exploding_fetch)
    events: list[CrawlEvent] = []
    crawl(options(site), tmp_path / "snap", target_id="t", on_event=events.append)
    records = {r.url: r for r in Snapshot.open(tmp_path / "snap").records()}
    assert records[f"{site.base}/bad-links"].status == 200
    assert records[f"{site.base}/bad-fetch"].error == "internal error: ValueError: unexpected"
    assert records[f"{site.base}/fine"].status == 200
    assert site.hits("/never") == 0
    assert any("links not read: RuntimeError" in e.detail for e in events)


def test_hosts_are_crawled_side_by_side_each_at_its_own_pace(
    site: Site, other_site: Site, tmp_path: Path
) -> None:
    """The related site is crawled in the same run, interleaved with the LEP's own pages, not
    after them. Order and counts only: the pacing itself is held on a virtual clock in
    test_pacing.py, so a loaded machine cannot fail this test."""
    council = other_site.base
    pages = "".join(f'<a href="/p{n}">p{n}</a>' for n in range(4))
    site.page("/", f'{pages}<a href="{council}/committee">Committee</a>')
    site.fallback = lambda path: Reply(body=f'<a href="{path}/more">more</a>'.encode())
    other_site.page(
        "/committee", "".join(f'<a href="/papers/{n}.pdf">paper {n}</a>' for n in range(4))
    )
    other_site.fallback = lambda path: Reply(body=b"%PDF", content_type="application/pdf")
    opts = options(site, delay=0.2, max_depth=2, related_sites=(council,))
    crawl(opts, tmp_path / "s", target_id="t")
    lep_pages = [f"/p{n}" for n in range(4)] + [f"/p{n}/more" for n in range(4)]
    papers = [f"/papers/{n}.pdf" for n in range(4)]
    assert all(site.hits(p) == 1 for p in ["/", *lep_pages])
    assert all(other_site.hits(p) == 1 for p in ["/committee", *papers])
    # One order over both servers: the council's papers were asked for while the LEP's own
    # pages were still being crawled (each LEP page waits 0.2 s for the one before it).
    arrivals = sorted(
        [(stamp, "lep", path) for stamp, (path, _) in zip(site.stamps, site.log, strict=True)]
        + [
            (stamp, "council", path)
            for stamp, (path, _) in zip(other_site.stamps, other_site.log, strict=True)
        ]
    )
    order = [(who, path) for _, who, path in arrivals]
    first_paper = min(i for i, (who, path) in enumerate(order) if path in papers)
    last_lep = max(i for i, (who, _) in enumerate(order) if who == "lep")
    assert first_paper < last_lep
