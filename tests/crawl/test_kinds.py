"""Document links known by their URL and link text, with or without an extension."""

from __future__ import annotations

import pytest

from lepcheck.crawl.kinds import is_document_link


@pytest.mark.parametrize(
    "url",
    [
        "https://democracy.council.gov.uk/mgConvert2PDF.aspx?ID=12",
        "https://cmis.council.gov.uk/cmis5/Document.ashx?czJKcaeAi5tUFL1DTL2UE4zNRBcoShgo=x",
        "https://www.council.gov.uk/GetDocument.aspx?id=77",
        "https://lep.sharepoint.com/:b:/s/board/EabcDEF",
    ],
)
def test_extensionless_document_urls_are_documents(url: str) -> None:
    assert is_document_link(url)
    assert not is_document_link("https://www.council.gov.uk/council-and-democracy/meetings")


@pytest.mark.parametrize(
    ("url", "text", "expected"),
    [
        ("https://c.gov.uk/documents/s123/Minutes.pdf", "", True),
        ("https://c.gov.uk/mgConvert2PDF.aspx?ID=99", "Minutes", True),
        ("https://lep.example/download?id=5", "", True),
        ("https://lep.example/media/1234", "Annual report (PDF, 2MB)", True),
        ("https://lep.example/media/1234", "Register (420 KB)", True),
        ("https://c.gov.uk/ieListDocuments.aspx?CId=1&MId=5", "Meeting, 1 May 2025", False),
        ("https://lep.example/about-us", "About us", False),
    ],
)
def test_document_links_are_known_without_an_extension(url: str, text: str, expected: bool) -> None:
    assert is_document_link(url, text) is expected
