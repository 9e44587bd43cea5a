"""dataset_series: a dataset of a kind is published for every period that is due (every quarter
or year, or once), in an open format, with the columns the source sets, e.g. expenditure over
£500 "at least quarterly; and no later than one month after the quarter" with date, department,
beneficiary, purpose, amount, VAT and merchant category (Local Government Transparency Code
2015 Part 2 paras. 28-29; TC-01).

A period is due when it ended `lag_months` before the as-of day; the latest `lookback` due
periods must each have a file covering them (a file covers a period when its own period, read
by the site model from its name or its date column, holds the period's middle day). Financial
years and their quarters run from April (Q1 is April to June). A due period without a file is a
fail, unless some selected file's period could not be read (it may be the missing one): then
partial. A period covered only by a PDF or Word file, a file with no header row, or columns
missing make it partial (Code Part 1: open, machine-readable data with column headings).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lepcheck.checks.common.selection import DocumentSelector, nothing_selected, select_documents
from lepcheck.checks.common.text_search import matches_any
from lepcheck.checks.table_fields import FieldSpec
from lepcheck.models import Dataset, Document, DocumentFormat, Evidence, SiteModel, Verdict

KIND = "dataset_series"

Period = Literal["quarter", "year", "once"]
EVIDENCE_LIMIT = 8


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: DocumentSelector = Field(description="the files of the dataset")
    period: Period = Field(
        description="how often: quarter (financial-year quarters), year (financial years "
        "from April) or once"
    )
    lag_months: int = Field(
        default=1, description="months after a period ends by which its file is due"
    )
    lookback: int = Field(
        default=4, description="how many of the latest due periods must each have a file"
    )
    columns: tuple[FieldSpec, ...] = Field(
        default=(), description="the columns each file must have (matched on its header row)"
    )
    formats: tuple[DocumentFormat, ...] = Field(
        default=("csv", "xlsx"),
        description="open, machine-readable formats; a period covered only in another format "
        "is partial",
    )
    every_file: bool = Field(
        default=False,
        description="period once: every file found must be open, with a header and the "
        "columns (Code Part 1), not only the best one",
    )


DueRange = tuple[date, date, str]


def month_end_after(day: date, months: int) -> date:
    """The last day of the month `months` after `day`'s month."""
    index = day.year * 12 + day.month - 1 + months + 1
    first_of_next = date(index // 12, index % 12 + 1, 1)
    return first_of_next - timedelta(days=1)


def financial_periods(period: Period, before: date) -> list[DueRange]:
    """Financial quarters or years ending on or before `before`, latest first (ten years)."""
    found: list[DueRange] = []
    year = before.year + 1
    while year > before.year - 10:
        if period == "year":
            start, end = date(year, 4, 1), date(year + 1, 3, 31)
            found.append((start, end, f"{year}/{str(year + 1)[2:]}"))
        else:
            for quarter in (4, 3, 2, 1):
                month = 4 + 3 * (quarter - 1)
                start = date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
                end = month_end_after(start, 2)
                found.append((start, end, f"Q{quarter} {year}/{str(year + 1)[2:]}"))
        year -= 1
    return [p for p in found if p[1] <= before]


def due_periods(params: Params, as_of: date) -> list[DueRange]:
    if params.period == "once":
        return []
    # A period is due once `lag_months` whole months have passed after its end.
    periods = financial_periods(params.period, as_of)
    due = [p for p in periods if month_end_after(p[1], params.lag_months) <= as_of]
    return due[: params.lookback]


def covers(dataset: Dataset, period: DueRange) -> bool:
    if dataset.start is None or dataset.end is None:
        return False
    middle = period[0] + (period[1] - period[0]) / 2
    return dataset.start <= middle <= dataset.end


def missing_columns(dataset: Dataset, columns: tuple[FieldSpec, ...]) -> list[str]:
    return [
        spec.name
        for spec in columns
        if not any(matches_any(header, spec.patterns) for header in dataset.columns)
    ]


def evidence_of(doc: Document, dataset: Dataset, label: str) -> Evidence:
    where = {"name": "its name", "dates": "its date column", "none": "no stated period"}
    shown = " | ".join(dataset.columns)[:160] or "no header row"
    return Evidence(
        url=doc.url,
        fetched_at=doc.fetched_at,
        sha256=doc.sha256,
        locator=f"{label} ({dataset.format}; period from {where[dataset.period_from]})",
        quote=f"{dataset.period_quote or 'no period stated'}; columns: {shown}",
    )


def shortcomings(dataset: Dataset, params: Params) -> list[str]:
    """Why a file covering a period does not fully publish it: format, header, columns."""
    if dataset.format not in params.formats:
        return [f"only as {dataset.format.upper()}, not in an open format"]
    if not dataset.header:
        return ["no header row, so its columns cannot be named"]
    lacking = missing_columns(dataset, params.columns)
    return [f"no column for {', '.join(lacking)}"] if lacking else []


def evaluate(site: SiteModel, params: Params) -> Verdict:
    label = params.document.label()
    docs = select_documents(site, params.document)
    if not docs:
        return nothing_selected(site, params.document)
    by_url = {d.url: d for d in site.datasets}
    files = [(doc, by_url.get(doc.url) or Dataset(url=doc.url, format=doc.format)) for doc in docs]
    searched = tuple(doc.url for doc in docs)
    if params.period == "once":
        return once(files, params, label, searched)
    return series(files, due_periods(params, site.as_of), params, label, searched)


def once(
    files: list[tuple[Document, Dataset]], params: Params, label: str, searched: tuple[str, ...]
) -> Verdict:
    if params.every_file:
        return every_file(files, params, label, searched)
    ranked = sorted(files, key=lambda f: len(shortcomings(f[1], params)))
    doc, dataset = ranked[0]
    problems = shortcomings(dataset, params)
    evidence = (evidence_of(doc, dataset, "published"),)
    if not problems:
        return Verdict(
            status="pass",
            message=f"Found {label}: {doc.title or doc.url} ({dataset.format}).",
            evidence=evidence,
            searched=searched,
        )
    return Verdict(
        status="partial",
        message=f"Found {label} ({doc.url}), but {'; '.join(problems)}.",
        evidence=evidence,
        searched=searched,
        missing=tuple(problems),
    )


def every_file(
    files: list[tuple[Document, Dataset]], params: Params, label: str, searched: tuple[str, ...]
) -> Verdict:
    """Each file found is open, with a header and the columns; those that are not are named."""
    short = [
        f"{doc.url}: {'; '.join(problems)}"
        for doc, dataset in files
        if (problems := shortcomings(dataset, params))
    ]
    sound = [(doc, data) for doc, data in files if not shortcomings(data, params)]
    evidence = tuple(evidence_of(doc, data, "open data") for doc, data in sound[:EVIDENCE_LIMIT])
    if not short:
        return Verdict(
            status="pass",
            message=f"All {len(files)} files of {label} are open data with column headings.",
            evidence=evidence,
            searched=searched,
        )
    return Verdict(
        status="partial" if sound else "fail",
        message=f"{len(short)} of {len(files)} files of {label} fall short: "
        + "; ".join(short[:8]),
        evidence=evidence,
        searched=searched,
        missing=tuple(short),
    )


def series(
    files: list[tuple[Document, Dataset]],
    due: list[DueRange],
    params: Params,
    label: str,
    searched: tuple[str, ...],
) -> Verdict:
    if not due:
        return Verdict(
            status="unknown", message=f"{label}: no period is due yet.", searched=searched
        )
    evidence: list[Evidence] = []
    missing: list[str] = []
    short: list[str] = []
    for period in due:
        covering = [(doc, data) for doc, data in files if covers(data, period)]
        if not covering:
            missing.append(period[2])
            continue
        best = min(covering, key=lambda f: len(shortcomings(f[1], params)))
        evidence.append(evidence_of(best[0], best[1], period[2]))
        problems = shortcomings(best[1], params)
        if problems:
            short.append(f"{period[2]} ({best[0].url}): {'; '.join(problems)}")
    unplaced = [doc.url for doc, data in files if data.start is None]
    if missing:
        note = (
            f"; the period of {len(unplaced)} file(s) could not be read ({', '.join(unplaced)}), "
            "so they may cover some of it"
            if unplaced
            else ""
        )
        note += f"; and {'; '.join(short)}" if short else ""
        return Verdict(
            status="partial" if unplaced else "fail",
            message=f"{label}: no file for {len(missing)} of the {len(due)} periods due by the "
            f"as-of day ({', '.join(missing)}){note}.",
            evidence=tuple(evidence[:EVIDENCE_LIMIT]),
            searched=searched,
            missing=tuple(missing),
        )
    if short:
        return Verdict(
            status="partial",
            message=f"{label}: every one of the {len(due)} periods due has a file, but "
            + "; ".join(short)
            + ".",
            evidence=tuple(evidence[:EVIDENCE_LIMIT]),
            searched=searched,
            missing=tuple(short),
        )
    return Verdict(
        status="pass",
        message=f"{label}: a file for each of the {len(due)} periods due "
        f"({', '.join(p[2] for p in due)}), each with the columns sought.",
        evidence=tuple(evidence[:EVIDENCE_LIMIT]),
        searched=searched,
    )
