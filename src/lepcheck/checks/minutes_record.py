"""minutes_record: every set of minutes records declarations and the action taken (Ney 9.1;
BPG via CIoS and Lancashire LEPs), or the decisions made (Ney 9.1); and, where minutes record
excluding the public or taking an urgent item, the grounds: the Schedule 12A paragraph relied
on (LGA 1972 s. 100A(4)-(5)) or the special circumstances of the urgency (s. 100B(4)(b)).

Those two are conditional: minutes with no private or urgent item are not assessed, and when
no minutes have one the rule is not applicable (never a pass).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from pydantic import ConfigDict, Field

from lepcheck.checks.common.cited import CitesVocabulary, RuleVocabulary, vocabulary_field
from lepcheck.checks.common.selection import (
    DocumentSelector,
    nothing_selected,
    required_by_field,
    select_documents,
)
from lepcheck.checks.common.text_search import (
    evidence_from_hit,
    evidence_from_source,
    find_in_document,
)
from lepcheck.models import Declaration, Document, Evidence, SiteModel, Verdict
from lepcheck.vocab.councils import (
    EXCLUSION_PARAGRAPH,
    EXCLUSION_SCHEDULE_12A,
    EXCLUSION_TRIGGERS,
    URGENCY_REASONS,
    URGENCY_TRIGGERS,
)
from lepcheck.vocab.meetings import DECISION_PATTERNS

KIND = "minutes_record"
# What the crawl is told this kind reads (lepcheck.audit.needs):
# each set of minutes the params select.
READS_EVERY = True

Record = Literal["declarations", "decisions", "exclusion_grounds", "urgency_reasons"]


# The conditional records: what makes minutes need the record (any pattern), and what the
# record must say (one pattern of each group); the patterns are lepcheck.vocab.councils'.
EXCLUSION_GROUNDS = (EXCLUSION_SCHEDULE_12A, EXCLUSION_PARAGRAPH)
CONDITIONAL: dict[str, tuple[tuple[str, ...], tuple[tuple[str, ...], ...], str, str]] = {
    "exclusion_grounds": (
        EXCLUSION_TRIGGERS,
        EXCLUSION_GROUNDS,
        "exclude the public",
        "the Schedule 12A paragraph relied on",
    ),
    "urgency_reasons": (
        URGENCY_TRIGGERS,
        (URGENCY_REASONS,),
        "take an urgent item",
        "the special circumstances that made it urgent",
    ),
}


class Params(CitesVocabulary):
    model_config = ConfigDict(frozen=True, extra="forbid")

    record: Record = Field(
        description="declarations: each set records declarations of interest and the action "
        "taken (read by the site model); decisions: each records a decision; exclusion_grounds "
        "and urgency_reasons: minutes that exclude the public or take an urgent item state the "
        "Schedule 12A paragraph or the special circumstances (others are not assessed)"
    )
    patterns: tuple[str, ...] = Field(
        default=DECISION_PATTERNS, description="words that record a decision (decisions only)"
    )
    vocabulary: RuleVocabulary | None = vocabulary_field()
    document: DocumentSelector = Field(
        default=DocumentSelector(kinds=("minutes",), description="minutes"),
        description="the minutes to read",
    )
    required_by: tuple[str, ...] = required_by_field()


def evaluate(site: SiteModel, params: Params) -> Verdict:
    minutes = select_documents(site, params.document)
    searched = tuple(d.url for d in minutes)
    if not minutes:
        return nothing_selected(site, params.document, required_by=params.required_by)
    readable = [d for d in minutes if d.readable]
    if not readable:
        return Verdict(
            status="unknown",
            message=f"Found {len(minutes)} set(s) of minutes but none could be read.",
            searched=searched,
        )
    return RECORDS[params.record](site, readable, params, searched)


def decisions(
    site: SiteModel, docs: list[Document], params: Params, searched: tuple[str, ...]
) -> Verdict:
    evidence: list[Evidence] = []
    lacking: list[str] = []
    for doc in docs:
        hit = find_in_document(doc, params.patterns)
        if hit:
            evidence.append(evidence_from_hit(doc, hit))
        else:
            lacking.append(doc.url)
    if not lacking:
        return Verdict(
            status="pass",
            message=f"All {len(docs)} readable minutes record decisions.",
            evidence=tuple(evidence),
            searched=searched,
        )
    return Verdict(
        status="partial" if evidence else "fail",
        message=f"{len(lacking)} of {len(docs)} minutes record no decision: " + ", ".join(lacking),
        evidence=tuple(evidence),
        searched=searched,
        missing=tuple(lacking),
    )


def declarations(
    site: SiteModel, docs: list[Document], params: Params, searched: tuple[str, ...]
) -> Verdict:
    by_minutes: dict[str, list[Declaration]] = {}
    for decl in site.declarations:
        by_minutes.setdefault(decl.meeting_url, []).append(decl)
    evidence: list[Evidence] = []
    nothing: list[str] = []
    no_action: list[str] = []
    for doc in docs:
        found = by_minutes.get(doc.url, [])
        recorded = [d for d in found if d.action != "nothing_recorded"]
        if not recorded:
            nothing.append(doc.url)
            continue
        evidence.extend(evidence_from_source(d.source) for d in recorded[:3])
        no_action += [
            f"{d.member or 'a member'} ({doc.url})"
            for d in recorded
            if d.action == "no_action_stated"
        ]
    if nothing:
        also = (
            "; and for some declarations the action taken is not recorded: " + "; ".join(no_action)
            if no_action
            else ""
        )
        return Verdict(
            status="fail",
            message=f"{len(nothing)} of {len(docs)} minutes record no declarations of interest "
            "(not even 'none'): " + ", ".join(nothing) + also,
            evidence=tuple(evidence),
            searched=searched,
            missing=(*nothing, *no_action),
        )
    if no_action:
        return Verdict(
            status="partial",
            message="Declarations are recorded, but for some the action taken is not: "
            + "; ".join(no_action),
            evidence=tuple(evidence),
            searched=searched,
            missing=tuple(no_action),
        )
    return Verdict(
        status="pass",
        message=f"All {len(docs)} readable minutes record declarations and the action taken.",
        evidence=tuple(evidence),
        searched=searched,
    )


def grounds(
    site: SiteModel, docs: list[Document], params: Params, searched: tuple[str, ...]
) -> Verdict:
    """Minutes that exclude the public or take an urgent item say why; others are not judged."""
    triggers, needs, act, what = CONDITIONAL[params.record]
    assessed = [doc for doc in docs if find_in_document(doc, triggers)]
    if not assessed:
        return Verdict(
            status="not_applicable",
            message=f"None of the {len(docs)} readable minutes records a decision to {act}.",
            searched=searched,
        )
    evidence: list[Evidence] = []
    lacking: list[str] = []
    for doc in assessed:
        hits = [hit for group in needs if (hit := find_in_document(doc, group)) is not None]
        if len(hits) == len(needs):
            evidence.append(evidence_from_hit(doc, hits[0]))
        else:
            lacking.append(doc.url)
    if not lacking:
        return Verdict(
            status="pass",
            message=f"All {len(assessed)} minutes that {act} state {what}.",
            evidence=tuple(evidence),
            searched=searched,
        )
    return Verdict(
        status="partial" if evidence else "fail",
        message=f"{len(lacking)} of {len(assessed)} minutes that {act} do not state {what}: "
        + ", ".join(lacking),
        evidence=tuple(evidence),
        searched=searched,
        missing=tuple(lacking),
    )


RecordFunction = Callable[[SiteModel, list[Document], Params, tuple[str, ...]], Verdict]
RECORDS: dict[Record, RecordFunction] = {
    "decisions": decisions,
    "declarations": declarations,
    "exclusion_grounds": grounds,
    "urgency_reasons": grounds,
}
