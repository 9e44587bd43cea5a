"""Writing and reading the WARC files of a snapshot (ISO 28500, via warcio).

Every record is its own gzip member, so a record can be read back from its offset alone.
File names come from the snapshot id and a sequence number, never from a URL.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from lepcheck import __version__
from lepcheck.snapshot.errors import DamagedRecordError

# A new file is started past this size, so no single file grows without bound.
ROTATE_AT_BYTES = 1_000_000_000

# These describe the bytes on the wire; the stored payload is the decoded body, so they
# would make the record lie about its own content.
_WIRE_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})


@dataclass(frozen=True)
class WarcLocation:
    file: str
    offset: int
    end: int


@dataclass(frozen=True)
class HttpExchange:
    """One request and its response, as they go into a WARC request/response pair."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    request_headers: list[tuple[str, str]]
    warc_date: str
    extra_warc_headers: Mapping[str, str]


@dataclass(frozen=True)
class Conversion:
    """Another form of an archived response, as it goes into a WARC conversion record."""

    url: str
    body: bytes
    content_type: str
    warc_date: str
    refers_to: str  # the WARC-Record-ID of the response it was made from
    extra_warc_headers: Mapping[str, str]


def stored_headers(headers: list[tuple[str, str]], body_length: int) -> list[tuple[str, str]]:
    kept = [(name, value) for name, value in headers if name.lower() not in _WIRE_HEADERS]
    kept.append(("Content-Length", str(body_length)))
    return kept


def _status_line(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"{status} Unknown"


def _request_target(url: str) -> str:
    parts = urlsplit(url)
    target = parts.path or "/"
    return f"{target}?{parts.query}" if parts.query else target


class WarcAppender:
    """Appends request/response pairs to `<prefix>-<n>.warc.gz` files in one folder."""

    def __init__(
        self,
        folder: Path,
        prefix: str,
        first_number: int,
        info: dict[str, str],
        on_new_file: Callable[[str, int], None],
    ) -> None:
        """`on_new_file(name, end)` hears of each new file and where its warcinfo ends."""
        self._on_new_file = on_new_file
        self._folder = folder
        self._prefix = prefix
        self._number = first_number
        self._info = info
        self._stream: BinaryIO | None = None
        self._writer: WARCWriter | None = None
        self._name = ""

    def _open_next(self) -> None:
        self.close()
        self._name = f"{self._prefix}-{self._number:05d}.warc.gz"
        self._number += 1
        self._stream = (self._folder / self._name).open("xb")
        self._writer = WARCWriter(self._stream, gzip=True)
        self._writer.write_record(self._writer.create_warcinfo_record(self._name, self._info))
        self._stream.flush()
        self._on_new_file(self._name, self._stream.tell())

    def write(self, exchange: HttpExchange) -> WarcLocation:
        if self._stream is None or self._stream.tell() > ROTATE_AT_BYTES:
            self._open_next()
        assert self._stream is not None and self._writer is not None
        writer = self._writer
        warc_headers = {"WARC-Date": exchange.warc_date, **exchange.extra_warc_headers}
        http_headers = StatusAndHeaders(
            _status_line(exchange.status),
            stored_headers(exchange.headers, len(exchange.body)),
            protocol="HTTP/1.1",
        )
        response = writer.create_warc_record(
            exchange.url,
            "response",
            payload=io.BytesIO(exchange.body),
            length=len(exchange.body),
            http_headers=http_headers,
            warc_headers_dict=warc_headers,
        )
        request = writer.create_warc_record(
            exchange.url,
            "request",
            http_headers=StatusAndHeaders(
                f"GET {_request_target(exchange.url)} HTTP/1.1",
                exchange.request_headers,
                is_http_request=True,
            ),
            warc_headers_dict={"WARC-Date": exchange.warc_date},
        )
        offset = self._stream.tell()
        writer.write_request_response_pair(request, response)
        self._stream.flush()
        return WarcLocation(file=self._name, offset=offset, end=self._stream.tell())

    def write_conversion(self, conversion: Conversion) -> WarcLocation:
        """A `conversion` record (ISO 28500 6.3.8): another form of a response already
        archived, which WARC-Refers-To names (a page's DOM after its scripts ran)."""
        if self._stream is None or self._stream.tell() > ROTATE_AT_BYTES:
            self._open_next()
        assert self._stream is not None and self._writer is not None
        record = self._writer.create_warc_record(
            conversion.url,
            "conversion",
            payload=io.BytesIO(conversion.body),
            length=len(conversion.body),
            warc_content_type=conversion.content_type,
            warc_headers_dict={
                "WARC-Date": conversion.warc_date,
                "WARC-Refers-To": conversion.refers_to,
                **conversion.extra_warc_headers,
            },
        )
        offset = self._stream.tell()
        self._writer.write_record(record)
        self._stream.flush()
        return WarcLocation(file=self._name, offset=offset, end=self._stream.tell())

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
        self._stream = None
        self._writer = None


def default_warcinfo() -> dict[str, str]:
    return {
        "software": f"lepcheck/{__version__}",
        "format": "WARC File Format 1.0",
        "description": "lepcheck snapshot: evidence for governance and transparency checks",
    }


def record_id_at(path: Path, offset: int) -> str:
    """The WARC-Record-ID of the record that starts at `offset` ("" when there is none)."""
    try:
        with path.open("rb") as stream:
            stream.seek(offset)
            for record in ArchiveIterator(stream):
                return str(record.rec_headers.get_header("WARC-Record-ID") or "")
    except (OSError, ArchiveLoadFailed, zlib.error, EOFError, ValueError):
        return ""
    return ""


def read_response(path: Path, offset: int) -> tuple[list[tuple[str, str]], bytes]:
    """HTTP headers and payload of the response record that starts at `offset`; for a
    conversion record (a rendered page), its Content-Type as the one header. Anything that
    stops it is a DamagedRecordError about this record alone."""
    where = f"{path.parent.name}/{path.name} at offset {offset}"
    try:
        with path.open("rb") as stream:
            stream.seek(offset)
            for record in ArchiveIterator(stream):
                if record.rec_type == "conversion":
                    media = record.rec_headers.get_header("Content-Type") or ""
                    return [("Content-Type", media)], record.content_stream().read()
                if record.rec_type != "response":
                    break
                headers = list(record.http_headers.headers) if record.http_headers else []
                return headers, record.content_stream().read()
    except OSError as error:
        raise DamagedRecordError(f"cannot read {where}: {error.strerror or error}") from error
    except (ArchiveLoadFailed, zlib.error, EOFError, ValueError) as error:
        raise DamagedRecordError(f"damaged record in {where}") from error
    except Exception as error:
        # warcio meets damaged bytes with other errors too (an AttributeError on some cut
        # headers, found by overwriting records at random): damage all the same.
        raise DamagedRecordError(f"damaged record in {where} ({type(error).__name__})") from error
    raise DamagedRecordError(f"damaged record in {where}: no response there (cut short?)")
