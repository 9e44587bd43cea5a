"""The fetch loop: page and time budgets, depth, hosts side by side, a page that breaks."""

from __future__ import annotations

import time
from pathlib import Path

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


def test_total_time_budget_stops_the_crawl(site: Site, tmp_path: Path) -> None:
    home_linking(site, *(f"/slow/{n}" for n in range(40)))
    site.fallback = lambda path: Reply(body=b"<p>slow</p>", sleep=0.2)
    started = time.monotonic()
    snapshot, records = run(site, tmp_path, total_time=1.0)
    assert time.monotonic() - started < 6  # 1 s of budget, then the requests in flight
    assert 0 < len([u for u in records if "/slow/" in u]) < 40
    assert any(s.reason == "budget" for s in snapshot.skipped())


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
    council = other_site.base
    pages = "".join(f'<a href="/p{n}">p{n}</a>' for n in range(4))
    site.page("/", f'{pages}<a href="{council}/committee">Committee</a>')
    site.fallback = lambda path: Reply(body=f'<a href="{path}/more">more</a>'.encode())
    other_site.page(
        "/committee", "".join(f'<a href="/papers/{n}.pdf">paper {n}</a>' for n in range(4))
    )
    other_site.fallback = lambda path: Reply(body=b"%PDF", content_type="application/pdf")
    started = time.monotonic()
    opts = options(site, delay=0.2, max_depth=2, related_sites=(council,))
    crawl(opts, tmp_path / "s", target_id="t")
    elapsed = time.monotonic() - started
    assert other_site.hits("/papers/3.pdf") == 1 and site.hits("/p3/more") == 1
    for host in (site, other_site):
        gaps = [b - a for a, b in zip(host.stamps, host.stamps[1:], strict=False)]
        # One request at a time per host, 0.2 s apart (less a little server-side jitter).
        assert min(gaps) >= 0.12
    # The council's papers were fetched while the LEP's own pages were still being crawled.
    assert max(other_site.stamps) < max(site.stamps)
    # One host after the other would take at least the sum of both paces.
    assert elapsed < 0.2 * (len(site.stamps) + len(other_site.stamps))
