"""End to end: the scripted twin of the grid fixture LEP (tests/fixtures/scripted), whose board
page and board meetings list a script draws from JSON, audited with the browser (`--render
auto`, the default) and without it (`--render never`), against the grid site itself.

Rendered, the twin gives the grid's verdicts, with the evidence in the snapshot: the page as the
server sent it, the DOM as a WARC conversion record referring to it, and the JSON the page
loaded as responses of their own; `lepcheck check` reproduces the verdict from the snapshot
without a browser. Not rendered, the board and its registers are not found. The grid site
itself needs no browser, and `auto` starts none for it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from tests.fixtures.scripted.server import serve_twin
from warcio.archiveiterator import ArchiveIterator

from lepcheck.audit import AuditResult, AuditSettings, Target, audit, check_snapshot
from lepcheck.crawl.options import RenderMode
from lepcheck.demo.server import load_manifest, serve_site
from lepcheck.models import Finding
from lepcheck.snapshot import Snapshot

GRID = Path(__file__).resolve().parents[1] / "sites" / "grid"
MANIFEST = load_manifest(GRID)
AS_OF = date.fromisoformat(MANIFEST["as_of"])


@dataclass
class Audited:
    result: AuditResult
    target: Target
    settings: AuditSettings

    def finding(self, rule: str) -> Finding:
        return next(f for f in self.result.report.findings if f.rule_id == rule)

    def statuses(self) -> dict[str, str]:
        return {f.rule_id: f.status for f in self.result.report.findings}


def _audit(base_url: str, out: Path, render: RenderMode) -> Audited:
    target = Target(id=MANIFEST["lep"]["id"], name=MANIFEST["lep"]["name"], url=base_url)
    settings = AuditSettings(
        out_dir=out,
        formats=("json",),
        as_of=AS_OF,
        allow_private_network=True,
        delay=0.0,
        render=render,
    )
    return Audited(audit(target, settings), target, settings)


@pytest.fixture(scope="module")
def grid(tmp_path_factory: pytest.TempPathFactory) -> Audited:
    with serve_site(GRID) as base_url:
        return _audit(base_url, tmp_path_factory.mktemp("grid"), "auto")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Audited]:
    with serve_twin() as base_url:
        yield _audit(base_url, tmp_path_factory.mktemp("twin"), "auto")


@pytest.fixture(scope="module")
def unrendered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Audited]:
    with serve_twin() as base_url:
        yield _audit(base_url, tmp_path_factory.mktemp("never"), "never")


def test_the_rendered_twin_gives_the_server_rendered_sites_verdicts(
    grid: Audited, rendered: Audited
) -> None:
    for rule in ("ROI-01", "BOARD-03"):
        assert rendered.finding(rule).status == grid.finding(rule).status, rule
        assert rendered.finding(rule).missing == grid.finding(rule).missing, rule
    assert rendered.finding("ROI-01").status == "fail"  # Owen Garside, Daniel Mercer: none
    assert set(rendered.finding("ROI-01").missing) == {"Owen Garside", "Daniel Mercer"}
    assert rendered.finding("BOARD-03").message == grid.finding("BOARD-03").message
    assert rendered.statuses() == grid.statuses()  # every rule, meetings included
    assert [m.name for m in rendered.result.site.board] == [m.name for m in grid.result.site.board]


def test_the_snapshot_holds_the_page_the_dom_and_the_json(rendered: Audited) -> None:
    snapshot = Snapshot.open(rendered.result.snapshot_path)
    drawn = {r.url.rsplit("/", 1)[1]: r for r in snapshot.rendered_records()}
    assert sorted(drawn) == ["meetings", "our-board"]
    pages = {r.url: r for r in snapshot.content_records()}
    board_page = pages[drawn["our-board"].url]
    assert b"Loading board members" in snapshot.body(board_page)  # the server's response
    dom = snapshot.body(drawn["our-board"])
    assert b"<h4>Sam Okonjo</h4>" in dom and b"roi-form-04.docx" in dom
    # The DOM is a conversion record that refers to the page's response record.
    records = {}
    for warc in sorted((snapshot.path / "warc").glob("*.warc.gz")):
        for record in ArchiveIterator(io.BytesIO(warc.read_bytes())):
            records[record.rec_headers.get_header("WARC-Record-ID")] = record.rec_headers
    (conversion,) = [
        h for h in records.values()
        if h.get_header("WARC-Type") == "conversion"
        and h.get_header("WARC-Target-URI") == drawn["our-board"].final_url
    ]  # fmt: skip
    original = records[conversion.get_header("WARC-Refers-To")]
    assert original.get_header("WARC-Type") == "response"
    assert original.get_header("WARC-Target-URI") == board_page.final_url
    # What the pages loaded: the script and the JSON of members, registers and meetings.
    loaded = [r for r in snapshot.records() if r.url.split("/", 3)[3].startswith(("api", "assets"))]
    names = sorted(r.url.rsplit("/", 1)[1] for r in loaded)
    assert names == ["board.json", "documents.json", "lep.js", "meetings.json"]
    board_json = next(r for r in loaded if r.url.endswith("board.json"))
    assert b'"name": "Owen Garside"' in snapshot.body(board_json)
    assert board_json.content_type.startswith("application/json")


def test_the_evidence_points_to_the_rendered_dom(rendered: Audited) -> None:
    snapshot = Snapshot.open(rendered.result.snapshot_path)
    dom = {r.sha256 for r in snapshot.rendered_records()}
    evidence = rendered.finding("BOARD-03").evidence
    assert evidence and all(e.sha256 in dom for e in evidence)


def test_check_reproduces_the_verdict_without_a_browser(
    rendered: Audited, monkeypatch: pytest.MonkeyPatch
) -> None:
    import lepcheck.crawl.render.browser as browser

    async def no_browser(self: object) -> None:
        raise AssertionError("lepcheck check must not start a browser")

    monkeypatch.setattr(browser.HeadlessChromium, "start", no_browser)
    again = check_snapshot(rendered.result.snapshot_path, rendered.target, rendered.settings)
    assert {f.rule_id: f.status for f in again.report.findings} == rendered.statuses()
    assert [f.message for f in again.report.findings] == [
        f.message for f in rendered.result.report.findings
    ]


def test_without_rendering_the_board_and_registers_are_not_found(unrendered: Audited) -> None:
    assert unrendered.result.site.board == ()
    board = unrendered.finding("BOARD-03")
    assert board.status == "unknown"
    assert board.message == "The board membership could not be read from the site."
    registers = unrendered.finding("ROI-01")
    assert registers.status == "unknown"
    assert registers.message.startswith("The current board membership could not be read")
    assert Snapshot.open(unrendered.result.snapshot_path).rendered_records() == []


def test_auto_renders_nothing_on_a_site_that_needs_no_browser(grid: Audited) -> None:
    snapshot = Snapshot.open(grid.result.snapshot_path)
    assert snapshot.rendered_records() == []
    assert "rendered_pages" not in snapshot.meta()
