"""Issue 11, class 2: `lepcheck check` on the snapshot of an interrupted crawl says so.

A crawl is killed (SIGKILL, as a timeout or a closed laptop would) while a request is in
flight. Checking what it left gives a report marked incomplete in every format, with the
counts read from the snapshot's index; `--require-complete` refuses it instead. A finished
crawl of the same site gives no such banner.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path
from xml.etree import ElementTree

import pytest

from lepcheck.snapshot import Snapshot
from tests.crawl.crawl_site_server import Reply, serve
from tests.hostile.lep_site import AS_OF, LOOPBACK, assert_one_line_error, lep_site, run_cli

FORMATS = ("--format", "json,html,md,csv,junit")
BANNER = "did not finish"


def crawl_command(url: str, out: Path) -> list[str]:
    return [sys.executable, "-m", "lepcheck", "crawl", url, "--out", str(out), *LOOPBACK]


def index_counts(snapshot: Path) -> tuple[int, int, int]:
    """Responses, skipped URLs and URLs still queued, as the index holds them."""
    uri = f"file:{snapshot / 'index.sqlite'}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as db:
        return tuple(  # type: ignore[return-value]
            db.execute(query).fetchone()[0]
            for query in (
                "SELECT COUNT(*) FROM records",
                "SELECT COUNT(*) FROM skipped",
                "SELECT COUNT(*) FROM frontier WHERE done = 0",
            )
        )


@pytest.fixture(scope="module")
def snapshots(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A finished crawl of the site, and a crawl killed while /minutes was being fetched."""
    root = tmp_path_factory.mktemp("unfinished")
    site = lep_site(extra_links='<a href="/minutes">Board minutes</a>')
    # The minutes page does not answer until the crawl is killed: it is caught mid-request.
    killed = threading.Event()

    def hang_until_killed(_attempt: int, _headers: dict[str, str]) -> None:
        killed.wait(15)  # then close the connection without a word

    site.routes["/minutes"] = hang_until_killed
    with serve(site) as running:
        url = f"{running.base}/"
        process = subprocess.Popen(crawl_command(url, root / "killed"), stderr=subprocess.PIPE)
        # The crawl command reads the rule catalogue (the evidence its crawl looks for) before
        # its first request: a few seconds on a loaded machine.
        deadline = time.monotonic() + 30
        while not running.hits("/minutes") and time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            time.sleep(0.05)
        time.sleep(0.3)  # let the pages fetched beside it be recorded
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        killed.set()
        site.routes["/minutes"] = Reply(body=b"<html><title>Minutes</title></html>")
        done = subprocess.run(crawl_command(url, root / "whole"), capture_output=True, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
    return {name: next((root / name / "snapshots").iterdir()) for name in ("killed", "whole")}


def check(snapshot: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    return run_cli("check", snapshot, "--out", out, *FORMATS, "--as-of", AS_OF, *extra)


def test_the_killed_crawl_left_an_unfinished_snapshot(snapshots: dict[str, Path]) -> None:
    assert not Snapshot.open(snapshots["killed"]).finished
    records, _, pending = index_counts(snapshots["killed"])
    assert records >= 5 and pending >= 1  # the home page and its pages; /minutes still queued


def test_check_marks_the_report_incomplete_in_every_format(
    snapshots: dict[str, Path], tmp_path: Path
) -> None:
    code, _, err = check(snapshots["killed"], tmp_path)
    assert code == 0, err
    assert BANNER in err and "warning" in err  # said on the terminal too
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    records, skipped, pending = index_counts(snapshots["killed"])
    assert data["snapshot"]["complete"] is False
    assert (data["snapshot"]["records"], data["snapshot"]["skipped"]) == (records, skipped)
    assert data["snapshot"]["pending"] == pending
    counts = f"{records} responses"
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    banner = html[html.index("<body>") : html.index("<h1>")]  # above the name and the score
    assert BANNER in banner and counts in banner
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8").splitlines()
    assert BANNER in "\n".join(markdown[:4]) and counts in "\n".join(markdown[:4])
    first_row = next(csv.reader(io.StringIO((tmp_path / "report.csv").read_text())))
    assert BANNER in first_row[0] and counts in first_row[0]
    suite = ElementTree.parse(tmp_path / "report.junit.xml").getroot()
    case = next(c for c in suite.iter("testcase") if c.get("classname") == "lepcheck.snapshot")
    error = case.find("error")
    assert error is not None and BANNER in error.get("message", "")
    assert suite.get("errors") == str(data["score"]["counts"]["unknown"] + 1)


def test_require_complete_refuses_it_in_one_line(
    snapshots: dict[str, Path], tmp_path: Path
) -> None:
    code, _, err = check(snapshots["killed"], tmp_path, "--require-complete")
    line = assert_one_line_error(err, code)
    assert BANNER in line and "--resume" in line
    assert not (tmp_path / "report.json").exists()


def test_a_finished_crawl_has_no_banner(snapshots: dict[str, Path], tmp_path: Path) -> None:
    code, _, err = check(snapshots["whole"], tmp_path, "--require-complete")
    assert code == 0, err
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    records, skipped, _ = index_counts(snapshots["whole"])
    assert data["snapshot"]["complete"] is True and data["snapshot"]["pending"] == 0
    assert (data["snapshot"]["records"], data["snapshot"]["skipped"]) == (records, skipped)
    for name in ("report.html", "report.md", "report.csv", "report.junit.xml"):
        assert BANNER not in (tmp_path / name).read_text(encoding="utf-8"), name
    assert BANNER not in err
