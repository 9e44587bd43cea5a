"""Train the document-kind model on the corpus's development part; write its weights.

    .venv/bin/python scripts/train_kind_model.py          # writes src/lepcheck/data/kind_model.json
    .venv/bin/python scripts/train_kind_model.py --check    # exit 1 if the shipped file differs

The model (lepcheck.extract.kind_model) weighs the classifier's signals and the words of a
document's title and opening. What this does, all of it deterministic (no random numbers; the
folds are LEPs taken round-robin in name order):

1. the development part of tests/corpus (tests/corpus/split.yaml; THE HELD-BACK PART IS NEVER
   READ) becomes examples: signals and words of each document as the reading benchmark builds it;
2. penalties (how hard weights are held to their priors, the hand-set points) are chosen from a
   small grid by the log-loss of predictions cross-validated by LEP (5 folds);
3. with those penalties, a temperature and a monotone calibration map are fitted on the
   cross-validated predictions (scripts/kindtrain/calibrate.py);
4. the weights are fitted on the whole development part and written, rounded to 6 places, with
   the penalties, temperature, map and the cross-validated figures; each development document's
   cross-validated kind and calibrated confidence go to benchmarks/kind_model_cv.json (the
   reading benchmark's development reliability table).

Takes about 20 minutes on a shared 2-core machine (pure Python, one core; a fold with word
weights is the slow part).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from kindtrain.calibrate import FOLDS, best_temperature, folds_of, isotonic_map, log_loss, softmax
from kindtrain.dataset import REPO, Example, development_examples, supported_kinds, vocabulary
from kindtrain.fit import KINDS, Penalties, design_of, fit

from lepcheck.extract.kind_model import KindModel

OUT = REPO / "src" / "lepcheck" / "data" / "kind_model.json"
CV_OUT = REPO / "benchmarks" / "kind_model_cv.json"
MIN_SUPPORT = 5  # kinds with fewer development documents get no word weights
GRID = tuple(Penalties(kind_signals=d, words=w) for d in (0.5, 2.0) for w in (None, 16.0))


def model_data(examples: list[Example], penalties: Penalties) -> dict[str, object]:
    """Fit on `examples`; the weights as the JSON the classifier reads (calibration apart)."""
    design = design_of(
        examples, vocabulary(examples), supported_kinds(examples, MIN_SUPPORT), penalties
    )
    theta = fit(design)
    data: dict[str, dict[str, object]] = {
        "signals": {},
        "kind_signals": {},
        "bias": {},
        "words": {},
    }
    for name, value in zip(design.names, theta, strict=True):
        value = round(value, 6)
        if name[0] == "bias":
            data["bias"][name[1]] = value
        elif name[0] == "signal":
            data["signals"][name[1]] = value
        elif value:
            family = "kind_signals" if name[0] == "kind_signal" else "words"
            data[family].setdefault(name[1], {})[name[2]] = value  # type: ignore[union-attr]
    return dict(data)


def scores_of(model: KindModel, example: Example) -> list[float]:
    by_kind = {s.kind: s.score for s in model.score(example.signals, example.words)}
    return [by_kind[kind] for kind in KINDS]


def cross_validated(examples: list[Example], penalties: Penalties) -> list[list[float]]:
    """Each example's kind scores from a model trained without its LEP."""
    fold = folds_of([e.lep for e in examples])
    scores: dict[str, list[float]] = {}
    for held in range(FOLDS):
        train = [e for e in examples if fold[e.lep] != held]
        model = KindModel.from_json(model_data(train, penalties))
        for example in examples:
            if fold[example.lep] == held:
                scores[example.path] = scores_of(model, example)
    return [scores[e.path] for e in examples]


def print_reliability(
    points: list[tuple[float, float]], calibration: list[tuple[float, float]]
) -> None:
    """Bins of stated confidence (0.2 wide) against how often the kind was right, on the
    cross-validated predictions: after the temperature alone, and after the calibration map too
    (the map was fitted on these same predictions, so its column flatters; the held-back part's
    table in benchmarks/reading.py is the honest one)."""
    model = KindModel({}, {}, {}, {}, calibration=tuple(calibration))
    print("  reliability (cross-validated, development part)", file=sys.stderr)
    print("  bin       | temperature: n, mean, right | + map: n, mean, right", file=sys.stderr)
    for low in (0.0, 0.2, 0.4, 0.6, 0.8):
        cells = []
        for stated in ([p for p, _ in points], [model.calibrated(p) for p, _ in points]):
            inside = [
                (c, y)
                for c, (_, y) in zip(stated, points, strict=True)
                if low <= c < low + 0.2 or (low == 0.8 and c == 1.0)
            ]
            n = len(inside)
            mean = sum(c for c, _ in inside) / n if n else 0.0
            right = sum(y for _, y in inside) / n if n else 0.0
            cells.append(f"{n:4d}, {mean:.2f}, {100 * right:5.1f} %" if n else "   0")
        print(f"  {low:.1f}-{low + 0.2:.1f}   | {cells[0]:>26} | {cells[1]:>22}", file=sys.stderr)


def train(examples: list[Example]) -> tuple[dict[str, object], dict[str, dict[str, object]]]:
    """The model's data, and each development document's cross-validated kind and calibrated
    confidence (benchmarks/reading.py shows their reliability table)."""
    labels = [KINDS.index(e.label) for e in examples]
    trials = []
    for penalties in GRID:
        scores = cross_validated(examples, penalties)
        temperature = best_temperature(scores, labels)
        loss = log_loss(scores, labels, temperature)
        right = sum(
            max(range(len(KINDS)), key=s.__getitem__) == y
            for s, y in zip(scores, labels, strict=True)
        )
        print(
            f"  {penalties}: log-loss {loss:.4f}, accuracy {right}/{len(labels)}", file=sys.stderr
        )
        trials.append((loss, GRID.index(penalties), penalties, scores, temperature, right))
    _loss, _at, penalties, scores, temperature, right = min(trials, key=lambda t: t[:2])
    points, chosen = [], []
    for s, y in zip(scores, labels, strict=True):
        probs = softmax(s, temperature)
        best = max(range(len(KINDS)), key=probs.__getitem__)
        points.append((probs[best], 1.0 if best == y else 0.0))
        chosen.append(KINDS[best])
    calibration = isotonic_map(points)
    print_reliability(points, calibration)
    stated = KindModel({}, {}, {}, {}, calibration=tuple(calibration))
    predictions = {
        e.path: {"kind": kind, "confidence": round(stated.calibrated(p), 2)}
        for e, kind, (p, _) in zip(examples, chosen, points, strict=True)
    }
    data = model_data(examples, penalties)
    data.update(
        temperature=temperature,
        calibration=[list(p) for p in calibration],
        trained_on={
            "part": "development (tests/corpus/split.yaml)",
            "documents": len(examples),
            "leps": len({e.lep for e in examples}),
            "penalties": vars(penalties),
            "cross_validated_accuracy": f"{right}/{len(labels)}",
        },
    )
    return data, predictions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    parser.add_argument("--out", type=Path, default=OUT)
    options = parser.parse_args()
    data, predictions = train(development_examples())
    text = json.dumps(data, indent=1, sort_keys=True) + "\n"
    cv = {
        "about": "cross-validated predictions (by LEP) of the development part, written by "
        "scripts/train_kind_model.py beside the model whose sha256 is model_sha256",
        "model_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "predictions": predictions,
    }
    cv_text = json.dumps(cv, indent=1, sort_keys=True) + "\n"
    if options.check:
        same = all(
            path.exists() and path.read_text(encoding="utf-8") == made
            for path, made in ((options.out, text), (CV_OUT, cv_text))
        )
        print(
            "the shipped weights are a fresh training run's"
            if same
            else "the shipped weights differ"
        )
        return 0 if same else 1
    options.out.write_text(text, encoding="utf-8")
    CV_OUT.write_text(cv_text, encoding="utf-8")
    print(f"wrote {options.out} and {CV_OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
