"""Office formats and other files of text: Word, Excel, CSV and plain text (`word`, with
`word_body` for the XML of a Word file's body).
"""

from lepcheck.extract.office.word import read_csv, read_docx, read_text, read_xlsx

__all__ = ["read_csv", "read_docx", "read_text", "read_xlsx"]
