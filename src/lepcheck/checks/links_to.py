"""links_to: the LEP's pages link to something, e.g. board papers or registers held on the
accountable body's committee site (catalogue WEB-02) or scrutiny committee pages (SCRUT-02)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from lepcheck.checks.text_search import matches_any
from lepcheck.models import Evidence, SiteModel, Verdict


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    description: str
    url_patterns: tuple[str, ...] = ()
    text_patterns: tuple[str, ...] = ()
    require_both: bool = Field(default=False, description="URL and link text must both match")
    absent_status: str = Field(default="fail", description="status when no such link exists")


def evaluate(site: SiteModel, params: Params) -> Verdict:
    evidence: list[Evidence] = []
    for doc in site.documents:
        for link in doc.links:
            by_url = bool(params.url_patterns) and matches_any(link.url, params.url_patterns)
            by_text = bool(params.text_patterns) and matches_any(link.text, params.text_patterns)
            hit = (by_url and by_text) if params.require_both else (by_url or by_text)
            if hit:
                evidence.append(
                    Evidence(
                        url=doc.url,
                        fetched_at=doc.fetched_at,
                        sha256=doc.sha256,
                        locator="link",
                        quote=f"'{' '.join(link.text.split())[:120]}' -> {link.url}",
                    )
                )
                break
        if len(evidence) >= 5:
            break
    if evidence:
        return Verdict(
            status="pass",
            message=f"Found links to {params.description}.",
            evidence=tuple(evidence),
            searched=site.searched,
        )
    status = "not_applicable" if params.absent_status == "not_applicable" else "fail"
    return Verdict(
        status=status,
        message=f"No link to {params.description} found on {len(site.documents)} pages fetched.",
        searched=site.searched,
        missing=(params.description,),
    )
