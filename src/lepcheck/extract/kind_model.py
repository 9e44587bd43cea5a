"""The weights of a document's kind signals: a small linear model, read from a data file.

A kind's score is its bias, plus each of its signals' value times that signal's weight (shared
by every kind, with a kind's own adjustment), plus the weights of the words of its title and
opening for that kind; the kinds' scores become probabilities by a softmax. The hand-set points
of the classifier are where the weights started and what they are held near; the weights were
learned from the development part of the labelled corpus (tests/corpus, never the held-back
part) by `scripts/train_kind_model.py`, which writes `lepcheck/data/kind_model.json`. The
probability of the kind chosen is then calibrated (a temperature and a monotone map fitted on
cross-validated predictions), so a confidence of 0.8 means right about 8 times in 10.

Pure Python: no numerical library is needed to classify.
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from lepcheck.extract.kind_signals import Signal
from lepcheck.models import DOCUMENT_KINDS, DocumentKind

MODEL_FILE = "kind_model.json"


@dataclass(frozen=True)
class Scored:
    """A kind's score and what made it: (contribution, reason), largest first."""

    kind: DocumentKind
    score: float
    parts: tuple[tuple[float, str], ...] = field(default=())


@dataclass(frozen=True)
class KindModel:
    """Weights by name (see the module docstring); absent names weigh nothing."""

    signals: Mapping[str, float]
    kind_signals: Mapping[str, Mapping[str, float]]
    bias: Mapping[str, float]
    words: Mapping[str, Mapping[str, float]]
    temperature: float = 1.0
    # The calibration map: confidence after temperature -> how often that is right, as sorted
    # breakpoints joined by straight lines.
    calibration: tuple[tuple[float, float], ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> KindModel:
        return cls(
            signals=dict(data["signals"]),
            kind_signals={k: dict(v) for k, v in data["kind_signals"].items()},
            bias=dict(data["bias"]),
            words={k: dict(v) for k, v in data["words"].items()},
            temperature=float(data.get("temperature", 1.0)),
            calibration=tuple((float(a), float(b)) for a, b in data.get("calibration", ())),
        )

    def weight(self, signal: str, kind: str) -> float:
        return self.signals.get(signal, 0.0) + self.kind_signals.get(kind, {}).get(signal, 0.0)

    def score(self, signals: Iterable[Signal], words: Iterable[str]) -> list[Scored]:
        """Every kind's score, highest first (ties in the order of DOCUMENT_KINDS)."""
        parts: dict[str, list[tuple[float, str]]] = {kind: [] for kind in DOCUMENT_KINDS}
        for signal in signals:
            parts[signal.kind].append(
                (self.weight(signal.name, signal.kind) * signal.value, signal.reason)
            )
        word_list = sorted(set(words))
        for kind, weights in self.words.items():
            found = [(weights[w], w) for w in word_list if w in weights]
            total = sum(value for value, _ in found)
            if found:
                names = ", ".join(w.split(":", 1)[1] for _, w in sorted(found, reverse=True)[:3])
                parts[kind].append((total, f"words such as {names}"))
        scored = [
            Scored(
                kind,
                self.bias.get(kind, 0.0) + sum(v for v, _ in parts[kind]),
                tuple(sorted(parts[kind], key=lambda p: -p[0])),
            )
            for kind in DOCUMENT_KINDS
        ]
        return sorted(scored, key=lambda s: -s.score)

    def probabilities(self, scored: list[Scored]) -> dict[DocumentKind, float]:
        """Softmax of the scores at the model's temperature."""
        top = max(s.score for s in scored)
        exps = {s.kind: math.exp((s.score - top) / self.temperature) for s in scored}
        total = sum(exps.values())
        return {kind: value / total for kind, value in exps.items()}

    def calibrated(self, probability: float) -> float:
        """How often a kind given this probability is right (the fitted map; identity without)."""
        points = self.calibration
        if not points:
            return probability
        xs = [x for x, _ in points]
        at = bisect.bisect_left(xs, probability)
        if at == 0:
            return points[0][1]
        if at == len(points):
            return points[-1][1]
        (x0, y0), (x1, y1) = points[at - 1], points[at]
        share = (probability - x0) / (x1 - x0) if x1 > x0 else 1.0
        return y0 + share * (y1 - y0)


@cache
def load_model() -> KindModel:
    """The shipped weights (lepcheck/data/kind_model.json)."""
    text = (files("lepcheck") / "data" / MODEL_FILE).read_text(encoding="utf-8")
    return KindModel.from_json(json.loads(text))
