"""Issue 11, class 9, and issue 13, item 5: OCR is bounded, and says what it left unread.

A tiny PDF can declare a page of 8,000 points square (rasterised for OCR at 200 dpi, 494
million pixels, about 1.5 GB) or hundreds of scanned pages; OCR is bounded in pixels per page,
pages per document and per audit, and time per page and per document. Pages left unread are
reported (the document is read in part, and listed among the problems), and what OCR did
read is marked: findings resting on it say so, with less confidence.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from lepcheck.assess.findings import evaluate_rule
from lepcheck.extract.document import extract_document
from lepcheck.extract.pdf import ocr
from lepcheck.extract.pdf import reader as pdf_reader
from lepcheck.models import Document, Finding, PageText
from lepcheck.rules import load_rules
from tests.extract.extract_samples import record
from tests.hostile import bombs
from tests.hostile.peak_memory import ONE_GB, read_in_child
from tests.hostile.site_of import site_of

PDF = "application/pdf"
SCAN = bombs.PdfPage(scanned=True)
# The child reads scans as if tesseract were installed: the bound holds before OCR runs.
WITH_OCR = "import lepcheck.extract.pdf.reader as r; r.ocr_available = lambda: True"


class _Tesseract:
    """Stands in for the OCR engine where what is counted is the pages handed to it."""

    def __init__(self) -> None:
        self.pages = 0

    def __call__(self, image: object, timeout: float = 0) -> str:
        self.pages += 1
        return f"Register of interests page {self.pages}"


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> _Tesseract:
    fake = _Tesseract()
    monkeypatch.setattr(pdf_reader, "ocr_available", lambda: True)
    monkeypatch.setattr(ocr, "ocr_image", fake)
    return fake


def test_scanned_page_of_8000_points_is_not_rasterised_whole(tmp_path: Path) -> None:
    path = tmp_path / "poster.pdf"
    path.write_bytes(bombs.pdf([bombs.PdfPage(width=8_000, height=8_000, scanned=True)]))
    assert path.stat().st_size < 2_000
    read = read_in_child(path, PDF, setup=WITH_OCR)
    assert read["peak_mb"] < ONE_GB
    assert not read["readable"]
    assert read["unreadable_reason"].endswith(
        "scanned page 1 not read: page of 8,000 x 8,000 points is too large to rasterise "
        "within 20,000,000 pixels"
    )


def test_large_page_is_rasterised_at_a_resolution_that_fits() -> None:
    # A3 at 200 dpi fits; an A0 poster is read at the resolution that keeps it in bounds.
    assert ocr.ocr_scale(842, 1191) == pytest.approx(200 / 72)
    scale = ocr.ocr_scale(2384, 3370)
    assert scale is not None and 2384 * 3370 * scale**2 <= ocr.MAX_OCR_PIXELS
    assert scale * 72 >= ocr.MIN_OCR_DPI


def test_scanned_pages_past_the_document_limit_are_reported(
    engine: _Tesseract, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "MAX_OCR_PAGES", 2)
    body = bombs.pdf([SCAN] * 4)
    doc = extract_document(record("https://lep.example/registers.pdf", PDF), body)
    assert engine.pages == 2
    assert doc.readable and doc.ocr
    assert "Register of interests page 2" in doc.pages[1].text and doc.pages[3].text == ""
    assert doc.truncated_reason == (
        "scanned pages 3, 4 not read: past the limit of 2 OCR pages a document"
    )
    site = site_of(doc)
    assert [p.reason for p in site.problems] == [f"read only in part: {doc.truncated_reason}"]


def test_scanned_pages_past_the_audit_limit_are_reported(engine: _Tesseract) -> None:
    body = bombs.pdf([SCAN] * 2)
    with ocr.audit_ocr_budget(pages=3):
        first = extract_document(record("https://lep.example/a.pdf", PDF), body)
        second = extract_document(record("https://lep.example/b.pdf", PDF), body)
    assert engine.pages == 3
    assert first.truncated_reason is None
    assert second.readable and second.truncated_reason == (
        "scanned page 2 not read: past the limit of 3 OCR pages an audit"
    )


def test_ocr_time_per_document_is_bounded(
    engine: _Tesseract, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "OCR_DOCUMENT_SECONDS", 0.0)
    doc = extract_document(record("https://lep.example/s.pdf", PDF), bombs.pdf([SCAN] * 3))
    assert engine.pages == 0
    assert not doc.readable and doc.unreadable_reason is not None
    assert doc.unreadable_reason.endswith(
        "scanned pages 1, 2, 3 not read: OCR time limit of 0 s a document"
    )


def test_ocr_time_per_page_is_bounded_by_tesseract_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The real tesseract (a system package the Makefile installs), given no time at all.
    monkeypatch.setattr(ocr, "OCR_PAGE_SECONDS", 0.001)
    doc = extract_document(record("https://lep.example/s.pdf", PDF), bombs.pdf([SCAN]))
    assert not doc.readable and doc.unreadable_reason is not None
    assert doc.unreadable_reason.endswith("scanned page 1 not read: OCR took longer than 0 s")


def _complaints_policy(*, read_by_ocr: bool) -> Document:
    fetched = datetime(2024, 2, 1, tzinfo=UTC)
    return Document(
        url="https://lep.example/complaints-policy.pdf",
        final_url="https://lep.example/complaints-policy.pdf",
        fetched_at=fetched,
        sha256="0" * 64,
        format="pdf",
        title="Complaints Policy",
        pages=(PageText(number=1, text="Complaints Policy\nHow to make a complaint."),),
        kind="complaints_policy",
        kind_confidence=0.9,
        ocr=read_by_ocr,
    )


def _complaints_finding(*, read_by_ocr: bool) -> Finding:
    site = site_of(_complaints_policy(read_by_ocr=read_by_ocr))
    rule = next(r for r in load_rules() if r.id == "POL-01")
    return evaluate_rule(rule, site)


def test_findings_resting_on_ocr_text_say_so_with_less_confidence() -> None:
    typed, scanned = (_complaints_finding(read_by_ocr=ocr_read) for ocr_read in (False, True))
    assert typed.status == scanned.status == "pass"
    assert "read by OCR" not in typed.message
    assert "read by OCR from a scanned document" in scanned.message
    assert scanned.confidence == 0.7 < typed.confidence
