"""report.links: live links only for http(s); archive links only to files inside evidence/."""

from __future__ import annotations

from lepcheck.report.links import archive_href, archive_path, live_href


def test_live_links_are_http_with_a_host() -> None:
    assert live_href("https://lep.test/a.pdf") == "https://lep.test/a.pdf"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.test/x", "file:///etc/passwd"):
        assert live_href(bad) is None
    assert live_href("evidence/abc.pdf") is None  # an archive path is not a live URL
    assert live_href(" https://lep.test/") is None and live_href("https://a\x0b.test/") is None


def test_archive_paths_are_judged_decoded_and_normalised() -> None:
    assert archive_path("evidence/abc.pdf") == "evidence/abc.pdf"
    assert archive_path("evidence/./sub//abc.pdf") == "evidence/sub/abc.pdf"
    assert archive_href("evidence/a b.pdf") == "evidence/a%20b.pdf"
    for bad in (
        "evidence/../../etc/passwd",
        "evidence/%2e%2e/x",
        "evidence/%252E%252E/x",
        "evidence\\..\\x",
        "/evidence/x",
        "evidence",
        "javascript:x",
    ):
        assert archive_path(bad) is None and archive_href(bad) is None, bad
