"""document_current: a document is dated within N months of as_of (e.g. the assurance framework
is reviewed every year: NAF16 summary, LEP Network; catalogue ASSUR-02)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from lepcheck.checks.common.dating import months_between, own_date
from lepcheck.checks.common.selection import (
    DocumentSelector,
    caveat,
    nothing_selected,
    select_documents,
)
from lepcheck.models import SiteModel, Verdict

KIND = "document_current"


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: DocumentSelector = Field(description="the document to date")
    max_age_months: float = Field(
        default=12, description="its own latest date may be this many months old at the as-of date"
    )


def evaluate(site: SiteModel, params: Params) -> Verdict:
    label = params.document.label()
    docs = select_documents(site, params.document)
    if not docs:
        return nothing_selected(site, params.document, "so its date could not be checked")
    # Date the documents without a caveat (draft, template, "not yet adopted") when there are
    # any; a caveated one alone can only make the verdict partial.
    sound = [d for d in docs if caveat(d, params.document, site.target_url) is None]
    doubt = None if sound else caveat(docs[0], params.document, site.target_url)
    dated = [(d, own_date(d, site.as_of)) for d in sound or docs]
    known = [(d, found) for d, found in dated if found is not None]
    searched = tuple(d.url for d in docs)
    if not known:
        return Verdict(
            status="partial",
            message=f"Found {label} but no date in it or its metadata, so its currency "
            "cannot be confirmed.",
            searched=searched,
            missing=("a date",),
        )
    _doc, (when, evidence, source) = max(known, key=lambda pair: pair[1][0])
    age = months_between(when, site.as_of)
    detail = f"{label} dated {when.isoformat()} ({source}), {age:.0f} months before {site.as_of}"
    if age <= params.max_age_months:
        weak = source != "printed"
        note = "."
        if weak:
            note = "; only file metadata dates it, which may not be an approval date."
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
