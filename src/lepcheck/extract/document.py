"""One fetched response to one Document: the entry point of the extract stage."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from lepcheck.committee_records import CommitteeRecord
from lepcheck.crawl.committees.moderngov.urls import service_method
from lepcheck.extract.committees.records import (
    CommitteeAnswerError,
    committee_record,
    is_service_answer,
)
from lepcheck.extract.formats import UnsupportedFormatError, detect_format
from lepcheck.extract.html import read_html
from lepcheck.extract.office import read_csv, read_docx, read_text, read_xlsx
from lepcheck.extract.parts import Extracted, soft_error, unreadable
from lepcheck.extract.pdf import read_pdf
from lepcheck.extract.periods import read_approval, read_period
from lepcheck.extract.printed import printed_dates
from lepcheck.extract.soft_errors import error_page, unpromised_bytes
from lepcheck.models import Document, DocumentFormat, FetchRecord

_MAX_REASON = 300
_READERS: dict[DocumentFormat, Callable[[bytes, str, str], Extracted]] = {
    "html": lambda body, url, content_type: read_html(
        body, base_url=url, content_type=content_type
    ),
    "pdf": lambda body, url, _: read_pdf(body, base_url=url),
    "docx": lambda body, _, __: read_docx(body),
    "xlsx": lambda body, _, __: read_xlsx(body),
    "csv": lambda body, _, __: read_csv(body),
    "text": lambda body, _, __: read_text(body),
}


def file_title(url: str) -> str:
    """ "Funded-Projects_2023.csv" -> "Funded Projects 2023": a name for files without a title."""
    name = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    stem = name.rsplit(".", 1)[0] if "." in name else name
    words = " ".join(re.split(r"[-_+\s]+", stem)).strip()
    return words if any(c.isalpha() for c in words) else ""


def _fetch_problem(record: FetchRecord, body: bytes) -> str | None:
    if record.error:
        return record.error
    # 304 comes from a conditional re-crawl; the crawler hands over the stored body.
    if not (200 <= record.status < 300 or (record.status == 304 and body)):
        return f"HTTP status {record.status}"
    return None


def _read(record: FetchRecord, body: bytes) -> Extracted:
    if not body:
        return soft_error(
            "other", f"not the document: the server answered {record.status} with an empty body"
        )
    unpromised = unpromised_bytes(record.final_url, record.content_type, body)
    try:
        fmt = detect_format(body, record.content_type, record.final_url)
    except UnsupportedFormatError as error:
        return soft_error("other", unpromised) if unpromised else unreadable("other", str(error))
    if record.truncated and fmt != "html":
        # A cut-off PDF or zip may half-open and give half a document: evidence must be whole.
        return unreadable(fmt, f"file cut off at the crawl size limit ({len(body):,} bytes)")
    try:
        extracted = _READERS[fmt](body, record.final_url, record.content_type)
    except Exception as error:  # any parser failure on hostile input is an unreadable doc
        return unreadable(fmt, f"could not read {fmt}: {type(error).__name__}: {error}")
    if unpromised:
        # Read only to say what came instead ("a web page titled 'Page not found'").
        reason = unpromised_bytes(
            record.final_url, record.content_type, body, title=extracted.title
        )
        return soft_error(fmt, reason or unpromised, extracted.title)
    problem = error_page(extracted)
    if problem:
        return soft_error(fmt, f"{problem}, with HTTP {record.status}", extracted.title)
    return extracted


def _committee(record: FetchRecord, body: bytes) -> tuple[CommitteeRecord | None, str | None]:
    """What a committee system declares in this response, or why its answer is unusable."""
    try:
        return committee_record(record, body), None
    except CommitteeAnswerError as error:
        return None, str(error)
    except Exception as error:  # a page that breaks the reader is still read as a page
        return None, None if not is_service_answer(record) else f"could not read: {error}"


def _title(extracted: Extracted, url: str) -> str:
    """The document's own title; a file without one is named after the file."""
    if extracted.title or extracted.format in ("html", "other"):
        return extracted.title
    return file_title(url)


def extract_document(
    record: FetchRecord, body: bytes, *, link_texts: tuple[str, ...] = ()
) -> Document:
    """Read one fetched response. Never raises: failures give readable=False with a reason."""
    problem = _fetch_problem(record, body)
    committee, committee_problem = (None, None) if problem else _committee(record, body)
    try:
        if problem or not is_service_answer(record):
            extracted = unreadable("other", problem) if problem else _read(record, body)
        else:  # a web-service answer: data for the site model, no text of its own
            method = service_method(record.final_url)
            title = f"ModernGov web service: {method}"
            extracted = Extracted(format="other", title=title, unreadable_reason=committee_problem)
        title = _title(extracted, record.final_url)
        dates = printed_dates(extracted.pages, extracted.marked_dates)
        period = read_period(title, extracted.pages)
        approval = read_approval(title, extracted.pages)
    except Exception as error:  # belt and braces: audit.py must never see an exception here
        extracted = unreadable("other", f"could not read: {type(error).__name__}: {error}")
        title, dates, period, approval = "", (), None, None
    if record.link_text and record.link_text not in link_texts:
        link_texts = (record.link_text, *link_texts)
    reason = extracted.unreadable_reason
    return Document(
        url=record.url,
        final_url=record.final_url,
        fetched_at=record.fetched_at,
        sha256=record.sha256 or hashlib.sha256(body).hexdigest(),
        content_type=record.content_type,
        format=extracted.format,
        title=title,
        link_texts=link_texts,
        via=record.via,
        depth=record.depth,
        pages=extracted.pages,
        headings=extracted.headings,
        sections=extracted.sections,
        links=extracted.links,
        tables=extracted.tables,
        created=extracted.created,
        modified=extracted.modified,
        last_modified=record.last_modified,
        first_seen=record.first_seen,
        printed_dates=dates,
        period=period,
        approval=approval,
        readable=reason is None,
        unreadable_reason=reason[:_MAX_REASON] if reason else None,
        soft_error=extracted.soft_error,
        committee=committee,
        truncated_reason=(
            extracted.truncated_reason[:_MAX_REASON] if extracted.truncated_reason else None
        ),
        ocr=extracted.ocr,
    )
