"""The officer's commands: `attest init`, `validate` on attestation and waivers files,
`audit --waivers`, and `statement` refusing malformed files before any crawl."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import docx

from lepcheck.inputs.attestations import manual_rules
from lepcheck.rules import load_ruleset
from tests.statement.conftest import (
    AS_OF,
    ATTESTATIONS,
    LOOPBACK_CRAWL,
    REGISTRY,
    WAIVERS,
    ServedDemo,
    StatementRun,
    read_yaml,
    run_cli,
    write_yaml,
)


def one_line_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("lepcheck: error: ")
    return lines[0]


def test_attest_init_then_validate_then_answer(tmp_path: Path) -> None:
    out = tmp_path / "attestations.yaml"
    made = run_cli(
        "attest", "init", "amberdale", "--registry", REGISTRY, "--as-of", AS_OF, "--out", out
    )
    assert made.exit_code == 0, made.output
    manual = manual_rules(load_ruleset().selected())
    assert f"{len(manual)} manual requirement(s) to answer" in made.stdout
    template = read_yaml(out)
    assert template["target"] == "amberdale"
    assert template["accountable_body"] == "Amberdale County Council"  # from the registry
    assert [a["requirement"] for a in template["attestations"]] == sorted(manual)
    assert all(a["guidance"] and a["status"] == "unanswered" for a in template["attestations"])

    again = run_cli("attest", "init", "amberdale", "--registry", REGISTRY, "--out", out)
    assert again.exit_code == 2
    assert "--force" in one_line_error(again.stderr)

    checked = run_cli("validate", out)
    assert checked.exit_code == 2
    error = one_line_error(checked.stderr)
    assert f"{out}: line " in error and "field 'signatory.name': must not be blank" in error

    out.write_text(out.read_text().replace('  name: ""', "  name: Janet Okoro"))
    checked = run_cli("validate", out)
    assert checked.exit_code == 0, checked.output
    assert f"0 of {len(manual)} requirement(s) answered" in checked.stdout


def test_attest_init_for_an_unknown_id_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("attest", "init", "amberdal", "--out", tmp_path / "a.yaml")
    assert result.exit_code == 2
    assert "unknown LEP id 'amberdal'" in one_line_error(result.stderr)
    assert not (tmp_path / "a.yaml").exists()


def test_validate_names_file_line_and_field_of_a_malformed_attestation(tmp_path: Path) -> None:
    data = read_yaml(ATTESTATIONS)
    data["attestations"][1]["status"] = "done"
    path = write_yaml(tmp_path / "bad.yaml", data)
    result = run_cli("validate", path)
    assert result.exit_code == 2
    error = one_line_error(result.stderr)
    line = next(
        n for n, text in enumerate(path.read_text().splitlines(), 1) if "status: done" in text
    )
    assert f"{path}: line {line}: field 'attestations.1.status': 'done' is not one of" in error


def test_validate_accepts_the_example_files() -> None:
    result = run_cli("validate", ATTESTATIONS, WAIVERS)
    assert result.exit_code == 0, result.output
    assert "valid attestation file for amberdale: 4 of 4 requirement(s) answered" in result.stdout
    assert "valid waivers file: 2 waiver(s)" in result.stdout


def test_statement_stops_on_a_malformed_file_before_crawling(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port nothing listens on: a crawl would exit 3
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    registry = read_yaml(REGISTRY)
    registry["leps"][0]["website"] = f"http://127.0.0.1:{port}/"
    waivers = read_yaml(WAIVERS)
    del waivers["waivers"][0]["approved_by"]
    result = run_cli(
        "statement",
        "amberdale",
        "--registry",
        write_yaml(tmp_path / "leps.yaml", registry),
        "--attestations",
        ATTESTATIONS,
        "--waivers",
        write_yaml(tmp_path / "waivers.yaml", waivers),
        "--allow-private-network",
        "--out",
        tmp_path / "out",
    )
    assert result.exit_code == 2
    assert "field 'waivers.0.approved_by': is missing" in one_line_error(result.stderr)
    assert not (tmp_path / "out").exists()


def test_audit_with_waivers_marks_waived_findings_in_every_report(
    served_demo: ServedDemo, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run_cli(
        "audit",
        "amberdale",
        "--registry",
        served_demo.registry,
        "--waivers",
        WAIVERS,
        "--format",
        "json,html,md,csv",
        *LOOPBACK_CRAWL,
        "--out",
        out,
    )
    assert result.exit_code == 0, result.output
    assert "waiver for MEET-02 (amberdale) expired on 2023-11-15" in result.stderr
    findings = {f["rule_id"]: f for f in json.loads((out / "report.json").read_text())["findings"]}
    assert (findings["ROI-01"]["status"], findings["ROI-01"]["original_status"]) == (
        "waived",
        "fail",
    )
    assert findings["MEET-02"]["status"] == "fail"  # expired: keeps its own status
    for name in ("report.html", "report.md", "report.csv"):
        text = (out / name).read_text()
        assert "Thomas Brightwell joined the board in November 2023" in text, name


def test_statement_on_a_template_with_blank_signing_fields_writes_a_marked_draft(
    complete_statement: StatementRun, served_demo: ServedDemo, tmp_path: Path
) -> None:
    template = tmp_path / "attestations.yaml"
    made = run_cli(
        "attest", "init", "amberdale", "--registry", served_demo.registry, "--as-of", AS_OF,
        "--out", template,
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    data = read_yaml(template)
    assert data["signatory"]["name"] == ""  # attest init cannot know who signs
    data["accountable_body"] = "  "
    write_yaml(template, data)
    out = tmp_path / "out"
    reuse = ("--report", complete_statement.out / "report.json", "--out", out)
    args = ("statement", "amberdale", "--registry", served_demo.registry)
    result = run_cli(*args, "--attestations", template, *reuse)
    assert result.exit_code == 0, result.output
    statement = json.loads((out / "statement.json").read_text())
    assert statement["missing"] == ["accountable_body", "signatory.name"]
    html = (out / "statement.html").read_text()
    assert "NOT READY TO SIGN: the attestation file leaves blank the accountable body and" in html
    assert "[missing: accountable body]" in html
    words = "\n".join(p.text for p in docx.Document(str(out / "statement.docx")).paragraphs)
    assert "NOT READY TO SIGN" in words and "[missing: accountable body]" in words
    assert "the registry names Amberdale County Council" in result.stderr

    data["period"]["end"] = "31/03/2024"  # everything but the signing fields stays strict
    write_yaml(template, data)
    refused = run_cli(*args, "--attestations", template, *reuse)
    assert refused.exit_code == 2
    assert "field 'period.end': '31/03/2024' is not a date" in one_line_error(refused.stderr)


def test_a_complete_attestation_file_gives_a_statement_ready_to_sign(
    complete_statement: StatementRun,
) -> None:
    assert complete_statement.result.exit_code == 0, complete_statement.result.output
    assert complete_statement.data()["missing"] == []
    assert "NOT READY TO SIGN" not in (complete_statement.out / "statement.html").read_text()
