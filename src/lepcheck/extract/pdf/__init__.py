"""PDF: `reader` turns a file into text per page, headings, links, dates and tables.

pypdfium2 (PDFium) gives the text and where each run of it sits. `layout` infers headings from
type size and weight, `runs` gathers positioned runs of text, `tables` rebuilds tables from
them (`grid` from ruled borders), and `ocr` reads scanned pages when tesseract is installed.
"""

from lepcheck.extract.pdf.reader import read_pdf

__all__ = ["read_pdf"]
