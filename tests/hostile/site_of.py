"""The site model of a few documents, where what could not be read fully is listed."""

from __future__ import annotations

from datetime import date

from lepcheck.models import Document, SiteModel
from lepcheck.site.build import build_site_model


def site_of(*documents: Document) -> SiteModel:
    return build_site_model(
        documents,
        target_id="lep",
        target_name="Anytown LEP",
        target_url="https://lep.example/",
        as_of=date(2024, 3, 1),
    )
