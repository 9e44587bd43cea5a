"""document_published: the site publishes at least N documents of a kind (Ney 9.1)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from lepcheck.checks.common.gathering import Gathering, gathered_kinds, too_thin
from lepcheck.checks.common.selection import (
    DocumentSelector,
    caveat,
    naming_text,
    nothing_selected,
    select_documents,
    why_selected,
)
from lepcheck.checks.common.text_search import evidence_from_title
from lepcheck.models import Document, SiteModel, Verdict
from lepcheck.vocab.dates import YEAR

KIND = "document_published"

EVIDENCE_LIMIT = 5


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: DocumentSelector = Field(description="the document sought")
    min_count: int = Field(default=1, description="how many sound documents must be found")
    reaches_as_of_year: bool = Field(
        default=False,
        description="a document that names years must name the audit year or a later one "
        "(a 2019 schedule of meeting dates is not a schedule of forthcoming meetings)",
    )
    gathers: Gathering | None = Field(
        default=None,
        description="a hub page: the document must also gather most of this material "
        "(a page listing meetings or linking a policy is not the governance hub)",
    )


def out_of_date(doc: Document, as_of: date) -> str | None:
    """Why a document that names only years before the audit year is not current, or None."""
    years = [int(y) for y in YEAR.findall(" ".join((naming_text(doc), doc.text)))]
    if years and max(years) < as_of.year:
        return f"it names no year later than {max(years)}, so it is not current in {as_of.year}"
    return None


def found_confidence(doc: Document) -> float:
    """How sure the pass is: the classifier's confidence in the document's kind, at least 0.6
    (a name's); for a document read as "other" just 0.6, found by its name: the confidence of
    "other" is how likely the document is none of the governance kinds, which says nothing for
    the one sought."""
    return 0.6 if doc.kind == "other" else max(doc.kind_confidence, 0.6)


def evaluate(site: SiteModel, params: Params) -> Verdict:
    label = params.document.label()
    docs = select_documents(site, params.document)
    doubts = {doc.url: caveat(doc, params.document, site.target_url) for doc in docs}
    if params.reaches_as_of_year:
        for doc in docs:
            doubts[doc.url] = doubts[doc.url] or out_of_date(doc, site.as_of)
    sound = [doc for doc in docs if doubts[doc.url] is None]
    thin: dict[str, str | None] = {}
    if params.gathers is not None:
        thin = {doc.url: too_thin(doc, params.gathers) for doc in sound}
        sound = [doc for doc in sound if thin[doc.url] is None]
    if len(sound) >= params.min_count:
        reason = why_selected(sound[0], params.document)
        if params.gathers is not None:
            reason = f"{reason}; it gathers {', '.join(gathered_kinds(sound[0], params.gathers))}"
        return Verdict(
            status="pass",
            message=f"Found {label}: {sound[0].title or sound[0].url} ({reason}).",
            evidence=tuple(evidence_from_title(doc) for doc in sound[:EVIDENCE_LIMIT]),
            searched=site.searched,
            confidence=found_confidence(sound[0]),
        )
    evidence = tuple(evidence_from_title(doc) for doc in docs[:EVIDENCE_LIMIT])
    doubted = next((doc for doc in docs if doubts[doc.url]), None)
    if doubted is not None:
        return Verdict(
            status="partial",
            message=f"Found what looks like {label} ({doubted.title or doubted.url}), but "
            f"{doubts[doubted.url]}: not proof of an adopted, published {label}.",
            evidence=evidence,
            searched=site.searched,
            missing=(f"an adopted {label}",),
        )
    partly = next((doc for doc in docs if thin.get(doc.url)), None)
    if partly is not None:
        return Verdict(
            status="partial",
            message=f"Found a page that could be {label} ({partly.title or partly.url}), but "
            f"{thin[partly.url]}: a page that names some of the material is not the place "
            "that gathers it.",
            evidence=evidence,
            searched=site.searched,
            missing=(label,),
        )
    if docs:
        return Verdict(
            status="partial",
            message=f"Found {len(docs)} of the {params.min_count} expected: {label}.",
            evidence=evidence,
            searched=site.searched,
            missing=(label,),
        )
    return nothing_selected(site, params.document)
