"""Waves: how a best-first crawl stays deterministic with several workers (issue 17).

The workers fetch one wave at a time: every queued URL of the best band, best first. What the
responses give is read as they arrive and acted on when the wave is over, in the order the
requests were made (`Discovery.flush`); then the families choose their next members and the
next wave begins with the best band queued. So the pages a crawl fetches depend on what the site
holds and never on which response came back first. Between waves the crawl also decides to stop:
when the best band left is not plausible evidence (`Economy.plausible`).

The economy's state and how many records have been acted on are written to the snapshot at each
turn, so a crawl killed mid-wave resumes judging as it did and acts on what it had not.
"""

from __future__ import annotations

import json
from dataclasses import replace

from lepcheck.crawl.discovery import Discovery
from lepcheck.crawl.economy import Economy
from lepcheck.crawl.frontier import Frontier
from lepcheck.crawl.state import CrawlState
from lepcheck.models import FetchRecord
from lepcheck.snapshot.warc_files import read_response

STATE_KEY = "crawl_economy_state"
FOLLOWED_KEY = "crawl_records_followed"


class Waves:
    def __init__(
        self, state: CrawlState, frontier: Frontier, discovery: Discovery, economy: Economy
    ) -> None:
        self.state = state
        self.frontier = frontier
        self.discovery = discovery
        self.economy = economy

    def next_wave(self) -> int | None:
        """Called with nothing in flight: act on the last wave, choose family members, and
        give the band of the next wave, or None when the crawl is done or should stop."""
        self.turn()
        best = self.frontier.best_band()
        if best is None:
            return None
        if not self.economy.plausible(best):
            self.economy.stop_reason(len(self.frontier))
            return None
        return best

    def turn(self) -> None:
        self.discovery.flush()
        for url in self.economy.choose():
            entry = self.frontier.queued(url)
            if entry is not None:
                self.frontier.push(replace(entry))  # its worth is now SAMPLE
        writer = self.state.writer
        writer.set_meta(STATE_KEY, json.dumps(self.economy.state()))
        writer.set_meta(FOLLOWED_KEY, str(len(writer.records())))

    def resumed(self) -> None:
        """After a resumed crawl restored its frontier: judge it again as the interrupted crawl
        did, and act on the responses archived after its last turn."""
        writer = self.state.writer
        saved = writer.get_meta(STATE_KEY)
        if saved:
            self.economy.restore(json.loads(saved))
        for entry in list(self.frontier.drain()):
            worth = self.economy.judge(
                entry.url, entry.link_text or "", depth=entry.depth, tier=entry.tier, via=entry.via
            )
            self.economy.admit(entry.url, worth)
            self.frontier.push(entry)
        followed = int(writer.get_meta(FOLLOWED_KEY) or 0)
        for record in writer.records()[followed:]:
            self.refollow(record)

    def refollow(self, record: FetchRecord) -> None:
        if record.warc_offset < 0:
            return
        _, body = read_response(self.state.writer.path / record.warc_file, record.warc_offset)
        found = self.discovery.read(record, body)
        self.discovery.later((), record.url, lambda: self.discovery.apply(found))
