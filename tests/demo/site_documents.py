"""What the demo and fixture tests share: reading a generated document as text, crawling a site.

Imported by the test modules beside it (pytest puts this folder on sys.path).
"""

from __future__ import annotations

import http.client
import io
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import docx
import openpyxl
import pypdfium2
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "sites"


def document_text(path: Path) -> str:
    """The text a real parser reads from a generated file (PDF, DOCX, XLSX or text)."""
    if path.suffix == ".pdf":
        document = pypdfium2.PdfDocument(path)
        try:
            return "\n".join(page.get_textpage().get_text_range() for page in document)
        finally:
            document.close()
    if path.suffix == ".docx":
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(io.BytesIO(path.read_bytes()), read_only=True)
        return repr([list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets])
    return path.read_text(encoding="utf-8")


def fetch(
    base: str, target: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    """Send the request target exactly as given (no client-side normalising of .. or %2e)."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        connection.request("GET", target, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


def crawl(start: str, limit: int = 300) -> dict[str, int]:
    """Follow every link from `start` on the servers whose base URLs share its scheme and host
    (any port on 127.0.0.1); return {url: status}. Bounded by `limit` requests."""
    host = urlsplit(start).hostname
    statuses: dict[str, int] = {}
    queue = [start]
    while queue and len(statuses) < limit:
        url = queue.pop(0)
        if url in statuses:
            continue
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        status, headers, body = fetch(f"{parts.scheme}://{parts.netloc}/", target)
        statuses[url] = status
        if status != 200 or not headers.get("content-type", "").startswith("text/html"):
            continue
        for anchor in BeautifulSoup(body, "lxml").find_all("a", href=True):
            found = urlsplit(urljoin(url, str(anchor["href"])))
            if found.scheme == "http" and found.hostname == host:
                queue.append(found._replace(fragment="").geturl())
    return statuses
