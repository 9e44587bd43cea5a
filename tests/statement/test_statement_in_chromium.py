"""The statement page passes the same script-safety check as the reports: opened in headless
Chromium, no hostile script runs and the page is drawn. The hostile text comes from where a
statement quotes others: the attestation file, the waivers file and (through the audit) the
crawled site."""

from __future__ import annotations

from pathlib import Path

from tests.browser import HOSTILE_MARKER, HOSTILE_SNIPPETS, render_in_chromium
from tests.statement.conftest import (
    ATTESTATIONS,
    REGISTRY,
    WAIVERS,
    StatementRun,
    read_yaml,
    run_cli,
    write_yaml,
)


def test_statement_html_runs_no_script_in_chromium(
    complete_statement: StatementRun, tmp_path: Path
) -> None:
    payload = "".join(HOSTILE_SNIPPETS)
    answers = read_yaml(ATTESTATIONS)
    answers["accountable_body"] = f"Amberdale County Council {HOSTILE_SNIPPETS[1]}"
    answers["signatory"]["name"] = f"Janet {HOSTILE_SNIPPETS[0]} Okoro"
    answers["attestations"][0]["evidence"] = f"Signed letter {payload}"
    answers["attestations"][0]["reference"] = f"javascript:window.{HOSTILE_MARKER}=true"
    waivers = read_yaml(WAIVERS)
    waivers["waivers"][0]["reason"] = f"Register due {payload}"
    out = tmp_path / "out"
    result = run_cli(
        "statement",
        "amberdale",
        "--registry",
        REGISTRY,
        "--report",
        complete_statement.out / "report.json",
        "--attestations",
        write_yaml(tmp_path / "attestations.yaml", answers),
        "--waivers",
        write_yaml(tmp_path / "waivers.yaml", waivers),
        "--out",
        out,
    )
    assert result.exit_code == 0, result.output
    html_path = out / "statement.html"
    source = html_path.read_text(encoding="utf-8")
    assert HOSTILE_MARKER in source  # the hostile text reached the page, escaped
    assert "<script>window" not in source
    assert 'href="javascript:' not in source
    render = render_in_chromium(html_path)
    assert not render.script_ran
    assert render.not_blank
    assert "annual assurance statement: Amberdale" in render.title
    for heading in ("Conclusion", "Requirements", "Waivers", "Open actions", "Signature"):
        assert heading in render.body_text, heading
    assert "Register due" in render.body_text


def test_complete_statement_renders_in_chromium(complete_statement: StatementRun) -> None:
    render = render_in_chromium(complete_statement.out / "statement.html")
    assert not render.script_ran
    assert render.not_blank
    assert "Not compliant" in render.body_text
    assert "met (attested)" in render.body_text
