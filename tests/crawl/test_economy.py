"""The crawl's economy end to end on a scripted loopback site: families sampled and grown with
evidence, the crawl stopping when nothing plausible is left and saying why, needed pages it
could not fetch named, the same pages whatever order responses come back in, and --exhaustive
crawling everything breadth-first as before."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from lepcheck.crawl import crawl
from lepcheck.crawl.economy import CrawlAccount
from lepcheck.crawl.families import SAMPLE
from lepcheck.crawl.needs import DocumentNeed, EvidenceNeeds
from lepcheck.snapshot import Snapshot

from .crawl_site_server import Reply, Site, options

NEEDS = EvidenceNeeds(
    documents=(
        DocumentNeed(label="minutes", kinds=("minutes",), every=True),
        DocumentNeed(label="register of interests", kinds=("register_of_interests",)),
    )
)
STORIES = 120


def news_site(site: Site, *, paper_in: tuple[int, ...] = ()) -> None:
    """A home page, a governance page with minutes, and a news archive of 120 stories."""
    site.page(
        "/",
        '<a href="/governance/">Governance</a><a href="/news/">News</a>'
        '<a href="/contact/">Contact us</a>',
    )
    site.page("/governance/", '<a href="/docs/minutes-2023-03.pdf">Minutes, March 2023</a>')
    site.page("/contact/", "<p>Write to us.</p>")

    def news(path: str) -> Reply | None:
        if path.startswith("/news/story-"):
            n = int(path.removeprefix("/news/story-").strip("/"))
            paper = (
                f'<a href="/docs/board-paper-{n}.pdf">Board paper {n}</a>' if n in paper_in else ""
            )
            more = f'<a href="/news/story-{n + 1}/">Next story</a>' if n < STORIES else ""
            return Reply(body=f"<h1>Story {n}</h1>{paper}{more}".encode())
        if path.startswith("/news/"):
            page = int(path.partition("=")[2] or 1)
            first = (page - 1) * 10 + 1
            items = "".join(
                f'<a href="/news/story-{n}/">Story {n}</a>' for n in range(first, first + 10)
            )
            pager = f'<a href="/news/?page={page + 1}">Next</a>' if first + 10 <= STORIES else ""
            return Reply(body=f"{items}{pager}".encode())
        if path.startswith("/docs/"):
            return Reply(body=b"%PDF-1.4 paper", content_type="application/pdf")
        return None

    site.fallback = news


def crawled(site: Site, tmp_path: Path, **overrides: object) -> tuple[set[str], dict[str, object]]:
    folder = tmp_path / f"snap{len(list(tmp_path.iterdir()))}"
    crawl(options(site, **overrides), folder, target_id="t")
    snapshot = Snapshot.open(folder)
    paths = {r.url.removeprefix(site.base) for r in snapshot.content_records()}
    return paths, json.loads(snapshot.meta()["crawl_economy"])


def test_a_news_archive_is_sampled_and_the_crawl_says_why_it_stopped(
    site: Site, tmp_path: Path
) -> None:
    news_site(site)
    paths, account = crawled(site, tmp_path, needs=NEEDS)
    stories = {p for p in paths if p.startswith("/news/story-")}
    assert len(stories) == SAMPLE["news"]
    assert {"/", "/governance/", "/docs/minutes-2023-03.pdf", "/news/", "/contact/"} <= paths
    assert "/news/?page=2" in paths and "/news/?page=3" not in paths  # the listing's next page
    assert account["order"] == "best-first"
    assert str(account["stopped"]).startswith("stopped: no governance links left in ")
    families = {f["kind"]: f for f in account["families"]}  # type: ignore[attr-defined]
    assert families["news"]["fetched"] == SAMPLE["news"] and families["news"]["left"] > 0
    assert families["listing"]["fetched"] == 1
    skipped = Snapshot.open(tmp_path / "snap0").skipped()
    assert {s.reason for s in skipped} == {"sampled"}
    assert account["needs"] == {
        "given": True, "total": 2, "met": 1, "unmet": ["register of interests"]
    }  # fmt: skip


def test_a_story_that_links_a_board_paper_earns_its_family_a_closer_look(
    site: Site, tmp_path: Path
) -> None:
    news_site(site, paper_in=(2, 5))
    paths, account = crawled(site, tmp_path, needs=NEEDS)
    assert {"/docs/board-paper-2.pdf", "/docs/board-paper-5.pdf"} <= paths
    families = {f["kind"]: f for f in account["families"]}  # type: ignore[attr-defined]
    assert families["news"]["held_evidence"] == 2
    stories = {p for p in paths if p.startswith("/news/story-")}
    assert SAMPLE["news"] < len(stories) < 20


def test_an_exhaustive_crawl_goes_breadth_first_through_everything(
    site: Site, tmp_path: Path
) -> None:
    news_site(site)
    paths, account = crawled(
        site, tmp_path, needs=NEEDS, exhaustive=True, max_pages=500, max_depth=20
    )
    assert len({p for p in paths if p.startswith("/news/story-")}) == STORIES
    assert account["order"] == "breadth-first" and account["families"] == []
    assert account["stopped"] == ""


def test_a_calendar_is_sampled_not_walked(site: Site, tmp_path: Path) -> None:
    def calendar(path: str) -> Reply | None:
        if not path.startswith("/events/month/"):
            return None
        year, month = (int(x) for x in path.rsplit("/", 2)[-2].split("-"))
        nxt = f"{year + month // 12}-{month % 12 + 1:02d}"
        return Reply(body=f'<a href="/events/month/{nxt}/">next month</a>'.encode())

    site.page("/", '<a href="/events/month/2026-11/">Events</a>')
    site.fallback = calendar
    paths, account = crawled(site, tmp_path, needs=NEEDS)
    assert paths == {"/", "/events/month/2026-11/"}
    assert account["families"][0]["kind"] == "calendar"  # type: ignore[index]


def test_a_needed_page_the_budget_left_unfetched_is_named(site: Site, tmp_path: Path) -> None:
    site.page("/", "".join(f'<a href="/p{n}">Page {n}</a>' for n in range(6)))
    site.fallback = lambda path: (
        Reply(body=b'<a href="/roi/jane-smith.pdf">Register of interests: Jane Smith</a>')
        if path.startswith("/p")
        else None
    )
    paths, account = crawled(site, tmp_path, needs=NEEDS, max_pages=4)
    assert "/roi/jane-smith.pdf" not in paths
    assert account["needed_not_fetched"] == 1
    assert account["needed_skips"] == [  # type: ignore[comparison-overlap]
        {
            "url": f"{site.base}/roi/jane-smith.pdf",
            "reason": "budget",
            "link_text": "Register of interests: Jane Smith",
            "needs": ["register of interests"],
        }
    ]
    assert str(account["stopped"]).startswith("stopped: the page budget (--max-pages 4) ran out")


def committees_answering_after(pause: random.Random) -> Callable[[str], Reply | None]:
    """Committee pages that answer after a random pause, each linking five sets of minutes."""

    def committee(path: str) -> Reply | None:
        if path.startswith("/committee-"):
            c = path.strip("/").rsplit("-", 1)[1]
            minutes = "".join(f'<a href="/docs/{c}-{m}.pdf">Minutes {c}.{m}</a>' for m in range(5))
            return Reply(body=minutes.encode(), sleep=pause.uniform(0, 0.05))
        if path.startswith("/docs/"):
            return Reply(body=b"%PDF-1.4", content_type="application/pdf")
        return None

    return committee


def test_the_pages_fetched_do_not_depend_on_which_response_comes_back_first(
    site: Site, tmp_path: Path
) -> None:
    """Twelve committee pages answer in a random order; the budget reaches a third of their
    minutes. Three crawls with four requests in flight get the pages back in different orders,
    and fetch the same minutes all the same."""
    site.page("/", "".join(f'<a href="/committee-{c}/">Committee {c}</a>' for c in range(12)))
    fetched: list[set[str]] = []
    for seed in (1, 2, 3):
        site.fallback = committees_answering_after(random.Random(seed))
        paths, _ = crawled(site, tmp_path, needs=NEEDS, max_pages=33)
        fetched.append(paths)
    assert fetched[0] == fetched[1] == fetched[2]
    assert len([p for p in fetched[0] if p.startswith("/docs/")]) == 20


def test_the_account_read_back_names_what_the_report_shows(site: Site, tmp_path: Path) -> None:
    """The audit reads the account back: why the crawl ended, the families left partly
    unread, and each needed URL left unfetched as a problem (findings needing it say unknown)."""
    news_site(site)
    crawled(site, tmp_path, needs=NEEDS, max_pages=6)
    account = CrawlAccount.read(Snapshot.open(tmp_path / "snap0").meta()["crawl_economy"])
    assert account.stopped.startswith("stopped: ")
    assert any(line.startswith("news and event stories under ") for line in account.sampled)
    assert all(" left" in line for line in account.sampled)
    site2 = tmp_path / "roi"
    site2.mkdir()
    site.page("/", "".join(f'<a href="/p{n}">Page {n}</a>' for n in range(6)))
    site.fallback = lambda path: (
        Reply(body=b'<a href="/roi/jane-smith.pdf">Register of interests: Jane Smith</a>')
        if path.startswith("/p")
        else None
    )
    crawl(options(site, needs=NEEDS, max_pages=4), site2 / "snap", target_id="t")
    meta = Snapshot.open(site2 / "snap").meta()["crawl_economy"]
    [problem] = CrawlAccount.read(meta).problems()
    assert problem.url == f"{site.base}/roi/jane-smith.pdf"
    assert problem.link_text == "Register of interests: Jane Smith"
    assert problem.reason == (
        "not fetched: the page budget (--max-pages) ran out first; looks like register of interests"
    )


def test_a_snapshot_from_before_the_economy_has_an_empty_account() -> None:
    assert CrawlAccount.read(None) == CrawlAccount()
    assert CrawlAccount.read(None).problems() == []
