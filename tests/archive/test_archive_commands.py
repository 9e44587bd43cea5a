"""The statement and the sweep from a web archive (issue 15 items 1, 2 and 5), against the real
pywb on loopback: the registry's dated `websites` give the site in use on the day, a domain
that has lapsed since (it does not resolve: only the archive can answer for it), not the
LEP's current one; and the evidence of every format names the capture it was read from."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from lepcheck.cli import main
from tests.inputs.officer_files import ATTESTATIONS

from .conftest import FixtureArchive
from .test_time_machine import FAST

pytestmark = pytest.mark.xdist_group("pywb")
DAY = "2023-07-31"
SUCCESSOR = "http://amberdale.example/"  # the current site, never asked for a 2023 audit


def registry(archive: FixtureArchive, folder: Path) -> Path:
    """The sample LEP with today's site, and the lapsed domain it used until March 2024 (the
    one the fixture archive captured) dated by the registry."""
    entry = {
        "id": "amberdale",
        "name": "Amberdale and Wolds Local Enterprise Partnership",
        "website": SUCCESSOR,
        "websites": [
            {
                "url": archive.lapsed,
                "from": "2015-04-01",
                "until": "2024-03-31",
                "source": "the fixture archive, tests/archive/conftest.py",
            },
            {"url": SUCCESSOR, "from": "2024-04-01", "source": "the fixture registry"},
        ],
        "accountable_body": "Amberdale County Council",
        "status": "active",
    }
    path = folder / "leps.yaml"
    path.write_text(yaml.safe_dump({"leps": [entry]}), encoding="utf-8")
    return path


def from_archive(archive: FixtureArchive, *args: str | Path) -> Result:
    """A command run on the archive of DAY: it succeeds and asks nothing of the live site."""
    before = archive.site.requests
    more = ("--archive", archive.collection, "--as-of", DAY, "--allow-private-network", *FAST)
    result = CliRunner().invoke(main, [str(a) for a in (*args, *more)])
    assert result.exit_code == 0, result.output
    assert archive.site.requests == before  # read from the archive alone
    return result


def test_a_statement_from_an_archive_names_each_capture_in_html_and_docx(
    fixture_archive: FixtureArchive, tmp_path: Path
) -> None:
    out = tmp_path / "statement"
    from_archive(
        fixture_archive, "statement", "amberdale", "--registry",
        registry(fixture_archive, tmp_path), "--attestations", ATTESTATIONS, "--out", out,
    )  # fmt: skip
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["target"]["url"] == fixture_archive.lapsed  # the site in use that day
    html = (out / "statement.html").read_text(encoding="utf-8")
    capture = re.compile(
        re.escape(fixture_archive.collection)
        + r"/2023\d{10}id_/"
        + re.escape(fixture_archive.lapsed)
    )
    assert "archived by " in html and capture.search(html)
    with zipfile.ZipFile(out / "statement.docx") as docx:
        body = docx.read("word/document.xml").decode("utf-8")
        links = docx.read("word/_rels/document.xml.rels").decode("utf-8")
    assert f"archived by {fixture_archive.collection} at 2023-" in body
    assert capture.search(links)  # the capture, a link beside the sha256


def test_a_sweep_from_an_archive_audits_the_site_in_use_that_day(
    fixture_archive: FixtureArchive, tmp_path: Path
) -> None:
    out = tmp_path / "sweep"
    from_archive(
        fixture_archive, "sweep", "--registry", registry(fixture_archive, tmp_path),
        "--db", tmp_path / "history.sqlite", "--format", "json,csv", "--out", out,
    )  # fmt: skip
    summary = json.loads((out / "sweep.json").read_text(encoding="utf-8"))
    assert summary["counts"]["audited"] == 1
    report = json.loads((out / "amberdale" / "report.json").read_text(encoding="utf-8"))
    assert report["target"]["url"] == fixture_archive.lapsed
    meet = next(f for f in report["findings"] if f["rule_id"] == "MEET-01")
    assert "proved: first captured by" in json.dumps(meet)
    rows = list(csv.DictReader(io.StringIO((out / "amberdale" / "report.csv").read_text())))
    captured = [r["archive_capture"] for r in rows if r["archive_capture"]]
    assert captured and all(
        c.startswith(f"{fixture_archive.collection} at 2023-") for c in captured
    )
