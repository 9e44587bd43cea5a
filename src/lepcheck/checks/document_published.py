"""document_published: the site publishes at least N documents of a kind (Ney 9.1)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from lepcheck.checks.selection import (
    DocumentSelector,
    nothing_selected,
    select_documents,
    why_selected,
)
from lepcheck.checks.text_search import evidence_from_title
from lepcheck.models import SiteModel, Verdict

EVIDENCE_LIMIT = 5


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: DocumentSelector
    min_count: int = 1


def evaluate(site: SiteModel, params: Params) -> Verdict:
    label = params.document.label()
    docs = select_documents(site, params.document)
    evidence = tuple(evidence_from_title(doc) for doc in docs[:EVIDENCE_LIMIT])
    if len(docs) >= params.min_count:
        reason = why_selected(docs[0], params.document)
        return Verdict(
            status="pass",
            message=f"Found {label}: {docs[0].title or docs[0].url} ({reason}).",
            evidence=evidence,
            searched=site.searched,
            confidence=max(docs[0].kind_confidence, 0.6),
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
