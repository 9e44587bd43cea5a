from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema

from lepcheck.models import Report
from lepcheck.report.csv_report import render_csv
from lepcheck.report.html_report import render_html
from lepcheck.report.json_report import render_json, report_schema
from lepcheck.report.markdown import render_markdown
from lepcheck.rules import resource_dir
from tests.report.conftest import evidence, finding, make_report

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def test_committed_report_schema_is_the_generated_one() -> None:
    committed = json.loads((resource_dir("schemas") / "report.schema.json").read_text())
    assert committed == json.loads(json.dumps(report_schema(), sort_keys=True)), (
        "schemas/report.schema.json is stale: run scripts/generate_schemas.py"
    )


def test_report_json_validates_and_carries_contract_fields(sample_report: Report) -> None:
    data = json.loads(render_json(sample_report))
    jsonschema.Draft202012Validator(report_schema()).validate(data)
    for key in (
        "schema_version",
        "tool",
        "target",
        "as_of",
        "generated_at",
        "ruleset",
        "score",
        "findings",
    ):
        assert key in data
    assert set(data["score"]) >= {"overall", "coverage", "rating", "by_category"}
    passed = next(f for f in data["findings"] if f["status"] == "pass")
    assert set(passed["evidence"][0]) >= {
        "url",
        "fetched_at",
        "sha256",
        "locator",
        "quote",
        "archive",
    }
    failed = next(f for f in data["findings"] if f["status"] == "fail")
    assert failed["searched"] == ["https://lep.test/"]


def test_action_plan_lists_failures_and_partials_must_first(sample_report: Report) -> None:
    plan = sample_report.action_plan
    assert [a.rule_id for a in plan] == ["ROI-01", "POL-02"]
    assert plan[0].target_date < plan[1].target_date


def test_hostile_content_is_escaped_everywhere() -> None:
    bad = evidence(url="javascript:alert(3)", quote=HOSTILE)
    report = make_report([finding("COND-02", "pass", evidence=(bad, evidence(quote=HOSTILE)))])
    html = render_html(report)
    assert "<script>" not in html and 'onerror="' not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript:' not in html
    assert "script-src" not in html and "default-src 'none'" in html  # CSP forbids all scripts
    md = render_markdown(report)
    assert "<script>" not in md
    rows = list(csv.reader(io.StringIO(render_csv(report))))
    assert rows[0][0] == "rule_id" and rows[1][0] == "COND-02"


def test_csv_neutralises_spreadsheet_formulas() -> None:
    report = make_report([finding("COND-02", "pass", evidence=(evidence(quote="=HYPERLINK(1)"),))])
    row = next(iter(csv.DictReader(io.StringIO(render_csv(report)))))
    assert row["evidence_quote"] == "'=HYPERLINK(1)"


def test_csv_row_quotes_the_findings_first_evidence() -> None:
    first = evidence(url="https://lep.test/minutes.pdf", quote="Minutes approved")
    second = evidence(url="https://lep.test/agenda.pdf", quote="Agenda")
    report = make_report([finding("COND-02", "pass", evidence=(first, second))])
    row = next(iter(csv.DictReader(io.StringIO(render_csv(report)))))
    assert (row["evidence_url"], row["evidence_quote"]) == (first.url, "Minutes approved")


def test_markdown_and_html_show_score_and_rating(sample_report: Report, tmp_path: Path) -> None:
    md = render_markdown(sample_report)
    html = render_html(sample_report)
    assert f"rating {sample_report.score.rating.upper()}" in md
    assert "Action plan" in html and "ROI-01" in html


def test_html_lists_what_the_crawl_could_not_read() -> None:
    from lepcheck.models import FetchProblem, SnapshotRef

    report = make_report([finding("ROI-01", "unknown")]).model_copy(
        update={
            "snapshot": SnapshotRef(
                id="s1",
                path="snap",
                records=10,
                skipped=3,
                skipped_by_reason={"off-site": 2, "robots": 1},
            ),
            "problems": (
                FetchProblem(
                    url="https://lep.test/roi/jane.pdf", reason="HTTP 503", link_text=HOSTILE
                ),
            ),
        }
    )
    html = render_html(report)
    assert "What the crawl could not read" in html
    assert "off-site 2, robots 1" in html
    assert "https://lep.test/roi/jane.pdf" in html and "HTTP 503" in html
    assert "<script>" not in html


def test_both_formats_say_why_the_crawl_ended_and_what_it_sampled() -> None:
    from lepcheck.models import SnapshotRef

    sampled = "news and event stories under lep.test/news/: 3 of 2,899 fetched, 2,896 left"
    report = make_report([finding("ROI-01", "pass")]).model_copy(
        update={
            "snapshot": SnapshotRef(
                id="s1",
                path="snap",
                records=82,
                skipped=2961,
                stopped="stopped: no governance links left in 2,961 queued URLs",
                sampled=(sampled,),
            )
        }
    )
    for text in (render_html(report), render_markdown(report)):
        assert "Why the crawl ended: stopped: no governance links left in 2,961 queued URLs" in text
        assert sampled in text
    plain = make_report([finding("ROI-01", "pass")])
    assert "Why the crawl ended" not in render_markdown(plain)


def test_markdown_lists_what_the_crawl_could_not_read_with_or_without_a_snapshot() -> None:
    from lepcheck.models import FetchProblem, SnapshotRef

    problems = tuple(
        FetchProblem(url=f"https://lep.test/doc-{n}.pdf", reason="HTTP 503") for n in range(51)
    )
    report = make_report([finding("ROI-01", "unknown")])
    assert "could not read" not in render_markdown(report)
    without_snapshot = render_markdown(report.model_copy(update={"problems": problems[:1]}))
    assert "## What the crawl could not read" in without_snapshot
    assert "- `https://lep.test/doc-0.pdf`: HTTP 503" in without_snapshot
    assert "URLs seen but not fetched" not in without_snapshot
    skipped = SnapshotRef(
        id="s1", path="snap", records=10, skipped=3, skipped_by_reason={"off-site": 2, "robots": 1}
    )
    only_skipped = render_markdown(report.model_copy(update={"snapshot": skipped}))
    assert "URLs seen but not fetched, by reason: off-site 2, robots 1." in only_skipped
    # Fifty problems at most, so a broken site cannot bury the findings.
    many = render_markdown(report.model_copy(update={"problems": problems}))
    assert [n for n in range(51) if f"doc-{n}.pdf`" in many] == list(range(50))


def test_markdown_quotes_at_most_five_pieces_of_evidence_a_finding() -> None:
    pieces = tuple(evidence(url=f"https://lep.test/{n}.pdf") for n in range(6))
    md = render_markdown(make_report([finding("COND-02", "pass", evidence=pieces)]))
    assert [n for n in range(6) if f"lep.test/{n}.pdf`" in md] == [0, 1, 2, 3, 4]


def test_action_plan_puts_failures_before_partials_within_a_severity() -> None:
    report = make_report(
        [finding("ASSUR-04", "partial"), finding("ROI-01", "fail"), finding("COI-06", "fail")]
    )
    assert [a.rule_id for a in report.action_plan] == ["COI-06", "ROI-01", "ASSUR-04"]


def test_the_method_note_says_how_dates_are_known(sample_report: Report) -> None:
    html = render_html(sample_report)
    markdown = render_markdown(sample_report)
    for text in (html, markdown):
        assert "Method: how publication dates are judged" in text
        for strength in ("proved", "declared", "suggested"):
            assert strength in text
    assert "<strong>declared</strong>: recorded by the publisher" in html
