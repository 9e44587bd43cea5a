"""Reading a snapshot: every fetched page and document extracted and classified once, and the
fetches that failed kept as problems (the findings that needed them say unknown). A record
whose archived bytes are damaged is one such problem: the rest of the snapshot is read."""

from __future__ import annotations

from collections.abc import Sequence

from lepcheck.crawl.committees.systems import META_KEY, account_problems
from lepcheck.crawl.urls import dedup_key, normalise_url
from lepcheck.errors import NoLepContentError
from lepcheck.extract.classify import classify_document
from lepcheck.extract.document import extract_document
from lepcheck.models import Document, FetchProblem, FetchRecord, SiteModel
from lepcheck.snapshot import DamagedRecordError, Snapshot


def problem_of(record: FetchRecord) -> FetchProblem | None:
    if record.error:
        return FetchProblem(url=record.url, reason=record.error, link_text=record.link_text)
    if record.status >= 400:
        return FetchProblem(
            url=record.url, reason=f"HTTP {record.status}", link_text=record.link_text
        )
    return None


def anchor_texts(pages: Sequence[Document]) -> dict[str, tuple[str, ...]]:
    """The words every crawled page links each URL with, pages in URL order and links in page
    order, each text once: what a reader saw pointing at a document, whichever page the
    crawler's concurrent workers happened to reach it from first."""
    texts: dict[str, dict[str, None]] = {}
    for page in sorted(pages, key=lambda d: (d.final_url, d.url)):
        own = {dedup_key(page.url), dedup_key(page.final_url)}
        for link in page.links:
            url = normalise_url(link.url)
            key = dedup_key(url) if url else None
            if key and link.text and key not in own:
                texts.setdefault(key, {})[link.text] = None
    return {key: tuple(found) for key, found in texts.items()}


def read_documents(snapshot: Snapshot) -> tuple[list[Document], list[FetchProblem]]:
    """Extract and classify every successfully fetched response once (by final URL).
    robots.txt and sitemaps are the crawler's own business, not the site's content.

    A document's link texts are the anchors of every crawled page that links to it
    (`anchor_texts`); the one link text a fetch record carries depends on which page the
    crawler reached it from first, so it is used only when no crawled page's anchor names the
    document (a committee system's listing, a sitemap entry)."""
    records = snapshot.content_records()
    recorded: dict[str, set[str]] = {}
    for record in records:
        if record.link_text:
            for key in (record.url, record.final_url):
                recorded.setdefault(dedup_key(key), set()).add(record.link_text)
    extracted: list[Document] = []
    problems: list[FetchProblem] = []
    seen: set[str] = set()
    for record in records:
        problem = problem_of(record)
        if problem is not None:
            problems.append(problem)
            continue
        if not (200 <= record.status < 300) or record.final_url in seen:
            continue
        seen.add(record.final_url)
        try:
            body = snapshot.body(record)
        except DamagedRecordError as damaged:
            problems.append(
                FetchProblem(url=record.url, reason=str(damaged), link_text=record.link_text)
            )
            continue
        unlabelled = record.model_copy(update={"link_text": None})
        extracted.append(extract_document(unlabelled, body))
    anchors = anchor_texts(extracted)
    documents: list[Document] = []
    for document in extracted:
        keys = dict.fromkeys((dedup_key(document.url), dedup_key(document.final_url)))
        texts = tuple(dict.fromkeys(t for key in keys for t in anchors.get(key, ())))
        if not texts:
            texts = tuple(sorted({t for key in keys for t in recorded.get(key, ())}))
        documents.append(classify_document(document.model_copy(update={"link_texts": texts})))
    # What the committee-system adapters met comes first: it says why, where a bare status
    # ("HTTP 403") would not.
    committee = account_problems(snapshot.meta().get(META_KEY))
    return documents, first_per_url([*committee, *problems])


def first_per_url(problems: Sequence[FetchProblem]) -> list[FetchProblem]:
    first: dict[str, FetchProblem] = {}
    for problem in problems:
        first.setdefault(problem.url, problem)
    return list(first.values())


def require_lep_content(
    documents: Sequence[Document], site: SiteModel, *, finished: bool = True
) -> None:
    governance = [d for d in documents if d.kind != "other" and d.kind_confidence >= 0.5]
    if not governance and not site.board:
        advice = (
            "check the URL"
            if finished
            else "the crawl did not finish: resume it with `lepcheck crawl --resume`"
        )
        raise NoLepContentError(
            f"{site.target_url} was crawled ({len(documents)} page(s) read) but holds no LEP "
            f"governance content (no board, policies, registers, agendas or minutes); {advice}"
        )
