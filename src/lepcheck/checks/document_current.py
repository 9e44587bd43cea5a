"""document_current: a document is current by the period it covers (failing that, the approval
it records) within N months of as_of (e.g. the assurance framework is reviewed every year: NAF16
summary, LEP Network; catalogue ASSUR-02). Both are read from the document's own words (title,
cover, sign-off, version table: extract/periods.py); file metadata dates it only when its text
gives neither, and the finding says so (issue 13 item 4)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from lepcheck.checks.common.dating import (
    METADATA,
    PERIOD,
    PeriodFrom,
    currency_date,
    months_between,
)
from lepcheck.checks.common.selection import (
    DocumentSelector,
    caveat,
    nothing_selected,
    select_documents,
)
from lepcheck.checks.common.text_search import matches_any
from lepcheck.models import Document, SiteModel, Verdict

KIND = "document_current"
# "Item 4: Annual Report 2022/23 and Accounts" is the board paper presenting the report: when it
# is dated as the report itself is, the report is the better evidence.
MEETING_PAPER = r"^\W*(?:agenda\s+)?item\s+\d"


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: DocumentSelector = Field(description="the document to date")
    max_age_months: float = Field(
        default=12, description="its own latest date may be this many months old at the as-of date"
    )
    period_from: PeriodFrom = Field(
        default="end",
        description="a document covering a period is dated from the period's end (a report or "
        "accounts looking back) or its start (a plan or framework for the year ahead)",
    )


def _detail(label: str, doc: Document, when: date, source: str, params: Params) -> str:
    if source == PERIOD and doc.period is not None:
        period = doc.period
        return (
            f"{label} covering {period.start.isoformat()} to {period.end.isoformat()} "
            f"('{period.quote}'), dated from its {params.period_from}"
        )
    return f"{label} dated {when.isoformat()} ({source})"


def evaluate(site: SiteModel, params: Params) -> Verdict:
    label = params.document.label()
    docs = select_documents(site, params.document)
    if not docs:
        return nothing_selected(site, params.document, "so its date could not be checked")
    # Date the documents without a caveat (draft, template, "not yet adopted") when there are
    # any; a caveated one alone can only make the verdict partial.
    sound = [d for d in docs if caveat(d, params.document, site.target_url) is None]
    doubt = None if sound else caveat(docs[0], params.document, site.target_url)
    dated = [(d, currency_date(d, site.as_of, params.period_from)) for d in sound or docs]
    known = [(d, found) for d, found in dated if found is not None]
    searched = tuple(d.url for d in docs)
    if not known:
        return Verdict(
            status="partial",
            message=f"Found {label} but no period, approval or date in its text or metadata, "
            "so its currency cannot be confirmed.",
            searched=searched,
            missing=("a date",),
        )
    doc, (when, evidence, source) = max(
        known,
        key=lambda pair: (
            pair[1][0],
            pair[0].kind in params.document.kinds,
            not matches_any(pair[0].title, (MEETING_PAPER,)),
        ),
    )
    age = months_between(when, site.as_of)
    detail = f"{_detail(label, doc, when, source, params)}, {age:.0f} months before {site.as_of}"
    weak = source in METADATA
    if weak:
        detail += "; its text gives no period or approval date, so only file metadata dates it"
    if age <= params.max_age_months:
        note = ", which may not be an approval date." if weak else "."
        if doubt:
            note = f"; but {doubt}, so it may not be the adopted version."
        return Verdict(
            status="partial" if weak or doubt else "pass",
            message=detail + note,
            evidence=(evidence,),
            searched=searched,
            missing=(f"an adopted {label}",) if doubt else (),
            confidence=0.5 if weak else 0.9,
        )
    return Verdict(
        status="fail",
        message=f"{detail}: older than {params.max_age_months:g} months.",
        evidence=(evidence,),
        searched=searched,
        missing=(f"a {label} dated within {params.max_age_months:g} months",),
    )
