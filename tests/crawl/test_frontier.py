"""The frontier order: governance-looking pages first within a depth."""

from __future__ import annotations

from pathlib import Path

from lepcheck.crawl import crawl
from lepcheck.snapshot import Snapshot

from .crawl_site_server import Reply, Site, options


def test_relevance_reads_path_and_link_text_not_the_host() -> None:
    from lepcheck.crawl.frontier import relevance
    from lepcheck.snapshot.index_db import FrontierEntry

    host = "https://www.businessboard.example"
    assert relevance(FrontierEntry(url=f"{host}/news/1", depth=1)) == 1
    assert relevance(FrontierEntry(url=f"{host}/about-us/board", depth=1)) == 0
    assert relevance(FrontierEntry(url=f"{host}/p/17", depth=1, link_text="Board minutes")) == 0


def test_governance_pages_come_first_within_a_depth(site: Site, tmp_path: Path) -> None:
    news = "".join(f'<a href="/news/{n}">Latest story {n}</a>' for n in range(8))
    site.page(
        "/",
        f'{news}<a href="/who-we-are/our-board">Our board</a>'
        '<a href="/x7">Registers of interests</a>',
    )
    site.fallback = lambda path: Reply(body=b"<p>page</p>")
    crawl(options(site, max_pages=3), tmp_path / "snap", target_id="t")
    snapshot = Snapshot.open(tmp_path / "snap")
    fetched = {r.url.removeprefix(site.base) for r in snapshot.records()}
    assert {"/who-we-are/our-board", "/x7"} <= fetched
    assert not any(path.startswith("/news/") for path in fetched)
    budget = [s.url for s in snapshot.skipped() if s.reason == "budget"]
    assert len(budget) == 8


def test_breadth_first_by_default_and_any_order_function_instead() -> None:
    from lepcheck.crawl.frontier import Frontier
    from lepcheck.snapshot.index_db import FrontierEntry

    entries = [
        FrontierEntry(url="https://lep.example/deep/registers", depth=3),
        FrontierEntry(url="https://lep.example/news", depth=1),
        FrontierEntry(url="https://lep.example/sitemap-page", depth=1, tier=1),
        FrontierEntry(url="https://lep.example/board", depth=2),
    ]

    def popped(frontier: Frontier) -> list[str]:
        for entry in entries:
            frontier.push(entry)
        order = []
        while (entry := frontier.pop()) is not None:
            order.append(entry.url.rsplit("/", 1)[1])
            frontier.release(entry.url)
        return order

    assert popped(Frontier(1)) == ["news", "board", "registers", "sitemap-page"]
    deepest_first = Frontier(1, order=lambda entry: (-entry.depth,))
    assert popped(deepest_first) == ["registers", "board", "news", "sitemap-page"]
