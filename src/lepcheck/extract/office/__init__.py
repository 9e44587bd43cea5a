"""Office formats and other files of text: Word (`word`, with `word_body` for the XML of its
body), Excel (`spreadsheet`), CSV and plain text (`text`). `ooxml` guards the zip container
Word and Excel share.
"""

from lepcheck.extract.office.spreadsheet import read_xlsx
from lepcheck.extract.office.text import read_csv, read_text
from lepcheck.extract.office.word import read_docx

__all__ = ["read_csv", "read_docx", "read_text", "read_xlsx"]
