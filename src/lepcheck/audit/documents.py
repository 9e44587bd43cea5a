"""Reading a snapshot: every fetched page and document extracted and classified once, and the
fetches that failed kept as problems (the findings that needed them say unknown). A record
whose archived bytes are damaged is one such problem: the rest of the snapshot is read.

A page the crawl rendered is read as the browser drew it (its conversion record, crawl/render);
a page that is a wall (a bot challenge, a login or cookie wall: crawl/access.py) is no
document but a problem, "access blocked by a challenge at URL", for the findings that needed
it. Both are decided from the snapshot alone, so `lepcheck check` gives the same verdict."""

from __future__ import annotations

import json
from collections.abc import Sequence

from lepcheck.crawl.access import wall_of
from lepcheck.crawl.committees.systems import META_KEY, account_problems
from lepcheck.crawl.economy import META_KEY as ECONOMY_KEY
from lepcheck.crawl.economy import CrawlAccount
from lepcheck.crawl.render.account import META_KEY as RENDER_META_KEY
from lepcheck.crawl.render.account import render_problems
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


def _wall(snapshot: Snapshot, record: FetchRecord) -> tuple[FetchProblem | None, bytes]:
    """A wall's problem for an HTML page or refusal (or None), and the body read to tell."""
    if record.status < 400 and not record.content_type.lower().startswith("text/html"):
        return None, b""
    headers, body = snapshot.response(record)
    wall = wall_of(record.final_url, record.status, headers, body, requested=record.url)
    if wall is None:
        return None, body
    return FetchProblem(
        url=record.url, reason=wall.reason(record.final_url), link_text=record.link_text
    ), body


def _damaged(record: FetchRecord, damaged: DamagedRecordError) -> FetchProblem:
    return FetchProblem(url=record.url, reason=str(damaged), link_text=record.link_text)


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
    drawn = {r.url: r for r in snapshot.rendered_records()}
    recorded: dict[str, set[str]] = {}
    for record in records:
        if record.link_text:
            for key in (record.url, record.final_url):
                recorded.setdefault(dedup_key(key), set()).add(record.link_text)
    captures = snapshot.captures()
    extracted: list[Document] = []
    problems: list[FetchProblem] = archive_problems(snapshot)
    seen: set[str] = set()
    for record in records:
        try:
            wall, body = (None, b"") if record.error else _wall(snapshot, record)
        except DamagedRecordError as damaged:
            problems.append(_damaged(record, damaged))
            continue
        problem = wall or problem_of(record)
        if problem is not None:
            problems.append(problem)
            continue
        if not (200 <= record.status < 300) or record.final_url in seen:
            continue
        seen.add(record.final_url)
        shown = drawn.get(record.url)
        try:
            if shown is not None:
                record, body = shown, snapshot.body(shown)
            body = body or snapshot.body(record)
        except DamagedRecordError as damaged:
            problems.append(_damaged(record, damaged))
            continue
        unlabelled = record.model_copy(update={"link_text": None})
        # Read from a web archive, and the first capture of the same bytes (issue 15).
        archived = {
            "capture": captures.get((record.url, "source")),
            "first_capture": captures.get((record.url, "first")),
        }
        extracted.append(extract_document(unlabelled, body).model_copy(update=archived))
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
    meta = snapshot.meta()
    committee = account_problems(meta.get(META_KEY))
    # Then the URLs a rule needed that the crawl left unfetched (its budget, its depth limit).
    unfetched = CrawlAccount.read(meta.get(ECONOMY_KEY)).problems()
    rendering = render_problems(meta.get(RENDER_META_KEY))
    return documents, first_per_url([*committee, *problems, *rendering, *unfetched])


def first_per_url(problems: Sequence[FetchProblem]) -> list[FetchProblem]:
    first: dict[str, FetchProblem] = {}
    for problem in problems:
        first.setdefault(problem.url, problem)
    return list(first.values())


def archive_problems(snapshot: Snapshot) -> list[FetchProblem]:
    """What the web archive could not give (an index unread, malformed index lines), as the
    crawl noted it in the snapshot (crawl/archive/session.py)."""
    try:
        noted = json.loads(snapshot.meta().get("archive_problems", "[]"))
    except ValueError:
        return []
    return [
        FetchProblem(url=str(item.get("url", "")), reason=str(item.get("reason", "")))
        for item in noted
        if isinstance(item, dict)
    ]


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
