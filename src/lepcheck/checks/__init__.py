"""The closed vocabulary of check kinds.

Each kind is a module with a pydantic `Params` model and a pure `evaluate(site, params)`.
Kinds are named after what they check, never after the rule that first needed them; a new rule
of a known shape is YAML only. Registration is this explicit dict (as yamllint's rules/__init__).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from lepcheck.checks import (
    agenda_items,
    attestation,
    board_composition,
    declarations_in_registers,
    document_current,
    document_mentions,
    document_published,
    links_to,
    meeting_documents,
    meeting_timeliness,
    member_registers,
    minutes_record,
    table_fields,
)
from lepcheck.models import SiteModel, Verdict


@dataclass(frozen=True)
class CheckKind:
    name: str
    params: type[BaseModel]
    evaluate: Callable[[SiteModel, Any], Verdict]
    summary: str


def _kind(name: str, module: Any) -> CheckKind:
    doc = (module.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    return CheckKind(name=name, params=module.Params, evaluate=module.evaluate, summary=doc)


CHECK_KINDS: dict[str, CheckKind] = {
    "document_published": _kind("document_published", document_published),
    "document_mentions": _kind("document_mentions", document_mentions),
    "document_current": _kind("document_current", document_current),
    "member_registers": _kind("member_registers", member_registers),
    "agenda_items": _kind("agenda_items", agenda_items),
    "minutes_record": _kind("minutes_record", minutes_record),
    "meeting_timeliness": _kind("meeting_timeliness", meeting_timeliness),
    "meeting_documents": _kind("meeting_documents", meeting_documents),
    "board_composition": _kind("board_composition", board_composition),
    "table_fields": _kind("table_fields", table_fields),
    "links_to": _kind("links_to", links_to),
    "declarations_in_registers": _kind("declarations_in_registers", declarations_in_registers),
    "attestation": _kind("attestation", attestation),
}


def run_check(kind: str, params: BaseModel, site: SiteModel) -> Verdict:
    """Evaluate, and enforce the product's first law: no pass without evidence."""
    verdict = CHECK_KINDS[kind].evaluate(site, params)
    if verdict.status == "pass" and not verdict.evidence:
        return verdict.model_copy(
            update={
                "status": "unknown",
                "message": verdict.message + " (No evidence could be attached, so not passed.)",
            }
        )
    return verdict
