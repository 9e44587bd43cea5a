"""crawl(): a polite, bounded, best-first crawl of one LEP website into a snapshot.

Scope: the LEP's own site, plus declared related sites one hop out (their pages when linked
from the LEP's pages, and the documents those pages link to, wherever they live), plus
documents on other sites linked straight from the LEP's pages (the LEP published them by
linking them). Pages of other sites are recorded as skipped "off-site".

One crawl run wires its jobs together here: what to fetch (`discovery`, `frontier`), whether a
hop may be fetched (`gate`), where the bytes come from (`source`), writing what was fetched
(`recorder`), the workers (`loop`), re-crawl against an earlier snapshot (`recrawl`) and
resuming an interrupted one (`resume`); what each URL is worth, which look-alike pages are
sampled and when to stop (`economy`, acted on between `waves`; `--exhaustive` crawls
breadth-first instead). This module keeps the start of a crawl (the start URL must answer; it
may move the site) and the fetch of one frontier entry.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Coroutine
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from lepcheck.crawl.archive.profiles import resolve_archive
from lepcheck.crawl.archive.session import ArchiveSession, archive_session
from lepcheck.crawl.discovery import Discovery
from lepcheck.crawl.economy import META_KEY as ECONOMY_KEY
from lepcheck.crawl.economy import Economy
from lepcheck.crawl.errors import BlockedAddressError, TargetUnreachableError
from lepcheck.crawl.fetch import FetchResult
from lepcheck.crawl.frontier import Frontier, breadth_first
from lepcheck.crawl.gate import Gate
from lepcheck.crawl.guard import NetworkGuard
from lepcheck.crawl.kinds import is_document_url
from lepcheck.crawl.loop import FetchLoop
from lepcheck.crawl.options import CrawlOptions
from lepcheck.crawl.pacing import HostPacer
from lepcheck.crawl.recorder import Recorder
from lepcheck.crawl.recrawl import PreviousSnapshot, conditional_headers
from lepcheck.crawl.render.source import rendering_source
from lepcheck.crawl.resume import restore
from lepcheck.crawl.robots import origin
from lepcheck.crawl.scope import Zone
from lepcheck.crawl.sitemaps import MAX_SITEMAP_FILES, SITEMAP_MAX_BYTES, parse_sitemap
from lepcheck.crawl.source import FetchSource, http_source
from lepcheck.crawl.state import CrawlState, EventSink, one_line
from lepcheck.crawl.urls import dedup_key, normalise_url
from lepcheck.crawl.waves import Waves
from lepcheck.models import FetchRecord, SnapshotInfo
from lepcheck.snapshot.errors import SnapshotError
from lepcheck.snapshot.index_db import FrontierEntry
from lepcheck.snapshot.store import SnapshotWriter

# With no pause asked for, a few parallel requests to one host are still polite on loopback
# or an intranet mirror; with any pause, one request at a time per host.
PARALLEL_PER_HOST_WITHOUT_DELAY = 4
SITEMAP_TIER = 1
_LANDED = "landed"  # a hop-check answer: the redirect leads to a response already archived


def crawl(
    options: CrawlOptions,
    snapshot_path: Path,
    *,
    target_id: str,
    on_event: EventSink | None = None,
    resume: bool = False,
    guard: NetworkGuard | None = None,
) -> SnapshotInfo:
    """Crawl `options.start_url` into a snapshot folder at `snapshot_path`.

    Raises BlockedAddressError before any request when the SSRF guard refuses the start URL,
    and TargetUnreachableError when the start URL cannot be fetched at all (the snapshot is
    still finished, holding the failed attempt as evidence). With `resume=True`, continues
    an unfinished snapshot at `snapshot_path` without refetching what it holds. `guard` is
    the seam for a resolver and address policy of one's own (tests); by default the system
    resolver and the public-address policy, private networks as the options say.
    """
    given = options.start_url.strip()
    # "www.example-lep.org.uk" as typed by a user means the https site.
    start = normalise_url(given if "://" in given else f"https://{given}")
    if start is None:
        raise TargetUnreachableError(
            f"cannot crawl {options.start_url}: not an http or https URL with a host"
        )
    guard = guard or NetworkGuard(allow_private_network=options.allow_private_network)
    archive = options.archive
    # A time-machine crawl connects only to the archive: its address is the one to guard.
    guard.check_url(
        resolve_archive(archive.archive).cdx if archive and archive.time_machine else start
    )
    if resume:
        writer = SnapshotWriter.resume(snapshot_path)
    else:
        writer = SnapshotWriter(snapshot_path, target_url=options.start_url, target_id=target_id)
    run = CrawlRun(options, start, writer, on_event, guard)
    try:
        _run_coroutine_sync(run.run(resume=resume))
    except (TargetUnreachableError, BlockedAddressError):
        writer.finish()
        raise
    except BaseException:
        # Unfinished on purpose: the frontier is on disk and the crawl can be resumed.
        writer.close()
        raise
    return writer.finish()


def _run_coroutine_sync(coroutine: Coroutine[Any, Any, None]) -> None:
    """asyncio.run, also from a caller that already runs an event loop (it gets a thread)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(coroutine)
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coroutine).result()


def _www_toggled(url: str) -> str | None:
    """The same URL on "www." + host, or on the bare host when it has "www."; None for IPs."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host or host.replace(".", "").isdigit() or ":" in host or "." not in host:
        return None
    other = host.removeprefix("www.") if host.startswith("www.") else f"www.{host}"
    netloc = parts.netloc.replace(host, other, 1)
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


class CrawlRun:
    def __init__(
        self,
        options: CrawlOptions,
        start: str,
        writer: SnapshotWriter,
        on_event: EventSink | None,
        guard: NetworkGuard,
    ) -> None:
        self.state = CrawlState(options, start, writer, on_event)
        self.guard = guard
        self.pacer = HostPacer(options.delay)
        limit = PARALLEL_PER_HOST_WITHOUT_DELAY if options.delay <= 0 else 1
        self.economy = Economy(options)
        order = breadth_first if options.exhaustive else self.economy.order
        self.frontier = Frontier(limit, order)
        self.recorder = Recorder(self.state)
        self.discovery = Discovery(self.state, self.frontier, self.economy)
        self.waves = Waves(self.state, self.frontier, self.discovery, self.economy)
        self.previous = PreviousSnapshot(options.previous)
        self._source: FetchSource | None = None
        self._gate: Gate | None = None
        self.archive: ArchiveSession | None = None

    @property
    def source(self) -> FetchSource:
        assert self._source is not None, "opened by run()"
        return self._source

    @property
    def gate(self) -> Gate:
        assert self._gate is not None, "opened by run()"
        return self._gate

    @asynccontextmanager
    async def _open_source(self) -> AsyncIterator[FetchSource]:
        """The live web, or a web archive for a time-machine crawl (crawl/archive); an archive
        named only for dates is opened beside the live web."""
        state, options = self.state, self.state.options
        live = http_source(
            options,
            guard=self.guard,
            deadline=state.deadline,
            pace=self.pacer.wait_turn,
            on_retry=lambda url, detail: state.emit("retry", url, detail),
        )
        if options.archive is None:
            async with (
                live as http,
                rendering_source(http, options, self._check_subrequest) as source,
            ):
                yield source
            return
        async with archive_session(
            options.archive,
            state.writer,
            user_agent=options.user_agent,
            guard=self.guard,
            max_bytes=options.max_bytes,
            timeout=options.timeout,
            whole_host=lambda url: state.scope.zone(url) is not Zone.OFFSITE,
            on_retry=lambda url, detail: state.emit("retry", url, detail),
        ) as self.archive:
            if self.archive.time_machine:
                # Pages as the archive captured them: none is drawn (CrawlOptions refuses
                # render="always" beside a time machine; "auto" draws nothing here).
                yield self.archive.source()
            else:
                async with (
                    live as http,
                    rendering_source(http, options, self._check_subrequest) as source,
                ):
                    yield source
            await self.archive.finish(state.writer)

    async def run(self, *, resume: bool) -> None:
        state, options = self.state, self.state.options
        async with self._open_source() as self._source:
            self._gate = Gate(options, self.pacer, self._source, self.recorder, self.guard)
            state.emit("start", state.start, "resuming" if resume else "")
            if resume and restore(state, self.frontier, self.gate.robots):
                if self.economy.best_first:
                    self.waves.resumed()
            else:
                await self._crawl_start()
                discovery = self.discovery
                discovery.flush()  # the start page's links before the sitemap's
                if options.committee_adapters:
                    asks = discovery.committees.declared()
                    discovery.push_asks(asks, depth=1, via=state.home)
                # Sitemap URLs sit at depth 1: no use when the crawl cannot go beyond the start.
                if options.max_depth >= 1 and options.max_pages > 1:
                    await self._seed_sitemaps()
            waves = self.waves if self.economy.best_first else None
            await FetchLoop(state, self.frontier, self._fetch_listed, waves).run()
        self._finish()

    def _finish(self) -> None:
        """What is left queued is skipped with its reason; the economy's account is kept."""
        state, economy = self.state, self.economy
        if economy.best_first:
            self.waves.turn()  # act on the last wave: the needs it met, the URLs it found
        queued = len(self.frontier)
        stopped = economy.stopped
        if not stopped and queued:
            limit = f"the page budget (--max-pages {state.options.max_pages})"
            if not state.time_left():
                limit = f"the time budget ({state.options.total_time:g} s)"
            stopped = f"stopped: {limit} ran out with {queued:,} URLs queued"
        for entry in self.frontier.drain():
            reason = economy.leftover_reason(entry)
            economy.note_skipped(entry.url, entry.link_text or "", reason)
            state.skip(entry.url, reason, entry.via)
        state.writer.set_meta(
            ECONOMY_KEY, economy.account(pages=state.pages_started, stopped=stopped)
        )
        detail = f"{state.pages_started} fetched" + (f"; {stopped}" if stopped else "")
        state.emit("finish", state.start, detail)

    async def _check_subrequest(self, url: str) -> str | None:
        """A rendered page's request passes the gate as the crawl's own do (crawl/render)."""
        return await self.gate.check_hop(url)

    # ------------------------------------------------------------------ the start

    async def _crawl_start(self) -> None:
        state = self.state
        state.seen.add(dedup_key(state.start))
        state.pages_started += 1
        try:
            await self._fetch_entry(FrontierEntry(url=state.start, depth=0), is_start=True)
        except TargetUnreachableError as failure:
            alternate = _www_toggled(state.start)
            if not state.start_unconnected or alternate is None:
                raise
            # Registries list "www." where only the bare name answers, and the reverse.
            if await self.gate.guard_only(alternate):
                raise
            state.emit("retry", state.start, f"no connection; trying {alternate}")
            try:
                await self._fetch_entry(FrontierEntry(url=alternate, depth=0), is_start=True)
            except TargetUnreachableError:
                raise failure from None

    def _check_start(self, result: FetchResult) -> None:
        """The start URL must give a 2xx page, or there is nothing to audit."""
        state = self.state
        url = state.start
        if result.skip_reason == "blocked":
            self.recorder.archive(result, via=None, depth=0, link_text=None)
            raise BlockedAddressError(result.error or f"refused to fetch {result.skip_url}")
        problem: str | None = None
        if result.skip_reason == "robots":
            problem = f"robots.txt disallows {result.skip_url} for this crawler"
            rules = self.gate.robots.known(result.skip_url or url)
            if rules is not None and rules.disallow_all:
                problem = (
                    f"robots.txt answered HTTP {rules.status}, which forbids crawling "
                    "the site until it answers (RFC 9309)"
                )
        elif result.final is None:
            problem = result.error or "no response"
            # A server that answered with a redirect was reached: its www. twin is no cure.
            state.start_unconnected = not result.hops
        elif not (200 <= result.final.status < 300 or result.final.status == 304):
            problem = f"HTTP {result.final.status} from {result.final.url}"
            if result.final.status in (401, 403, 429):
                problem += " (the server refuses automated clients or this one)"
        if problem is not None:
            self.recorder.archive(result, via=None, depth=0, link_text=None)
            raise TargetUnreachableError(f"could not crawl {url}: {problem}")
        assert result.final is not None
        state.home = result.final.url
        if state.scope.zone(result.final.url) is not Zone.OWN:
            # The LEP moved to a new domain and redirects there: that is its site now.
            state.scope.add_own_site(result.final.url)
            state.writer.set_meta("own_sites", json.dumps([result.final.url]))

    async def _seed_sitemaps(self) -> None:
        """Sitemap URLs join the queue behind every page found through links."""
        state = self.state
        # Where the start URL landed (https, www): robots.txt and sitemap.xml of that origin.
        home = origin(state.home)
        robots = await self.gate.robots.rules_for(state.home)
        candidates = [*robots.sitemaps(), f"{home}/sitemap.xml"]
        queue = [u for u in (normalise_url(c) for c in candidates) if u]
        done: set[str] = set()
        while queue and len(done) < MAX_SITEMAP_FILES and state.time_left():
            url = queue.pop(0)
            if url in done or state.scope.zone(url) is not Zone.OWN:
                continue
            done.add(url)
            state.seen.add(dedup_key(url))
            result = await self.source.fetch(
                url,
                check_hop=self.gate.check_hop,
                skip_unwanted_types=False,
                max_bytes=SITEMAP_MAX_BYTES,
            )
            self.recorder.archive(result, via=None, depth=0, link_text=None, role="sitemap")
            if result.final is None or not 200 <= result.final.status < 300:
                continue
            pages, nested = parse_sitemap(result.final.body)
            queue.extend(u for u in (normalise_url(n) for n in nested) if u)
            links = [(u, "") for u in (normalise_url(p) for p in pages) if u]
            own = [(u, t) for u, t in links if state.scope.zone(u) is Zone.OWN]
            self.discovery.offer(own, depth=1, via=url, from_zone=Zone.OWN, tier=SITEMAP_TIER)

    # ------------------------------------------------------------------ one entry

    async def _fetch_listed(self, entry: FrontierEntry) -> FetchRecord | None:
        return await self._fetch_entry(entry, is_start=False)

    def _later(self, entry: FrontierEntry) -> tuple[tuple[int, ...], str]:
        """Where acting on this entry's response falls among the wave's (its frontier order)."""
        return self.economy.order(entry), entry.url

    async def _fetch_entry(self, entry: FrontierEntry, *, is_start: bool) -> FetchRecord | None:
        """Fetch one entry (from the archive when it lands where another already did), record
        it, and offer the links of what was archived."""
        state = self.state
        if not is_start:
            landed = state.landed.get(dedup_key(entry.url))
            if landed is not None:
                copied = self.recorder.copy_landed(entry, FetchResult(url=entry.url), landed)
                if copied is not None:
                    return self._follow(entry, *copied)
        previous = self.previous.record_of(entry.url)
        # A link to "register.pdf" served as image/png is fetched all the same: the body decides
        # whether it is the document (a mislabelled PDF) or a soft error the report must show.
        skip_types = not is_start and not is_document_url(entry.url)
        # A committee-system adapter's request: its own size cap and archive role.
        ask = self.discovery.committees.ask_of(entry.url)

        async def check_hop(url: str) -> str | None:
            # A redirect to a response already archived stops there (see copy_landed).
            if url != entry.url and not is_start and dedup_key(url) in state.landed:
                return _LANDED
            return await self.gate.check_hop(url)

        result = await self.source.fetch(
            entry.url,
            check_hop=check_hop,
            extra_headers=conditional_headers(previous),
            skip_unwanted_types=skip_types,
            max_bytes=ask.max_bytes if ask else None,
        )
        if result.skip_reason == _LANDED and result.skip_url is not None:
            landed = state.landed[dedup_key(result.skip_url)]
            copied = self.recorder.copy_landed(entry, result, landed)
            if copied is not None:
                return self._follow(entry, *copied)
            result = await self.source.fetch(
                entry.url, check_hop=self.gate.check_hop, skip_unwanted_types=skip_types
            )
        carried = None
        if result.final and result.final.status == 304:
            carried = self.previous.read(previous)
            if carried is None:
                # The copy a 304 refers to cannot be read back: ask for the full body instead.
                previous = None
                result = await self.source.fetch(
                    entry.url, check_hop=self.gate.check_hop, skip_unwanted_types=skip_types
                )
        if is_start:
            self._check_start(result)
        record, body = self.recorder.archive(
            result,
            via=entry.via,
            depth=entry.depth,
            link_text=entry.link_text,
            previous=previous,
            carried=carried,
            role=ask.role if ask else "page",
        )
        if record is None and ask is not None:
            # Not fetched (robots.txt, the guard): the adapter goes on without it.
            reason = result.skip_reason or "skipped"
            self.discovery.later(*self._later(entry), lambda: self._refused(entry, reason))
        return self._follow(entry, record, body)

    def _refused(self, entry: FrontierEntry, reason: str) -> None:
        asks = self.discovery.committees.refused(entry.url, reason)
        self.discovery.push_asks(asks or [], depth=entry.depth, via=entry.url)

    def _follow(
        self, entry: FrontierEntry, record: FetchRecord | None, body: bytes
    ) -> FetchRecord | None:
        """Read an archived response, and act on it (offer its links, or hand it to its
        committee adapter) now or at the wave's turn."""
        if record is None:
            return None
        discovery = self.discovery
        try:
            found = discovery.read(record, body)
            discovery.later(*self._later(entry), lambda: discovery.apply(found))
        except (SnapshotError, OSError):
            raise
        except Exception as error:
            # The page is archived; only its links are lost, and the log says so.
            self.state.emit("error", record.url, f"links not read: {one_line(error)}")
        return record
