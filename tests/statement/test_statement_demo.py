"""The annual assurance statement for the sample site, end to end over loopback HTTP (issue:
statements with a complete attestation file, with a missing answer and with an expired waiver;
the DOCX opens and holds the requirement table). Expected statuses follow
src/lepcheck/demo/DEFECTS.md and the example files in examples/, not the tool's output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE

from lepcheck.inputs.attestations import manual_rules
from lepcheck.rules import load_ruleset
from tests.statement.conftest import (
    AS_OF,
    ATTESTATIONS,
    REGISTRY,
    WAIVERS,
    StatementRun,
    read_yaml,
    run_cli,
    write_yaml,
)

MANUAL_IDS = set(manual_rules(load_ruleset().selected()))


def rerun(source: StatementRun, out: Path, *extra: str | Path) -> StatementRun:
    """A statement from the first run's report.json (--report): no second crawl."""
    result = run_cli(
        "statement",
        "amberdale",
        "--registry",
        REGISTRY,
        "--report",
        source.out / "report.json",
        "--out",
        out,
        *extra,
    )
    return StatementRun(result=result, out=out)


def test_complete_statement_is_written_in_html_docx_and_json(
    complete_statement: StatementRun,
) -> None:
    assert complete_statement.result.exit_code == 0, complete_statement.result.output
    for name in ("statement.html", "statement.docx", "statement.json", "report.json"):
        assert (complete_statement.out / name).is_file(), name
    data = complete_statement.data()
    assert data["lep"]["id"] == "amberdale"
    assert data["accountable_body"] == "Amberdale County Council"
    assert (data["period_start"], data["period_end"]) == ("2023-04-01", "2024-03-31")
    assert data["as_of"] == AS_OF


def test_complete_statement_concludes_not_compliant_naming_the_sample_defects(
    complete_statement: StatementRun,
) -> None:
    conclusion = complete_statement.data()["conclusion"]
    assert conclusion["verdict"] == "not_compliant"
    # DEFECTS.md (b) and (f): must-requirements the sample site fails.
    assert {"COI-06", "ASSUR-02"} <= set(conclusion["not_met"])
    assert "COI-06" in conclusion["summary"] and "ASSUR-02" in conclusion["summary"]
    # Every manual requirement is answered, so none of them is "not evidenced".
    assert not MANUAL_IDS & set(conclusion["not_evidenced"])
    assert "Not compliant" in (complete_statement.out / "statement.html").read_text()


def test_attested_requirements_show_who_and_when_and_stay_manual_in_the_report(
    complete_statement: StatementRun,
) -> None:
    rows = complete_statement.rows()
    assert {"ASSUR-07", "ASSUR-08", "ASSUR-09", "DEC-02"} == MANUAL_IDS
    for rule_id in MANUAL_IDS:
        row = rows[rule_id]
        assert (row["outcome"], row["basis"]) == ("met", "attested"), rule_id
        assert row["attestation"]["attested_by"].startswith("Janet Okoro")
        assert row["attestation"]["attested_on"] == "2023-12-04"
    html = (complete_statement.out / "statement.html").read_text()
    assert "met (attested)" in html
    assert (
        "Attested met by Janet Okoro, Section 151 Officer, Amberdale County Council on 2023-12-04"
        in html
    )
    report = json.loads((complete_statement.out / "report.json").read_text())
    statuses = {f["rule_id"]: f["status"] for f in report["findings"]}
    # An attestation never turns into an automated pass.
    assert {statuses[rule_id] for rule_id in MANUAL_IDS} == {"manual"}


def test_waiver_in_force_is_shown_and_the_expired_one_is_ignored_with_a_warning(
    complete_statement: StatementRun,
) -> None:
    rows = complete_statement.rows()
    # ROI-01 (defect a) is waived until 2023-12-31: shown as waived with its own status.
    assert rows["ROI-01"]["outcome"] == "waived"
    assert rows["ROI-01"]["original_status"] == "fail"
    assert "ROI-01" in complete_statement.data()["conclusion"]["exceptions"]
    # MEET-02's waiver expired on 2023-11-15, before the as-of date: it keeps its own status.
    assert rows["MEET-02"]["outcome"] == "not_met"
    assert rows["MEET-02"]["waiver"] is None
    assert (
        "waiver for MEET-02 (amberdale) expired on 2023-11-15" in complete_statement.result.stderr
    )
    html = (complete_statement.out / "statement.html").read_text()
    assert "Thomas Brightwell joined the board in November 2023" in html
    report = json.loads((complete_statement.out / "report.json").read_text())
    roi01 = next(f for f in report["findings"] if f["rule_id"] == "ROI-01")
    assert (roi01["status"], roi01["original_status"]) == ("waived", "fail")
    assert roi01["waiver"]["approved_by"].startswith("Janet Okoro")


def test_automated_rows_link_to_archived_evidence_beside_the_statement(
    complete_statement: StatementRun,
) -> None:
    html = (complete_statement.out / "statement.html").read_text()
    archived = set(re.findall(r'href="(evidence/[0-9a-f]{64}\.[a-z]+)"', html))
    assert archived
    for relative in archived:
        assert (complete_statement.out / relative).is_file(), relative
    row = complete_statement.rows()["COND-02"]  # passes on the code of conduct (Nolan)
    assert row["outcome"] == "met" and row["basis"] == "automated"
    assert all(ev["archive"] and ev["sha256"] and ev["quote"] for ev in row["evidence"])


def test_docx_opens_and_holds_the_requirement_table(complete_statement: StatementRun) -> None:
    document = docx.Document(str(complete_statement.out / "statement.docx"))
    tables = [
        t
        for t in document.tables
        if [c.text for c in t.rows[0].cells] == ["Requirement", "Severity", "Status", "Evidence"]
    ]
    assert len(tables) == 1
    table = tables[0]
    rows = complete_statement.rows()
    assert len(table.rows) - 1 == len(rows)
    by_id = {r.cells[0].text.split()[0]: r for r in table.rows[1:]}
    assert set(by_id) == set(rows)
    assert by_id["ASSUR-07"].cells[2].text == "met (attested)"
    assert "Janet Okoro" in by_id["ASSUR-07"].cells[3].text
    assert by_id["ROI-01"].cells[2].text == "waived (own status: fail)"
    assert by_id["COI-06"].cells[2].text == "not met (automated evidence)"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Not compliant" in text
    assert "DRAFT for review and signature" in text
    links = [
        rel.target_ref
        for rel in document.part.rels.values()
        if rel.reltype == RELATIONSHIP_TYPE.HYPERLINK
    ]
    assert any(link.startswith("evidence/") for link in links)
    signature = document.tables[-1]
    assert [r.cells[0].text for r in signature.rows] == ["Signed", "Name", "Role", "Date"]
    assert signature.rows[1].cells[1].text == "Janet Okoro"


def test_missing_answer_is_not_evidenced_never_met(
    complete_statement: StatementRun, tmp_path: Path
) -> None:
    data = read_yaml(ATTESTATIONS)
    data["attestations"] = [a for a in data["attestations"] if a["requirement"] != "DEC-02"]
    attestations = write_yaml(tmp_path / "attestations.yaml", data)
    run = rerun(complete_statement, tmp_path / "out", "--attestations", attestations)
    assert run.result.exit_code == 0, run.result.output
    row = run.rows()["DEC-02"]
    assert (row["outcome"], row["basis"]) == ("not_evidenced", "none")
    assert "no attestation answers it" in row["note"]
    conclusion = run.data()["conclusion"]
    assert "DEC-02" in conclusion["not_evidenced"]
    assert conclusion["verdict"] != "compliant"
    html = (run.out / "statement.html").read_text()
    dec02 = html[html.index('id="DEC-02"') :]
    dec02 = dec02[: dec02.index("</tr>")]
    assert "not evidenced" in dec02 and "met (" not in dec02
    assert any(a["rule_id"] == "DEC-02" for a in run.data()["open_actions"])
    # The statement folder is self-contained: the archived evidence was copied beside it.
    assert any((run.out / "evidence").iterdir())


def test_unanswered_requirement_is_not_evidenced(
    complete_statement: StatementRun, tmp_path: Path
) -> None:
    data = read_yaml(ATTESTATIONS)
    for answer in data["attestations"]:
        if answer["requirement"] == "ASSUR-09":
            answer.update(status="unanswered", evidence="", reference="", attested_by="", date="")
    attestations = write_yaml(tmp_path / "attestations.yaml", data)
    run = rerun(complete_statement, tmp_path / "out", "--attestations", attestations)
    assert run.result.exit_code == 0, run.result.output
    row = run.rows()["ASSUR-09"]
    assert row["outcome"] == "not_evidenced"
    assert "left unanswered" in row["note"]


def test_expired_waiver_leaves_the_finding_its_own_status(
    complete_statement: StatementRun, tmp_path: Path
) -> None:
    data = read_yaml(WAIVERS)
    data["waivers"] = [w for w in data["waivers"] if w["rule"] == "ROI-01"]
    data["waivers"][0]["expires"] = "2023-11-29"  # the day before the as-of date
    waivers = write_yaml(tmp_path / "waivers.yaml", data)
    run = rerun(
        complete_statement, tmp_path / "out", "--attestations", ATTESTATIONS, "--waivers", waivers
    )
    assert run.result.exit_code == 0, run.result.output
    assert "waiver for ROI-01 (amberdale) expired on 2023-11-29" in run.result.stderr
    row = run.rows()["ROI-01"]
    assert (row["outcome"], row["waiver"]) == ("not_met", None)
    assert "ROI-01" in run.data()["conclusion"]["not_met"]
    assert run.data()["waivers"] == []
    assert "No waivers are in force." in (run.out / "statement.html").read_text()
    report = json.loads((run.out / "report.json").read_text())
    roi01 = next(f for f in report["findings"] if f["rule_id"] == "ROI-01")
    assert (roi01["status"], roi01["waiver"]) == ("fail", None)


def test_report_of_another_lep_or_day_is_refused(
    complete_statement: StatementRun, tmp_path: Path
) -> None:
    run = rerun(
        complete_statement,
        tmp_path / "out",
        "--attestations",
        ATTESTATIONS,
        "--as-of",
        "2024-01-31",
    )
    assert run.result.exit_code == 2
    assert "was made as of 2023-11-30, not --as-of 2024-01-31" in run.result.stderr
    assert not (tmp_path / "out" / "statement.html").exists()
