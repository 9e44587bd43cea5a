"""Bounded decoding of response bodies: raw deflate read, decompression bombs stopped."""

from __future__ import annotations

import gzip
import zlib

from lepcheck.crawl.decoding import BoundedBody


def test_bounded_body_reads_raw_deflate_and_stops_a_bomb() -> None:
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    data = raw.compress(b"minutes " * 100) + raw.flush()
    body = BoundedBody("deflate", 10_000)
    body.feed(data)
    assert body.body == b"minutes " * 100 and not body.truncated
    bomb = BoundedBody("gzip", 1000)
    bomb.feed(gzip.compress(b"\0" * 10_000_000))
    assert bomb.truncated and bomb.size == 1000
