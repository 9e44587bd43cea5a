"""What kind of governance document this is, with a calibrated confidence and the reasons.

The evidence is named signals (lepcheck.extract.kind_signals): where the document names a kind
(title, link texts, the top and opening of its text, headings, URL) and what its body shows
(register categories, Nolan principles, attendance and decisions minuted, items for decision,
a table of projects, a hub of governance links). The weights of the signals and of the words
of its title and opening are learned from the labelled corpus's development part
(lepcheck.extract.kind_model), starting from the hand-set points, so body evidence and the
title beat the URL: "/uploads/minutes/ROI-J-Smith.pdf" that reads as a register is a register.

Known confusions are handled where they arise: minutes mention "declarations of interest" and
"agenda item"; agendas list "minutes of the previous meeting"; codes of conduct and registers
discuss conflicts of interest; a governance hub links to everything; news and council papers
mention governance; a page listing meetings is not one meeting's agenda or minutes.

`kind_confidence` is how often a kind given with that confidence is right (calibrated on
cross-validated predictions over the development part; benchmarks/reading.py shows the
reliability table on the held-back part): "other" too carries the probability that it is other.
"""

from __future__ import annotations

from lepcheck.extract.committees.kinds import declared_kind
from lepcheck.extract.kind_model import load_model
from lepcheck.extract.kind_signals import kind_signals, kind_words
from lepcheck.models import Document

_REASONS = 8


def classify_document(doc: Document) -> Document:
    """A copy of `doc` with kind, kind_confidence (0..1) and kind_reasons filled in."""
    if doc.soft_error:
        # Its link text names the document it failed to be: that names no kind of it.
        reason = doc.unreadable_reason or "not the document"
        return doc.model_copy(
            update={"kind": "other", "kind_confidence": 0.0, "kind_reasons": (reason,)}
        )
    settled = declared_kind(doc)
    if settled is not None:
        kind, reason = settled
        return doc.model_copy(
            update={"kind": kind, "kind_confidence": 0.9, "kind_reasons": (reason,)}
        )
    model = load_model()
    scored = model.score(kind_signals(doc), kind_words(doc))
    probabilities = model.probabilities(scored)
    best = scored[0]
    # The runner-up is the next kind with evidence: "other" has no evidence of its own beyond
    # news and papers, only the points a kind must beat (its bias), so it is never named as one.
    runner_up = next(s for s in scored if s.kind not in (best.kind, "other"))
    confidence = round(model.calibrated(probabilities[best.kind]), 2)
    if best.kind == "other":
        reasons: tuple[str, ...] = tuple(reason for value, reason in best.parts if value > 0)
        guess = (
            f" (best guess {runner_up.kind}, {probabilities[runner_up.kind]:.2f} likely)"
            if any(value > 0 for value, _ in runner_up.parts)
            else ""
        )
        reasons += (f"no kind scored enough{guess}",)
    else:
        reasons = tuple(reason for value, reason in best.parts if value > 0)[:_REASONS]
        reasons += (
            f"runner-up {runner_up.kind} ({runner_up.score:.1f} vs {best.score:.1f} points)",
        )
    return doc.model_copy(
        update={"kind": best.kind, "kind_confidence": confidence, "kind_reasons": reasons}
    )
