"""Links and their text from an HTML page, read with lxml.html (bs4 belongs to extract)."""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

import lxml.etree
import lxml.html

from lepcheck.crawl.kinds import is_document_url
from lepcheck.crawl.urls import normalise_url

# Elements that point at something a reader can open; (tag, attribute).
_LINK_ATTRIBUTES = (
    ("a", "href"),
    ("area", "href"),
    ("iframe", "src"),
    ("frame", "src"),
    ("embed", "src"),
    ("object", "data"),
)
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_CHARSET = re.compile(r"charset\s*=\s*([^;]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
# Browsers read these labels as windows-1252 (WHATWG Encoding): pages declaring them use
# its curly quotes and dashes in 0x80-0x9F, which Latin-1 would turn into control codes.
_AS_CP1252 = frozenset({"latin_1", "iso8859-1", "ascii", "cp1252"})
# Query parameters of embedded viewers (PDF.js "?file=", Google Docs "?url=") that carry
# the document itself, and the <param> names of <object> players.
_VIEWER_PARAMS = frozenset({"file", "url", "src", "doc", "document", "pdf", "filename", "path"})
_EMBED_TAGS = frozenset({"iframe", "frame", "embed", "object", "a"})
# Old sites open papers in pop-ups: href="javascript:window.open('/docs/x.pdf')" or onclick.
_SCRIPT_TARGET = re.compile(
    r"(?:window\.open|open\w*window|popup\w*|location(?:\.href)?\s*=)\s*\(?\s*['\"]([^'\"]+)['\"]",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"['\"]([^'\"\s]+)['\"]")
# Download buttons of modern CMSs keep the file in a data attribute.
_DATA_ATTRIBUTES = ("data-href", "data-url", "data-src", "data-file", "data-download")


@dataclass(frozen=True)
class FoundLink:
    url: str
    text: str


def _text_of(element: lxml.html.HtmlElement) -> str:
    text = _SPACES.sub(" ", element.text_content()).strip()
    if text:
        return text
    # An image link or an icon: its alt, title or aria-label is what a reader sees.
    for attribute in ("aria-label", "title"):
        value = element.get(attribute)
        if value and value.strip():
            return _SPACES.sub(" ", value).strip()
    for image in element.iter("img"):
        alt = image.get("alt")
        if alt and alt.strip():
            return _SPACES.sub(" ", alt).strip()
    return ""


def _declared(name: str, body: bytes) -> str | None:
    try:
        encoding = codecs.lookup(name.strip("'\" ").lower()).name
    except LookupError:
        return None
    if encoding in _AS_CP1252:
        return "cp1252"
    if encoding == "utf-8":
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            # "utf-8" in a template, windows-1252 in the text pasted into it.
            return "cp1252"
    return encoding


def _encoding(body: bytes, content_type: str) -> str | None:
    """The page's encoding, or None to let lxml read a <meta charset> itself.

    Without either, libxml2 assumes Latin-1, which garbles the link text of UTF-8 pages.
    """
    match = _CHARSET.search(content_type)
    if match:
        encoding = _declared(match.group(1), body)
        if encoding:
            return encoding
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        return _declared(meta.group(1).decode("ascii", "replace"), body)
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def _script_and_data_targets(element: lxml.html.HtmlElement, base: str) -> list[str]:
    """Pages and documents a script link opens, and documents in download data attributes."""
    targets: list[str] = []
    scripts = [element.get("onclick") or ""]
    href = element.get("href") or ""
    if href.strip().lower().startswith("javascript:"):
        scripts.append(href)
    for script in scripts:
        if not script:
            continue
        for raw in _SCRIPT_TARGET.findall(script):
            url = normalise_url(raw, base)
            if url:
                targets.append(url)
        for raw in _QUOTED.findall(script):
            url = normalise_url(raw, base)
            if url and is_document_url(url):
                targets.append(url)
    for attribute in _DATA_ATTRIBUTES:
        raw = element.get(attribute)
        url = normalise_url(raw, base) if raw else None
        if url and is_document_url(url):
            targets.append(url)
    return targets


def _carried_documents(url: str) -> list[str]:
    """Documents named in a viewer's query: "/pdfjs/web/viewer.html?file=/docs/x.pdf"."""
    inner: list[str] = []
    for name, value in parse_qsl(urlsplit(url).query):
        if name.lower() in _VIEWER_PARAMS and value:
            document = normalise_url(value, url)
            if document and is_document_url(document):
                inner.append(document)
    return inner


_SCRIPT_REDIRECT = re.compile(
    r"location(?:\.href)?\s*=\s*['\"]([^'\"]+)['\"]|location\.(?:replace|assign)\(\s*['\"]([^'\"]+)['\"]",
    re.IGNORECASE,
)
# A page with less text than this that sends the browser on is a redirect, not content.
_STUB_TEXT = 200


def _parse(body: bytes, content_type: str) -> lxml.html.HtmlElement | None:
    if not body.strip():
        return None
    encoding = _encoding(body, content_type)
    parser = lxml.html.HTMLParser(encoding=encoding) if encoding else None
    try:
        return lxml.html.document_fromstring(body, parser=parser)
    except (lxml.etree.ParserError, ValueError, LookupError):
        return None


def _base_of(root: lxml.html.HtmlElement, page_url: str) -> str:
    for element in root.iter("base"):
        href = element.get("href")
        if href:
            return normalise_url(href, page_url) or page_url
    return page_url


def redirect_target(body: bytes, page_url: str, content_type: str = "") -> str | None:
    """Where a page sends its reader on without a click: a <meta http-equiv="refresh">, or a
    script setting location on a page with next to no text of its own. None otherwise."""
    root = _parse(body, content_type)
    if root is None:
        return None
    base = _base_of(root, page_url)
    for meta in root.iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "refresh":
            match = _REFRESH_URL.search(meta.get("content") or "")
            url = normalise_url(match.group(1), base) if match else None
            if url and url != page_url:
                return url
    bodies = list(root.iter("body"))
    text = _SPACES.sub(" ", bodies[0].text_content() if bodies else "").strip()
    scripts = " ".join(s.text or "" for s in root.iter("script") if not s.get("src"))
    if len(text) - len(_SPACES.sub(" ", scripts).strip()) > _STUB_TEXT:
        return None
    for match in _SCRIPT_REDIRECT.finditer(scripts):
        url = normalise_url(match.group(1) or match.group(2), base)
        if url and url != page_url:
            return url
    return None


def extract_links(body: bytes, page_url: str, content_type: str = "") -> list[FoundLink]:
    """Normalised http(s) links of a page, in document order, first text kept per URL."""
    root = _parse(body, content_type)
    if root is None:
        return []
    base = _base_of(root, page_url)
    found: dict[str, str] = {}
    for tag, attribute in _LINK_ATTRIBUTES:
        for element in root.iter(tag):
            raw = element.get(attribute)
            url = normalise_url(raw, base) if raw else None
            if url and url != page_url:
                text = _text_of(element) if tag in ("a", "area") else ""
                if not found.get(url):
                    found[url] = text
                for document in _carried_documents(url) if tag in _EMBED_TAGS else []:
                    found.setdefault(document, text)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for url in _script_and_data_targets(element, base):
            text = _text_of(element) if element.tag in ("a", "area", "button") else ""
            if not found.get(url):
                found[url] = text
    for param in root.iter("param"):
        if (param.get("name") or "").lower() in _VIEWER_PARAMS | {"movie", "data"}:
            raw = param.get("value")
            url = normalise_url(raw, base) if raw else None
            if url and is_document_url(url):
                found.setdefault(url, "")
    for meta in root.iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "refresh":
            match = _REFRESH_URL.search(meta.get("content") or "")
            url = normalise_url(match.group(1), base) if match else None
            if url and url not in found:
                found[url] = ""
    target = redirect_target(body, page_url, content_type)
    if target and target not in found:
        found[target] = ""
    return [FoundLink(url=url, text=text) for url, text in found.items()]


_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)


def page_title(body: bytes, content_type: str = "") -> str:
    """A page's <title>, read from its head alone (the crawl judges a page's kind by it)."""
    match = _TITLE.search(body[:16384])
    if match is None:
        return ""
    encoding = _encoding(body, content_type) or "utf-8"
    try:
        text = match.group(1).decode(encoding, "replace")
    except LookupError:
        text = match.group(1).decode("utf-8", "replace")
    return _SPACES.sub(" ", html.unescape(text)).strip()[:300]
