"""Content decoding with a bound on the decoded size, so a gzip bomb cannot fill memory."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

# zlib window bits: 16 + MAX_WBITS reads gzip, MAX_WBITS reads zlib, -MAX_WBITS raw deflate.
_GZIP = 16 + zlib.MAX_WBITS


@dataclass
class BoundedBody:
    """Collects decoded bytes up to `limit`; anything beyond is dropped and marks truncation."""

    encoding: str
    limit: int
    chunks: list[bytes] = field(default_factory=list)
    size: int = 0
    truncated: bool = False
    _decoder: zlib._Decompress | None = None

    def __post_init__(self) -> None:
        self.encoding = self.encoding.strip().lower()
        if self.encoding in ("gzip", "x-gzip"):
            self._decoder = zlib.decompressobj(_GZIP)
        elif self.encoding == "deflate":
            self._decoder = zlib.decompressobj(zlib.MAX_WBITS)

    def _keep(self, data: bytes) -> None:
        room = self.limit - self.size
        if len(data) > room:
            data = data[:room]
            self.truncated = True
        self.chunks.append(data)
        self.size += len(data)

    def feed(self, raw: bytes) -> None:
        """Add raw bytes from the wire; check `truncated` afterwards to stop reading."""
        if self._decoder is None:
            self._keep(raw)
            return
        data = raw
        while data and not self.truncated:
            try:
                # max_length bounds each step: at most one byte past the limit is inflated.
                out = self._decoder.decompress(data, self.limit - self.size + 1)
            except zlib.error:
                if self.encoding == "deflate" and self.size == 0 and not self.chunks:
                    # Some servers send raw deflate without the zlib header.
                    self._decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise
            self._keep(out)
            data = self._decoder.unconsumed_tail
            if not data and self._decoder.eof and self._decoder.unused_data:
                # Another gzip member follows.
                data = self._decoder.unused_data
                self._decoder = zlib.decompressobj(_GZIP)

    @property
    def body(self) -> bytes:
        return b"".join(self.chunks)
