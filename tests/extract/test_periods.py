"""The period a document covers and the approval it records, read from its own words
(extract/periods.py over the named patterns of lepcheck.vocab.periods, whose examples are in
tests/vocab/periods.yaml; issue 13 item 4)."""

from __future__ import annotations

from datetime import date

import pytest

from lepcheck.extract.document import extract_document
from lepcheck.extract.periods import read_approval, read_period
from lepcheck.models import PageText
from tests.extract.extract_samples import pdf_bytes, record


def pages(*texts: str) -> tuple[PageText, ...]:
    return tuple(PageText(number=i + 1, text=t) for i, t in enumerate(texts))


def period(title: str = "", *texts: str) -> tuple[date, date, str, str] | None:
    found = read_period(title, pages(*texts))
    return (found.start, found.end, found.quote, found.locator) if found else None


@pytest.mark.parametrize(
    ("title", "text", "covered"),
    [
        ("Financial Statements", "for the year ended 31 March 2019", "2018-04-01 2019-03-31"),
        ("Delivery Plan 2019/20", "", "2019-04-01 2020-03-31"),
        ("Annual Report 2019-2020", "", "2019-04-01 2020-03-31"),
        ("Business Plan 2012-15", "", "2012-04-01 2015-03-31"),
        ("Statement", "high standards throughout 2022/23.", "2022-04-01 2023-03-31"),
        ("Plan", "for the period 1 April 2020 to 31 March 2021", "2020-04-01 2021-03-31"),
        ("Draft Delivery Plan April 2020 to March 2021", "", "2020-04-01 2021-03-31"),
        # A year alone is the financial year ending in it: the earliest the words allow.
        ("Annual Report 2020", "", "2019-04-01 2020-03-31"),
    ],
)
def test_periods_as_lep_documents_write_them(title: str, text: str, covered: str) -> None:
    found = period(title, text)
    assert found is not None
    assert f"{found[0]} {found[1]}" == covered


def quoted(title: str, *texts: str) -> tuple[str, str]:
    """(quote, locator) of the period read."""
    found = read_period(title, pages(*texts))
    assert found is not None, "no period read"
    return found.quote, found.locator


def test_the_title_speaks_before_the_cover_and_the_cover_before_the_text() -> None:
    cover = "ANNUAL REPORT\nDuring 2021/22 the LEP grew."
    assert quoted("Annual Report 2022/23", cover) == ("Annual Report 2022/23", "title")
    assert quoted("Annual Report", cover) == ("During 2021/22", "cover")
    later = "x" * 2_000 + "\nthe activities we carry out in the 2019/20 financial year"
    assert quoted("Plan", "Introduction", later) == ("2019/20 financial year", "text")


def test_years_in_the_body_without_a_cue_are_another_matters() -> None:
    body = "x" * 2_000 + "\nThe Growth Deal 2015/16 allocation and the 2020 Growth Plan were noted."
    assert period("Assurance Framework", "ASSURANCE FRAMEWORK", body) is None


def test_dates_and_backwards_spans_are_not_financial_years() -> None:
    assert period("Minutes 2019-03-12") is None
    assert period("Report 2019/18") is None
    assert period("Strategy 2015-2040") is None  # a programme's horizon, not a document's year


def test_a_year_inside_a_date_does_not_name_the_document() -> None:
    found = period("Framework", "Humber LEP Assurance Framework\nMarch 2019\nAssurance Framework")
    assert found is None


def test_the_latest_approval_recorded_is_the_documents() -> None:
    text = (
        "Version history\n1.0 12 March 2018 First version\n2.0 19 July 2019 Board approval\n"
        "This framework was approved by the Board on 24 January 2020."
    )
    found = read_approval("Assurance Framework", pages(text))
    assert found is not None
    assert (found.value, found.quote) == (
        date(2020, 1, 24),
        "approved by the Board on 24 January 2020",
    )


def test_a_future_or_conditional_approval_is_not_recorded() -> None:
    text = "DRAFT\nThis plan is to be approved by the Board on 24 January 2024."
    assert read_approval("Delivery Plan", pages(text)) is None


def test_the_covers_date_counts_only_without_a_recorded_approval() -> None:
    cover = read_approval("Assurance Framework March 2015", pages("Contents\n1. Overview"))
    assert cover is not None and cover.value == date(2015, 3, 1)
    signed = read_approval(
        "Assurance Framework March 2015", pages("Adopted by the LEP Board: 12 May 2015")
    )
    assert signed is not None and signed.value == date(2015, 5, 12)


def test_the_extract_stage_reads_both_from_a_real_pdf() -> None:
    body = pdf_bytes(
        [["Annual Report and Financial Statements", "for the year ended 31 March 2023",
          "Approved by the Board and signed on its behalf on 19 September 2023"]],
        title="Accounts",
    )  # fmt: skip
    doc = extract_document(record("https://lep.test/accounts.pdf", "application/pdf"), body)
    assert doc.period is not None and doc.period.end == date(2023, 3, 31)
    assert doc.period.quote == "year ended 31 March 2023"
    assert doc.approval is not None and doc.approval.value == date(2023, 9, 19)
