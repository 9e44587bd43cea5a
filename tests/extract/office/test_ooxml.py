"""Word and Excel files that unpack too large (zip bombs) are not opened."""

import io
import zipfile

import pytest

from lepcheck.extract.document import extract_document
from lepcheck.models import Document
from tests.extract.extract_samples import record

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _read(body: bytes, url: str, content_type: str) -> Document:
    return extract_document(record(url, content_type), body)


def _zip_of(parts: dict[str, tuple[bytes, int]]) -> bytes:
    """A zip whose parts are `unit` repeated `times` (built one part at a time)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, (unit, times) in parts.items():
            archive.writestr(name, unit * times)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("parts", "reason"),
    [
        # images that unpack to 250 MB in all: a zip bomb
        (
            {"word/document.xml": (b"<w:p/>", 1)}
            | {f"word/media/i{n}.png": (b"\x00", 50_000_000) for n in range(5)},
            "DOCX unpacks to 250,000,",
        ),
        # one XML part of 66 MB: under the total, but parsed whole into memory
        ({"word/document.xml": (b"<w:p/>", 11_000_000)}, "part word/document.xml unpacks"),
    ],
)
def test_docx_too_large_unpacked_is_not_opened(
    parts: dict[str, tuple[bytes, int]], reason: str
) -> None:
    doc = _read(_zip_of(parts), "https://lep.example/bomb.docx", DOCX_TYPE)
    assert not doc.readable
    assert reason in (doc.unreadable_reason or "")
