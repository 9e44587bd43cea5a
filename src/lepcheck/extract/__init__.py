"""Extract stage: one fetched response (FetchRecord + bytes) to one Document.

Entry points (docs/architecture.md): `extract_document` (`document`), `classify_document`
(`classify`, with the names of each kind in `lepcheck.vocab.kinds`), and the UK date readers
`parse_uk_date` and `find_dates` (`dates`). Format readers are families of their own:
`html/`, `pdf/` and `office/` (DOCX, XLSX, CSV, text); `formats` picks one from the magic bytes.
What every reader shares sits here: the bounds and result type (`parts`), headings and sections
(`outline`), tables and their header row (`tables`) and the dates a document prints about
itself (`printed`). Only this package imports bs4, pypdfium2, python-docx and openpyxl.
"""

from lepcheck.extract.classify import classify_document
from lepcheck.extract.dates import find_dates, parse_uk_date
from lepcheck.extract.document import extract_document

__all__ = ["classify_document", "extract_document", "find_dates", "parse_uk_date"]
