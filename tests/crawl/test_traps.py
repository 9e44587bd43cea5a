"""Crawler traps: calendars, repeated path segments and endless query variants are cut."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lepcheck.crawl.traps import TrapDetector

from .crawl_site_server import Reply, Site, home_linking, run


def test_calendar_trap_is_cut_in_a_full_archive(site: Site, tmp_path: Path) -> None:
    """An exhaustive crawl follows a calendar until the trap detector cuts it (a best-first
    crawl samples one calendar page: tests/crawl/test_economy.py)."""

    def calendar(path: str) -> Reply | None:
        if not path.startswith("/events/month/"):
            return None
        year, month = (int(x) for x in path.rsplit("/", 2)[-2].split("-"))
        nxt = f"{year + month // 12}-{month % 12 + 1:02d}"
        prev = f"{year - (month == 1)}-{(month - 2) % 12 + 1:02d}"
        body = f'<a href="/events/month/{nxt}/">next</a><a href="/events/month/{prev}/">prev</a>'
        return Reply(body=body.encode())

    site.fallback = calendar
    home_linking(site, "/events/month/2026-11/")
    snapshot, records = run(site, tmp_path, max_depth=500, max_pages=1000, exhaustive=True)
    calendar_pages = [u for u in records if "/events/month/" in u]
    assert 10 <= len(calendar_pages) <= 40
    assert any(s.reason == "trap" for s in snapshot.skipped())


def test_repeated_segments_and_endless_queries_are_traps(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/a/b/a/b/a/", "/list?x=1&x=2", "/ok")
    site.page("/ok", "<html>ok</html>")
    snapshot, _ = run(site, tmp_path)
    reasons = {s.url: s.reason for s in snapshot.skipped()}
    assert reasons[f"{site.base}/a/b/a/b/a/"] == "trap"
    assert reasons[f"{site.base}/list?x=1&x=2"] == "trap"


def test_trap_detector_limits_calendar_and_query_variants() -> None:
    traps = TrapDetector(date(2026, 11, 23))
    assert traps.reason("https://x/events/2029-01/") == "calendar date out of range (2029)"
    assert traps.reason("https://x/events/1999-12/") == "calendar date out of range (1999)"
    assert traps.reason("https://x/events/2027-01/") is None
    reasons = [traps.reason(f"https://x/search?page={n}") for n in range(60)]
    assert reasons.count(None) == 50 and reasons[-1] == "too many query variants of one page"
    # A folder of dated board papers is not a calendar.
    papers = [
        traps.reason(
            f"https://x/wp-content/uploads/{2015 + n // 12}/{n % 12 + 1:02d}/day.pdf",
            is_document=True,
        )
        for n in range(120)
    ]
    assert set(papers) == {None}
