"""SnapshotWriter: records every fetch into WARC files plus the SQLite index.

A snapshot is a folder: `snapshot.json` (SnapshotInfo), `index.sqlite` and `warc/*.warc.gz`.
Each fetch is appended to the WARC and flushed before its index row is committed, so the
index never points at bytes that are not on disk, and an interrupted crawl can resume.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from types import TracebackType

from warcio.timeutils import datetime_to_iso_date

from lepcheck.models import ArchiveCapture, FetchRecord, SkippedURL, SnapshotInfo
from lepcheck.snapshot import index_db
from lepcheck.snapshot.errors import SnapshotError
from lepcheck.snapshot.index_db import INFO_FILE, WARC_DIR, FrontierEntry
from lepcheck.snapshot.warc_files import (
    Conversion,
    HttpExchange,
    WarcAppender,
    default_warcinfo,
    record_id_at,
)


def new_snapshot_id(now: datetime) -> str:
    return f"{now.astimezone(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    wanted = name.lower()
    for key, value in headers:
        if key.lower() == wanted:
            return value.strip()
    return None


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return _aware(parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError):
        return None


class SnapshotWriter:
    """Context manager that creates a snapshot folder and records fetches into it."""

    def __init__(self, path: Path, *, target_url: str, target_id: str) -> None:
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise SnapshotError(f"{path} already exists and is not an empty folder")
        (path / WARC_DIR).mkdir(parents=True, exist_ok=True)
        started = datetime.now(UTC)
        self._info = SnapshotInfo(
            id=new_snapshot_id(started),
            target_url=target_url,
            path=str(path.resolve()),
            started_at=started,
        )
        self._path = path
        self._db = index_db.connect(path, read_only=False)
        with self._db:
            self._db.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [
                    ("id", self._info.id),
                    ("target_url", target_url),
                    ("target_id", target_id),
                    ("started_at", started.isoformat()),
                ],
            )
        self._write_info()
        self._warc = WarcAppender(
            path / WARC_DIR, self._info.id, 0, self._warcinfo(target_id), self._new_warc_file
        )
        self._finished = False

    @classmethod
    def resume(cls, path: Path) -> SnapshotWriter:
        """Reopen an unfinished snapshot to append to it; its WARC files are made whole first."""
        info_path = path / INFO_FILE
        if not info_path.is_file() or not (path / index_db.INDEX_FILE).is_file():
            raise SnapshotError(f"{path} is not a snapshot: no {INFO_FILE} or index.sqlite")
        info = SnapshotInfo.model_validate_json(info_path.read_text(encoding="utf-8"))
        if info.finished_at is not None:
            raise SnapshotError(f"snapshot {info.id} is finished and cannot be resumed")
        writer = cls.__new__(cls)
        writer._path = path
        writer._info = info
        writer._db = index_db.connect(path, read_only=False)
        meta = index_db.read_meta(writer._db)
        warc_folder = path / WARC_DIR
        # A kill can leave half a record after the last committed one: cut it off.
        for key, value in meta.items():
            if key.startswith("warc_end:"):
                with (warc_folder / key.removeprefix("warc_end:")).open("r+b") as stream:
                    stream.truncate(int(value))
        next_number = len(list(warc_folder.glob("*.warc.gz")))
        writer._warc = WarcAppender(
            warc_folder,
            info.id,
            next_number,
            writer._warcinfo(meta.get("target_id", "")),
            writer._new_warc_file,
        )
        writer._finished = False
        return writer

    def _warcinfo(self, target_id: str) -> dict[str, str]:
        return {
            **default_warcinfo(),
            "isPartOf": self._info.id,
            "target-url": self._info.target_url,
            "target-id": target_id,
        }

    @property
    def info(self) -> SnapshotInfo:
        return self._info

    @property
    def path(self) -> Path:
        return self._path

    def __enter__(self) -> SnapshotWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._finished:
            return
        if exc_type is None:
            self.finish()
        else:
            # Left unfinished on purpose, so that the crawl can be resumed.
            self.close()

    def _check_open(self) -> None:
        if self._finished:
            raise SnapshotError(f"snapshot {self._info.id} is finished and cannot be changed")

    def record_response(
        self,
        *,
        url: str,
        final_url: str,
        status: int,
        headers: list[tuple[str, str]],
        body: bytes,
        fetched_at: datetime,
        request_headers: list[tuple[str, str]] = [],  # noqa: B006 -- the contract's signature; never mutated
        via: str | None = None,
        link_text: str | None = None,
        depth: int = 0,
        truncated: bool = False,
        first_seen: datetime | None = None,
        extra_warc_headers: dict[str, str] | None = None,
        role: str = "page",
        capture: ArchiveCapture | None = None,
    ) -> FetchRecord:
        """Archive one response and index it. `first_seen` carries over from a previous crawl;
        `capture` is the web-archive capture the bytes were replayed from, if any."""
        self._check_open()
        fetched_at = _aware(fetched_at)
        warc_headers = dict(extra_warc_headers or {})
        if truncated:
            warc_headers.setdefault("WARC-Truncated", "length")
        location = self._warc.write(
            HttpExchange(
                url=final_url,
                status=status,
                headers=headers,
                body=body,
                request_headers=list(request_headers),
                warc_date=datetime_to_iso_date(fetched_at.astimezone(UTC).replace(tzinfo=None)),
                extra_warc_headers=warc_headers,
            )
        )
        record = FetchRecord(
            url=url,
            final_url=final_url,
            status=status,
            content_type=_header(headers, "content-type") or "",
            length=len(body),
            sha256=hashlib.sha256(body).hexdigest(),
            fetched_at=fetched_at,
            last_modified=_http_date(_header(headers, "last-modified")),
            etag=_header(headers, "etag"),
            warc_file=f"{WARC_DIR}/{location.file}",
            warc_offset=location.offset,
            first_seen=_aware(first_seen) if first_seen else fetched_at,
            via=via,
            link_text=link_text,
            depth=depth,
            truncated=truncated,
        )
        self._insert(record, warc_end=(location.file, location.end), role=role)
        if capture is not None:
            self.record_capture(url, "source", capture)
        return record

    def record_capture(self, url: str, role: str, capture: ArchiveCapture) -> None:
        """Index a web-archive capture of a record's URL (`index_db.CAPTURE_ROLES`)."""
        self._check_open()
        if role not in index_db.CAPTURE_ROLES:
            raise ValueError(f"unknown capture role {role!r}")
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO archive_captures (url, role, capture) VALUES (?, ?, ?)",
                (url, role, capture.model_dump_json()),
            )

    def record_conversion(
        self,
        *,
        original: FetchRecord,
        body: bytes,
        content_type: str,
        fetched_at: datetime,
        truncated_by: str | None = None,
        extra_warc_headers: dict[str, str] | None = None,
    ) -> FetchRecord:
        """Archive another form of the response `original` indexes (a page's DOM after its
        scripts ran) as a WARC conversion record that refers to it, and index it with the role
        "rendered": the original's URLs, status, dates and place in the crawl."""
        self._check_open()
        fetched_at = _aware(fetched_at)
        refers_to = record_id_at(self._path / original.warc_file, original.warc_offset)
        warc_headers = {
            "WARC-Refers-To-Target-URI": original.final_url,
            "WARC-Refers-To-Date": datetime_to_iso_date(
                original.fetched_at.astimezone(UTC).replace(tzinfo=None)
            ),
            **(extra_warc_headers or {}),
        }
        if truncated_by:
            warc_headers["WARC-Truncated"] = truncated_by
        location = self._warc.write_conversion(
            Conversion(
                url=original.final_url,
                body=body,
                content_type=content_type,
                warc_date=datetime_to_iso_date(fetched_at.astimezone(UTC).replace(tzinfo=None)),
                refers_to=refers_to,
                extra_warc_headers=warc_headers,
            )
        )
        record = original.model_copy(
            update={
                "content_type": content_type,
                "length": len(body),
                "sha256": hashlib.sha256(body).hexdigest(),
                "fetched_at": fetched_at,
                "etag": None,
                "warc_file": f"{WARC_DIR}/{location.file}",
                "warc_offset": location.offset,
                "truncated": truncated_by is not None,
            }
        )
        self._insert(record, warc_end=(location.file, location.end), role="rendered")
        return record

    def record_redirect(
        self,
        *,
        url: str,
        status: int,
        headers: list[tuple[str, str]],
        body: bytes,
        fetched_at: datetime,
        request_headers: list[tuple[str, str]],
        extra_warc_headers: dict[str, str] | None = None,
    ) -> None:
        """Archive one redirect hop in the WARC; the index keeps one row per requested URL."""
        self._check_open()
        location = self._warc.write(
            HttpExchange(
                url=url,
                status=status,
                headers=headers,
                body=body,
                request_headers=request_headers,
                warc_date=datetime_to_iso_date(
                    _aware(fetched_at).astimezone(UTC).replace(tzinfo=None)
                ),
                extra_warc_headers=extra_warc_headers or {},
            )
        )
        with self._db:
            self._set_warc_end(location.file, location.end)

    def record_error(
        self,
        *,
        url: str,
        error: str,
        fetched_at: datetime,
        via: str | None = None,
        depth: int = 0,
        link_text: str | None = None,
        role: str = "page",
    ) -> FetchRecord:
        """Index a URL that gave no response at all (refused, timed out, reset, blocked)."""
        self._check_open()
        fetched_at = _aware(fetched_at)
        record = FetchRecord(
            url=url,
            final_url=url,
            status=0,
            fetched_at=fetched_at,
            first_seen=fetched_at,
            via=via,
            link_text=link_text,
            depth=depth,
            error=error,
        )
        self._insert(record, warc_end=None, role=role)
        return record

    def record_skipped(self, skipped: SkippedURL) -> None:
        self._check_open()
        with self._db:
            self._db.execute(
                "INSERT INTO skipped (url, reason, via) VALUES (?, ?, ?)",
                (skipped.url, skipped.reason, skipped.via),
            )
            self._db.execute("UPDATE frontier SET done = 1 WHERE url = ?", (skipped.url,))

    def _new_warc_file(self, file: str, end: int) -> None:
        # Known from the start, so a crash in the file's first record can be cut off too.
        with self._db:
            self._set_warc_end(file, end)

    def _set_warc_end(self, file: str, end: int) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (f"warc_end:{file}", str(end))
        )

    def _insert(self, record: FetchRecord, *, warc_end: tuple[str, int] | None, role: str) -> None:
        if role not in index_db.ROLES:
            raise ValueError(f"unknown record role {role!r}")
        columns = ", ".join((*index_db.RECORD_COLUMNS, "role"))
        marks = ", ".join("?" for _ in range(len(index_db.RECORD_COLUMNS) + 1))
        with self._db:
            self._db.execute(
                f"INSERT INTO records ({columns}) VALUES ({marks})",
                (*index_db.record_to_row(record), role),
            )
            self._db.execute("UPDATE frontier SET done = 1 WHERE url = ?", (record.url,))
            if warc_end is not None:
                self._set_warc_end(*warc_end)

    # ------------------------------------------------------------------ frontier (resume)

    def add_to_frontier(self, entries: Iterable[FrontierEntry]) -> None:
        """Persist queued URLs; an entry for a URL still queued replaces the older one."""
        self._check_open()
        with self._db:
            self._db.executemany(
                "INSERT INTO frontier (url, depth, via, link_text, tier) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (url) DO UPDATE SET depth = excluded.depth, via = excluded.via, "
                "link_text = excluded.link_text, tier = excluded.tier WHERE done = 0",
                [(e.url, e.depth, e.via, e.link_text, e.tier) for e in entries],
            )

    def mark_done(self, url: str) -> None:
        """Take a URL off the persisted frontier without a record (e.g. it was a duplicate)."""
        self._check_open()
        with self._db:
            self._db.execute("UPDATE frontier SET done = 1 WHERE url = ?", (url,))

    def pending_frontier(self) -> list[FrontierEntry]:
        rows = self._db.execute(
            "SELECT url, depth, via, link_text, tier FROM frontier WHERE done = 0 ORDER BY rowid"
        ).fetchall()
        return [FrontierEntry(*row) for row in rows]

    def known_urls(self) -> set[str]:
        """Every URL already queued, fetched or skipped: a resumed crawl must not redo them."""
        rows = self._db.execute(
            "SELECT url FROM frontier UNION SELECT url FROM records "
            "UNION SELECT final_url FROM records UNION SELECT url FROM skipped"
        ).fetchall()
        return {url for (url,) in rows}

    def records(self, role: str | None = None) -> list[FetchRecord]:
        return index_db.select_records(self._db, role)

    def set_meta(self, key: str, value: str) -> None:
        self._check_open()
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def get_meta(self, key: str) -> str | None:
        return index_db.read_meta(self._db).get(key)

    # ------------------------------------------------------------------ finishing

    def _counts(self) -> tuple[int, int]:
        (records,) = self._db.execute("SELECT COUNT(*) FROM records").fetchone()
        (skipped,) = self._db.execute("SELECT COUNT(*) FROM skipped").fetchone()
        return int(records), int(skipped)

    def _write_info(self) -> None:
        (self._path / INFO_FILE).write_text(self._info.model_dump_json(indent=2), encoding="utf-8")

    def finish(self) -> SnapshotInfo:
        """Seal the snapshot: later writes raise SnapshotError and the files become read-only."""
        self._check_open()
        records, skipped = self._counts()
        finished = datetime.now(UTC)
        self._info = self._info.model_copy(
            update={"finished_at": finished, "records": records, "skipped": skipped}
        )
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('finished_at', ?)",
                (finished.isoformat(),),
            )
            self._db.execute("DELETE FROM frontier")
        self._write_info()
        self.close()
        self._finished = True
        # Back to a single-file journal, so readers can open it read-only without -wal/-shm.
        with sqlite3.connect(self._path / index_db.INDEX_FILE) as connection:
            connection.execute("PRAGMA journal_mode=DELETE")
        connection.close()
        for file in [self._path / INFO_FILE, self._path / index_db.INDEX_FILE]:
            file.chmod(0o444)
        for file in (self._path / WARC_DIR).glob("*.warc.gz"):
            file.chmod(0o444)
        return self._info

    def close(self) -> None:
        self._warc.close()
        self._db.close()
