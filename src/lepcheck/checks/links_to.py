"""links_to: the LEP's pages link to something, e.g. board papers or registers held on the
accountable body's committee site (catalogue WEB-02) or scrutiny committee pages (SCRUT-02)."""

from __future__ import annotations

from urllib.parse import urlsplit

from pydantic import ConfigDict, Field

from lepcheck.checks.common.cited import CitesVocabulary, RuleVocabulary, vocabulary_field
from lepcheck.checks.common.text_search import matches_any
from lepcheck.models import Document, DocumentKind, Evidence, SiteModel, Verdict

KIND = "links_to"


class Params(CitesVocabulary):
    model_config = ConfigDict(frozen=True, extra="forbid")

    description: str = Field(description="what the link leads to, for messages")
    url_patterns: tuple[str, ...] = Field(default=(), description="a link's URL matching one")
    url_vocabulary: RuleVocabulary | None = vocabulary_field()
    text_patterns: tuple[str, ...] = Field(default=(), description="a link's text matching one")
    require_both: bool = Field(default=False, description="URL and link text must both match")
    absent_status: str = Field(default="fail", description="status when no such link exists")
    not_needed_if_own: tuple[DocumentKind, ...] = Field(
        default=(),
        description="with no such link, not applicable when the LEP's own site publishes "
        "documents of these kinds itself (the link is only needed for papers held elsewhere)",
    )


def own_host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def own_documents(site: SiteModel, kinds: tuple[DocumentKind, ...]) -> list[Document]:
    home = own_host(site.target_url)
    return [d for d in site.documents if d.kind in kinds and own_host(d.url) == home]


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
    own = own_documents(site, params.not_needed_if_own) if params.not_needed_if_own else []
    if own:
        return Verdict(
            status="not_applicable",
            message=f"No link to {params.description}, and none is needed: the LEP's own site "
            f"publishes them ({len(own)} such documents, e.g. {own[0].url}).",
            searched=site.searched,
        )
    status = "not_applicable" if params.absent_status == "not_applicable" else "fail"
    return Verdict(
        status=status,
        message=f"No link to {params.description} found on {len(site.documents)} pages fetched.",
        searched=site.searched,
        missing=(params.description,),
    )
