"""agenda_items: every agenda carries an item, e.g. "Declarations of Interest" (Ney 9.1)."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from lepcheck.checks.common.cited import (
    CitesVocabulary,
    RuleVocabulary,
    patterns_or_vocabulary,
    vocabulary_field,
)
from lepcheck.checks.common.selection import (
    DocumentSelector,
    nothing_selected,
    required_by_field,
    select_documents,
)
from lepcheck.checks.common.text_search import evidence_from_hit, find_in_document
from lepcheck.models import Evidence, SiteModel, Verdict

KIND = "agenda_items"
# What the crawl is told this kind reads (lepcheck.audit.needs):
# each agenda the params select.
READS_EVERY = True


class Params(CitesVocabulary):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        json_schema_extra=patterns_or_vocabulary("patterns", "vocabulary"),
    )
    required_patterns = ("patterns",)

    item: str = Field(description="the standing item, as messages name it")
    patterns: tuple[str, ...] = Field(
        default=(),
        description="an agenda carries the item where one matches "
        "(give these, a vocabulary or both)",
    )
    vocabulary: RuleVocabulary | None = vocabulary_field()
    document: DocumentSelector = Field(
        default=DocumentSelector(kinds=("agenda",), description="agenda"),
        description="the agendas to read",
    )
    required_by: tuple[str, ...] = required_by_field()


def evaluate(site: SiteModel, params: Params) -> Verdict:
    agendas = select_documents(site, params.document)
    searched = tuple(d.url for d in agendas) or site.searched
    if not agendas:
        return nothing_selected(site, params.document, required_by=params.required_by)
    with_item: list[Evidence] = []
    without: list[str] = []
    unreadable: list[str] = []
    for doc in agendas:
        if not doc.readable:
            unreadable.append(doc.url)
            continue
        hit = find_in_document(doc, params.patterns)
        if hit:
            with_item.append(evidence_from_hit(doc, hit))
        else:
            without.append(doc.url)
    assessed = len(with_item) + len(without)
    tail = f" {len(unreadable)} agenda(s) could not be read." if unreadable else ""
    if assessed == 0:
        return Verdict(
            status="unknown",
            message=f"Found {len(agendas)} agenda(s) but none could be read.",
            searched=searched,
        )
    if without:
        return Verdict(
            status="fail",
            message=f"{len(without)} of {assessed} agendas have no '{params.item}' item: "
            + ", ".join(without)
            + "."
            + tail,
            evidence=tuple(with_item),
            searched=searched,
            missing=tuple(without),
        )
    return Verdict(
        status="partial" if unreadable else "pass",
        message=f"All {assessed} readable agendas carry a '{params.item}' item.{tail}",
        evidence=tuple(with_item),
        searched=searched,
    )
