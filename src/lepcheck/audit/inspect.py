"""`lepcheck inspect`: what lepcheck makes of one document, and why.

A file is read from disk; a URL is fetched once through the crawler (so the SSRF guard and
size caps apply) into a throwaway snapshot.
"""

from __future__ import annotations

import hashlib
import mimetypes
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from lepcheck.crawl.crawler import crawl
from lepcheck.crawl.options import CrawlOptions
from lepcheck.extract.classify import classify_document
from lepcheck.extract.committees.explain import explain_record
from lepcheck.extract.dates import find_dates
from lepcheck.extract.document import extract_document
from lepcheck.models import Document, FetchRecord
from lepcheck.site import read_declarations, read_people
from lepcheck.site.registers import read_registers
from lepcheck.snapshot import Snapshot

MAX_FILE_BYTES = 60_000_000
EXTRA_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".csv": "text/csv",
    ".txt": "text/plain",
}


def record_for_file(path: Path, body: bytes) -> FetchRecord:
    now = datetime.now(UTC)
    content_type = EXTRA_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or ""
    return FetchRecord(
        url=path.resolve().as_uri(),
        final_url=path.resolve().as_uri(),
        status=200,
        content_type=content_type,
        length=len(body),
        sha256=hashlib.sha256(body).hexdigest(),
        fetched_at=now,
        first_seen=now,
        last_modified=datetime.fromtimestamp(path.stat().st_mtime, UTC),
    )


def read_source(source: str, allow_private_network: bool) -> Document:
    parts = urlsplit(source)
    if parts.scheme in ("http", "https"):
        with tempfile.TemporaryDirectory(prefix="lepcheck-inspect-") as tmp:
            options = CrawlOptions(
                start_url=source,
                max_pages=1,
                max_depth=0,
                delay=0.0,
                allow_private_network=allow_private_network,
            )
            crawl(options, Path(tmp) / "snapshot", target_id="inspect")
            snapshot = Snapshot.open(Path(tmp) / "snapshot")
            # The snapshot also holds robots.txt and sitemaps: take the document itself.
            record = snapshot.content_records()[0]
            return classify_document(extract_document(record, snapshot.body(record)))
    path = Path(source)
    if not path.is_file():
        raise FileNotFoundError(source)
    with path.open("rb") as handle:
        body = handle.read(MAX_FILE_BYTES + 1)
    record = record_for_file(path, body[:MAX_FILE_BYTES])
    return classify_document(
        extract_document(record, body[:MAX_FILE_BYTES], link_texts=(path.stem,))
    )


def inspect_source(source: str, *, allow_private_network: bool = False) -> dict[str, Any]:
    doc = read_source(source, allow_private_network)
    dates = find_dates(doc.text)[:40]
    first_date = dates[0][0] if dates else None
    declarations = read_declarations(doc, first_date) if doc.kind == "minutes" else []
    registers = read_registers([doc], []) if doc.kind == "register_of_interests" else []
    return {
        "source": source,
        "kind": doc.kind,
        "confidence": round(doc.kind_confidence, 2),
        "reasons": list(doc.kind_reasons),
        "title": doc.title,
        "format": doc.format,
        "readable": doc.readable,
        "unreadable_reason": doc.unreadable_reason,
        "pages": len(doc.pages),
        "sha256": doc.sha256,
        "created": doc.created,
        "modified": doc.modified,
        "last_modified": doc.last_modified,
        "dates": [{"date": d.isoformat(), "quote": q} for d, q in dates],
        "printed_dates": [p.model_dump() for p in doc.printed_dates],
        "people": read_people(doc),
        "declarations": [d.model_dump(exclude={"source"}) for d in declarations],
        "register": [r.model_dump(exclude={"source"}) for r in registers],
        "headings": list(doc.headings[:60]),
        "tables": [{"header": list(t.header), "rows": len(t.rows)} for t in doc.tables],
        "links": len(doc.links),
        "committee_system": explain_record(doc.committee) if doc.committee else [],
    }
