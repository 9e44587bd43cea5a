"""What a document is called: its title, the link texts that led to it and its URL's words.

The classifier's `kind` is a strong hint, but sites name files by hand ("ROI-Jane-Smith.pdf",
"Board-Agenda-14-March-2023.pdf"), so the site readers also look at these labels themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from urllib.parse import unquote, urlsplit

from lepcheck.models import Document
from lepcheck.vocab.files import (
    FILE_EXTENSION,
    LINKED_FILE_EXTENSION,
    MODERNGOV_CONVERTER,
    MODERNGOV_DOCUMENT_PATH,
)


def url_path(url: str) -> str:
    return unquote(urlsplit(url).path)


def file_stem(url: str) -> str:
    """The last path segment without its extension: '/a/Agenda-2023.pdf' -> 'Agenda-2023'."""
    segments = [s for s in url_path(url).split("/") if s]
    if not segments:
        return ""
    return FILE_EXTENSION.sub("", segments[-1])


def words_of_url(url: str) -> str:
    """A URL's path as words: '/roi/jo_li.pdf' -> 'roi jo li'."""
    path = FILE_EXTENSION.sub("", url_path(url))
    return re.sub(r"\s+", " ", re.sub(r"[/_\-+.%]+", " ", path)).strip()


def file_stem_words(url: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[_\-+.%]+", " ", file_stem(url))).strip()


def labels(doc: Document) -> str:
    """Title, link texts and URL words in one string, for cue matching."""
    parts = [doc.title, *doc.link_texts, words_of_url(doc.url)]
    if doc.final_url and doc.final_url != doc.url:
        parts.append(words_of_url(doc.final_url))
    return " | ".join(p for p in parts if p)


def is_html(doc: Document) -> bool:
    return doc.format == "html"


def is_file(doc: Document) -> bool:
    return doc.format in {"pdf", "docx", "xlsx", "csv", "text"}


def is_document_link(url: str) -> bool:
    """A link to a file (PDF, Office, ModernGov's document store), not to another page."""
    path = url_path(url).lower()
    return bool(
        LINKED_FILE_EXTENSION.search(path)
        or MODERNGOV_CONVERTER in path
        or MODERNGOV_DOCUMENT_PATH.search(path)
    )


def pair_stacked(lines: Sequence[str], pairs: Callable[[str, str, str], bool]) -> list[str]:
    """Definition lists and profile boxes render "Label" and its value on two lines; join
    each pair that `pairs(line, following, after)` accepts into "Label: value"."""
    paired: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        after = lines[index + 2].strip() if index + 2 < len(lines) else ""
        if following and ":" not in line.rstrip(":") and pairs(line, following, after):
            paired.append(f"{line.rstrip(':')}: {following}")
            index += 2
            continue
        paired.append(lines[index])
        index += 1
    return paired
