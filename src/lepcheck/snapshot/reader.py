"""Snapshot: read-only access to a snapshot folder written by SnapshotWriter."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, TypeVar

from pydantic import ValidationError

from lepcheck.models import ArchiveCapture, FetchRecord, SkippedURL, SnapshotInfo
from lepcheck.snapshot import index_db
from lepcheck.snapshot.errors import DamagedRecordError, SnapshotError
from lepcheck.snapshot.index_db import INDEX_FILE, INFO_FILE
from lepcheck.snapshot.warc_files import read_response

_T = TypeVar("_T")


class SnapshotCounts(NamedTuple):
    records: int  # responses and fetch errors
    skipped: int  # URLs seen and not fetched (off-site, robots, ...)
    pending: int  # URLs queued and not yet fetched when the crawl stopped


class Snapshot:
    """An opened snapshot: its info, index rows, skipped URLs and archived bodies."""

    def __init__(self, path: Path, info: SnapshotInfo) -> None:
        self.path = path
        self.info = info

    @classmethod
    def open(cls, path: Path) -> Snapshot:
        info_path = path / INFO_FILE
        if not path.is_dir():
            raise SnapshotError(f"{path} is not a snapshot: no such folder")
        if not info_path.is_file():
            raise SnapshotError(f"{path} is not a snapshot: {INFO_FILE} is missing")
        if not (path / INDEX_FILE).is_file():
            raise SnapshotError(f"{path} is not a snapshot: {INDEX_FILE} is missing")
        try:
            info = SnapshotInfo.model_validate_json(info_path.read_text(encoding="utf-8"))
        except (ValidationError, UnicodeDecodeError) as error:
            raise SnapshotError(f"{path} is not a snapshot: {INFO_FILE} is not valid") from error
        snapshot = cls(path, info)
        snapshot._query(lambda db: index_db.read_meta(db))
        return snapshot

    def _query(self, read: Callable[[sqlite3.Connection], _T]) -> _T:
        try:
            connection = index_db.connect(self.path, read_only=True)
        except sqlite3.Error as error:
            raise SnapshotError(f"{self.path} is not a snapshot: {error}") from error
        try:
            return read(connection)
        except sqlite3.Error as error:
            message = f"{self.path} is not a snapshot: {INDEX_FILE} is unreadable ({error})"
            raise SnapshotError(message) from error
        finally:
            connection.close()

    @property
    def finished(self) -> bool:
        """Whether the crawl ran to its end and sealed the snapshot; a killed or interrupted
        crawl leaves it unfinished (and resumable)."""
        return self.info.finished_at is not None

    def counts(self) -> SnapshotCounts:
        """What the index holds, which is the truth for an unfinished snapshot too (its
        snapshot.json is only given counts when the crawl finishes)."""
        return SnapshotCounts(*self._query(index_db.count_rows))

    def records(self) -> list[FetchRecord]:
        """Every fetch, in fetch order (robots.txt and sitemaps included)."""
        return self._query(index_db.select_records)

    def content_records(self) -> list[FetchRecord]:
        """The site's pages and documents, in fetch order: without the robots.txt files and
        sitemaps the crawler fetched for its own use."""
        return self._query(lambda db: index_db.select_records(db, role="page"))

    def rendered_records(self) -> list[FetchRecord]:
        """Pages as a browser drew them (their DOM after their scripts ran), in fetch order:
        each has the URLs of the page response it was made from (crawl/render)."""
        return self._query(lambda db: index_db.select_records(db, role="rendered"))

    def meta(self) -> dict[str, str]:
        """What the crawl noted beside its records (own sites, committee systems walked)."""
        return self._query(index_db.read_meta)

    def captures(self) -> dict[tuple[str, str], ArchiveCapture]:
        """Web-archive captures by (record URL, role "source" or "first"); see index_db."""
        return self._query(index_db.select_captures)

    def skipped(self) -> list[SkippedURL]:
        return self._query(index_db.select_skipped)

    def response(self, record: FetchRecord) -> tuple[list[tuple[str, str]], bytes]:
        """Archived HTTP headers and body of a record in one read, the body checked by sha256.
        A damaged record raises DamagedRecordError, about that record only."""
        if record.warc_offset < 0 or not record.warc_file:
            return [], b""
        headers, body = read_response(self.path / record.warc_file, record.warc_offset)
        if hashlib.sha256(body).hexdigest() != record.sha256:
            raise DamagedRecordError(
                f"damaged record in {record.warc_file} at offset {record.warc_offset}: its "
                "body does not match its sha256 in the index"
            )
        return headers, body

    def body(self, record: FetchRecord) -> bytes:
        """The payload read back from the WARC, checked against the indexed sha256."""
        return self.response(record)[1]

    def headers(self, record: FetchRecord) -> list[tuple[str, str]]:
        """The archived HTTP response headers of a record (empty for a fetch error)."""
        return self.response(record)[0]
