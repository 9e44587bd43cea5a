"""The closed vocabulary of check kinds.

Each kind is a module that declares its `KIND` name, a pydantic `Params` model and a pure
`evaluate(site, params)`; its docstring's first paragraph is its summary. A kind that reads
documents of its own choosing from the site model (registers, meetings, board pages), rather
than those its params select, names their kinds in `READS`; `READS_EVERY` says that every such
document counts (each meeting, each member's register), not one. The crawl is told both, so it
looks for what the rules will read (lepcheck.audit.needs). Kinds are named after
what they check, never after the rule that first needed them; a new rule of a known shape is
YAML only. The registry is built from the modules' own names (as yamllint's rules/__init__
keys its rules by each module's `ID`), so a kind is added by writing its module and listing it
in `KIND_MODULES`. Helpers several kinds share live in `checks.common`. `rules/KINDS.md` and the
`check` section of `schemas/rule.schema.json` are generated from the `Params` models
(`checks.describe`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from pydantic import BaseModel

from lepcheck.checks import (
    agenda_items,
    archive_coverage,
    attestation,
    board_composition,
    dataset_series,
    declarations_in_registers,
    document_current,
    document_mentions,
    document_published,
    key_decision_notice,
    links_to,
    meeting_documents,
    meeting_timeliness,
    member_registers,
    minutes_record,
    table_fields,
)
from lepcheck.checks.common.ocr_evidence import with_ocr_caveat
from lepcheck.models import DocumentKind, SiteModel, Verdict

# In the order the catalogue documents them: finding documents, then registers, meetings, the
# board, tables, links and attestations.
KIND_MODULES: tuple[ModuleType, ...] = (
    document_published,
    document_mentions,
    document_current,
    member_registers,
    agenda_items,
    minutes_record,
    meeting_timeliness,
    key_decision_notice,
    meeting_documents,
    archive_coverage,
    board_composition,
    table_fields,
    dataset_series,
    links_to,
    declarations_in_registers,
    attestation,
)


@dataclass(frozen=True)
class CheckKind:
    name: str
    params: type[BaseModel]
    evaluate: Callable[[SiteModel, Any], Verdict]
    summary: str
    reads: tuple[DocumentKind, ...] = ()
    reads_every: bool = False


def kind_of(module: ModuleType) -> CheckKind:
    """The registry entry a kind module declares."""
    doc = (module.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    return CheckKind(
        name=module.KIND,
        params=module.Params,
        evaluate=module.evaluate,
        summary=doc,
        reads=getattr(module, "READS", ()),
        reads_every=getattr(module, "READS_EVERY", False),
    )


CHECK_KINDS: dict[str, CheckKind] = {module.KIND: kind_of(module) for module in KIND_MODULES}


def run_check(kind: str, params: BaseModel, site: SiteModel) -> Verdict:
    """Evaluate, and enforce the product's first law: no pass without evidence (and evidence
    read by OCR is said to be so)."""
    verdict = with_ocr_caveat(CHECK_KINDS[kind].evaluate(site, params), site)
    if verdict.status == "pass" and not verdict.evidence:
        return verdict.model_copy(
            update={
                "status": "unknown",
                "message": verdict.message + " (No evidence could be attached, so not passed.)",
            }
        )
    return verdict
