"""Class 13 of issue 11, crawl side: a start page or robots.txt that redirects to a Location that
is not a usable http(s) URL, and a server that never answers, end in one clear line (exit 3 when
nothing could be read; a problems entry otherwise), never a traceback."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from lepcheck.cli import main
from lepcheck.crawl import fetch
from lepcheck.crawl.crawler import crawl
from lepcheck.crawl.errors import TargetUnreachableError
from lepcheck.crawl.options import CrawlOptions
from lepcheck.snapshot import Snapshot
from tests.crawl.crawl_site_server import Reply, Site, serve

BAD_LOCATIONS = [
    ("http://[::1", "not a valid URL"),
    ("javascript:alert(document.domain)", "not an http or https URL"),
    ("ftp://lep.example/governance/", "not an http or https URL"),
    ("http://lep.example:99999/", "not a valid URL"),
    ("data:text/html,<h1>hi</h1>", "not an http or https URL"),
]
PAGE = b"<title>Wyvern Vale LEP</title><h1>Our Board</h1><a href='/governance/'>Governance</a>"


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(Site()) as running:
        yield running


def run(command: str, site: Site, tmp_path: Path) -> Result:
    args = [command, f"{site.base}/", "--out", str(tmp_path / "out")]
    return CliRunner().invoke(main, [*args, "--allow-private-network", "--delay", "0"])


def one_line_error(result: Result) -> str:
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), repr(result.exception)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("lepcheck: error: ") and "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.parametrize(("location", "words"), BAD_LOCATIONS)
def test_a_start_page_that_redirects_to_an_unusable_location_exits_3(
    site: Site, tmp_path: Path, location: str, words: str
) -> None:
    site.routes["/"] = Reply(status=302, headers={"Location": location})
    result = run("crawl", site, tmp_path)
    assert result.exit_code == 3
    line = one_line_error(result)
    assert f"could not crawl {site.base}/" in line
    assert repr(location) in line and words in line
    # Only the one request: no retry of a redirect, no www. variant of a server that answered.
    assert [path for path, _ in site.log if path != "/robots.txt"] == ["/"]


def test_the_audit_command_gives_the_same_one_line(site: Site, tmp_path: Path) -> None:
    site.routes["/"] = Reply(status=301, headers={"Location": "javascript:void(0)"})
    result = run("audit", site, tmp_path)
    assert result.exit_code == 3
    assert "'javascript:void(0)', which is not an http or https URL" in one_line_error(result)


@pytest.mark.parametrize(("location", "words"), BAD_LOCATIONS)
def test_a_robots_txt_that_redirects_to_an_unusable_location_is_unavailable(
    site: Site, tmp_path: Path, location: str, words: str
) -> None:
    """RFC 9309 2.3.1.2: a robots.txt that cannot be reached through its redirects may be taken
    as unavailable (everything allowed); the crawl goes on, and the index says why."""
    site.routes["/robots.txt"] = Reply(status=302, headers={"Location": location})
    site.routes["/"] = Reply(body=PAGE)
    site.page("/governance/", "<h1>Governance</h1>")
    result = run("crawl", site, tmp_path)
    assert result.exit_code == 0, result.stderr + repr(result.exception)
    snapshot = Snapshot.open(next((tmp_path / "out" / "snapshots").iterdir()))
    errors = {r.url: r.error for r in snapshot.records() if r.error}
    assert repr(location) in (errors[f"{site.base}/robots.txt"] or "")
    assert words in (errors[f"{site.base}/robots.txt"] or "")
    assert {r.url for r in snapshot.content_records()} == {
        f"{site.base}/",
        f"{site.base}/governance/",
    }


def test_a_page_that_redirects_to_an_unusable_location_is_a_problem(
    site: Site, tmp_path: Path
) -> None:
    cards = "".join(
        f"<div class='member'><h3>{name}</h3><p>{role}</p><p>Director, Vale Ltd</p></div>"
        for name, role in (("Jane Marsh", "Chair"), ("Omar Haddad", "Board member"))
    )
    board = f"<title>Our Board | Wyvern Vale LEP</title><main><h1>Our Board</h1>{cards}"
    link = "<a href='/docs/register.pdf'>Jane Marsh: register of interests</a></main>"
    site.routes["/"] = Reply(body=(board + link).encode())
    site.routes["/docs/register.pdf"] = Reply(status=302, headers={"Location": "http://[::1"})
    result = run("audit", site, tmp_path)
    assert result.exit_code == 0, result.stderr + repr(result.exception)
    report = (tmp_path / "out" / "report.json").read_text()
    assert "/docs/register.pdf" in report and "which is not a valid URL" in report


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A server that accepts connections and never answers a byte."""
    listener = socket.create_server(("127.0.0.1", 0), backlog=16)
    yield listener.getsockname()[1]
    listener.close()


def test_a_server_that_never_answers_says_how_long_was_waited_in_all(
    silent_server: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fetch, "BACKOFF_SECONDS", 0.05)  # pauses of 0.05 s and 0.1 s
    options = CrawlOptions(
        start_url=f"http://127.0.0.1:{silent_server}/",
        allow_private_network=True,
        delay=0.0,
        timeout=0.3,
    )
    started = time.monotonic()
    with pytest.raises(TargetUnreachableError) as failure:
        crawl(options, tmp_path / "snap", target_id="t")
    waited = time.monotonic() - started
    message = str(failure.value)
    assert "\n" not in message and message.startswith(f"could not crawl {options.start_url}")
    assert "timed out after 0.3s" in message and "3 attempts" in message
    total = float(message.split(" in all")[0].rsplit(", ", 1)[-1].removesuffix("s"))
    # Three attempts of 0.3 s and the pauses between them.
    assert 1.0 <= total <= waited
