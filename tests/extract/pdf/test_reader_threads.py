"""PDFium is not thread-safe; read_pdf must serialise it so concurrent audits cannot crash."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from fpdf import FPDF

from lepcheck.extract.pdf.reader import read_pdf


def pdf_bytes(pages: int) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for number in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"Register of interests page {number + 1}. Directorships: none.")
    return bytes(pdf.output())


def test_many_threads_reading_pdfs_at_once_all_get_their_text() -> None:
    bodies = [pdf_bytes(n % 5 + 1) for n in range(40)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda b: read_pdf(b, base_url="https://lep.test/r.pdf"), bodies))
    for number, result in enumerate(results):
        assert result.unreadable_reason is None
        assert len(result.pages) == number % 5 + 1
        assert "Register of interests page 1" in result.pages[0].text
