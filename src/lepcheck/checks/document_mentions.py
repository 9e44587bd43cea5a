"""document_mentions: a document (or the site) mentions every listed topic, e.g. the seven
Nolan principles in a code of conduct (Ney 4.2) or the parts of a conflicts policy (Ney 6.1).

Judgement stays honest: when only some topics are found the verdict is `partial`, naming the
missing ones, never `pass` (issue: partial rules are honest).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from lepcheck.checks.common.cited import (
    CitesVocabulary,
    RuleVocabulary,
    patterns_or_vocabulary,
    vocabulary_field,
)
from lepcheck.checks.common.selection import (
    DocumentSelector,
    caveat,
    nothing_selected,
    select_documents,
)
from lepcheck.checks.common.text_search import evidence_from_hit, find_in_document
from lepcheck.models import Document, Evidence, SiteModel, Verdict

KIND = "document_mentions"


class Topic(CitesVocabulary):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        json_schema_extra=patterns_or_vocabulary("patterns", "vocabulary"),
    )
    required_patterns = ("patterns",)

    name: str = Field(description="the topic, as messages name it")
    patterns: tuple[str, ...] = Field(
        default=(),
        description="the topic is covered where one matches (give these, a vocabulary or both)",
    )
    vocabulary: RuleVocabulary | None = vocabulary_field()


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: DocumentSelector | None = Field(
        default=None, description="which documents; none means anywhere on the site"
    )
    topics: tuple[Topic, ...] = Field(description="what the documents must cover")
    min_topics: int | None = Field(default=None, description="topics needed to pass; all if unset")
    combine: bool = Field(
        default=False, description="topics may be found across several selected documents"
    )
    each: bool = Field(
        default=False,
        description="every selected document must cover the topics (each decision record its "
        "reasons, say), not only the best one",
    )


def topic_hits(doc: Document, topics: tuple[Topic, ...]) -> dict[str, Evidence]:
    found: dict[str, Evidence] = {}
    for topic in topics:
        hit = find_in_document(doc, topic.patterns)
        if hit:
            found[topic.name] = evidence_from_hit(doc, hit)
    return found


def covered(docs: list[Document], params: Params) -> dict[str, Evidence]:
    """Topics found: across all the documents when combining (or site-wide), else the best one."""
    found: dict[str, Evidence] = {}
    if params.combine or params.document is None:
        for doc in docs:
            for name, ev in topic_hits(doc, params.topics).items():
                found.setdefault(name, ev)
        return found
    for doc in docs:
        hits = topic_hits(doc, params.topics)
        if len(hits) > len(found):
            found = hits
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
    # A draft, a blank template or a page saying the document is not adopted can show what a
    # document would cover, not what the LEP has adopted: it alone never makes a pass.
    doubts = (
        {doc.url: caveat(doc, selector, site.target_url, denials=False) for doc in readable}
        if selector
        else {}
    )
    sound = [doc for doc in readable if not doubts.get(doc.url)]
    if params.each and sound:
        return every_document(sound, params, needed, searched)
    found = covered(sound, params)
    if len(found) < needed:
        found = covered(readable, params)
        doubted = next((d for d in readable if doubts.get(d.url)), None)
        if doubted is not None and len(found) >= needed:
            return Verdict(
                status="partial",
                message=f"{doubted.title or doubted.url} covers what is sought, but "
                f"{doubts[doubted.url]}: not proof of an adopted {label}.",
                evidence=tuple(found.values()),
                searched=searched,
                missing=(f"an adopted {label}",),
            )
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


def every_document(
    docs: list[Document], params: Params, needed: int, searched: tuple[str, ...]
) -> Verdict:
    """Each document covers the topics; the ones that fall short are named with what they lack."""
    evidence: list[Evidence] = []
    short: list[str] = []
    for doc in docs:
        hits = topic_hits(doc, params.topics)
        if len(hits) >= needed:
            evidence.extend(list(hits.values())[:2])
            continue
        lacking = ", ".join(t.name for t in params.topics if t.name not in hits)
        short.append(f"{doc.title or doc.url} ({doc.url}): no {lacking}")
    if not short:
        return Verdict(
            status="pass",
            message=f"All {len(docs)} documents cover the topics sought.",
            evidence=tuple(evidence[:20]),
            searched=searched,
        )
    return Verdict(
        status="partial" if evidence else "fail",
        message=f"{len(short)} of {len(docs)} documents fall short: " + "; ".join(short[:10]),
        evidence=tuple(evidence[:20]),
        searched=searched,
        missing=tuple(short),
    )
