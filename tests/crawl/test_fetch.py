"""Fetching one URL against a real loopback server: retries, redirects, cut bodies and encodings;
every failure ends up in the snapshot."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from .crawl_site_server import Reply, Site, assert_warcs_valid, home_linking, run


def test_server_error_then_success_is_retried(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/flaky")
    site.routes["/flaky"] = lambda attempt, _: Reply(
        status=500 if attempt == 1 else 200, body=b"<html>ok</html>"
    )
    _, records = run(site, tmp_path)
    assert records[f"{site.base}/flaky"].status == 200
    assert site.hits("/flaky") == 2


def test_429_waits_for_retry_after(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/busy")
    site.routes["/busy"] = lambda attempt, _: (
        Reply(status=429, headers={"Retry-After": "1"}) if attempt == 1 else Reply(body=b"fine")
    )
    _, records = run(site, tmp_path)
    first, second = [t for (p, _), t in zip(site.log, site.stamps, strict=True) if p == "/busy"]
    assert second - first >= 0.95
    assert records[f"{site.base}/busy"].status == 200


def test_timeout_then_success_and_persistent_timeout(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/slow-once", "/always-slow")
    site.routes["/slow-once"] = lambda attempt, _: Reply(
        sleep=1.0 if attempt == 1 else 0.0, body=b"late"
    )
    site.routes["/always-slow"] = Reply(sleep=1.0, body=b"never")
    _, records = run(site, tmp_path, timeout=0.3)
    assert records[f"{site.base}/slow-once"].status == 200
    failed = records[f"{site.base}/always-slow"]
    assert failed.status == 0 and (failed.error or "").startswith(
        "timed out after 0.3s (3 attempts, "
    )
    assert (failed.error or "").endswith("s in all)")
    assert site.hits("/always-slow") == 3


def test_connection_reset_is_retried(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/reset")
    site.routes["/reset"] = lambda attempt, _: Reply(reset=attempt == 1, body=b"second time")
    snapshot, records = run(site, tmp_path)
    assert snapshot.body(records[f"{site.base}/reset"]) == b"second time"


def test_redirect_loop_is_cut_and_recorded(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/a", "/moved")
    site.routes["/a"] = Reply(status=302, headers={"Location": "/b"})
    site.routes["/b"] = Reply(status=301, headers={"Location": "/a"})
    site.routes["/moved"] = Reply(status=301, headers={"Location": "/new-home"})
    site.page("/new-home", "<html>here now</html>")
    _, records = run(site, tmp_path)
    loop = records[f"{site.base}/a"]
    assert loop.status == 0 and loop.error == f"redirect loop at {site.base}/a"
    assert site.hits("/a") == 2 and site.hits("/b") == 2
    moved = records[f"{site.base}/moved"]
    assert (moved.status, moved.final_url) == (200, f"{site.base}/new-home")
    assert_warcs_valid(tmp_path / "snap")
    # The target of a redirect is not fetched a second time as a URL of its own.
    assert site.hits("/new-home") == 1


def test_cookie_wall_redirect_to_itself_is_followed(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/board")

    def board(attempt: int, headers: dict[str, str]) -> Reply:
        if "consent=yes" not in headers.get("cookie", ""):
            return Reply(status=302, headers={"Location": "/board", "Set-Cookie": "consent=yes"})
        return Reply(body=b"<p>The board</p>")

    site.routes["/board"] = board
    snapshot, records = run(site, tmp_path)
    record = records[f"{site.base}/board"]
    assert record.status == 200 and snapshot.body(record) == b"<p>The board</p>"


def test_oversized_body_is_cut(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/big.pdf")
    site.routes["/big.pdf"] = Reply(body=b"%PDF" + b"x" * 50_000, content_type="application/pdf")
    snapshot, records = run(site, tmp_path, max_bytes=10_000)
    big = records[f"{site.base}/big.pdf"]
    assert big.truncated and big.length == 10_000
    assert snapshot.body(big) == (b"%PDF" + b"x" * 50_000)[:10_000]
    assert_warcs_valid(tmp_path / "snap")


def test_slow_body_is_cut_at_the_deadline_and_kept(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/slow.pdf")
    body = b"%PDF" + bytes(range(256)) * 80  # about 20 KB, sent 1 KB every 0.1 s
    site.routes["/slow.pdf"] = Reply(body=body, content_type="application/pdf", drip=0.1)
    snapshot, records = run(site, tmp_path, timeout=0.15)  # deadline 6 x 0.15 s = 0.9 s
    record = records[f"{site.base}/slow.pdf"]
    assert record.truncated and 0 < record.length < len(body)
    assert snapshot.body(record) == body[: record.length]
    assert site.hits("/slow.pdf") == 1
    (warc,) = (tmp_path / "snap" / "warc").glob("*.warc.gz")
    with warc.open("rb") as stream:
        cut = [
            r.rec_headers.get_header("WARC-Truncated")
            for r in ArchiveIterator(stream)
            if r.rec_type == "response" and r.rec_headers.get_header("WARC-Truncated")
        ]
    assert cut == ["time"]


def test_gzip_bomb_is_bounded(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/bomb")
    bomb = gzip.compress(b"\0" * 200_000_000, compresslevel=9)
    site.routes["/bomb"] = Reply(body=bomb, headers={"Content-Encoding": "gzip"})
    started = time.monotonic()
    snapshot, records = run(site, tmp_path, max_bytes=1_000_000)
    record = records[f"{site.base}/bomb"]
    assert record.truncated and record.length == 1_000_000
    assert len(snapshot.body(record)) == 1_000_000
    assert time.monotonic() - started < 10


def test_gzip_encoded_page_is_stored_decoded(site: Site, tmp_path: Path) -> None:
    html = b'<html><a href="/inner">Inner</a></html>'
    site.routes["/"] = Reply(body=gzip.compress(html), headers={"Content-Encoding": "gzip"})
    site.page("/inner", "<html>inner</html>")
    snapshot, records = run(site, tmp_path)
    assert snapshot.body(records[f"{site.base}/"]) == html
    assert records[f"{site.base}/inner"].status == 200


def test_server_resetting_every_second_request_of_a_connection(site: Site, tmp_path: Path) -> None:
    links = "".join(f'<a href="/p{i}">p{i}</a>' for i in range(8))
    site.page("/", f"<html><body>{links}</body></html>")
    site.fallback = lambda path: Reply(body=b"<html>page</html>")
    site.reset_every_on_connection = 2
    _, records = run(site, tmp_path)
    assert {records[f"{site.base}/p{i}"].error for i in range(8)} == {None}
    # Only GET is ever sent (servers that answer HEAD with 405 are common).
    assert not [path for path, _ in site.log if path.startswith("HEAD ")]
