"""attestation: a requirement no website can show (catalogue rows marked attest). The finding
is `manual` until an attestation file answers it (the statement stage applies answers)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from lepcheck.models import SiteModel, Verdict

KIND = "attestation"


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    guidance: str = Field(description="what the officer attests, shown in the finding")
    evidence_examples: tuple[str, ...] = Field(
        default=(), description="records an officer might hold, offered in the attestation file"
    )


def evaluate(site: SiteModel, params: Params) -> Verdict:
    return Verdict(
        status="manual",
        message="Needs an attestation: " + params.guidance,
        confidence=1.0,
    )
