"""Published data files (Transparency Code 2015 Part 2): their columns, header and period.

The Code asks for quarterly and annual datasets "at least quarterly; and no later than one
month after the quarter" (as quoted by councils), in an open format with column headings
(Part 1). Councils name the files by the period they cover, in financial-year quarters ("Q1
2024/25" is April to June 2024), month ranges ("April to June 2024", "Jan-Mar 2025"), a
financial year ("2023-24") or a month; where the name says nothing, the dates in the file's
date column say what it covers. A CSV or workbook whose first row is data has no header: no
column can be named, and the site model reports it as a problem.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date

from lepcheck.extract.dates import parse_uk_date
from lepcheck.models import Dataset, Document, FetchProblem, Table
from lepcheck.site.labels import file_stem_words
from lepcheck.vocab.periods import (
    DATA_DATE_COLUMN,
    DATA_FINANCIAL_YEAR,
    DATA_MONTH_RANGE,
    DATA_ONE_MONTH,
    DATA_QUARTER_FIRST,
    DATA_YEAR_FIRST,
)

MACHINE_READABLE = frozenset({"csv", "xlsx"})
_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def financial_quarter(first_year: int, quarter: int) -> tuple[date, date]:
    """Q1 of 2024/25 is April to June 2024; Q4 is January to March 2025."""
    start_month = 4 + 3 * (quarter - 1)
    year = first_year + (start_month - 1) // 12
    month = (start_month - 1) % 12 + 1
    return date(year, month, 1), month_end(year, month + 2)


def financial_year(first: str, second: str) -> int | None:
    """The first calendar year of a financial year written '2024/25' or '2024-2025'."""
    start = int(first)
    follows = int(second) == (start + 1) % 100 if len(second) == 2 else int(second) == start + 1
    return start if follows else None


def _quarter(text: str) -> tuple[date, date, str] | None:
    for pattern, order in ((DATA_QUARTER_FIRST, (1, 2, 3)), (DATA_YEAR_FIRST, (3, 1, 2))):
        for match in pattern.finditer(text):
            quarter, first, second = (match.group(i) for i in order)
            year = financial_year(first, second)
            if year is not None:
                return (*financial_quarter(year, int(quarter)), match.group(0))
    return None


def _month_range(text: str) -> tuple[date, date, str] | None:
    match = DATA_MONTH_RANGE.search(text)
    if match is None:
        return None
    first = _MONTHS[match.group(1).lower()[:3]]
    last = _MONTHS[match.group(3).lower()[:3]]
    end_year = int(match.group(4))
    start_year = int(match.group(2)) if match.group(2) else end_year - (first > last)
    return date(start_year, first, 1), month_end(end_year, last), match.group(0)


def _year_or_month(text: str) -> tuple[date, date, str] | None:
    for match in DATA_FINANCIAL_YEAR.finditer(text):
        year = financial_year(match.group(1), match.group(2))
        if year is not None:
            return date(year, 4, 1), date(year + 1, 3, 31), match.group(0)
    single = DATA_ONE_MONTH.search(text)
    if single is not None:
        month, year = _MONTHS[single.group(1).lower()[:3]], int(single.group(2))
        return date(year, month, 1), month_end(year, month), single.group(0)
    return None


def period_in_name(text: str) -> tuple[date, date, str] | None:
    """The period a file's name, title or link text states, narrowest reading first."""
    return _quarter(text) or _month_range(text) or _year_or_month(text)


def period_in_dates(table: Table) -> tuple[date, date, str] | None:
    """The first and last date in the table's date column."""
    columns = [i for i, name in enumerate(table.header) if DATA_DATE_COLUMN.search(name)]
    if not columns:
        return None
    column = columns[0]
    found = [
        day
        for row in table.rows
        if column < len(row) and (day := parse_uk_date(row[column])) is not None
    ]
    if not found:
        return None
    first, last = min(found), max(found)
    return first, last, f"dates {first} to {last} in column '{table.header[column]}'"


def naming(doc: Document) -> str:
    return " | ".join(t for t in (doc.title, *doc.link_texts, file_stem_words(doc.url)) if t)


def main_table(doc: Document) -> Table | None:
    """The data: the first table with a header, else the first table."""
    with_header = [t for t in doc.tables if t.header]
    return with_header[0] if with_header else (doc.tables[0] if doc.tables else None)


def read_dataset(doc: Document) -> Dataset | None:
    """A data file (CSV or workbook), or any document whose name states a period."""
    named = period_in_name(naming(doc))
    if doc.format not in MACHINE_READABLE and named is None:
        return None
    table = main_table(doc)
    dated = period_in_dates(table) if table is not None and named is None else None
    start, end, quote = named or dated or (None, None, "")
    return Dataset(
        url=doc.url,
        format=doc.format,
        columns=table.header if table is not None else (),
        rows=len(table.rows) if table is not None else 0,
        header=table is None or bool(table.header) or doc.format not in MACHINE_READABLE,
        start=start,
        end=end,
        period_from="name" if named else "dates" if dated else "none",
        period_quote=quote,
    )


def read_datasets(documents: Sequence[Document]) -> list[Dataset]:
    return [d for doc in documents if doc.readable and (d := read_dataset(doc)) is not None]


def headerless_problems(
    datasets: Sequence[Dataset], documents: Sequence[Document]
) -> list[FetchProblem]:
    """Data files whose first row is data: read, but no column can be named."""
    by_url = {doc.url: doc for doc in documents}
    problems: list[FetchProblem] = []
    for dataset in datasets:
        doc = by_url.get(dataset.url)
        if dataset.header or doc is None or not doc.tables or len(doc.tables[0].rows) < 2:
            continue
        first = " | ".join(doc.tables[0].rows[0])[:80]
        link_text = doc.link_texts[0] if doc.link_texts else None
        problems.append(
            FetchProblem(
                url=dataset.url,
                reason=f"{dataset.format.upper()} file has no header row (its first row reads "
                f"'{first}'), so its columns cannot be named",
                link_text=link_text,
            )
        )
    return problems
