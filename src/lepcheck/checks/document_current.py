"""document_current: a document is dated within N months of as_of (e.g. the assurance framework
is reviewed every year: NAF16 summary, LEP Network; catalogue ASSUR-02)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from lepcheck.checks.dating import months_between, own_date
from lepcheck.checks.selection import DocumentSelector, nothing_selected, select_documents
from lepcheck.models import SiteModel, Verdict


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: DocumentSelector
    max_age_months: float = 12


def evaluate(site: SiteModel, params: Params) -> Verdict:
    label = params.document.label()
    docs = select_documents(site, params.document)
    if not docs:
        return nothing_selected(site, params.document, "so its date could not be checked")
    dated = [(d, own_date(d, site.as_of)) for d in docs]
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
        return Verdict(
            status="partial" if weak else "pass",
            message=detail
            + (
                "; only file metadata dates it, which may not be an approval date." if weak else "."
            ),
            evidence=(evidence,),
            searched=searched,
            confidence=0.5 if weak else 0.9,
        )
    return Verdict(
        status="fail",
        message=f"{detail}: older than {params.max_age_months:g} months.",
        evidence=(evidence,),
        searched=searched,
        missing=(f"a {label} dated within {params.max_age_months:g} months",),
    )
