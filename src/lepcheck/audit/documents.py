"""Reading a snapshot: every fetched page and document extracted and classified once, and the
fetches that failed kept as problems (the findings that needed them say unknown). A record
whose archived bytes are damaged is one such problem: the rest of the snapshot is read."""

from __future__ import annotations

from collections.abc import Sequence

from lepcheck.crawl.committees.systems import META_KEY, account_problems
from lepcheck.crawl.economy import META_KEY as ECONOMY_KEY
from lepcheck.crawl.economy import CrawlAccount
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


def read_documents(snapshot: Snapshot) -> tuple[list[Document], list[FetchProblem]]:
    """Extract and classify every successfully fetched response once (by final URL).
    robots.txt and sitemaps are the crawler's own business, not the site's content."""
    records = snapshot.content_records()
    link_texts: dict[str, list[str]] = {}
    for record in records:
        if record.link_text:
            for key in (record.url, record.final_url):
                link_texts.setdefault(key, []).append(record.link_text)
    documents: list[Document] = []
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
        texts = tuple(
            dict.fromkeys(link_texts.get(record.url, []) + link_texts.get(record.final_url, []))
        )
        try:
            body = snapshot.body(record)
        except DamagedRecordError as damaged:
            problems.append(
                FetchProblem(url=record.url, reason=str(damaged), link_text=record.link_text)
            )
            continue
        document = extract_document(record, body, link_texts=texts)
        documents.append(classify_document(document))
    # What the committee-system adapters met comes first: it says why, where a bare status
    # ("HTTP 403") would not.
    meta = snapshot.meta()
    committee = account_problems(meta.get(META_KEY))
    # Then the URLs a rule needed that the crawl left unfetched (its budget, its depth limit).
    unfetched = CrawlAccount.read(meta.get(ECONOMY_KEY)).problems()
    return documents, first_per_url([*committee, *problems, *unfetched])


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
