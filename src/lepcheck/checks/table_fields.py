"""table_fields: a published table has the required columns, e.g. the rolling schedule of
funded projects with description, recipient and amounts by year (Ney 9.2; catalogue FIN-01)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from lepcheck.checks.common.selection import DocumentSelector, nothing_selected, select_documents
from lepcheck.checks.common.text_search import matches_any
from lepcheck.models import Evidence, SiteModel, Table, Verdict
from lepcheck.vocab.projects import SUMMARY_ROW

KIND = "table_fields"


class FieldSpec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(description="the field, as messages name it")
    patterns: tuple[str, ...] = Field(description="a column header matching one holds it")


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: DocumentSelector = Field(description="the documents whose tables are read")
    fields: tuple[FieldSpec, ...] = Field(description="the columns a table must have")
    min_rows: int = Field(default=1, description="a table counts with this many data rows")


def data_rows(table: Table) -> list[tuple[str, ...]]:
    return [
        row
        for row in table.rows
        if any(cell.strip() for cell in row) and not (row and SUMMARY_ROW.match(row[0]))
    ]


def fields_in(table: Table, fields: tuple[FieldSpec, ...]) -> dict[str, str]:
    found: dict[str, str] = {}
    for spec in fields:
        for header in table.header:
            if matches_any(header, spec.patterns):
                found[spec.name] = header
                break
    return found


def evaluate(site: SiteModel, params: Params) -> Verdict:
    label = params.document.label()
    docs = select_documents(site, params.document)
    if not docs:
        return nothing_selected(site, params.document)
    searched = tuple(d.url for d in docs)
    best: tuple[int, dict[str, str], Table | None, str, str] = (-1, {}, None, "", "")
    table: Table | None
    for doc in docs:
        for index, table in enumerate(doc.tables):
            found = fields_in(table, params.fields)
            if len(data_rows(table)) >= params.min_rows and len(found) > best[0]:
                where = f"table {index + 1}" + (f" ('{table.name}')" if table.name else "")
                best = (len(found), found, table, doc.url, where)
    count, found, table, url, where = best
    if table is None:
        unreadable = [d for d in docs if not d.readable]
        return Verdict(
            status="unknown" if unreadable and len(unreadable) == len(docs) else "partial",
            message=f"Found {label} but no table with at least {params.min_rows} row(s) in it.",
            searched=searched,
            missing=tuple(f.name for f in params.fields),
        )
    doc = next(d for d in docs if d.url == url)
    evidence = (
        Evidence(
            url=url,
            fetched_at=doc.fetched_at,
            sha256=doc.sha256,
            locator=where + (f", page {table.page}" if table.page else ""),
            quote=" | ".join(table.header)[:240],
        ),
    )
    missing = tuple(f.name for f in params.fields if f.name not in found)
    columns = ", ".join(found) or "none"
    detail = f"{label}: {len(data_rows(table))} rows; columns for {columns} of the fields"
    if not missing:
        return Verdict(status="pass", message=detail + ".", evidence=evidence, searched=searched)
    return Verdict(
        status="partial" if count else "fail",
        message=detail + f"; missing: {', '.join(missing)}.",
        evidence=evidence,
        searched=searched,
        missing=missing,
    )
