"""The rule catalogue's vocabulary: groups, severities' weights, and the frozen models of a
rule, a framework (profile) and a loaded ruleset."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel

from lepcheck.bodies import BodyKind
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
    # The successors' groups (docs/successor-requirements.md): statute and the Transparency Code.
    "ACCESS",
    "FWD",
    "EXEC",
    "MINT",
    "TC",
    "GROW",
    "OSC",
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
    "ACCESS": "Access to meetings and documents",
    "FWD": "Key decisions, Forward Plan and private meetings",
    "EXEC": "Executive meetings and decision records",
    "MINT": "Members' interests",
    "TC": "Transparency Code datasets",
    "GROW": "Inherited LEP functions: assurance, business board, economic plan",
    "OSC": "Overview and scrutiny",
}
# The standing of a rule's source: an Act or statutory instrument, a code made mandatory by
# regulations (the Transparency Code, SI 2015/480 reg. 2), government guidance, good practice.
RuleBasis = Literal["statute", "statutory_code", "guidance", "good_practice"]
BASIS_WORDS = {
    "statute": "statute",
    "statutory_code": "statutory code",
    "guidance": "guidance",
    "good_practice": "good practice",
}
# What else a rule needs of an upper-tier council beyond its kind (the registry says, per body):
# executive arrangements (the Forward Plan and executive decision records, SI 2012/2089), or a
# function on which a Transparency Code item depends.
Condition = Literal[
    "executive_arrangements",
    "parking_authority",
    "waste_collection_authority",
    "housing_revenue_account",
]
# The day the LEP regime ended: government sponsorship and core funding of LEPs ceased from
# 1 April 2024 (Aug 2023 guidance, executive summary paras. 1-3).
LEP_REGIME_ENDS = date(2024, 3, 31)
SUCCESSOR_REGIME_BEGINS = date(2024, 4, 1)
SEVERITY_WEIGHTS: dict[str, float] = {"must": 3.0, "should": 2.0, "gp": 1.0}
DEFAULT_FRAMEWORK = "nlgaf-2019"
# The framework an audit uses when none is asked for: the LEPs' own, or the successors'.
SUCCESSOR_FRAMEWORK = "successor-2024"


def default_framework(kind: BodyKind) -> str:
    return DEFAULT_FRAMEWORK if kind == "lep" else SUCCESSOR_FRAMEWORK


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
    applies_to: tuple[BodyKind, ...]
    basis: RuleBasis
    in_force_from: date | None = None
    in_force_until: date | None = None
    conditions: tuple[Condition, ...] = ()
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
    applies_to: tuple[BodyKind, ...]
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
