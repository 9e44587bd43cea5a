"""Published data files: periods from names and date columns; files with no header row."""

from __future__ import annotations

from datetime import date

import pytest

from lepcheck.models import Link, Table
from lepcheck.site.build import build_site_model
from lepcheck.site.datasets import period_in_name, read_dataset
from tests.site.site_docs import make_doc


@pytest.mark.parametrize(
    ("name", "start", "end"),
    [
        ("Spend over £500 Q1 2024/25", date(2024, 4, 1), date(2024, 6, 30)),
        ("spend over 500 q3 2024 25", date(2024, 10, 1), date(2024, 12, 31)),
        ("2024-25 Quarter 4 procurement card", date(2025, 1, 1), date(2025, 3, 31)),
        ("April to June 2024", date(2024, 4, 1), date(2024, 6, 30)),
        ("Spending over 500 (Oct - Dec 2023)", date(2023, 10, 1), date(2023, 12, 31)),
        ("Land and assets 2023-24", date(2023, 4, 1), date(2024, 3, 31)),
        ("Payments March 2025", date(2025, 3, 1), date(2025, 3, 31)),
    ],
)
def test_periods_councils_name_their_files_by(name: str, start: date, end: date) -> None:
    found = period_in_name(name)
    assert found is not None and found[:2] == (start, end)


def test_no_period_in_a_name_without_one() -> None:
    assert period_in_name("Contracts register") is None
    assert period_in_name("Q1 2024/27") is None  # not a financial year


def test_the_date_column_gives_the_period_of_an_unnamed_file() -> None:
    table = Table(
        header=("Date paid", "Supplier", "Amount"),
        rows=(("02/04/2024", "A", "1"), ("28/06/2024", "B", "2")),
    )
    doc = make_doc("http://council.test/payments.csv", format="csv", tables=(table,))
    dataset = read_dataset(doc)
    assert dataset is not None
    assert (dataset.start, dataset.end, dataset.period_from) == (
        date(2024, 4, 2),
        date(2024, 6, 28),
        "dates",
    )


def test_a_csv_without_a_header_row_is_a_problem_of_the_site_model() -> None:
    rows = (("15/10/2024", "Highways", "Acme Ltd", "1200"), ("16/10/2024", "Parks", "B Ltd", "640"))
    headerless = make_doc(
        "http://council.test/spend-q3-2024-25.csv",
        format="csv",
        title="Spend Q3 2024/25",
        link_texts=("Spending over £500, Q3 2024/25 (CSV)",),
        tables=(Table(rows=rows),),
    )
    page = make_doc("http://council.test/transparency", links=(Link(url=headerless.url),))
    model = build_site_model(
        [page, headerless],
        target_id="c",
        target_name="C",
        target_url="http://council.test/",
        as_of=date(2025, 2, 28),
    )
    [dataset] = [d for d in model.datasets if d.url == headerless.url]
    assert not dataset.header and dataset.start == date(2024, 10, 1)
    [problem] = model.problems
    assert problem.url == headerless.url and "no header row" in problem.reason
    assert "15/10/2024 | Highways" in problem.reason
