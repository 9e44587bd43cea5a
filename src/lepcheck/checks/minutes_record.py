"""minutes_record: every set of minutes records declarations and the action taken (Ney 9.1;
BPG via CIoS and Lancashire LEPs), or the decisions made (Ney 9.1)."""

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
from lepcheck.vocab.meetings import DECISION_PATTERNS

KIND = "minutes_record"
# What the crawl is told this kind reads (lepcheck.audit.needs):
# each set of minutes the params select.
READS_EVERY = True

Record = Literal["declarations", "decisions"]


class Params(CitesVocabulary):
    model_config = ConfigDict(frozen=True, extra="forbid")

    record: Record = Field(
        description="declarations: each set records declarations of interest and the action "
        "taken (read by the site model); decisions: each records a decision"
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


RecordFunction = Callable[[SiteModel, list[Document], Params, tuple[str, ...]], Verdict]
RECORDS: dict[Record, RecordFunction] = {"decisions": decisions, "declarations": declarations}
