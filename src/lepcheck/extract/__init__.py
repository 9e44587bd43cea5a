"""Extract stage: one fetched response (FetchRecord + bytes) to one Document.

Entry points (docs/stages.md): `document.extract_document`, `classify.classify_document`,
`dates.parse_uk_date` and `dates.find_dates`. Format readers live in `html`, `pdf`, `office`
(DOCX, XLSX, CSV, text); `formats` picks one from the magic bytes. Only this package imports
bs4, pypdfium2, python-docx and openpyxl.
"""
