"""The rule catalogue's vocabulary: groups, severities' weights, and the frozen models of a
rule, a framework (profile) and a loaded ruleset."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from lepcheck.checks import CHECK_KINDS
from lepcheck.models import Assessment, Frozen, Provenance, Severity

GROUPS = (
    "WEB",
    "ASSUR",
    "COND",
    "COI",
    "ROI",
    "MEET",
    "DEC",
    "FIN",
    "BOARD",
    "POL",
    "SCRUT",
    "STRAT",
)
GROUP_TITLES = {
    "WEB": "Website",
    "ASSUR": "Assurance framework and accountable body",
    "COND": "Code of conduct",
    "COI": "Conflicts of interest",
    "ROI": "Registers of interests",
    "MEET": "Meetings, agendas and minutes",
    "DEC": "Decision-making",
    "FIN": "Financial transparency",
    "BOARD": "Board composition and appointments",
    "POL": "Policies",
    "SCRUT": "Scrutiny",
    "STRAT": "Strategy and engagement",
}
SEVERITY_WEIGHTS: dict[str, float] = {"must": 3.0, "should": 2.0, "gp": 1.0}
DEFAULT_FRAMEWORK = "nlgaf-2019"
# The short profile of spot checks: a failed must-rule of it caps any audit's rating at amber.
SPOT_CHECK_FRAMEWORK = "spot-check"


class Reference(Frozen):
    title: str
    clause: str
    url: str | None = None

    def cite(self) -> str:
        return f"{self.title} {self.clause}".strip()


class Rule(Frozen):
    id: str
    title: str
    status: str
    severity: Severity
    assessment: Assessment
    provenance: Provenance
    description: str
    rationale: str
    kind: str
    params: dict[str, Any]
    remediation: str
    references: tuple[Reference, ...]
    since: str
    guidance: str = ""
    path: str = ""

    @property
    def group(self) -> str:
        return self.id.split("-")[0]

    def parsed_params(self) -> BaseModel:
        return CHECK_KINDS[self.kind].params.model_validate(self.params)


class FrameworkClause(Frozen):
    clause: str
    title: str = ""
    rules: tuple[str, ...]
    weight: float | None = None


class Framework(Frozen):
    id: str
    title: str
    description: str
    source: str = ""
    include_all_active: bool = False
    clauses: tuple[FrameworkClause, ...]


@dataclass(frozen=True)
class Ruleset:
    rules: tuple[Rule, ...]
    framework: Framework
    weights: dict[str, float]
    digest: str
    rating_cap: frozenset[str] = frozenset()  # rules whose failed must-finding caps at amber

    def selected(self) -> list[Rule]:
        return [r for r in self.rules if r.id in self.weights]
