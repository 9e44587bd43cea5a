"""The history as text: one line per run, with the score's change and trend."""

from __future__ import annotations

from collections.abc import Sequence

from lepcheck.history.rows import RunRow


def format_history(runs: Sequence[RunRow]) -> str:
    """`lepcheck history ID`: one line per run, oldest first, with the score's change."""
    lines = [
        f"{'run':>5}  {'started (UTC)':19}  {'as of':10}  {'framework':12}  "
        f"{'score':>5}  {'change':>6}  {'cover':>5}  rating / reason"
    ]
    previous: float | None = None
    for run in runs:
        score = "-" if run.score is None else f"{run.score:.1f}"
        change = ""
        if run.score is not None and previous is not None:
            change = f"{run.score - previous:+.1f}"
        if run.score is not None:
            previous = run.score
        coverage = "-" if run.coverage is None else f"{run.coverage:.0f}%"
        verdict = run.rating if run.outcome == "audited" else f"{run.outcome}: {run.reason}"
        lines.append(
            f"{run.id:>5}  {run.started_at.strftime('%Y-%m-%d %H:%M:%S'):19}  "
            f"{run.as_of.isoformat():10}  {run.framework:12}  {score:>5}  {change:>6}  "
            f"{coverage:>5}  {verdict}"
        )
    scores = [run.score for run in runs if run.score is not None]
    if len(scores) >= 2:
        lines.append(f"score trend: {sparkline(scores)}  {scores[0]:.1f} -> {scores[-1]:.1f}")
    return "\n".join(lines)


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(scores: Sequence[float]) -> str:
    """Scores 0-100 as block characters, one per run, on a fixed scale so trends compare."""
    return "".join(SPARKS[min(len(SPARKS) - 1, int(score / 100 * len(SPARKS)))] for score in scores)
