"""attestation: a requirement no website can show (catalogue rows marked attest). The finding
is `manual` until an attestation file answers it (the statement stage applies answers)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from lepcheck.models import SiteModel, Verdict

KIND = "attestation"


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    guidance: str
    evidence_examples: tuple[str, ...] = ()


def evaluate(site: SiteModel, params: Params) -> Verdict:
    return Verdict(
        status="manual",
        message="Needs an attestation: " + params.guidance,
        confidence=1.0,
    )
