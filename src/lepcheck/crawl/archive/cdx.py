"""Reading a CDX API's answer, in either dialect, into capture rows.

- The Internet Archive (`output=json`): one JSON array per line, the first naming the fields
  (`urlkey timestamp original mimetype statuscode digest length`), a resume key after an empty
  array when `showResumeKey=true` and the answer was cut at `limit`.
- pywb (`output=json`): JSON lines, one object per capture (`url`, `status`, `mime`, ...).
- Either, as plain text: space-separated CDX lines, or CDXJ (`urlkey timestamp {json}`).

A line that cannot be read is counted and skipped (the rest of the answer stands); an answer
that is no CDX at all (an HTML page, an error object) raises NotCdxError.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

REVISIT_MIME = "warc/revisit"
_TIMESTAMP = re.compile(r"^\d{14}$")
# Field names in the IA's header row, as pywb names them.
_PYWB_NAMES = {"original": "url", "mimetype": "mime", "statuscode": "status"}
_TEXT_FIELDS = ("urlkey", "timestamp", "url", "mime", "status", "digest")


class NotCdxError(ValueError):
    """The answer is not a CDX index answer at all."""


@dataclass(frozen=True)
class CdxRow:
    """One capture as an index lists it."""

    urlkey: str
    timestamp: str  # 14 digits, UTC
    url: str  # the original URL as captured
    mime: str = ""
    status: int | None = None  # None for "-" (a revisit names no status of its own)
    digest: str = ""  # base-32 SHA-1 of the payload, without "sha1:"

    @property
    def is_revisit(self) -> bool:
        return self.mime == REVISIT_MIME

    @property
    def captured_at(self) -> datetime:
        return datetime.strptime(self.timestamp, "%Y%m%d%H%M%S").replace(tzinfo=UTC)


@dataclass
class CdxPage:
    rows: list[CdxRow] = field(default_factory=list)
    malformed: int = 0
    resume_key: str | None = None


def status_of(value: Any) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() else None


def digest_of(value: Any) -> str:
    text = str(value or "").strip()
    return text.split(":", 1)[1].upper() if text.lower().startswith("sha1:") else text.upper()


def row_from(values: dict[str, Any]) -> CdxRow | None:
    """A row from named fields in either dialect's names; None when one it needs is wrong."""
    named = {_PYWB_NAMES.get(k, k): v for k, v in values.items()}
    timestamp = str(named.get("timestamp", ""))
    url = str(named.get("url", ""))
    if not _TIMESTAMP.match(timestamp) or not url.startswith(("http://", "https://")):
        return None
    try:
        datetime.strptime(timestamp, "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return CdxRow(
        urlkey=str(named.get("urlkey", "")),
        timestamp=timestamp,
        url=url,
        mime=str(named.get("mime", "") or ""),
        status=status_of(named.get("status")),
        digest=digest_of(named.get("digest")),
    )


def _strip_array_line(line: str) -> str:
    """One line of the IA's pretty JSON array: '[["a","b"],' or '["a","b"],' or '["a"]]'."""
    if line.startswith("[["):
        line = line[1:]
    line = line.rstrip(",")
    if line.endswith("]]"):
        line = line[:-1]
    return line


def _parse_arrays(lines: list[str], page: CdxPage) -> None:
    names: list[str] | None = None
    after_gap = False
    for line in lines:
        try:
            values = json.loads(_strip_array_line(line))
        except ValueError:
            page.malformed += 1
            continue
        if not isinstance(values, list):
            page.malformed += 1
        elif not values:
            after_gap = True  # the empty array before a resume key
        elif after_gap and len(values) == 1:
            page.resume_key = str(values[0])
        elif names is None:
            names = [str(v) for v in values]
        elif len(values) != len(names):
            page.malformed += 1
        else:
            _add(page, row_from(dict(zip(names, values, strict=True))))


def _add(page: CdxPage, row: CdxRow | None) -> None:
    if row is None:
        page.malformed += 1
    else:
        page.rows.append(row)


def _parse_text_line(line: str) -> CdxRow | None:
    parts = line.split(" ", 2)
    if len(parts) == 3 and parts[2].startswith("{"):  # CDXJ
        try:
            values = json.loads(parts[2])
        except ValueError:
            return None
        if not isinstance(values, dict):
            return None
        return row_from({**values, "urlkey": parts[0], "timestamp": parts[1]})
    fields = line.split()
    if len(fields) < 6:
        return None
    return row_from(dict(zip(_TEXT_FIELDS, fields[:6], strict=True)))


def parse_cdx(text: str) -> CdxPage:
    """Capture rows from a CDX answer in any of the dialects above."""
    page = CdxPage()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return page
    first = lines[0]
    if first.startswith("<") or (first.startswith("{") and _is_error_object(first)):
        raise NotCdxError(f"not a CDX answer: it begins {first[:60]!r}")
    if first.startswith("["):
        _parse_arrays(lines, page)
        return page
    for line in lines:
        if line.startswith("{"):
            try:
                values = json.loads(line)
            except ValueError:
                page.malformed += 1
                continue
            _add(page, row_from(values) if isinstance(values, dict) else None)
        else:
            _add(page, _parse_text_line(line))
    if page.malformed == len(lines):
        raise NotCdxError(f"not a CDX answer: no line could be read (it begins {first[:60]!r})")
    return page


def _is_error_object(line: str) -> bool:
    try:
        values = json.loads(line)
    except ValueError:
        return False
    return isinstance(values, dict) and ("error" in values or "message" in values)
