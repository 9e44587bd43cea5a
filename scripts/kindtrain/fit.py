"""The kind model's weights fitted to examples: multinomial logistic regression over the
signals and words, each weight held near its prior (the hand-set points for the signals, zero
for everything a hand never set) by a squared penalty, minimised with L-BFGS in pure Python.

Deterministic: the same examples, priors and penalties give the same weights, bit for bit, on
one platform (no randomness, a fixed order everywhere).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lepcheck.models import DOCUMENT_KINDS

from .dataset import Example

KINDS: tuple[str, ...] = tuple(DOCUMENT_KINDS)
# The hand-set points the classifier used before weights were learned (a signal's value already
# carries the body evidence's own points, so those weigh 1): where the weights start and what
# they are held near. A signal not named here was new with the learned model and starts at 0.
PRIOR_SIGNALS: dict[str, float] = {
    "name_title": 4.0, "name_link": 3.0, "name_top": 2.0, "name_heading": 1.0, "name_url": 1.0,
    "body_attendance": 1.0, "body_minuted": 1.0, "body_agenda_items": 1.0,
    "body_standing_items": 1.0, "body_register_categories": 1.0, "body_nolan": 1.0,
    "body_conflicts": 1.0, "body_framework_topics": 1.0, "body_accounts": 1.0,
    "body_people": 1.0, "table_projects": 1.0, "hub_links": 1.0, "policy_title": 1.0,
    "recruitment": 1.0, "meeting_listing": 1.0, "listing_named": 1.0,
}  # fmt: skip
# "other" won when no kind reached 2 points.
PRIOR_BIAS: dict[str, float] = {"other": 1.99}
# Held at their hand-set points, for every kind alike, as are the biases: a kind named by the
# title or by the links to a document. The corpus's excerpts carry no link texts, and its titles
# are those of hard cases gathered on purpose (papers named for the policy they discuss), so it
# cannot say what a title or a link is worth on a crawl; a scan with a telling title and nothing
# else must stay that kind (tests/extract/test_classify.py). Unheld, the biases learn the
# corpus's share of "other" (half of it) and "other" needs 5 points to lose.
# So are the marks of a page listing meetings (one development document has a name that lists
# them, and excerpts carry no links): they must cancel the "minutes" of their own name.
HELD_SIGNALS = frozenset({"name_title", "name_link", "meeting_listing", "listing_named"})
# Words are evidence for a kind, never for "other" (against every kind at once): fitted on a
# corpus half "other", generic words ("report", "members", "March") became 0.3 points of
# "other" each, enough to beat a balance sheet or a page of people with roles, so such
# documents read as other and dropped out of every rule that needs them. "Other" keeps its
# hand-set bias and its own signals (news, a paper to a meeting).
NO_WORD_KINDS = frozenset({"other"})
# The corpus may add to the hand-set evidence, never take from it. Its excerpts were gathered as
# hard cases (papers and news that name the policy they discuss, hubs that are half news) and
# half of it is "other", so fitted freely it learned that a kind's name at the top of a text is
# worth -2.1 points and Nolan principles half their hand-set points: an untitled code of conduct,
# a hub of nine governance links and a balance sheet alone then read as other, and a governance
# document read as other is silently dropped from every rule that needs it. So a hand-set
# signal weighs at least its hand-set points, one weight for every kind, and a place where a
# kind is named weighs at least nothing; what the corpus teaches comes from the new signals
# (news, papers to a meeting, listings, meeting details...) and their per-kind adjustments.
SHARED_ONLY_PREFIX = "name_"


def lower_bound(name: tuple[str, ...]) -> float | None:
    """The least a parameter may weigh (None: unbounded)."""
    if name[0] != "signal":
        return None
    if name[1] in PRIOR_SIGNALS:
        return PRIOR_SIGNALS[name[1]]
    return 0.0 if name[1].startswith(SHARED_ONLY_PREFIX) else None


def shared_only(signal: str) -> bool:
    """A signal weighed alike for every kind (no per-kind adjustment)."""
    return signal in PRIOR_SIGNALS or signal.startswith(SHARED_ONLY_PREFIX)


@dataclass(frozen=True)
class Penalties:
    """How hard each family of weights is held to its prior (larger: nearer)."""

    signals: float = 1.0
    kind_signals: float = 4.0
    bias: float = 1.0
    words: float | None = 4.0  # None: no word weights at all
    held: float = math.inf  # HELD_SIGNALS and the biases: fixed at their hand-set points


@dataclass
class Design:
    """Parameter names and priors, and each example's sparse terms per kind."""

    names: list[tuple[str, ...]]
    priors: list[float]
    penalties: list[float]
    terms: list[list[list[tuple[int, float]]]]  # example -> kind -> [(parameter, value)]
    labels: list[int]


def _index(
    design: Design,
    name: tuple[str, ...],
    prior: float,
    penalty: float,
    at: dict[tuple[str, ...], int],
) -> int:
    if name not in at:
        at[name] = len(design.names)
        design.names.append(name)
        design.priors.append(prior)
        design.penalties.append(penalty)
    return at[name]


def design_of(
    examples: Sequence[Example],
    vocabulary: Sequence[str],
    word_kinds: Sequence[str],
    penalties: Penalties,
) -> Design:
    design = Design([], [], [], [], [KINDS.index(e.label) for e in examples])
    at: dict[tuple[str, ...], int] = {}
    for kind in KINDS:
        _index(design, ("bias", kind), PRIOR_BIAS.get(kind, 0.0), penalties.held, at)
    # Every hand-set signal is a parameter, seen in the corpus or not (links, tables and HTML
    # hubs are a crawl's, not an excerpt's): one never seen keeps its hand-set points.
    for name, prior in PRIOR_SIGNALS.items():
        held = name in HELD_SIGNALS
        _index(design, ("signal", name), prior, penalties.held if held else penalties.signals, at)
    known = set(vocabulary)
    worded = (
        [k for k in word_kinds if k not in NO_WORD_KINDS] if penalties.words is not None else []
    )
    for example in examples:
        per_kind: list[list[tuple[int, float]]] = [[] for _ in KINDS]
        for kind_index, kind in enumerate(KINDS):
            per_kind[kind_index].append((at[("bias", kind)], 1.0))
        for signal in example.signals:
            k = KINDS.index(signal.kind)
            held = signal.name in HELD_SIGNALS
            shared = _index(
                design,
                ("signal", signal.name),
                PRIOR_SIGNALS.get(signal.name, 0.0),
                penalties.held if held else penalties.signals,
                at,
            )
            per_kind[k].append((shared, signal.value))
            if held or shared_only(signal.name):
                continue
            own = _index(
                design,
                ("kind_signal", signal.kind, signal.name),
                0.0,
                penalties.kind_signals,
                at,
            )
            per_kind[k].append((own, signal.value))
        for kind in worded:
            k = KINDS.index(kind)
            for word in sorted(example.words & known):
                per_kind[k].append(
                    (_index(design, ("word", kind, word), 0.0, penalties.words, at), 1.0)
                )
        design.terms.append(per_kind)
    return design


def probabilities(terms: list[list[tuple[int, float]]], theta: Sequence[float]) -> list[float]:
    scores = [sum(theta[i] * v for i, v in kind_terms) for kind_terms in terms]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _penalty(lam: float, t: float, p: float) -> float:
    return 0.0 if math.isinf(lam) else lam * (t - p) ** 2 / 2


def loss_and_gradient(design: Design, theta: Sequence[float]) -> tuple[float, list[float]]:
    """Penalised log-loss and its gradient; a parameter with an infinite penalty is fixed at its
    prior (its gradient is zero, so L-BFGS, starting there, never moves it)."""
    gradient = [
        0.0 if math.isinf(lam) else lam * (t - p)
        for t, p, lam in zip(theta, design.priors, design.penalties, strict=True)
    ]
    loss = sum(
        _penalty(lam, t, p)
        for t, p, lam in zip(theta, design.priors, design.penalties, strict=True)
    )
    for terms, label in zip(design.terms, design.labels, strict=True):
        probs = probabilities(terms, theta)
        loss -= math.log(max(probs[label], 1e-300))
        for k, kind_terms in enumerate(terms):
            residual = probs[k] - (1.0 if k == label else 0.0)
            if residual:
                for i, v in kind_terms:
                    gradient[i] += residual * v
    fixed = [math.isinf(lam) for lam in design.penalties]
    return loss, [0.0 if f else g for f, g in zip(fixed, gradient, strict=True)]


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def lbfgs(
    objective: Callable[[list[float]], tuple[float, list[float]]],
    start: list[float],
    *,
    memory: int = 10,
    iterations: int = 300,
    tolerance: float = 1e-6,
) -> list[float]:
    """Minimise `objective` (value and gradient) from `start` with L-BFGS and a backtracking
    line search; stops when the gradient's largest component is below `tolerance`."""
    x = list(start)
    value, grad = objective(x)
    history: list[tuple[list[float], list[float], float]] = []
    for _ in range(iterations):
        if max(abs(g) for g in grad) < tolerance:
            break
        q = list(grad)
        alphas: list[float] = []
        for s, y, rho in reversed(history):
            alpha = rho * _dot(s, q)
            alphas.append(alpha)
            q = [qi - alpha * yi for qi, yi in zip(q, y, strict=True)]
        if history:
            s, y, _rho = history[-1]
            gamma = _dot(s, y) / _dot(y, y)
            q = [qi * gamma for qi in q]
        for (s, y, rho), alpha in zip(history, reversed(alphas), strict=True):
            beta = rho * _dot(y, q)
            q = [qi + (alpha - beta) * si for qi, si in zip(q, s, strict=True)]
        direction = [-qi for qi in q]
        slope = _dot(grad, direction)
        if slope >= 0:  # not a descent direction: start the memory afresh
            history.clear()
            direction, slope = [-g for g in grad], -_dot(grad, grad)
        step = 1.0 if history else 1.0 / max(1.0, math.sqrt(-slope))
        while True:
            candidate = [xi + step * di for xi, di in zip(x, direction, strict=True)]
            new_value, new_grad = objective(candidate)
            if new_value <= value + 1e-4 * step * slope or step < 1e-10:
                break
            step /= 2
        s = [c - xi for c, xi in zip(candidate, x, strict=True)]
        y = [ng - g for ng, g in zip(new_grad, grad, strict=True)]
        sy = _dot(s, y)
        if sy > 1e-12:
            history.append((s, y, 1.0 / sy))
            history = history[-memory:]
        x, value, grad = candidate, new_value, new_grad
    return x


def fit(design: Design) -> list[float]:
    """The penalised fit within the lower bounds (see `lower_bound`), by an active set: a weight
    that comes out below its bound is fixed at the bound and the rest refitted, until none is."""
    while True:
        theta = lbfgs(lambda t: loss_and_gradient(design, t), list(design.priors))
        below = [
            (i, bound)
            for i, name in enumerate(design.names)
            if (bound := lower_bound(name)) is not None and theta[i] < bound - 1e-9
        ]
        if not below:
            return theta
        for i, bound in below:
            design.priors[i], design.penalties[i] = bound, math.inf
