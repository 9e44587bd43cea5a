"""Families of look-alike pages: which family a URL belongs to, and how a family is sampled."""

from __future__ import annotations

import pytest

from lepcheck.crawl.families import GROWTH, SAMPLE, Family, FamilyKey, family_of

HOST = "www.example-lep.co.uk"


@pytest.mark.parametrize(
    ("path", "kind", "where"),
    [
        ("/news/lep-board-welcomes-new-members/", "news", "/news/"),
        ("/news-and-events/news/gbslep-chairman-to-stand-down/", "news", "/news-and-events/"),
        ("/what-we-do/news/solent-lep-welcomes-review", "news", "/what-we-do/news/"),
        ("/media-centre/blog-articles/reflections.html", "news", "/media-centre/"),
        ("/news/?page=2", "listing", "/news/"),
        ("/news/page/7/", "listing", "/news/"),
        ("/about/publications?page=1", "listing", "/about/publications"),
        ("/tag/north-east-lep", "taxonomy", "/tag/"),
        ("/news/category/skills/", "taxonomy", "/news/category/"),
        ("/news/?category=skills", "taxonomy", "/news/?category="),
        ("/news/2023/05/", "taxonomy", "/news/(dates)"),
        ("/events/calendar/2023-11-14/", "calendar", "/events/calendar/"),
        ("/events/month/2026-11/", "calendar", "/events/month/"),
        ("/calendar?month=2024-05", "calendar", "/calendar?month"),
        ("/search?q=board+minutes", "search", "/search"),
        ("/?s=minutes", "search", "/"),
    ],
)
def test_family_of_a_page(path: str, kind: str, where: str) -> None:
    assert family_of(f"https://{HOST}{path}") == FamilyKey(kind, HOST + where)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "path",
    [
        "/news/",  # the listing itself: a page of its own, read as any other
        "/governance/board-meetings/",
        "/governance/board-meetings/2023-11-14-minutes/",  # dated, but no calendar
        "/about-the-lep/our-board/",
        "/newsletter-sign-up/",
    ],
)
def test_pages_of_their_own(path: str) -> None:
    assert family_of(f"https://{HOST}{path}") is None


def test_a_family_samples_its_first_and_most_promising_members_and_grows_with_evidence() -> None:
    news = Family.new(FamilyKey("news", f"{HOST}/news/"))
    for n in range(1, 11):
        news.wait(f"/news/story-{n}/", promise=1 if n == 7 else 0)
    first = news.choose()
    assert len(first) == SAMPLE["news"]
    # The first found, the most promising, the next found.
    assert first == ["/news/story-1/", "/news/story-7/", "/news/story-2/"]
    assert news.choose() == []  # nothing more until a member holds evidence
    news.held_evidence()
    assert news.choose() == ["/news/story-3/", "/news/story-4/", "/news/story-5/"][:GROWTH]
    news.drop("/news/story-6/")
    account = news.account()
    assert account["found"] == 10 and account["held_evidence"] == 1
    assert account["left"] == 3  # 8, 9 and 10; 6 was named like evidence and left the family
