"""Whom lepcheck audits: the kind of body and what its duties depend on (issue 18).

LEPs until 31 March 2024, and the upper-tier councils, combined authorities and combined county
authorities that took over their functions and legacy programmes from 1 April 2024 (guidance on
integrating LEP functions into local democratic institutions, August 2023). A rule binds some
of these kinds (`applies_to`); the registry says which kind a body is, and, for a council,
whether it runs executive arrangements and which functions it has. Frozen like every model that
crosses a stage boundary (models.py, which carries a Body on the site model).
"""

from __future__ import annotations

from typing import Literal

from lepcheck.models_base import Frozen

BodyKind = Literal["lep", "upper_tier_council", "combined_authority", "combined_county_authority"]
BODY_KIND_WORDS: dict[str, str] = {
    "lep": "Local Enterprise Partnership",
    "upper_tier_council": "upper-tier council",
    "combined_authority": "combined authority",
    "combined_county_authority": "combined county authority",
}
# A council runs executive arrangements (a leader and cabinet, or a mayor) or the committee
# system (Local Government Act 2000 Part 1A): only the first has a Forward Plan and executive
# decision records (SI 2012/2089).
Governance = Literal["executive", "committee"]
# Functions some councils have and others lack, on which Transparency Code items depend.
BodyFunction = Literal["parking_authority", "waste_collection_authority", "housing_revenue_account"]


class Body(Frozen):
    """The audited body as the registry knows it; None means not known (never guessed)."""

    kind: BodyKind = "lep"
    governance: Governance | None = None
    functions: tuple[BodyFunction, ...] | None = None
