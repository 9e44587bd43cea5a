"""Hand-built Documents for the site readers' tests, shaped like the extract stage's output."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from lepcheck.models import BoardMember, Document, PageText, SourceRef

FETCHED = datetime(2023, 4, 3, 9, 30)


def make_doc(url: str, *, text: str | tuple[str, ...] = "", **fields: Any) -> Document:
    """A Document at `url`; `text` is one page, or a tuple of pages."""
    texts = (text,) if isinstance(text, str) else text
    pages = tuple(PageText(number=i, text=t) for i, t in enumerate(texts, start=1) if t)
    fields.setdefault("format", "pdf" if url.endswith(".pdf") else "html")
    fields.setdefault("fetched_at", FETCHED)
    return Document(
        url=url,
        final_url=url,
        sha256=hashlib.sha256(url.encode()).hexdigest(),
        pages=pages,
        **fields,
    )


def member(name: str) -> BoardMember:
    return BoardMember(name=name, source=SourceRef(url="http://lep.test/board"))
