"""document_mentions: a document (or the site) mentions every listed topic, e.g. the seven
Nolan principles in a code of conduct (Ney 4.2) or the parts of a conflicts policy (Ney 6.1).

Judgement stays honest: when only some topics are found the verdict is `partial`, naming the
missing ones, never `pass` (issue: partial rules are honest).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from lepcheck.checks.selection import DocumentSelector, nothing_selected, select_documents
from lepcheck.checks.text_search import evidence_from_hit, find_in_document
from lepcheck.models import Document, Evidence, SiteModel, Verdict


class Topic(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    patterns: tuple[str, ...]


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: DocumentSelector | None = Field(
        default=None, description="which documents; none means anywhere on the site"
    )
    topics: tuple[Topic, ...]
    min_topics: int | None = Field(default=None, description="topics needed to pass; all if unset")
    combine: bool = Field(
        default=False, description="topics may be found across several selected documents"
    )


def topic_hits(doc: Document, topics: tuple[Topic, ...]) -> dict[str, Evidence]:
    found: dict[str, Evidence] = {}
    for topic in topics:
        hit = find_in_document(doc, topic.patterns)
        if hit:
            found[topic.name] = evidence_from_hit(doc, hit)
    return found


def evaluate(site: SiteModel, params: Params) -> Verdict:
    needed = params.min_topics if params.min_topics is not None else len(params.topics)
    selector = params.document
    label = selector.label() if selector else "the site"
    candidates = select_documents(site, selector) if selector else list(site.documents)
    readable = [doc for doc in candidates if doc.readable]
    searched = tuple(doc.url for doc in candidates) if selector else site.searched
    if not candidates:
        if selector is not None:
            return nothing_selected(site, selector, "so its content could not be checked")
        return Verdict(status="fail", message="The site has no readable pages.", missing=(label,))
    if not readable:
        reason = candidates[0].unreadable_reason or "unreadable"
        return Verdict(
            status="unknown",
            message=f"Found {label} but could not read it ({reason}).",
            evidence=(),
            searched=searched,
        )
    found: dict[str, Evidence] = {}
    if params.combine or selector is None:
        for doc in readable:
            for name, ev in topic_hits(doc, params.topics).items():
                found.setdefault(name, ev)
    else:
        best: dict[str, Evidence] = {}
        for doc in readable:
            hits = topic_hits(doc, params.topics)
            if len(hits) > len(best):
                best = hits
        found = best
    missing = tuple(t.name for t in params.topics if t.name not in found)
    evidence = tuple(found.values())
    names = ", ".join(found) or "none"
    subject = label[0].upper() + label[1:]
    if len(found) >= needed:
        return Verdict(
            status="pass",
            message=f"{subject} covers {len(found)} of {len(params.topics)}: {names}.",
            evidence=evidence,
            searched=searched,
            missing=missing,
        )
    if found:
        return Verdict(
            status="partial",
            message=f"{subject} covers {len(found)} of {len(params.topics)} "
            f"({names}); not found: {', '.join(missing)}.",
            evidence=evidence,
            searched=searched,
            missing=missing,
        )
    return Verdict(
        status="fail",
        message=f"{subject} mentions none of: {', '.join(missing)}.",
        searched=searched,
        missing=missing,
    )
