"""Class 1 of issue 11: soft errors are not documents.

A loopback LEP site links its assurance framework, conflicts of interest, complaints and
whistleblowing policies and every member's register of interests, and each link answers 200 with
something that is not the document: an error page in the site's template, a "Page not found"
page served as application/pdf, an empty body, a ".docx" that is not a zip, an image at a ".pdf"
link. Before the fix ASSUR-01, COI-01, POL-01, POL-02 and ROI-01 all passed, quoting the error
pages. The same site also serves real documents awkwardly (a PDF as application/octet-stream, a
PDF as image/png, a PDF from a download handler with only a Content-Disposition name, a page that
mentions errors in passing): those must still be documents.
"""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from click.testing import CliRunner

from lepcheck.cli import main
from lepcheck.extract.document import extract_document
from lepcheck.models import Document
from lepcheck.snapshot import Snapshot
from tests.crawl.crawl_site_server import Reply, Site, serve
from tests.extract.extract_samples import pdf_bytes, record

LEP = "Wyvern Vale LEP"
MEMBERS = ("Jane Marsh", "Omar Haddad", "Cllr Peter Lowe")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
NEEDED = ("ASSUR-01", "COI-01", "POL-01", "POL-02", "ROI-01")


def page(title: str, main: str) -> str:
    """A page in the site's template (header, navigation and footer around <main>)."""
    return (
        f"<!DOCTYPE html><html><head><title>{title} | {LEP}</title></head><body>"
        f"<header><a href='/'>{LEP}</a><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/governance/'>Governance</a></li><li><a href='/about/board/'>Board</a>"
        f"</li></ul></nav></header><main>{main}</main>"
        "<footer><p>Wyvern Vale Local Enterprise Partnership, 1 High Street.</p></footer>"
        "</body></html>"
    )


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


SOMETHING_WRONG = page(
    "Something went wrong",
    "<h1>Sorry, something went wrong</h1><p>We are having trouble loading this page. "
    "Please try again later.</p>",
)
NOT_FOUND = page(
    "Page not found",
    "<h1>Sorry, we couldn't find that page</h1><p>The page you are looking for may have moved. "
    "Try the search box or go back to the home page.</p>",
)
SERVER_ERROR = page("Error 500", "<h1>Error 500 - Internal Server Error</h1>")


def slug(name: str) -> str:
    return name.lower().replace(" ", "-")


@dataclass
class Audited:
    site: Site
    report: dict[str, Any]
    snapshot: Snapshot
    exit_code: int

    def finding(self, rule_id: str) -> dict[str, Any]:
        return next(f for f in self.report["findings"] if f["rule_id"] == rule_id)

    def document(self, path: str) -> Document:
        wanted = self.site.base + path
        found = next(r for r in self.snapshot.content_records() if r.url == wanted)
        return extract_document(found, self.snapshot.body(found))


def build_site(site: Site) -> None:
    site.page("/", page("Home", "<h1>Wyvern Vale LEP</h1><p>The LEP for Wyvern Vale.</p>"))
    cards = "".join(
        f"<div class='board-member'><h3>{m}</h3><p>Board member</p><p>Director, Vale Ltd</p></div>"
        for m in MEMBERS
    )
    site.page("/about/board/", page("Our Board", f"<h1>Our Board</h1>{cards}"))
    registers = "".join(
        f"<li><a href='/documents/registers/register-of-interests-{slug(m)}.pdf'>{m} – "
        "register of interests (PDF)</a></li>"
        for m in MEMBERS
    )
    site.page(
        "/governance/registers-of-interest/",
        page("Registers of interest", f"<h1>Registers of interest</h1><ul>{registers}</ul>"),
    )
    links = {
        "/documents/governance/local-assurance-framework.pdf": "Local Assurance Framework (PDF)",
        "/documents/policies/conflicts-of-interest-policy.pdf": "Conflicts of Interest Policy",
        "/documents/policies/complaints-policy.pdf": "Complaints Policy (PDF)",
        "/documents/policies/whistleblowing-policy.docx": "Whistleblowing Policy (Word)",
        "/governance/registers-of-interest/": "Registers of interest",
        "/documents/policies/board-expenses-policy.pdf": "Board Expenses Policy (PDF)",
        "/documents/policies/code-of-conduct.pdf": "Code of Conduct (PDF)",
        "/download.ashx?id=7": "Gifts and Hospitality Policy",
        "/governance/board-meetings/": "Board meetings",
    }
    items = "".join(f"<li><a href='{href}'>{text}</a></li>" for href, text in links.items())
    site.page("/governance/", page("Governance", f"<h1>Governance</h1><ul>{items}</ul>"))
    # What the links answer instead of the documents.
    routes = site.routes
    routes["/documents/governance/local-assurance-framework.pdf"] = Reply(
        body=SOMETHING_WRONG.encode()
    )
    routes["/documents/policies/conflicts-of-interest-policy.pdf"] = Reply(
        body=NOT_FOUND.encode(), content_type="application/pdf"
    )
    routes["/documents/policies/complaints-policy.pdf"] = Reply(content_type="application/pdf")
    routes["/documents/policies/whistleblowing-policy.docx"] = Reply(
        body=b"File not available", content_type=DOCX
    )
    jane, omar, peter = (
        f"/documents/registers/register-of-interests-{slug(m)}.pdf" for m in MEMBERS
    )
    routes[jane] = Reply(body=png(), content_type="image/png")
    routes[omar] = Reply(body=NOT_FOUND.encode())
    routes[peter] = Reply(body=SERVER_ERROR.encode(), content_type="application/pdf")
    # Real documents, awkwardly served.
    routes["/documents/policies/board-expenses-policy.pdf"] = Reply(
        body=pdf_bytes([["Board Members' Expenses Policy", "Board members may claim travel."]]),
        content_type="application/octet-stream",
    )
    routes["/documents/policies/code-of-conduct.pdf"] = Reply(
        body=pdf_bytes([["Code of Conduct for Board Members", "Members declare interests."]]),
        content_type="image/png",
    )
    routes["/download.ashx?id=7"] = Reply(
        body=pdf_bytes([["Gifts and Hospitality Policy", "Gifts over 25 pounds are declared."]]),
        content_type="application/octet-stream",
        headers={"Content-Disposition": 'attachment; filename="Gifts-and-Hospitality.pdf"'},
    )
    site.page(
        "/governance/board-meetings/",
        page(
            "Board meetings",
            "<h1>Board meetings</h1><p>Papers are published five clear working days before each "
            "meeting.</p><h2>Correcting errors</h2><p>If you notice an error in the minutes, "
            "something went wrong with a link, or a page is not found, please tell us.</p>",
        ),
    )


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Audited]:
    out = tmp_path_factory.mktemp("soft-errors")
    with serve(Site()) as site:
        build_site(site)
        result = CliRunner().invoke(
            main,
            [
                *("audit", f"{site.base}/", "--out", str(out), "--name", LEP),
                *("--allow-private-network", "--delay", "0", "--as-of", "2024-03-01"),
            ],
        )
        report = json.loads((out / "report.json").read_text())
        snapshot = Snapshot.open(next((out / "snapshots").iterdir()))
        yield Audited(site, report, snapshot, result.exit_code)


@pytest.mark.parametrize("rule_id", NEEDED)
def test_rules_that_needed_the_document_do_not_pass_on_an_error_page(
    audited: Audited, rule_id: str
) -> None:
    assert audited.exit_code == 0
    finding = audited.finding(rule_id)
    assert finding["status"] == "unknown", finding["message"]
    assert "could not be read" in finding["message"]
    quoted = json.dumps(finding["evidence"])
    for words in ("Something went wrong", "Page not found", "Error 500", "File not available"):
        assert words not in quoted


def test_each_soft_error_is_listed_with_what_came_instead(audited: Audited) -> None:
    base = audited.site.base
    problems = {p["url"].removeprefix(base): p["reason"] for p in audited.report["problems"]}
    expected = {
        "/documents/governance/local-assurance-framework.pdf": "a web page titled 'Something "
        "went wrong",
        "/documents/policies/conflicts-of-interest-policy.pdf": "titled 'Page not found",
        "/documents/policies/complaints-policy.pdf": "empty body",
        "/documents/policies/whistleblowing-policy.docx": "promises a Word file",
        "/documents/registers/register-of-interests-jane-marsh.pdf": "an image (image/png)",
        "/documents/registers/register-of-interests-omar-haddad.pdf": "'Page not found",
        "/documents/registers/register-of-interests-cllr-peter-lowe.pdf": "'Error 500",
    }
    for path, words in expected.items():
        assert path in problems, path
        assert problems[path].startswith("not the document:") and words in problems[path]


def test_the_snapshot_keeps_the_bytes_that_came(audited: Audited) -> None:
    by_url = {r.url: r for r in audited.snapshot.content_records()}
    for path in (
        "/documents/governance/local-assurance-framework.pdf",
        "/documents/registers/register-of-interests-jane-marsh.pdf",
    ):
        reply = audited.site.routes[path]
        assert isinstance(reply, Reply)
        assert audited.snapshot.body(by_url[audited.site.base + path]) == reply.body


@pytest.mark.parametrize(
    "path",
    [
        "/documents/policies/board-expenses-policy.pdf",  # application/octet-stream
        "/documents/policies/code-of-conduct.pdf",  # image/png
        "/download.ashx?id=7",  # a download handler, named by Content-Disposition only
        "/governance/board-meetings/",  # mentions errors and "not found" in passing
    ],
)
def test_real_documents_served_awkwardly_are_still_documents(audited: Audited, path: str) -> None:
    document = audited.document(path)
    assert document.readable and not document.soft_error, document.unreadable_reason
    assert document.text.strip()


def test_a_policy_served_as_octet_stream_still_passes(audited: Audited) -> None:
    assert audited.finding("POL-05")["status"] == "pass"


SOFT_ERRORS = [
    ("https://lep.example/docs/laf.pdf", "text/html", SOMETHING_WRONG.encode(), "web page"),
    ("https://lep.example/view?id=3", "application/pdf", NOT_FOUND.encode(), "application/pdf"),
    ("https://lep.example/docs/laf.pdf", "application/pdf", b"", "empty body"),
    ("https://lep.example/roi.pdf", "image/png", png(), "an image (image/png)"),
    ("https://lep.example/p.docx", DOCX, b"File not available", "promises a Word file"),
    ("https://lep.example/p.xlsx", "application/json", b'{"error":"not found"}', "Excel"),
    ("https://lep.example/p.pdf", "text/plain", b"404 Not Found", "promises a PDF"),
    ("https://lep.example/policies/", "text/html", SOMETHING_WRONG.encode(), "error page"),
    ("https://lep.example/policies/", "text/html", SERVER_ERROR.encode(), "'Error 500"),
    ("https://lep.example/download?id=4", "text/plain", b"404 - File not found", "error page"),
    ("https://lep.example/policies/", "text/html", b"<html><body> </body></html>", "no text"),
]


@pytest.mark.parametrize(("url", "content_type", "body", "words"), SOFT_ERRORS)
def test_responses_that_are_not_documents_are_soft_errors(
    url: str, content_type: str, body: bytes, words: str
) -> None:
    document = extract_document(record(url, content_type), body)
    assert document.soft_error and not document.readable
    assert document.unreadable_reason and words in document.unreadable_reason
    assert not document.pages and not document.links


def test_a_long_page_headed_with_error_words_is_still_a_page() -> None:
    """An article headed "Error 404: why our website was down" is an article, not an error."""
    story = "<p>" + "The website was unavailable for two hours on Tuesday. " * 80 + "</p>"
    body = f"<html><title>Error 404: why our website was down</title>{story}</html>"
    document = extract_document(record("https://lep.example/news/outage/"), body.encode())
    assert document.readable and not document.soft_error
