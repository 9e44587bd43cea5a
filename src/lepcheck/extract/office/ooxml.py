"""What Word and Excel files share: the OOXML zip container and its core properties.

A DOCX or XLSX is a zip of XML parts. A hostile one can unpack to gigabytes (a zip bomb), so
it is measured before it is opened.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from lepcheck.extract.parts import MAX_UNZIPPED_BYTES
from lepcheck.models import DocumentFormat

_MAX_ZIP_ENTRIES = 20_000
_PARSED_WHOLE = frozenset(("word/document.xml", "xl/sharedStrings.xml", "xl/workbook.xml"))
_SHEETS = "xl/worksheets/"
# A body of a million minimal paragraphs is 36 MB of XML and takes python-docx's parser
# (lxml) about 450 MB: parts parsed whole stay under this, for one document in 1 GB.
_MAX_PARSED_PART_BYTES = 40_000_000


def zip_bomb_reason(body: bytes, fmt: DocumentFormat) -> str | None:
    """Why this zip must not be opened (too large once unpacked), or None when it is safe."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        entries = archive.infolist()
    unpacked = sum(entry.file_size for entry in entries)
    if len(entries) > _MAX_ZIP_ENTRIES or unpacked > MAX_UNZIPPED_BYTES:
        return (
            f"{fmt.upper()} unpacks to {unpacked:,} bytes in {len(entries):,} parts, "
            "over the safety limit: not opened"
        )
    # Images inside may be large, but the XML parts are parsed whole into memory (openpyxl
    # also walks a worksheet whole to find its size when the sheet does not declare it).
    for entry in entries:
        parsed_whole = entry.filename in _PARSED_WHOLE or entry.filename.startswith(_SHEETS)
        if parsed_whole and entry.file_size > _MAX_PARSED_PART_BYTES:
            return (
                f"{fmt.upper()} part {entry.filename} unpacks to {entry.file_size:,} bytes, "
                "over the safety limit: not opened"
            )
    return None


def utc_aware(value: object) -> datetime | None:
    # OOXML core properties are stored in UTC; python-docx and openpyxl return them naive.
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
