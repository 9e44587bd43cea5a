"""Scores of lepcheck's readers against the corpus labels, for one part of the split.

Every score is plain data (dicts of numbers), so the same result prints as a table or as JSON.
The matching rules are in `reading_match` and the benchmark's docstring.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from benchmarks.reading_documents import PeriodReading, Reading
from benchmarks.reading_match import body_class, overlaps, same_item, same_person
from tests.corpus.corpus_files import Declaration as LabelledDeclaration
from tests.corpus.corpus_files import Labels
from tests.corpus.corpus_files import Member as LabelledMember

from lepcheck.models import DOCUMENT_KINDS, BoardMember, Declaration

Score = dict[str, Any]
CONFIDENCE_BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
BARE_ACTIONS = ("none_declared", "nothing_recorded")
# "site": what build_site_model would read; "reader": the reader on every labelled document.
MODES = ("site", "reader")


def ratio(correct: int, total: int) -> Score:
    return {
        "correct": correct,
        "total": total,
        "rate": round(correct / total, 4) if total else None,
    }


def kind_scores(readings: Sequence[Reading]) -> Score:
    """Accuracy; precision, recall and support per kind; confusion pairs, most frequent first."""
    pairs = Counter((r.doc.labels.kind, r.kind) for r in readings)
    per_kind: dict[str, Score] = {}
    for kind in DOCUMENT_KINDS:
        support = sum(n for (label, _), n in pairs.items() if label == kind)
        predicted = sum(n for (_, read), n in pairs.items() if read == kind)
        hits = pairs[(kind, kind)]
        if support or predicted:
            per_kind[kind] = {
                "support": support,
                "predicted": predicted,
                "precision": round(hits / predicted, 4) if predicted else None,
                "recall": round(hits / support, 4) if support else None,
            }
    confusions = [
        {"label": label, "read": read, "count": n}
        for (label, read), n in sorted(pairs.items(), key=lambda p: (-p[1], p[0]))
        if label != read
    ]
    correct = sum(n for (label, read), n in pairs.items() if label == read)
    return {
        "accuracy": ratio(correct, len(readings)),
        "per_kind": per_kind,
        "confusions": confusions,
    }


def reliability(readings: Sequence[Reading]) -> list[Score]:
    """Bins of kind_confidence: how many, their mean confidence and how often the kind is right."""
    return reliability_of([(r.confidence, r.kind == r.doc.labels.kind) for r in readings])


def reliability_of(points: Sequence[tuple[float, bool]]) -> list[Score]:
    """Bins of stated confidence over (confidence, right) pairs: count, mean, share right."""
    rows = []
    edges = list(itertools.pairwise(CONFIDENCE_BINS))
    for index, (low, high) in enumerate(edges):
        last = index == len(edges) - 1
        inside = [(c, ok) for c, ok in points if low <= c < high or (last and c == high)]
        right = sum(1 for _, ok in inside if ok)
        mean = sum(c for c, _ in inside) / len(inside) if inside else None
        rows.append(
            {
                "bin": f"{low:.1f}-{high:.1f}",
                "count": len(inside),
                "mean_confidence": round(mean, 3) if mean is not None else None,
                "accuracy": round(right / len(inside), 4) if inside else None,
            }
        )
    return rows


def meeting_scores(readings: Sequence[Reading]) -> Score:
    dated = [r for r in readings if r.doc.labels.meeting_date is not None]
    with_body = [r for r in readings if r.doc.labels.body is not None]
    return {
        "meeting_date": ratio(
            sum(1 for r in dated if r.meeting_date == r.doc.labels.meeting_date), len(dated)
        ),
        "meeting_date_answered": sum(1 for r in dated if r.meeting_date is not None),
        "body": ratio(
            sum(1 for r in with_body if body_class(r.body) == r.doc.labels.body), len(with_body)
        ),
        "body_answered": sum(1 for r in with_body if r.body is not None),
    }


L = TypeVar("L")
R = TypeVar("R")


def one_to_one(
    labelled: Sequence[L], read: Sequence[R], same: Callable[[L, R], bool]
) -> list[tuple[L, R]]:
    """Pairs of a labelled and a read entry, each used once, labels taken in order."""
    left = list(read)
    pairs: list[tuple[L, R]] = []
    for entry in labelled:
        found = next((item for item in left if same(entry, item)), None)
        if found is not None:
            left.remove(found)
            pairs.append((entry, found))
    return pairs


def member_scores(readings: Sequence[Reading], mode: str) -> Score:
    """Names matched one to one (same surname, same first initial when both give one)."""
    labelled = read = 0
    pairs: list[tuple[LabelledMember, BoardMember]] = []
    chosen = [r for r in readings if r.doc.labels.members is not None]
    for r in chosen:
        found, wanted = dict(r.members)[mode], r.doc.labels.members or ()
        labelled, read = labelled + len(wanted), read + len(found)
        pairs += one_to_one(wanted, found, lambda a, b: same_person(a.name, b.name))
    return {
        "documents": len(chosen),
        "precision": ratio(len(pairs), read),
        "recall": ratio(len(pairs), labelled),
        "role": ratio(sum(a.role == b.role for a, b in pairs), len(pairs)),
        "sector": ratio(sum(a.sector == b.sector for a, b in pairs), len(pairs)),
    }


def declaration_matches(labelled: LabelledDeclaration, read: Declaration) -> bool:
    """Same action; for a declaration (not a bare none/nothing entry) also the same member and
    the same item (`reading_match.same_person`, `reading_match.same_item`)."""
    if labelled.action != read.action:
        return False
    if labelled.action in BARE_ACTIONS:
        return True
    return same_person(labelled.member, read.member) and same_item(labelled.item, read.item)


def declaration_scores(readings: Sequence[Reading], mode: str) -> Score:
    labelled = read = matched = 0
    chosen = [r for r in readings if r.doc.labels.declarations is not None]
    for r in chosen:
        found, wanted = dict(r.declarations)[mode], r.doc.labels.declarations or ()
        labelled, read = labelled + len(wanted), read + len(found)
        matched += len(one_to_one(wanted, found, declaration_matches))
    return {
        "documents": len(chosen),
        "precision": ratio(matched, read),
        "recall": ratio(matched, labelled),
    }


def period_facts(labels: Labels, answer: PeriodReading) -> list[tuple[str, bool]]:
    """(fact, read right) for each of the document's labelled facts, `period` and `approved`.

    A label that fixes dates is read right when the reader gives the same dates (each bound the
    label gives); a label of words alone when a quote the reader gives overlaps those words.
    """
    quotes = [q for q in (answer.period_quote, answer.approved_quote) if q]
    facts: list[tuple[str, bool]] = []
    if labels.period is not None:
        period = labels.period
        if period.start or period.end:
            right = (not period.start or period.start == answer.start) and (
                not period.end or period.end == answer.end
            )
        else:
            right = any(overlaps(period.text, q) for q in quotes)
        facts.append(("period", right))
    if labels.approved is not None:
        approved = labels.approved
        if approved.date:
            right = approved.date == answer.approved
        else:
            right = any(overlaps(approved.text, q) for q in quotes)
        facts.append(("approved", right))
    return facts


def _count(facts: list[tuple[str, bool]], which: str) -> tuple[int, int]:
    chosen = [ok for fact, ok in facts if fact == which]
    return sum(chosen), len(chosen)


def period_scores(readings: Sequence[Reading]) -> Score:
    """Per period reader (today's document_current first): period, approval and both."""
    scores: Score = {}
    names = [name for r in readings for name, _ in r.periods]
    for name in dict.fromkeys(names):
        facts = [
            fact
            for r in readings
            for reader, answer in r.periods
            if reader == name
            for fact in period_facts(r.doc.labels, answer)
        ]
        scores[name] = {
            "period": ratio(*_count(facts, "period")),
            "approved": ratio(*_count(facts, "approved")),
            "all": ratio(sum(ok for _, ok in facts), len(facts)),
        }
    return scores


def score_part(readings: Sequence[Reading]) -> Score:
    return {
        "documents": len(readings),
        "kind": kind_scores(readings),
        "reliability": reliability(readings),
        "meetings": meeting_scores(readings),
        "periods": period_scores(readings),
        "members": {mode: member_scores(readings, mode) for mode in MODES},
        "declarations": {mode: declaration_scores(readings, mode) for mode in MODES},
    }
