"""The SQLite index of a snapshot: schema and the mapping between rows and models.

Kept apart from the writer and the reader so both agree on one schema.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from lepcheck.models import ArchiveCapture, FetchRecord, SkippedURL

INDEX_FILE = "index.sqlite"
INFO_FILE = "snapshot.json"
WARC_DIR = "warc"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL,
    final_url TEXT NOT NULL,
    status INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    length INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    last_modified TEXT,
    etag TEXT,
    warc_file TEXT NOT NULL,
    warc_offset INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    via TEXT,
    link_text TEXT,
    depth INTEGER NOT NULL,
    truncated INTEGER NOT NULL,
    error TEXT,
    role TEXT NOT NULL DEFAULT 'page'
);
CREATE INDEX IF NOT EXISTS records_url ON records (url);
CREATE TABLE IF NOT EXISTS skipped (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL,
    reason TEXT NOT NULL,
    via TEXT
);
CREATE TABLE IF NOT EXISTS archive_captures (
    url TEXT NOT NULL,
    role TEXT NOT NULL,
    capture TEXT NOT NULL,
    PRIMARY KEY (url, role)
);
CREATE TABLE IF NOT EXISTS frontier (
    url TEXT PRIMARY KEY,
    depth INTEGER NOT NULL,
    via TEXT,
    link_text TEXT,
    tier INTEGER NOT NULL,
    done INTEGER NOT NULL DEFAULT 0
);
"""

RECORD_COLUMNS: tuple[str, ...] = (
    "url",
    "final_url",
    "status",
    "content_type",
    "length",
    "sha256",
    "fetched_at",
    "last_modified",
    "etag",
    "warc_file",
    "warc_offset",
    "first_seen",
    "via",
    "link_text",
    "depth",
    "truncated",
    "error",
)
# Why a URL was fetched: "page" for the site's pages and documents, "robots" and "sitemap"
# for the files the crawler reads for itself (archived as evidence of its decisions);
# "rendered" for a page's DOM after its scripts ran (a WARC conversion record of the page's
# response), "subresource" for the scripts and data a rendered page loaded; "probe" for a
# committee system's method list.
ROLES = ("page", "robots", "sitemap", "probe", "rendered", "subresource")
# What a web-archive capture is to a record (issue 15): "source" when the record's bytes were
# replayed from it (a time-machine audit), "first" when it is the first capture of the same
# bytes (proof of publication by then).
CAPTURE_ROLES = ("source", "first")
_DATE_COLUMNS = frozenset({"fetched_at", "last_modified", "first_seen"})


@dataclass(frozen=True)
class FrontierEntry:
    """A URL waiting to be fetched, persisted so that an interrupted crawl can resume.

    `tier` orders entries before depth: 0 for links found on pages, 1 for sitemap seeds.
    """

    url: str
    depth: int
    via: str | None = None
    link_text: str | None = None
    tier: int = 0


def connect(folder: Path, *, read_only: bool) -> sqlite3.Connection:
    path = folder / INDEX_FILE
    if read_only:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    else:
        connection = sqlite3.connect(path)
        # WAL with synchronous=NORMAL keeps one commit per fetched URL cheap, and a crash
        # loses at most the last uncommitted rows, never the database.
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.executescript(SCHEMA)
    return connection


def record_to_row(record: FetchRecord) -> tuple[Any, ...]:
    values = record.model_dump()
    row: list[Any] = []
    for column in RECORD_COLUMNS:
        value = values[column]
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, bool):
            value = int(value)
        row.append(value)
    return tuple(row)


def row_to_record(row: tuple[Any, ...]) -> FetchRecord:
    values: dict[str, Any] = {}
    for column, value in zip(RECORD_COLUMNS, row, strict=True):
        if column in _DATE_COLUMNS and value is not None:
            value = datetime.fromisoformat(value)
        elif column == "truncated":
            value = bool(value)
        values[column] = value
    return FetchRecord(**values)


def select_records(connection: sqlite3.Connection, role: str | None = None) -> list[FetchRecord]:
    columns = ", ".join(RECORD_COLUMNS)
    where, values = ("WHERE role = ?", (role,)) if role else ("", ())
    rows = connection.execute(
        f"SELECT {columns} FROM records {where} ORDER BY seq", values
    ).fetchall()
    return [row_to_record(row) for row in rows]


def select_skipped(connection: sqlite3.Connection) -> list[SkippedURL]:
    rows = connection.execute("SELECT url, reason, via FROM skipped ORDER BY seq").fetchall()
    return [SkippedURL(url=url, reason=reason, via=via) for url, reason, via in rows]


def count_rows(connection: sqlite3.Connection) -> tuple[int, int, int]:
    """Responses and errors recorded, URLs skipped, and URLs still queued (a finished
    snapshot has none: its frontier is emptied when it is sealed)."""
    counts = connection.execute(
        "SELECT (SELECT COUNT(*) FROM records), (SELECT COUNT(*) FROM skipped), "
        "(SELECT COUNT(*) FROM frontier WHERE done = 0)"
    ).fetchone()
    return int(counts[0]), int(counts[1]), int(counts[2])


def read_meta(connection: sqlite3.Connection) -> dict[str, str]:
    return dict(connection.execute("SELECT key, value FROM meta").fetchall())


def select_captures(connection: sqlite3.Connection) -> dict[tuple[str, str], ArchiveCapture]:
    """Archive captures by (record URL, role); a snapshot older than issue 15 has none."""
    exists = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'archive_captures'"
    ).fetchone()
    if not exists:
        return {}
    rows = connection.execute("SELECT url, role, capture FROM archive_captures").fetchall()
    return {(url, role): ArchiveCapture.model_validate_json(text) for url, role, text in rows}
