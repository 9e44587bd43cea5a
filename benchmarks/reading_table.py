"""The reading benchmark's scores as a plain text table, one block per part of the split."""

from __future__ import annotations

from typing import Any

from benchmarks.reading_scores import Score

TOP_CONFUSIONS = 15
PART_TITLES = {
    "development": "DEVELOPMENT part (tune against this)",
    "held_back": "HELD-BACK part (never used to tune anything)",
}


def show(score: dict[str, Any]) -> str:
    """A ratio as "12/20  60.0%"."""
    if not score["total"]:
        return "   -/0       -"
    return f"{score['correct']:>4}/{score['total']:<4} {100 * score['rate']:5.1f}%"


def percent(value: float | None) -> str:
    return "    -" if value is None else f"{100 * value:5.1f}"


def _kind_lines(kind: Score) -> list[str]:
    lines = [f"kind accuracy                {show(kind['accuracy'])}", ""]
    lines.append(f"  {'kind':<24}{'support':>8}{'read':>6}{'precision':>11}{'recall':>8}")
    for name, row in sorted(kind["per_kind"].items(), key=lambda kv: -kv[1]["support"]):
        lines.append(
            f"  {name:<24}{row['support']:>8}{row['predicted']:>6}"
            f"{percent(row['precision']):>11}{percent(row['recall']):>8}"
        )
    lines += ["", "  confusions (label -> read), most frequent first:"]
    for pair in kind["confusions"][:TOP_CONFUSIONS]:
        lines.append(f"  {pair['count']:>4}  {pair['label']} -> {pair['read']}")
    hidden = len(kind["confusions"]) - TOP_CONFUSIONS
    if hidden > 0:
        lines.append(f"        ... {hidden} more pairs (--json lists all)")
    return lines


def _reliability_lines(rows: list[Score], title: str) -> list[str]:
    lines = [
        f"kind_confidence reliability, {title}",
        f"  {'bin':<10}{'count':>6}{'mean conf':>11}{'accuracy':>10}",
    ]
    for row in rows:
        mean = "-" if row["mean_confidence"] is None else f"{row['mean_confidence']:.2f}"
        lines.append(f"  {row['bin']:<10}{row['count']:>6}{mean:>11}{percent(row['accuracy']):>10}")
    return lines


def _reader_lines(part: Score) -> list[str]:
    meetings = part["meetings"]
    lines = [
        f"meeting date                 {show(meetings['meeting_date'])}"
        f"   (placed at a meeting: {meetings['meeting_date_answered']})",
        f"body                         {show(meetings['body'])}"
        f"   (placed at a meeting: {meetings['body_answered']})",
    ]
    for reader, facts in part["periods"].items():
        lines.append(
            f"period [{reader}]".ljust(29)
            + f"{show(facts['all'])}   (period {show(facts['period']).strip()}; "
            f"approved {show(facts['approved']).strip()})"
        )
    for mode, title in (("site", "as the site model reads"), ("reader", "reader alone")):
        members, declarations = part["members"][mode], part["declarations"][mode]
        lines += [
            f"board members ({title}, {members['documents']} documents)",
            f"  names precision            {show(members['precision'])}",
            f"  names recall               {show(members['recall'])}",
            f"  role (matched names)       {show(members['role'])}",
            f"  sector (matched names)     {show(members['sector'])}",
            f"declarations ({title}, {declarations['documents']} documents)",
            f"  precision                  {show(declarations['precision'])}",
            f"  recall                     {show(declarations['recall'])}",
        ]
    return lines


def render(scores: dict[str, Score], seconds: float) -> str:
    out: list[str] = []
    for name, part in scores.items():
        out += [f"== {PART_TITLES.get(name, name)}: {part['documents']} documents", ""]
        out += [*_kind_lines(part["kind"]), ""]
        if "reliability_cross_validated" in part:
            title = "cross-validated by LEP (scripts/train_kind_model.py)"
            out += [*_reliability_lines(part["reliability_cross_validated"], title), ""]
        shipped = "shipped weights, in-sample" if name == "development" else "shipped weights"
        out += [*_reliability_lines(part["reliability"], shipped), ""]
        out += [*_reader_lines(part), ""]
    out.append(f"({seconds:.1f} s)")
    return "\n".join(out)
