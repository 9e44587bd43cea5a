"""declarations_in_registers: an interest declared at a meeting appears in that member's
published register (CIoS and Lancashire LEP guidance, from the BPG; catalogue COI-08).

The match is by the organisation or subject named in the declaration, so it is evidence for a
reader to confirm, never proof: the rule's assessment is `partial`.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from lepcheck.checks.common.text_search import evidence_from_source
from lepcheck.models import Declaration, DocumentKind, Evidence, SiteModel, Verdict
from lepcheck.vocab.declarations import DECLARATION_STOPWORDS

KIND = "declarations_in_registers"
# What the crawl is told this kind reads (lepcheck.audit.needs):
# the declarations in minutes against each member's register.
READS: tuple[DocumentKind, ...] = ("register_of_interests", "minutes")
READS_EVERY = True


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    min_word_length: int = Field(
        default=4,
        description="words of a declaration this long or longer are looked for in the register",
    )


def key_words(decl: Declaration, min_len: int) -> set[str]:
    words = re.findall(r"[A-Za-z][A-Za-z'-]+", f"{decl.nature} {decl.item}")
    return {
        w.lower() for w in words if len(w) >= min_len and w.lower() not in DECLARATION_STOPWORDS
    }


def unregistered_note(members: list[str]) -> str:
    """The declarations not checked because their member has no register (ROI-01's failure)."""
    if not members:
        return ""
    names = list(dict.fromkeys(members))
    return (
        f" Not checked: {len(members)} declaration(s) by {len(names)} member(s) with no "
        f"register (ROI-01): {', '.join(names[:5])}."
    )


def evaluate(site: SiteModel, params: Params) -> Verdict:
    named = [
        d
        for d in site.declarations
        if d.member and d.action not in ("none_declared", "nothing_recorded")
    ]
    if not named:
        return Verdict(
            status="not_applicable",
            message="No declarations naming a member were found in minutes, so there is nothing to "
            "cross-check against registers.",
            searched=tuple(d.url for d in site.documents if d.kind == "minutes"),
        )
    texts = {d.url: d.text.lower() for d in site.documents}
    registers = {e.matched_member: e for e in site.registers if e.matched_member}
    found: list[Evidence] = []
    absent: list[str] = []
    # A current board member with no register is ROI-01's failure: named here, not counted
    # again (one defect, one finding: issue 13 item 7).
    board = {m.name for m in site.board}
    unregistered: list[str] = []
    for decl in named:
        entry = registers.get(decl.member)
        words = key_words(decl, params.min_word_length)
        label = (
            f"{decl.member} ({decl.meeting_date or decl.meeting_url}: {decl.nature or decl.item})"
        )
        if entry is None and decl.member in board:
            unregistered.append(decl.member or "")
            continue
        if entry is None:  # not a current board member, so not ROI-01's: counted here
            absent.append(f"{label}: no register")
            continue
        register_text = texts.get(entry.source.url, "")
        if words and any(w in register_text for w in words):
            found.append(evidence_from_source(entry.source))
        else:
            absent.append(f"{label}: not found in register")
    searched = tuple(dict.fromkeys(e.source.url for e in site.registers))
    gap = unregistered_note(unregistered)
    judged = len(named) - len(unregistered)
    if judged == 0:
        return Verdict(
            status="unknown",
            message=f"No declaration made at a meeting could be checked against a register.{gap}",
            searched=searched or tuple(d.url for d in site.documents if d.kind == "minutes"),
            missing=tuple(dict.fromkeys(unregistered)),
        )
    if not absent:
        return Verdict(
            status="pass",
            message=f"All {judged} declarations checked appear in the member's register.{gap}",
            evidence=tuple(found),
            searched=searched,
            confidence=0.7,
        )
    return Verdict(
        status="partial" if found else "fail",
        message=f"{len(absent)} of {judged} declarations checked could not be found in registers: "
        + "; ".join(absent[:8])
        + gap,
        evidence=tuple(found),
        searched=searched,
        missing=tuple(absent),
        confidence=0.6,
    )
