"""Calibration of the kind model's confidence, fitted on cross-validated predictions.

Cross-validation is grouped by LEP, as the corpus split is: an LEP's documents are predicted by
a model trained without any document of that LEP, so the predictions are as a new LEP's would
be. On those predictions a temperature (softmax of score / T) is chosen by log-loss, then a
monotone map from the chosen kind's probability to how often it is right is fitted by pool-
adjacent-violators, its blocks merged until each holds at least MIN_BLOCK predictions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

FOLDS = 5
MIN_BLOCK = 20
TEMPERATURES = tuple(round(0.5 + 0.05 * i, 2) for i in range(51))  # 0.5 .. 3.0


def folds_of(leps: Sequence[str], folds: int = FOLDS) -> dict[str, int]:
    """LEP -> fold, round-robin over the LEPs in name order (fixed, no randomness)."""
    return {lep: i % folds for i, lep in enumerate(sorted(set(leps)))}


def softmax(scores: Sequence[float], temperature: float) -> list[float]:
    top = max(scores)
    exps = [math.exp((s - top) / temperature) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def log_loss(scores: Sequence[Sequence[float]], labels: Sequence[int], temperature: float) -> float:
    return -sum(
        math.log(max(softmax(s, temperature)[y], 1e-300))
        for s, y in zip(scores, labels, strict=True)
    ) / len(labels)


def best_temperature(scores: Sequence[Sequence[float]], labels: Sequence[int]) -> float:
    return min(TEMPERATURES, key=lambda t: (log_loss(scores, labels, t), t))


def _pool(points: list[tuple[float, float]]) -> list[list[float]]:
    """Pool-adjacent-violators: blocks of [sum of x, sum of y, count] with rising means."""
    blocks: list[list[float]] = []
    for x, y in sorted(points):
        blocks.append([x, y, 1.0])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            last = blocks.pop()
            blocks[-1] = [a + b for a, b in zip(blocks[-1], last, strict=True)]
    return blocks


def isotonic_map(
    points: list[tuple[float, float]], min_block: int = MIN_BLOCK
) -> list[tuple[float, float]]:
    """(probability, right 0/1) pairs -> breakpoints (mean probability, share right) of blocks
    with rising share right, each block holding at least `min_block` pairs."""
    blocks = _pool(points)
    while len(blocks) > 1 and min(b[2] for b in blocks) < min_block:
        small = min(range(len(blocks)), key=lambda i: (blocks[i][2], i))
        other = (
            small - 1
            if small == len(blocks) - 1
            or (small > 0 and blocks[small - 1][2] <= blocks[small + 1][2])
            else small + 1
        )
        low, high = sorted((small, other))
        blocks[low : high + 1] = [[a + b for a, b in zip(blocks[low], blocks[high], strict=True)]]
    return [(round(b[0] / b[2], 4), round(b[1] / b[2], 4)) for b in blocks]
