"""Issue 11, class 8: control characters and ANSI escape sequences from crawled text never
reach a report or a terminal, and report.junit.xml stays well-formed XML whatever a page
title holds."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from rich.console import Console

from lepcheck.cli.display import CrawlProgress, SweepProgressDisplay
from lepcheck.report import RENDERERS
from lepcheck.sweep.entries import SweepProgressEvent
from tests.hostile.built_reports import built_report, evidence
from tests.hostile.lep_site import AS_OF, LOOPBACK, lep_site, run_cli, serving

# What a hostile page title can hold: colour and screen-clearing CSI sequences, an OSC 8
# hyperlink, the 8-bit CSI, a bell, a backspace, a vertical tab, a form feed, a bare carriage
# return (which would overwrite a terminal line). (A NUL makes the page binary: not read.)
HOSTILE_TITLE = (
    "Conflicts of interest policy \x1b[2J\x1b[31mRED\x1b[0m "
    "\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07 \x9b31mC1\x0b\x0c\x07\x08"
    "\rOVERWRITTEN end"
)
# Nothing below U+0020 but tab and newline, no DEL, no C1 control, no ESC debris.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]|\\[31m|\\[2J|\\]8;;")
REPORT_FILES = [name for name, _ in RENDERERS.values()]


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ctrl") / "out"
    with serving(lep_site(HOSTILE_TITLE)) as url:
        code, _, err = run_cli(
            "audit", url, "--out", out, "--format", "json,html,md,csv,junit",
            "--as-of", AS_OF, *LOOPBACK,
        )  # fmt: skip
    assert code == 0, err
    return out


def test_every_report_format_is_free_of_control_characters(audited: Path) -> None:
    for name in REPORT_FILES:
        text = (audited / name).read_text(encoding="utf-8")
        found = FORBIDDEN.search(text)
        assert found is None, f"{name}: {found.group()!r} at {found.start()}"
    data = json.loads((audited / "report.json").read_text(encoding="utf-8"))
    coi = next(f for f in data["findings"] if f["rule_id"] == "COI-01")
    # The quote is kept, readable, with the escape sequences gone and no words run together.
    quote = coi["evidence"][0]["quote"]
    assert quote.startswith("Conflicts of interest policy RED click C1")
    assert "OVERWRITTEN" in quote and quote.endswith("end")


def test_junit_is_well_formed_and_keeps_the_title(audited: Path) -> None:
    suite = ElementTree.parse(audited / "report.junit.xml").getroot()
    case = next(c for c in suite.iter("testcase") if c.get("name", "").startswith("COI-01"))
    out = case.find("system-out")
    assert out is not None and "Conflicts of interest policy RED" in (out.text or "")


def test_junit_renderer_alone_is_well_formed_whatever_the_text() -> None:
    # Every C0 and C1 character, a lone surrogate (bytes that were not UTF-8) and U+FFFF.
    text = "".join(chr(c) for c in range(0x20)) + "\x7f\x85\x9b\ud800\uffff title"
    xml = RENDERERS["junit"][1](
        built_report([evidence(quote=text, url=f"https://lep.example/{text}")], text=text)
    )
    suite = ElementTree.fromstring(xml.encode("utf-8"))
    assert suite.find("testcase") is not None


def test_lepcheck_report_cleans_a_crafted_report_json(tmp_path: Path) -> None:
    crafted = tmp_path / "crafted" / "report.json"
    crafted.parent.mkdir()
    crafted.write_text(
        built_report([evidence(quote=HOSTILE_TITLE)], text=HOSTILE_TITLE).model_dump_json(),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, _, err = run_cli("report", crafted, "--format", "html,md,csv,junit", "--out", out)
    assert code == 0, err
    for name in REPORT_FILES:
        text = (out / name).read_text(encoding="utf-8")
        assert FORBIDDEN.search(text) is None, name


def test_inspect_prints_no_escape_sequence_to_the_terminal() -> None:
    with serving(lep_site(HOSTILE_TITLE)) as url:
        code, out, err = run_cli("inspect", f"{url}coi", "--allow-private-network")
    assert code == 0, err
    assert FORBIDDEN.search(out + err) is None, out
    title = next(line for line in out.splitlines() if line.startswith("title:"))
    assert "OVERWRITTEN" in title  # the carriage return did not start a line of its own


def test_sweep_progress_prints_crawled_text_as_text() -> None:
    # An error message quoting a page: rich markup and escape sequences in it are shown as
    # the characters they are, and an unmatched closing tag does not stop the sweep.
    console = Console(file=None, force_terminal=True, width=200, record=True)
    display = SweepProgressDisplay(console=console)
    detail = "error: [/bold] [link=https://evil.example/]x\x1b[2J\x1b[31m"
    with display:
        display(SweepProgressEvent("amberdale", "done", detail))
        console.print(display.progress.get_renderable())
    shown = console.export_text()
    assert "[/bold] [link=https://evil.example/]x" in shown
    assert "\x1b[2J" not in console.export_text(styles=True)


def test_crawl_progress_prints_its_label_as_text() -> None:
    console = Console(file=None, force_terminal=True, width=200, record=True)
    with CrawlProgress("crawling [/b]\x1b]8;;https://evil.example/\x07x", console=console) as shown:
        console.print(shown.progress.get_renderable())
    assert "crawling [/b]x" in console.export_text()
