"""Hostile documents, generated at test time (never committed): tiny files that ask a reader
for unbounded memory or time. Written by hand, byte by byte, because the libraries people make
documents with refuse to make most of them."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# One scanned page: a 64 x 16 grey picture of a dark bar, drawn over the whole page.
_SCAN_SIZE = (64, 16)


@dataclass(frozen=True)
class PdfPage:
    width: float = 612
    height: float = 792
    content: bytes = b""
    scanned: bool = False  # draw a picture over the page, as a scanner does


def _scan_image() -> bytes:
    width, height = _SCAN_SIZE
    rows = b"".join(
        bytes([0 if 4 <= y < 12 and 4 <= x < 60 else 255 for x in range(width)])
        for y in range(height)
    )
    return zlib.compress(rows)


def pdf(pages: Sequence[PdfPage]) -> bytes:
    """A PDF of `pages`, text in Helvetica (/F1), scans as one image (/Im1)."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, once the pages are numbered
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    image = _scan_image()
    objects.append(
        f"<< /Type /XObject /Subtype /Image /Width {_SCAN_SIZE[0]} /Height {_SCAN_SIZE[1]} "
        f"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
        f"/Length {len(image)} >>\nstream\n".encode()
        + image
        + b"\nendstream"
    )
    kids: list[int] = []
    for page in pages:
        content = page.content
        if page.scanned:
            content += f"q {page.width} 0 0 {page.height} 0 0 cm /Im1 Do Q".encode()
        stream = zlib.compress(content, 9)
        objects.append(
            f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
            + stream
            + b"\nendstream"
        )
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page.width} {page.height}] "
            f"/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> "
            f"/Contents {len(objects)} 0 R >>".encode()
        )
        kids.append(len(objects))
    kid_refs = " ".join(f"{kid} 0 R" for kid in kids)
    objects[1] = f"<< /Type /Pages /Kids [{kid_refs}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def text_runs(runs: int, characters: int, per_line: int = 1) -> bytes:
    """Page content showing `runs` separate runs of text of `characters` letters each."""
    run = b"(" + b"A" * characters + b") Tj "
    lines = (b"0 -2 Td " + run * per_line for _ in range(max(runs // per_line, 1)))
    return b"BT /F1 1 Tf 20 780 Td " + b"".join(lines) + b"ET"


def _zip(parts: Iterable[tuple[str, bytes | Iterable[bytes]]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            with archive.open(name, "w") as part:
                for chunk in [data] if isinstance(data, bytes) else data:
                    part.write(chunk)
    return out.getvalue()


_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
    b'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
    b'application/xml"/><Override PartName="/%s" ContentType="%s"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    b'.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    b'openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/></Relationships>'
)
_WORD = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(paragraphs: Iterable[bytes]) -> bytes:
    """A Word file whose body is `paragraphs` (each the text of one w:p, XML-escaped)."""

    def body() -> Iterable[bytes]:
        yield b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + _W + b"><w:body>"
        for text in paragraphs:
            yield b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>"
        yield b"</w:body></w:document>"

    return _zip(
        [
            ("[Content_Types].xml", _TYPES % (b"word/document.xml", _WORD)),
            ("_rels/.rels", _RELS % (b"officeDocument", b"word/document.xml")),
            ("word/document.xml", body()),
        ]
    )


_SHEET = b"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_BOOK = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_S = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def xlsx(row_cells: int, *, dimension: str = "") -> bytes:
    """A workbook of one sheet whose one row holds `row_cells` cells."""

    def sheet() -> Iterable[bytes]:
        yield b'<?xml version="1.0" encoding="UTF-8"?><worksheet ' + _S + b">"
        if dimension:
            yield b'<dimension ref="' + dimension.encode() + b'"/>'
        yield b'<sheetData><row r="1">'
        chunk = b"<c><v>7</v></c>" * 1_000
        for _ in range(row_cells // 1_000):
            yield chunk
        yield b"</row></sheetData></worksheet>"

    types = (
        b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        b'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
        b'application/xml"/><Override PartName="/xl/workbook.xml" ContentType="' + _BOOK + b'"/>'
        b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="' + _SHEET + b'"/></Types>'
    )
    book = (
        b'<?xml version="1.0" encoding="UTF-8"?><workbook ' + _S + b" " + _R + b"><sheets>"
        b'<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    return _zip(
        [
            ("[Content_Types].xml", types),
            ("_rels/.rels", _RELS % (b"officeDocument", b"xl/workbook.xml")),
            ("xl/workbook.xml", book),
            ("xl/_rels/workbook.xml.rels", _RELS % (b"worksheet", b"worksheets/sheet1.xml")),
            ("xl/worksheets/sheet1.xml", sheet()),
        ]
    )
