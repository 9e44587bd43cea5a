"""document_published: the site publishes at least N documents of a kind (Ney 9.1)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from lepcheck.checks.selection import (
    DocumentSelector,
    caveat,
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
    doubts = {doc.url: caveat(doc, params.document, site.target_url) for doc in docs}
    sound = [doc for doc in docs if doubts[doc.url] is None]
    if len(sound) >= params.min_count:
        reason = why_selected(sound[0], params.document)
        return Verdict(
            status="pass",
            message=f"Found {label}: {sound[0].title or sound[0].url} ({reason}).",
            evidence=tuple(evidence_from_title(doc) for doc in sound[:EVIDENCE_LIMIT]),
            searched=site.searched,
            confidence=max(sound[0].kind_confidence, 0.6),
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
    if docs:
        return Verdict(
            status="partial",
            message=f"Found {len(docs)} of the {params.min_count} expected: {label}.",
            evidence=evidence,
            searched=site.searched,
            missing=(label,),
        )
    return nothing_selected(site, params.document)
