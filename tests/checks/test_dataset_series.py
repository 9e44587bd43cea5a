"""dataset_series: a Transparency Code dataset for every period due, open, with its columns."""

from __future__ import annotations

from datetime import date
from typing import Any

from lepcheck.checks import dataset_series
from lepcheck.checks.common.selection import DocumentSelector
from lepcheck.checks.table_fields import FieldSpec
from lepcheck.rule_cases import make_site

SPEND = DocumentSelector(title_patterns=(r"spend(?:ing)? over",), description="spend over £500")
COLUMNS = (
    FieldSpec(name="date", patterns=(r"date",)),
    FieldSpec(name="amount", patterns=(r"amount", r"value")),
)
HEADER = ["Date", "Department", "Supplier", "Amount"]
ROW = ["15/07/2024", "Highways", "Acme Ltd", "1200.00"]


def quarterly(**more: Any) -> dataset_series.Params:
    return dataset_series.Params(document=SPEND, period="quarter", columns=COLUMNS, **more)


def spend_file(name: str, *, header: list[str] = HEADER, fmt: str = "csv") -> dict[str, Any]:
    slug = name.lower().replace(" ", "-").replace("/", "-")
    return {
        "url": f"https://council.test/transparency/{slug}.{fmt}",
        "title": f"Spending over £500 {name}",
        "format": fmt,
        "tables": [{"header": header, "rows": [ROW, ROW]}] if fmt != "pdf" else [],
    }


def site(*files: dict[str, Any], as_of: date = date(2025, 2, 28)) -> Any:
    return make_site({"as_of": as_of, "documents": list(files)})


ALL_FOUR = ("Q4 2023/24", "Q1 2024/25", "Q2 2024/25", "Q3 2024/25")


def test_the_quarters_due_are_those_a_month_past_their_end() -> None:
    params = quarterly()
    due = [label for _s, _e, label in dataset_series.due_periods(params, date(2025, 2, 28))]
    assert due == ["Q3 2024/25", "Q2 2024/25", "Q1 2024/25", "Q4 2023/24"]
    # On 30 January Q3 (to 31 December) is not yet a month past its end.
    early = dataset_series.due_periods(params, date(2025, 1, 30))
    assert early[0][2] == "Q2 2024/25"


def test_every_quarter_with_its_file_and_columns_passes() -> None:
    verdict = dataset_series.evaluate(site(*(spend_file(q) for q in ALL_FOUR)), quarterly())
    assert verdict.status == "pass", verdict.message
    assert len(verdict.evidence) == 4
    assert "Q3 2024/25" in verdict.evidence[0].locator


def test_a_missing_quarter_fails_and_is_named() -> None:
    files = [spend_file(q) for q in ALL_FOUR if q != "Q1 2024/25"]
    verdict = dataset_series.evaluate(site(*files), quarterly())
    assert verdict.status == "fail"
    assert verdict.missing == ("Q1 2024/25",)


def test_a_file_whose_period_cannot_be_read_makes_a_gap_only_partial() -> None:
    files = [spend_file(q) for q in ALL_FOUR if q != "Q1 2024/25"]
    unnamed = spend_file("archive") | {
        "tables": [{"header": ["Supplier", "Amount"], "rows": [["A", "1"]]}]
    }
    verdict = dataset_series.evaluate(site(*files, unnamed), quarterly())
    assert verdict.status == "partial" and "could not be read" in verdict.message


def test_a_file_without_a_header_row_is_partial() -> None:
    files = [spend_file(q) for q in ALL_FOUR if q != "Q3 2024/25"]
    files.append(spend_file("Q3 2024/25", header=[]))
    verdict = dataset_series.evaluate(site(*files), quarterly())
    assert verdict.status == "partial"
    assert "Q3 2024/25" in verdict.message and "no header row" in verdict.message


def test_a_quarter_only_in_pdf_is_partial() -> None:
    files = [spend_file(q) for q in ALL_FOUR if q != "Q2 2024/25"]
    files.append(spend_file("Q2 2024/25", fmt="pdf"))
    verdict = dataset_series.evaluate(site(*files), quarterly())
    assert verdict.status == "partial" and "only as PDF" in verdict.message


def test_missing_columns_are_named() -> None:
    files = [spend_file(q, header=["Date", "Supplier"]) for q in ALL_FOUR]
    verdict = dataset_series.evaluate(site(*files), quarterly())
    assert verdict.status == "partial" and "no column for amount" in verdict.message


def test_the_date_column_gives_the_period_when_the_name_does_not() -> None:
    dated = {
        "url": "https://council.test/transparency/payments.csv",
        "title": "Spending over £500",
        "format": "csv",
        "tables": [
            {
                "header": HEADER,
                "rows": [["03/10/2024", "A", "B", "600"], ["20/12/2024", "A", "B", "700"]],
            }
        ],
    }
    params = quarterly(lookback=1)
    verdict = dataset_series.evaluate(site(dated), params)
    assert verdict.status == "pass", verdict.message
    assert "date column" in verdict.evidence[0].locator


def test_no_file_at_all_fails_naming_what_was_searched() -> None:
    verdict = dataset_series.evaluate(
        site({"url": "https://council.test/", "title": "Home"}), quarterly()
    )
    assert verdict.status == "fail" and "https://council.test/" in verdict.searched


def test_an_annual_dataset_covers_the_financial_year() -> None:
    params = dataset_series.Params(document=SPEND, period="year", lag_months=3, lookback=1)
    verdict = dataset_series.evaluate(site(spend_file("2023-24")), params)
    assert verdict.status == "pass", verdict.message
