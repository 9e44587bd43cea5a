"""Whether a page needs a browser: its server HTML is a script shell, or a governance page
whose content a script fills in (`--render auto`, issue 16).

Read from the HTML alone, with lxml (no browser is started to decide): a shell has little
visible text against much script, an empty app root (`<div id="app"></div>`) or an "enable
JavaScript" notice; a governance page (its URL or title names governance matters) is filled by
script when a container named for board members, documents or meetings is empty or says it
is loading, or a noscript notice says it shows nothing without scripts. A page with no script
at all never needs a browser. The words are data in lepcheck.vocab.access.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import lxml.etree
import lxml.html

from lepcheck.vocab.access import (
    APP_ROOT_IDS,
    DATA_LOADING_SCRIPT,
    FILLED_CONTAINER,
    LOADING_PLACEHOLDER,
    SCRIPT_NOTICE,
)
from lepcheck.vocab.web import GOVERNANCE_WORDS

# A shell shows less than this much text; a page of real content shows more.
SHELL_MAX_TEXT = 400
# ... and carries at least this many times as much script as text.
SHELL_SCRIPT_RATIO = 2
# Scripts that are data, not code (structured data, templates).
_DATA_SCRIPT_TYPES = ("application/ld+json", "application/json", "text/template", "text/x-")
_MAX_PARSE_BYTES = 3_000_000
_NOT_SHOWN = ("script", "style", "noscript", "template")


@dataclass
class _Page:
    text: str = ""
    title: str = ""
    inline_script: str = ""
    script_bytes: int = 0
    scripts: int = 0
    notices: list[str] = field(default_factory=list)
    empty_roots: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)  # containers a script fills


def _label(element: lxml.html.HtmlElement) -> str:
    if element.get("id"):
        return f"#{element.get('id')}"
    classes = (element.get("class") or "").split()
    return f"{element.tag}.{classes[0]}" if classes else element.tag


def _read(body: bytes) -> _Page | None:
    try:
        root = lxml.html.document_fromstring(body[:_MAX_PARSE_BYTES])
    except (lxml.etree.ParserError, ValueError):
        return None
    page = _Page(title=" ".join((root.findtext(".//title") or "").split()))
    for script in root.iter("script"):
        if (script.get("type") or "").lower().startswith(_DATA_SCRIPT_TYPES):
            continue
        page.scripts += 1
        code = script.text or ""
        page.inline_script += code
        page.script_bytes += len(code) + (200 if script.get("src") else 0)
    for notice in root.iter("noscript"):
        found = SCRIPT_NOTICE.search(" ".join(notice.text_content().split()))
        if found:
            page.notices.append(found.group(0))
    _read_containers(root, page)
    for element in list(root.iter(*_NOT_SHOWN)):
        if element.getparent() is not None:
            element.drop_tree()
    page.text = " ".join(root.text_content().split())
    found = SCRIPT_NOTICE.search(page.text)
    if found and len(page.text) <= SHELL_MAX_TEXT:
        page.notices.append(found.group(0))
    return page


def _read_containers(root: lxml.html.HtmlElement, page: _Page) -> None:
    for element in root.iter("div", "section", "main", "ul", "ol", "table", "tbody", "article"):
        own = " ".join(element.text_content().split())
        names = f"{element.get('id') or ''} {element.get('class') or ''}"
        has_links = next(element.iter("a"), None) is not None
        if element.get("id") and APP_ROOT_IDS.fullmatch(element.get("id") or "") and not own:
            page.empty_roots.append(_label(element))
        elif FILLED_CONTAINER.search(names) and not has_links:
            if not own:
                page.waiting.append(f"{_label(element)} is empty")
            elif LOADING_PLACEHOLDER.match(own):
                page.waiting.append(f'{_label(element)} says "{own[:60]}"')


def render_reason(url: str, body: bytes) -> str | None:
    """Why the HTML page `body` (at `url`) needs rendering, or None when it does not."""
    page = _read(body)
    if page is None or page.scripts == 0:
        return None
    if len(page.text) <= SHELL_MAX_TEXT:
        shell = f"a script shell: {len(page.text)} characters of text"
        if page.empty_roots:
            return f"{shell} and an empty app root {page.empty_roots[0]}"
        if page.notices:
            return f'{shell} and the notice "{page.notices[0]}"'
        if page.script_bytes >= SHELL_SCRIPT_RATIO * max(len(page.text), 1):
            return f"{shell} against {page.script_bytes:,} of script"
    governance = GOVERNANCE_WORDS.search(f"{url} {page.title}") is not None
    loads = DATA_LOADING_SCRIPT.search(page.inline_script) is not None or page.scripts > 0
    if governance and loads and page.waiting:
        return f"a governance page filled by script: {page.waiting[0]}"
    if governance and page.notices:
        return f'a governance page filled by script: it says "{page.notices[0]}" without it'
    return None
