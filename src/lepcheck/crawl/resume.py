"""Resuming an interrupted crawl from its snapshot: the frontier, the URLs seen, the sites
counted as the LEP's own and the robots.txt files already fetched are all on disk, so a
resumed crawl fetches nothing twice."""

from __future__ import annotations

import json

from lepcheck.crawl.frontier import Frontier
from lepcheck.crawl.robots import RobotsCache
from lepcheck.crawl.state import CrawlState
from lepcheck.crawl.urls import dedup_key
from lepcheck.models import FetchRecord
from lepcheck.snapshot.warc_files import read_response


def restore(state: CrawlState, frontier: Frontier, robots: RobotsCache) -> bool:
    """Reload the state of an interrupted crawl; False when it never got past the start."""
    writer = state.writer
    records = writer.records()
    if not any(r.url == state.start for r in records):
        return False
    state.seen = {dedup_key(url) for url in writer.known_urls()}
    _restore_robots(state, records, robots)
    for record in records:
        state.note_landed(record)
    for site in json.loads(writer.get_meta("own_sites") or "[]"):
        state.scope.add_own_site(site)
    state.pages_started = sum(1 for r in records if r.depth > 0 or r.url == state.start)
    for entry in writer.pending_frontier():
        frontier.push(entry)
    return True


def _restore_robots(state: CrawlState, records: list[FetchRecord], robots: RobotsCache) -> None:
    """robots.txt files the interrupted crawl already fetched are read back from its WARC."""
    for record in records:
        if not record.url.endswith("/robots.txt") or record.warc_offset < 0:
            continue
        _, body = read_response(state.writer.path / record.warc_file, record.warc_offset)
        robots.preload(record.url, record.status, body)
