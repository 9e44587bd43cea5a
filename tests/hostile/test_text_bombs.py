"""Issue 11, class 10: text bombs are read within running budgets, and say they were cut.

PDF text, Word paragraphs and spreadsheet cells are read with budgets that stop mid-page or
mid-sheet, before a bomb's page or row is materialised whole; the document is marked read in
part with the reason, which the site model lists among the problems ("What the crawl could not
read fully"). Where memory is the point, a fresh subprocess reads the bomb and its peak
resident memory is held to 1 GB.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lepcheck.extract import parts
from lepcheck.extract.document import extract_document
from tests.extract.extract_samples import record
from tests.hostile import bombs
from tests.hostile.peak_memory import ONE_GB, read_in_child
from tests.hostile.site_of import site_of

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_pdf_page_drawing_100000_runs_of_text_is_read_in_bounded_memory(tmp_path: Path) -> None:
    # 10 million characters on one page: read whole, they took 1.7 GB (PDFium lays out each).
    page = bombs.PdfPage(content=bombs.text_runs(100_000, 100))
    path = tmp_path / "runs.pdf"
    path.write_bytes(bombs.pdf([page]))
    assert path.stat().st_size < 100_000
    read = read_in_child(path, PDF)
    assert read["peak_mb"] < ONE_GB
    assert read["readable"]
    assert read["truncated_reason"].startswith(
        "page 1 draws 100,000 objects: those past the first 20,000 not read"
    )
    assert read["characters"] <= parts.MAX_CHARS


def test_pdf_text_budget_stops_mid_page_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parts, "MAX_CHARS", 100_000)
    page = bombs.PdfPage(content=bombs.text_runs(5_000, 100, per_line=50))
    body = bombs.pdf([page, page])
    doc = extract_document(record("https://lep.example/big.pdf", PDF), body)
    assert doc.readable
    assert len(doc.text) <= 100_000
    assert doc.truncated_reason is not None
    assert "page 1 cut after 100,000 of its" in doc.truncated_reason
    assert "pages 2-2 not read" in doc.truncated_reason
    site = site_of(doc)
    (problem,) = site.problems
    assert problem.url == doc.url
    assert problem.reason.startswith("read only in part: page 1 cut after 100,000 of its")


def test_docx_of_300000_paragraphs_is_read_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "paragraphs.docx"
    path.write_bytes(bombs.docx(b"Item" for _ in range(300_000)))
    read = read_in_child(path, DOCX)
    assert read["peak_mb"] < ONE_GB
    assert read["truncated_reason"] == "paragraphs past the first 100,000 not read"
    assert read["characters"] < 600_000


def test_docx_with_one_enormous_run_is_cut_at_the_budget() -> None:
    body = bombs.docx([b"word " * 1_000_000])  # 5 million characters in one run
    doc = extract_document(record("https://lep.example/run.docx", DOCX), body)
    assert doc.readable
    assert len(doc.text) <= parts.MAX_CHARS
    assert doc.truncated_reason == "text cut at the 2,000,000-character limit"


def test_xlsx_row_of_2500000_cells_is_read_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "row.xlsx"
    path.write_bytes(bombs.xlsx(2_500_000, dimension="A1:XFD1"))
    assert path.stat().st_size < 100_000
    read = read_in_child(path, XLSX)
    assert read["peak_mb"] < ONE_GB
    assert read["readable"]
    assert read["truncated_reason"] == (
        "sheet 'Sheet1' row 1 has more than 16,384 cells: rest not read"
    )
    # The cells before the cut are read: sixty columns of sevens.
    assert read["characters"] == len(" | ".join(["7"] * 60))
