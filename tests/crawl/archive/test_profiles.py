from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from lepcheck.crawl.archive.index import end_of_day, months_before, url_key
from lepcheck.crawl.archive.profiles import UnknownArchiveError, resolve_archive
from lepcheck.errors import EXIT_USAGE


def test_bundled_names_and_collection_urls() -> None:
    ia = resolve_archive("IA")
    assert ia.cdx == "https://web.archive.org/cdx/search/cdx"
    assert ia.replay_url("20230303090000", "https://lep.co.uk/a.pdf") == (
        "https://web.archive.org/web/20230303090000id_/https://lep.co.uk/a.pdf"
    )
    assert resolve_archive("ukgwa").cdx.endswith("/ukgwa/cdx")
    mine = resolve_archive("http://127.0.0.1:8080/lep/")
    assert (mine.collection, mine.cdx) == (
        "http://127.0.0.1:8080/lep",
        "http://127.0.0.1:8080/lep/cdx",
    )


def test_an_unknown_archive_is_a_usage_error_naming_the_choices() -> None:
    with pytest.raises(UnknownArchiveError, match="ia, ukwa, ukgwa") as caught:
        resolve_archive("wayback", "--dates-from-archive")
    assert caught.value.exit_code == EXIT_USAGE
    assert str(caught.value).startswith("--dates-from-archive 'wayback'")


def test_a_redirect_rewritten_into_the_archive_is_read_as_the_site_sent_it() -> None:
    ia = resolve_archive("ia")
    rewritten = "https://web.archive.org/web/20230303090000id_/https://lep.co.uk/new/"
    assert ia.original_of(rewritten) == "https://lep.co.uk/new/"
    assert ia.original_of("/new/") == "/new/"


def test_the_day_ends_at_midnight_in_london_and_windows_count_months() -> None:
    assert end_of_day(date(2023, 7, 31)) == datetime(2023, 7, 31, 22, 59, 59, tzinfo=UTC)  # BST
    assert end_of_day(date(2023, 1, 31)) == datetime(2023, 1, 31, 23, 59, 59, tzinfo=UTC)
    assert months_before(datetime(2023, 8, 31, tzinfo=UTC), 18) == datetime(2022, 2, 28, tzinfo=UTC)


def test_urls_are_matched_as_archives_match_them() -> None:
    assert url_key("https://www.LEP.co.uk:443/a?b=1#top") == "lep.co.uk/a?b=1"
    assert url_key("http://lep.co.uk") == "lep.co.uk/"
    assert url_key("http://127.0.0.1:8000/x") == "127.0.0.1:8000/x"
