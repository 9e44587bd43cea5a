"""The loopback site server: bytes, headers, dates, 304s, traversal, routes, substitutions."""

from __future__ import annotations

import http.client
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from tests.demo.site_documents import fetch

from lepcheck.demo import SAMPLE_SITE_ROOT, load_manifest, sample_target, serve_site


@pytest.fixture()
def small_site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "governance").mkdir(parents=True)
    (root / "governance" / "index.html").write_text(
        '<html><body><a href="{{COUNCIL}}mgCommitteeDetails.aspx?ID=123">Board</a></body></html>',
        encoding="utf-8",
    )
    (root / "docs").mkdir()
    (root / "docs" / "agenda.pdf").write_bytes(b"%PDF-1.4\n% not a real pdf but bytes\n")
    (root / "docs" / "list.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (root / "unlisted.txt").write_text("plain\n", encoding="utf-8")
    (root / "ieListDocuments_456.html").write_text("<p>Meeting 456</p>", encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside the root\n", encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", root / "link-out.txt")
    manifest = {
        "lep": {"id": "small", "name": "Small LEP"},
        "as_of": "2023-11-30",
        "files": {
            "/docs/agenda.pdf": {"last_modified": "2023-03-01T09:00:00Z"},
            "/governance/": {"last_modified": "2023-05-02T12:30:00Z"},
        },
        "routes": {"/ieListDocuments.aspx?CId=123&MId=456": "ieListDocuments_456.html"},
    }
    (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    os.utime(root / "unlisted.txt", (1_600_000_000, 1_600_000_000))
    return root


@pytest.fixture()
def small_base(small_site: Path) -> Iterator[str]:
    with serve_site(small_site, substitutions={"COUNCIL": "http://council.test/"}) as base:
        yield base


def test_base_url_is_loopback_with_a_port(small_base: str) -> None:
    parts = urlsplit(small_base)
    assert parts.hostname == "127.0.0.1"
    assert parts.port and parts.port > 0
    assert small_base.endswith("/")


def test_pdf_bytes_type_length_and_manifest_date(small_site: Path, small_base: str) -> None:
    status, headers, body = fetch(small_base, "/docs/agenda.pdf")
    assert status == 200
    assert body == (small_site / "docs" / "agenda.pdf").read_bytes()
    assert headers["content-type"] == "application/pdf"
    assert headers["content-length"] == str(len(body))
    assert headers["last-modified"] == "Wed, 01 Mar 2023 09:00:00 GMT"


def test_head_gives_headers_without_body(small_base: str) -> None:
    parts = urlsplit(small_base)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        connection.request("HEAD", "/docs/agenda.pdf")
        response = connection.getresponse()
        assert response.status == 200
        assert response.getheader("Content-Length") == "36"
        assert response.read() == b""
    finally:
        connection.close()


def test_unlisted_file_uses_its_mtime(small_base: str) -> None:
    status, headers, body = fetch(small_base, "/unlisted.txt")
    assert status == 200 and body == b"plain\n"
    assert headers["content-type"].startswith("text/plain")
    modified = parsedate_to_datetime(headers["last-modified"])
    assert modified == datetime.fromtimestamp(1_600_000_000, tz=UTC)


def test_csv_content_type(small_base: str) -> None:
    status, headers, _ = fetch(small_base, "/docs/list.csv")
    assert status == 200 and headers["content-type"].startswith("text/csv")


def test_directory_index_and_substitution(small_base: str) -> None:
    status, headers, body = fetch(small_base, "/governance/")
    assert status == 200
    assert headers["content-type"].startswith("text/html")
    assert b"http://council.test/mgCommitteeDetails.aspx?ID=123" in body
    assert b"{{COUNCIL}}" not in body
    assert headers["content-length"] == str(len(body))
    assert headers["last-modified"] == "Tue, 02 May 2023 12:30:00 GMT"


def test_directory_without_slash_redirects(small_base: str) -> None:
    status, headers, _ = fetch(small_base, "/governance")
    assert status == 301
    assert headers["location"] == "/governance/"


def test_if_modified_since_gives_304(small_base: str) -> None:
    same = format_datetime(datetime(2023, 3, 1, 9, 0, tzinfo=UTC), usegmt=True)
    status, _, body = fetch(small_base, "/docs/agenda.pdf", {"If-Modified-Since": same})
    assert status == 304 and body == b""
    earlier = format_datetime(datetime(2023, 2, 1, tzinfo=UTC), usegmt=True)
    status, _, body = fetch(small_base, "/docs/agenda.pdf", {"If-Modified-Since": earlier})
    assert status == 200 and body.startswith(b"%PDF")


@pytest.mark.parametrize(
    "target",
    [
        "/../secret.txt",
        "/docs/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/docs/%2E%2E/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/link-out.txt",
        "/manifest.json",
        "/nothing-here.html",
        "/docs/..\\..\\secret.txt",
    ],
)
def test_refused_targets_are_404(small_base: str, target: str) -> None:
    status, _, body = fetch(small_base, target)
    assert status == 404
    assert b"outside the root" not in body


def test_route_with_query_string(small_base: str) -> None:
    status, headers, body = fetch(small_base, "/ieListDocuments.aspx?CId=123&MId=456")
    assert status == 200 and body == b"<p>Meeting 456</p>"
    assert headers["content-type"].startswith("text/html")
    status, _, _ = fetch(small_base, "/ieListDocuments.aspx?CId=123&MId=999")
    assert status == 404


def test_robots_txt_is_served(small_base: str) -> None:
    status, _, body = fetch(small_base, "/robots.txt")
    assert status == 200 and b"Allow: /" in body


def test_two_sites_at_once(small_site: Path) -> None:
    with serve_site(SAMPLE_SITE_ROOT) as first, serve_site(small_site) as second:
        assert first != second
        assert fetch(first, "/")[0] == 200
        assert fetch(second, "/docs/agenda.pdf")[0] == 200
        assert fetch(first, "/docs/agenda.pdf")[0] == 404


def test_server_stops_on_exit(small_site: Path) -> None:
    with serve_site(small_site) as base:
        assert fetch(base, "/robots.txt")[0] == 200
    with pytest.raises(OSError):
        fetch(base, "/robots.txt")


def test_sample_site_serves_every_manifest_file_with_its_date() -> None:
    manifest = load_manifest(SAMPLE_SITE_ROOT)
    assert len(manifest["files"]) > 50
    with serve_site(SAMPLE_SITE_ROOT) as base:
        for url_path, entry in manifest["files"].items():
            status, headers, body = fetch(base, url_path)
            assert status == 200, url_path
            relative = url_path.lstrip("/") + ("index.html" if url_path.endswith("/") else "")
            assert body == (SAMPLE_SITE_ROOT / relative).read_bytes(), url_path
            expected = datetime.fromisoformat(entry["last_modified"].replace("Z", "+00:00"))
            assert parsedate_to_datetime(headers["last-modified"]) == expected, url_path


def test_sample_target_reads_the_manifest() -> None:
    assert sample_target() == {
        "id": "amberdale",
        "name": "Amberdale and Wolds Local Enterprise Partnership",
        "as_of": "2023-11-30",
    }
