"""Deciding what to fetch: the links of each archived page (and the sitemap entries) are offered
to the frontier with their worth to the audit (lepcheck.crawl.economy), or recorded as skipped
with the reason (off-site, depth, trap, type).

Links come from `page_links`, which reads a page's HTML. Committee-system adapters
(`committees`: ModernGov) are the second reader: a link from the LEP's pages into an install
of a system they know is theirs, and so is every answer they asked for; what they ask next
joins the same frontier (see `committees.systems` for the rules they keep and bend).

A best-first crawl reads each response as it arrives but acts on it between waves (`later`,
`flush`), in the order the responses were asked for, so which pages a crawl fetches never
depends on which response came back first. An exhaustive crawl acts at once, as it always did.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from lepcheck.crawl.committees.ask import Ask
from lepcheck.crawl.committees.moderngov.urls import is_install_url
from lepcheck.crawl.committees.systems import META_KEY, CommitteeSystems
from lepcheck.crawl.economy import ASK, Economy
from lepcheck.crawl.frontier import Frontier
from lepcheck.crawl.kinds import is_document_link, is_html, is_unwanted_url
from lepcheck.crawl.links import extract_links, page_title, redirect_target
from lepcheck.crawl.scope import Zone
from lepcheck.crawl.state import CrawlState, one_line
from lepcheck.crawl.traps import TrapDetector
from lepcheck.crawl.urls import dedup_key
from lepcheck.crawl.worth import Worth
from lepcheck.models import FetchRecord
from lepcheck.snapshot.errors import SnapshotError
from lepcheck.snapshot.index_db import FrontierEntry


def page_links(record: FetchRecord, body: bytes) -> list[tuple[str, str]]:
    """(URL, link text) of every link on an archived HTML page."""
    found = extract_links(body, record.final_url, record.content_type)
    return [(link.url, link.text) for link in found]


@dataclass(frozen=True)
class Found:
    """What one archived response gave: its links (None when not a page to follow), its title,
    and the body where it is still needed (an adapter's answer, the start page)."""

    record: FetchRecord
    links: list[tuple[str, str]] | None = None
    title: str = ""
    body: bytes = b""
    answer: bool = False  # a committee adapter asked for it: the adapter reads it


class Discovery:
    def __init__(self, state: CrawlState, frontier: Frontier, economy: Economy) -> None:
        self.state = state
        self.frontier = frontier
        self.economy = economy
        self.traps = TrapDetector(datetime.now(UTC).date())
        self.committees = CommitteeSystems(state.options)
        self.pending: list[tuple[tuple[int, ...], str, Callable[[], None]]] = []

    # ------------------------------------------------------------------ acting between waves

    def later(self, key: tuple[int, ...], url: str, action: Callable[[], None]) -> None:
        """Act on a response now (exhaustive crawl) or at the next wave's turn, in `key` order
        (the order its request had in the frontier)."""
        if self.economy.best_first:
            self.pending.append((key, url, action))
        else:
            action()

    def flush(self) -> None:
        """Everything the last wave found, in the order its requests were made."""
        pending, self.pending = sorted(self.pending, key=lambda item: item[:2]), []
        for _, url, action in pending:
            try:
                action()
            except (SnapshotError, OSError):
                raise
            except Exception as error:
                # The page is archived; only its links are lost, and the log says so.
                self.state.emit("error", url, f"links not read: {one_line(error)}")

    # ------------------------------------------------------------------ offering URLs

    def reason_to_skip(
        self, url: str, depth: int, from_zone: Zone | None, link_text: str = ""
    ) -> str | None:
        if is_unwanted_url(url):
            return "type"
        zone = self.state.scope.zone(url)
        document = is_document_link(url, link_text)
        # Documents linked from the LEP's pages or a related page are fetched wherever they
        # live (a council keeps committee papers outside the committee page's prefix); pages
        # of a related site only when the LEP links them.
        linked_document = document and from_zone in (Zone.OWN, Zone.RELATED)
        if zone is Zone.RELATED and not (from_zone is Zone.OWN or linked_document):
            return "depth"
        if zone is Zone.OFFSITE and not linked_document:
            return "off-site"
        if depth > self.state.options.max_depth:
            return "depth"
        return "trap" if self.traps.reason(url, is_document=document) else None

    def offer(
        self,
        links: list[tuple[str, str]],
        *,
        depth: int,
        via: str,
        from_zone: Zone | None,
        tier: int = 0,
    ) -> list[Worth]:
        """Queue new URLs found on a page (or in a sitemap); record why others are not. Gives
        the worth of each URL newly queued or raised."""
        entries: list[FrontierEntry] = []
        raised: list[Worth] = []
        for url, text in links:
            adapted = self.state.options.committee_adapters
            if adapted and from_zone in (Zone.OWN, Zone.RELATED) and is_install_url(url):
                if not self.state.options.own_committees:
                    self.claim(url, text, depth=depth, via=via)
                    continue
                # The body's own install (on its own or a related site, never another body's):
                # its pages are its website, and its web service is asked.
                if self.state.scope.zone(url) is not Zone.OFFSITE:
                    self.push_asks(self.committees.noticed(url), depth=depth, via=via)
            queued = self.frontier.queued(url)
            key = dedup_key(url)
            if queued is None and key in self.state.seen:
                continue
            worth = self.economy.judge(url, text, depth=depth, tier=tier, via=via)
            if queued is not None:
                better = self.improved(queued, depth=depth, via=via, text=text, tier=tier)
                if self.economy.improve(url, worth):
                    raised.append(worth)
                    better = better or replace(queued)
                if better is not None:
                    self.frontier.push(better)
                    entries.append(better)
                continue
            self.state.seen.add(key)
            reason = self.reason_to_skip(url, depth, from_zone, text)
            if reason:
                self.economy.note_skipped(url, text, reason)
                self.state.skip(url, reason, via)
                continue
            entry = FrontierEntry(url=url, depth=depth, via=via, link_text=text or None, tier=tier)
            self.economy.admit(url, worth)
            raised.append(worth)
            entries.append(entry)
            self.frontier.push(entry)
        if entries:
            self.state.writer.add_to_frontier(entries)
        return raised

    def claim(self, url: str, text: str, *, depth: int, via: str) -> None:
        """A link into a committee system: its adapter decides what is fetched there."""
        asks, skip = self.committees.claim(url, text)
        self.push_asks(asks, depth=depth, via=via)
        key = dedup_key(url)
        if skip and key not in self.state.seen:
            self.state.seen.add(key)
            self.state.skip(url, skip, via)

    def push_asks(self, asks: list[Ask], *, depth: int, via: str) -> None:
        """An adapter's requests join the frontier with links (tier 0), at the depth of the
        link into the system however deep its walk goes: the system counts as one level."""
        entries: list[FrontierEntry] = []
        for ask in asks:
            key = dedup_key(ask.url)
            if key in self.state.seen:
                continue
            self.state.seen.add(key)
            entry = FrontierEntry(url=ask.url, depth=depth, via=via, link_text=ask.text or None)
            self.economy.admit(ask.url, ASK)
            self.frontier.push(entry)
            entries.append(entry)
        if entries:
            self.state.writer.add_to_frontier(entries)
        if self.committees.installs:
            self.state.writer.set_meta(META_KEY, self.committees.account())

    def improved(
        self, queued: FrontierEntry, *, depth: int, via: str, text: str, tier: int
    ) -> FrontierEntry | None:
        """A queued URL seen again: a link beats a sitemap entry, and text beats no text."""
        if tier < queued.tier and depth <= self.state.options.max_depth:
            return FrontierEntry(
                url=queued.url, depth=depth, via=via, link_text=text or None, tier=tier
            )
        if text and not queued.link_text:
            # The first link was an image or an icon: the first words a reader saw instead.
            return replace(queued, link_text=text)
        return None

    # ------------------------------------------------------------------ following responses

    def read(self, record: FetchRecord, body: bytes) -> Found:
        """What a response gives, read at once (its links and title, not yet acted on)."""
        if self.committees.ask_of(record.url) is not None:
            return Found(record, body=body, answer=True)
        if record.error or not (200 <= record.status < 300):
            return Found(record)
        if not is_html(record.content_type, body):
            return Found(record)
        if self.state.scope.zone(record.final_url) is Zone.OFFSITE:
            return Found(record)
        links = page_links(record, body)
        title = page_title(body, record.content_type)
        return Found(record, links, title, body if record.depth == 0 else b"")

    def follow_links(self, record: FetchRecord, body: bytes) -> None:
        """Read a response and act on it at once."""
        self.apply(self.read(record, body))

    def apply(self, found: Found) -> None:
        """Act on what a response gave: its adapter's next asks, the needs it meets, its links."""
        record = found.record
        if found.answer:  # an adapter's answer: the adapter says what comes next
            asks = self.committees.followed(record, found.body) or []
            self.push_asks(asks, depth=record.depth, via=record.url)
            return
        ok = not record.error and 200 <= record.status < 300
        self.economy.fetched(record.url, record.final_url, record.link_text or "", found.title, ok)
        if found.links is None:
            return
        self.economy.links_seen(found.links)
        zone = self.state.scope.zone(record.final_url)
        if record.depth == 0:
            self.follow_start_refresh(record, found.body)
        raised = self.offer(
            found.links, depth=record.depth + 1, via=record.final_url, from_zone=zone
        )
        self.economy.yielded(record.final_url, raised)

    def follow_start_refresh(self, record: FetchRecord, body: bytes) -> None:
        """A start page that only sends the reader on (meta refresh, script) to another
        domain: the LEP moved there, as with an HTTP redirect of the start URL."""
        scope = self.state.scope
        target = redirect_target(body, record.final_url, record.content_type)
        if target is None or scope.zone(target) is Zone.OWN:
            return
        if scope.zone(target) is Zone.RELATED:
            return
        scope.add_own_site(target)
        writer = self.state.writer
        sites = json.loads(writer.get_meta("own_sites") or "[]")
        writer.set_meta("own_sites", json.dumps([*sites, target]))
