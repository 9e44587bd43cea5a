"""The statement's conclusion, naming the requirements that decided it: nothing not evidenced
can ever let a statement conclude "compliant"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from lepcheck.assess.requirements import RequirementRow
from lepcheck.models import Frozen

ConclusionVerdict = Literal[
    "compliant", "compliant_with_exceptions", "not_compliant", "cannot_conclude"
]

VERDICT_LABELS: dict[str, str] = {
    "compliant": "Compliant",
    "compliant_with_exceptions": "Compliant with exceptions",
    "not_compliant": "Not compliant",
    "cannot_conclude": "Not evidenced: cannot conclude compliant",
}


class Conclusion(Frozen):
    verdict: ConclusionVerdict
    summary: str
    not_met: tuple[str, ...] = ()
    not_evidenced: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self.verdict]


def named(rows: Sequence[RequirementRow]) -> str:
    return "; ".join(f"{r.rule_id} ({r.title})" for r in rows)


def conclude(rows: Sequence[RequirementRow]) -> Conclusion:
    """The statement's conclusion, naming the requirements that decided it.

    - not compliant: a must-requirement is not met (failed, or attested not met);
    - cannot conclude: otherwise, anything is not evidenced (unknown, unanswered, missing),
      because "compliant" needs evidence or an answer for every requirement;
    - compliant with exceptions: the only shortfalls are waivers, partly met requirements and
      should / good-practice requirements not met;
    - compliant: every requirement is met or not applicable.
    """
    not_met = [r for r in rows if r.outcome == "not_met" and r.severity == "must"]
    not_evidenced = [r for r in rows if r.outcome == "not_evidenced"]
    exceptions = [
        r
        for r in rows
        if r.outcome in ("waived", "partly_met")
        or (r.outcome == "not_met" and r.severity != "must")
    ]
    ids = {
        "not_met": tuple(r.rule_id for r in not_met),
        "not_evidenced": tuple(r.rule_id for r in not_evidenced),
        "exceptions": tuple(r.rule_id for r in exceptions),
    }
    also = []
    if not_evidenced:
        also.append(f"{len(not_evidenced)} requirement(s) are not evidenced")
    if exceptions:
        also.append(
            f"{len(exceptions)} are exceptions (waived, partly met, or not met but not must)"
        )
    if not_met:
        summary = f"Must-requirements not met: {named(not_met)}."
        if also:
            summary += f" In addition, {' and '.join(also)}; all are listed below."
        return Conclusion(verdict="not_compliant", summary=summary, **ids)
    if not_evidenced:
        summary = (
            "No must-requirement is shown to be unmet, but these requirements have neither "
            "evidence nor an attestation, so compliance cannot be concluded: "
            f"{named(not_evidenced)}."
        )
        if exceptions:
            summary += f" Exceptions: {named(exceptions)}."
        return Conclusion(verdict="cannot_conclude", summary=summary, **ids)
    if exceptions:
        summary = (
            "Every must-requirement is met, waived or partly met; the exceptions are: "
            f"{named(exceptions)}."
        )
        return Conclusion(verdict="compliant_with_exceptions", summary=summary, **ids)
    met = [r for r in rows if r.outcome == "met"]
    if not met:
        return Conclusion(
            verdict="cannot_conclude",
            summary="No requirement is met on evidence or attestation; nothing to conclude on.",
            **ids,
        )
    summary = (
        f"All {len(met)} applicable requirements are met: "
        f"{sum(r.basis == 'automated' for r in met)} on archived automated evidence and "
        f"{sum(r.basis == 'attested' for r in met)} by attestation; nothing is unknown, "
        "unanswered or waived."
    )
    return Conclusion(verdict="compliant", summary=summary, **ids)
