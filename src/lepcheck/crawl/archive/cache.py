"""Index answers kept in the snapshot folder (`archive-index/`), so that a resumed crawl, a
re-run over the same folder or a later audit that names this snapshot never asks the archive
the same question twice, and the snapshot keeps what the archive said as evidence.

One JSON file per query, named by the SHA-256 of the query URL: the query, the archive, when it
was asked and the answer's text. An answer read from an earlier snapshot is copied into this
one, so each snapshot stands alone.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

CACHE_DIR = "archive-index"


@dataclass(frozen=True)
class CachedAnswer:
    query: str
    text: str
    asked_at: str


def _name(query: str) -> str:
    return hashlib.sha256(query.encode("utf-8")).hexdigest()[:32] + ".json"


class IndexCache:
    def __init__(self, folder: Path, reuse_from: tuple[Path, ...] = ()) -> None:
        self.folder = folder / CACHE_DIR
        self.reuse = tuple(p / CACHE_DIR for p in reuse_from)
        self.hits = 0

    def get(self, query: str) -> CachedAnswer | None:
        for number, folder in enumerate((self.folder, *self.reuse)):
            path = folder / _name(query)
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not isinstance(data, dict) or data.get("query") != query:
                continue
            answer = CachedAnswer(query, str(data.get("text", "")), str(data.get("asked_at", "")))
            if number > 0:
                self._write(answer, str(data.get("archive", "")))
            self.hits += 1
            return answer
        return None

    def put(self, query: str, text: str, archive: str) -> None:
        self._write(CachedAnswer(query, text, datetime.now(UTC).isoformat()), archive)

    def _write(self, answer: CachedAnswer, archive: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        record = {
            "query": answer.query,
            "archive": archive,
            "asked_at": answer.asked_at,
            "text": answer.text,
        }
        path = self.folder / _name(answer.query)
        temporary = path.with_suffix(".part")
        temporary.write_text(json.dumps(record), encoding="utf-8")
        temporary.replace(path)
