"""crawl(): a polite, bounded, breadth-first crawl of one LEP website into a snapshot.

Scope: the LEP's own site, plus declared related sites one hop out (their pages when linked
from the LEP's pages, and the documents those pages link to, wherever they live), plus
documents on other sites linked straight from the LEP's pages (the LEP published them by
linking them). Pages of other sites are recorded as skipped "off-site".
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx

from lepcheck.crawl.errors import BlockedAddressError, TargetUnreachableError
from lepcheck.crawl.events import CrawlEvent, EventKind
from lepcheck.crawl.fetch import Fetcher, FetchResult, Response
from lepcheck.crawl.frontier import Frontier
from lepcheck.crawl.guard import check_url
from lepcheck.crawl.kinds import is_document_link, is_html, is_unwanted_url
from lepcheck.crawl.links import extract_links, redirect_target
from lepcheck.crawl.options import CrawlOptions
from lepcheck.crawl.pacing import HostPacer
from lepcheck.crawl.robots import ROBOTS_MAX_BYTES, RobotsCache, origin
from lepcheck.crawl.scope import Scope, Zone
from lepcheck.crawl.sitemaps import MAX_SITEMAP_FILES, SITEMAP_MAX_BYTES, parse_sitemap
from lepcheck.crawl.traps import TrapDetector
from lepcheck.crawl.urls import dedup_key, normalise_url
from lepcheck.models import FetchRecord, SkippedURL, SnapshotInfo
from lepcheck.snapshot.errors import SnapshotError
from lepcheck.snapshot.index_db import FrontierEntry
from lepcheck.snapshot.reader import Snapshot
from lepcheck.snapshot.store import SnapshotWriter
from lepcheck.snapshot.warc_files import read_response

WORKERS = 8
# With no pause asked for, a few parallel requests to one host are still polite on loopback
# or an intranet mirror; with any pause, one request at a time per host.
PARALLEL_PER_HOST_WITHOUT_DELAY = 4
SITEMAP_TIER = 1
_LANDED = "landed"  # a hop-check answer: the redirect leads to a response already archived
_ACCEPT = "text/html,application/xhtml+xml,application/pdf,*/*;q=0.8"

EventSink = Callable[[CrawlEvent], None]
# HTTP headers and body of a response read back from a previous snapshot.
ArchivedResponse = tuple[list[tuple[str, str]], bytes]


def crawl(
    options: CrawlOptions,
    snapshot_path: Path,
    *,
    target_id: str,
    on_event: EventSink | None = None,
    resume: bool = False,
) -> SnapshotInfo:
    """Crawl `options.start_url` into a snapshot folder at `snapshot_path`.

    Raises BlockedAddressError before any request when the SSRF guard refuses the start URL,
    and TargetUnreachableError when the start URL cannot be fetched at all (the snapshot is
    still finished, holding the failed attempt as evidence). With `resume=True`, continues
    an unfinished snapshot at `snapshot_path` without refetching what it holds.
    """
    given = options.start_url.strip()
    # "www.example-lep.org.uk" as typed by a user means the https site.
    start = normalise_url(given if "://" in given else f"https://{given}")
    if start is None:
        raise TargetUnreachableError(
            f"cannot crawl {options.start_url}: not an http or https URL with a host"
        )
    check_url(start, allow_private_network=options.allow_private_network)
    if resume:
        writer = SnapshotWriter.resume(snapshot_path)
    else:
        writer = SnapshotWriter(snapshot_path, target_url=options.start_url, target_id=target_id)
    run = _CrawlRun(options, start, writer, on_event)
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


def _warc_headers(response: Response) -> dict[str, str]:
    headers = {"WARC-IP-Address": response.ip_address} if response.ip_address else {}
    if response.truncated_by:
        headers["WARC-Truncated"] = response.truncated_by
    return headers


def _www_toggled(url: str) -> str | None:
    """The same URL on "www." + host, or on the bare host when it has "www."; None for IPs."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host or host.replace(".", "").isdigit() or ":" in host or "." not in host:
        return None
    other = host.removeprefix("www.") if host.startswith("www.") else f"www.{host}"
    netloc = parts.netloc.replace(host, other, 1)
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {' '.join(str(error).split())[:200]}"


def _load_previous(path: Path | None) -> tuple[Snapshot | None, dict[str, FetchRecord]]:
    if path is None:
        return None, {}
    try:
        snapshot = Snapshot.open(path)
        records = snapshot.records()
    except SnapshotError:
        return None, {}
    usable = {r.url: r for r in records if 200 <= r.status < 300 and not r.truncated and r.sha256}
    return snapshot, usable


class _CrawlRun:
    def __init__(
        self, options: CrawlOptions, start: str, writer: SnapshotWriter, on_event: EventSink | None
    ) -> None:
        self.options = options
        self.start = start
        self.home = start  # where the start URL lands after redirects
        self.start_unconnected = False  # the start URL gave no response at all
        self.writer = writer
        self.on_event = on_event
        self.scope = Scope(start, options.related_sites)
        self.traps = TrapDetector(datetime.now(UTC).date())
        self.pacer = HostPacer(options.delay)
        limit = PARALLEL_PER_HOST_WITHOUT_DELAY if options.delay <= 0 else 1
        self.frontier = Frontier(limit)
        self.seen: set[str] = set()
        # Archived 2xx responses by the dedup key of the URL they came from: a redirect or a
        # second spelling that lands on one of them is answered from the archive, not refetched.
        self.landed: dict[str, FetchRecord] = {}
        self.pages_started = 0
        self.in_flight = 0
        self.deadline = time.monotonic() + options.total_time
        self.previous, self.previous_records = _load_previous(options.previous)
        self.robots: RobotsCache | None = None
        self.fetcher: Fetcher | None = None
        self.condition: asyncio.Condition | None = None

    # ------------------------------------------------------------------ plumbing

    def emit(self, kind: EventKind, url: str, detail: str = "") -> None:
        if self.on_event is not None:
            self.on_event(CrawlEvent(kind=kind, url=url, detail=detail))

    def skip(self, url: str, reason: str, via: str | None) -> None:
        self.writer.record_skipped(SkippedURL(url=url, reason=reason, via=via))
        self.emit("skipped", url, reason)

    def time_left(self) -> bool:
        return time.monotonic() < self.deadline

    def _client(self, *, keep_alive: bool = True) -> httpx.AsyncClient:
        timeout = self.options.timeout
        return httpx.AsyncClient(
            follow_redirects=False,
            trust_env=False,  # a proxy from the environment would bypass the SSRF guard
            timeout=httpx.Timeout(timeout),
            limits=httpx.Limits(
                max_connections=WORKERS * 2,
                max_keepalive_connections=WORKERS if keep_alive else 0,
            ),
            headers={
                "User-Agent": self.options.user_agent,
                "Accept": _ACCEPT,
                "Accept-Encoding": "gzip, deflate",
                "Accept-Language": "en-GB,en;q=0.8",
            },
        )

    async def run(self, *, resume: bool) -> None:
        self.condition = asyncio.Condition()
        async with self._client() as client, self._client(keep_alive=False) as fresh:
            self.fetcher = Fetcher(
                client,
                max_bytes=self.options.max_bytes,
                timeout=self.options.timeout,
                allow_private_network=self.options.allow_private_network,
                deadline=self.deadline,
                pace=self.pacer.wait_turn,
                fresh_client=fresh,
            )
            self.fetcher.on_retry = lambda url, detail: self.emit("retry", url, detail)
            self.robots = RobotsCache(self._fetch_robots, self.options.user_agent)
            self.emit("start", self.start, "resuming" if resume else "")
            if not (resume and self._restore()):
                await self._crawl_start()
                # Sitemap URLs sit at depth 1: no use when the crawl cannot go beyond the start.
                if self.options.max_depth >= 1 and self.options.max_pages > 1:
                    await self._seed_sitemaps()
            workers = [asyncio.create_task(self._worker()) for _ in range(WORKERS)]
            await asyncio.gather(*workers)
        for entry in self.frontier.drain():
            self.skip(entry.url, "budget", entry.via)
        self.emit("finish", self.start, f"{self.pages_started} fetched")

    def _restore(self) -> bool:
        """Reload the state of an interrupted crawl; False when it never got past the start."""
        records = self.writer.records()
        if not any(r.url == self.start for r in records):
            return False
        self.seen = {dedup_key(url) for url in self.writer.known_urls()}
        self._restore_robots(records)
        for record in records:
            self._note_landed(record)
        for site in json.loads(self.writer.get_meta("own_sites") or "[]"):
            self.scope.add_own_site(site)
        self.pages_started = sum(1 for r in records if r.depth > 0 or r.url == self.start)
        for entry in self.writer.pending_frontier():
            self.frontier.push(entry)
        return True

    def _restore_robots(self, records: list[FetchRecord]) -> None:
        """robots.txt files the interrupted crawl already fetched are read back from its WARC,
        so that a resumed crawl fetches nothing twice."""
        assert self.robots is not None
        for record in records:
            if not record.url.endswith("/robots.txt") or record.warc_offset < 0:
                continue
            _, body = read_response(self.writer.path / record.warc_file, record.warc_offset)
            self.robots.preload(record.url, record.status, body)

    # ------------------------------------------------------------------ hop checks

    async def _fetch_robots(self, url: str) -> tuple[int, bytes] | None:
        assert self.fetcher is not None
        result = await self.fetcher.fetch(
            url,
            check_hop=self._guard_only,
            skip_unwanted_types=False,
            max_bytes=ROBOTS_MAX_BYTES,
        )
        self._archive(result, via=None, depth=0, link_text=None, role="robots")
        if result.final is None:
            return None
        return result.final.status, result.final.body

    async def _guard_only(self, url: str) -> str | None:
        try:
            await asyncio.to_thread(
                check_url, url, allow_private_network=self.options.allow_private_network
            )
        except BlockedAddressError:
            return "blocked"
        return None

    async def _check_hop(self, url: str) -> str | None:
        """Guard, then robots.txt (fetched on first need), then the host's Crawl-delay."""
        blocked = await self._guard_only(url)
        if blocked:
            return blocked
        assert self.robots is not None
        rules = await self.robots.rules_for(url)
        self.pacer.raise_delay(
            origin(url).split("://", 1)[1], rules.crawl_delay(self.options.user_agent)
        )
        return None if rules.allows(url, self.options.user_agent) else "robots"

    # ------------------------------------------------------------------ recording

    def _archive_hops(self, result: FetchResult) -> None:
        """Archive each redirect hop of a fetch as fetched, and mark its URL seen."""
        for hop in result.hops:
            self.writer.record_redirect(
                url=hop.url,
                status=hop.status,
                headers=hop.headers,
                body=hop.body,
                fetched_at=hop.fetched_at,
                request_headers=hop.request_headers,
                extra_warc_headers=_warc_headers(hop),
            )
            self.seen.add(dedup_key(hop.url))

    def _archive(
        self,
        result: FetchResult,
        *,
        via: str | None,
        depth: int,
        link_text: str | None,
        previous: FetchRecord | None = None,
        carried: ArchivedResponse | None = None,
        role: str = "page",
    ) -> tuple[FetchRecord | None, bytes]:
        """Write hops and the final response (or the error) of one fetch into the snapshot.

        Returns the index record and the body it archived (after a 304, the previous body).
        """
        self._archive_hops(result)
        final = result.final
        if final is None:
            if result.skip_reason:
                via_for_skip = via if result.skip_url == result.url else result.url
                self.skip(result.skip_url or result.url, result.skip_reason, via_for_skip)
                self.writer.mark_done(result.url)
                return None, b""
            record = self.writer.record_error(
                url=result.url,
                error=result.error or "no response",
                fetched_at=datetime.now(UTC),
                via=via,
                depth=depth,
                link_text=link_text,
                role=role,
            )
            self.emit("error", result.url, record.error or "")
            return record, b""
        self.seen.add(dedup_key(final.url))
        if final.status == 304 and previous is not None and carried is not None:
            return self._carry_over(result.url, final, previous, carried, via, depth, link_text)
        digest = hashlib.sha256(final.body).hexdigest()
        unchanged = previous is not None and previous.sha256 == digest
        record = self.writer.record_response(
            url=result.url,
            final_url=final.url,
            status=final.status,
            headers=final.headers,
            body=final.body,
            fetched_at=final.fetched_at,
            request_headers=final.request_headers,
            via=via,
            link_text=link_text,
            depth=depth,
            truncated=final.truncated,
            first_seen=previous.first_seen if previous is not None and unchanged else None,
            extra_warc_headers=_warc_headers(final),
            role=role,
        )
        if role == "page":
            self._note_landed(record)
        detail = f"HTTP {final.status}, {record.length} bytes"
        self.emit(
            "fetched", result.url, detail + (" (cut at max_bytes)" if final.truncated else "")
        )
        return record, final.body

    def _carry_over(
        self,
        url: str,
        final: Response,
        previous: FetchRecord,
        carried: ArchivedResponse,
        via: str | None,
        depth: int,
        link_text: str | None,
    ) -> tuple[FetchRecord, bytes]:
        """A 304: the previous body goes into this snapshot, so it stands on its own."""
        headers, body = carried
        record = self.writer.record_response(
            url=url,
            final_url=final.url,
            status=previous.status,
            headers=headers,
            body=body,
            fetched_at=final.fetched_at,
            request_headers=final.request_headers,
            via=via,
            link_text=link_text,
            depth=depth,
            first_seen=previous.first_seen,
            extra_warc_headers={
                **_warc_headers(final),
                "WARC-Lepcheck-Revalidated": "304 Not Modified",
            },
        )
        self.emit("unchanged", url, "HTTP 304, previous copy kept")
        self._note_landed(record)
        return record, body

    def _note_landed(self, record: FetchRecord) -> None:
        if 200 <= record.status < 300 and record.warc_offset >= 0 and not record.truncated:
            self.landed.setdefault(dedup_key(record.final_url), record)

    def _copy_landed(
        self, entry: FrontierEntry, result: FetchResult, landed: FetchRecord
    ) -> tuple[FetchRecord, bytes] | None:
        """Index `entry.url` with the response already archived where its redirects lead.

        The redirect hops are archived as fetched; the response is written again from the
        archive (no second request), so every requested URL keeps its own index row.
        """
        try:
            headers, body = read_response(self.writer.path / landed.warc_file, landed.warc_offset)
        except SnapshotError:
            return None
        self._archive_hops(result)
        record = self.writer.record_response(
            url=entry.url,
            final_url=landed.final_url,
            status=landed.status,
            headers=headers,
            body=body,
            fetched_at=landed.fetched_at,
            via=entry.via,
            link_text=entry.link_text,
            depth=entry.depth,
            first_seen=landed.first_seen,
            extra_warc_headers={"WARC-Lepcheck-Same-As": landed.url},
        )
        self.emit("unchanged", entry.url, f"same as {landed.final_url}, not fetched again")
        return record, body

    # ------------------------------------------------------------------ discovery

    def _reason_to_skip(
        self, url: str, depth: int, from_zone: Zone | None, link_text: str = ""
    ) -> str | None:
        if is_unwanted_url(url):
            return "type"
        zone = self.scope.zone(url)
        document = is_document_link(url, link_text)
        # Documents linked from the LEP's pages or a related page are fetched wherever they
        # live (a council keeps committee papers outside the committee page's prefix); pages
        # of a related site only when the LEP links them.
        linked_document = document and from_zone in (Zone.OWN, Zone.RELATED)
        if zone is Zone.RELATED and not (from_zone is Zone.OWN or linked_document):
            return "depth"
        if zone is Zone.OFFSITE and not linked_document:
            return "off-site"
        if depth > self.options.max_depth:
            return "depth"
        return "trap" if self.traps.reason(url, is_document=document) else None

    def _offer(
        self,
        links: list[tuple[str, str]],
        *,
        depth: int,
        via: str,
        from_zone: Zone | None,
        tier: int = 0,
    ) -> None:
        """Queue new URLs found on a page (or in a sitemap); record why others are not."""
        entries: list[FrontierEntry] = []
        for url, text in links:
            queued = self.frontier.queued(url)
            if queued is not None:
                better = self._improved(queued, depth=depth, via=via, text=text, tier=tier)
                if better is not None:
                    self.frontier.push(better)
                    entries.append(better)
                continue
            key = dedup_key(url)
            if key in self.seen:
                continue
            self.seen.add(key)
            reason = self._reason_to_skip(url, depth, from_zone, text)
            if reason:
                self.skip(url, reason, via)
                continue
            entry = FrontierEntry(url=url, depth=depth, via=via, link_text=text or None, tier=tier)
            entries.append(entry)
            self.frontier.push(entry)
        if entries:
            self.writer.add_to_frontier(entries)

    def _improved(
        self, queued: FrontierEntry, *, depth: int, via: str, text: str, tier: int
    ) -> FrontierEntry | None:
        """A queued URL seen again: a link beats a sitemap entry, and text beats no text."""
        if tier < queued.tier and depth <= self.options.max_depth:
            return FrontierEntry(
                url=queued.url, depth=depth, via=via, link_text=text or None, tier=tier
            )
        if text and not queued.link_text:
            # The first link was an image or an icon: the first words a reader saw instead.
            return replace(queued, link_text=text)
        return None

    def _follow_links(self, record: FetchRecord, body: bytes) -> None:
        if not (200 <= record.status < 300) or not is_html(record.content_type, body):
            return
        zone = self.scope.zone(record.final_url)
        if zone is Zone.OFFSITE:
            return
        if record.depth == 0:
            self._follow_start_refresh(record, body)
        found = extract_links(body, record.final_url, record.content_type)
        links = [(link.url, link.text) for link in found]
        self._offer(links, depth=record.depth + 1, via=record.final_url, from_zone=zone)

    def _follow_start_refresh(self, record: FetchRecord, body: bytes) -> None:
        """A start page that only sends the reader on (meta refresh, script) to another
        domain: the LEP moved there, as with an HTTP redirect of the start URL."""
        target = redirect_target(body, record.final_url, record.content_type)
        if target is None or self.scope.zone(target) is Zone.OWN:
            return
        if self.scope.zone(target) is Zone.RELATED:
            return
        self.scope.add_own_site(target)
        sites = json.loads(self.writer.get_meta("own_sites") or "[]")
        self.writer.set_meta("own_sites", json.dumps([*sites, target]))

    # ------------------------------------------------------------------ fetching

    def _conditional_headers(self, previous: FetchRecord | None) -> dict[str, str]:
        if previous is None:
            return {}
        headers: dict[str, str] = {}
        if previous.etag:
            headers["If-None-Match"] = previous.etag
        if previous.last_modified:
            headers["If-Modified-Since"] = previous.last_modified.astimezone(UTC).strftime(
                "%a, %d %b %Y %H:%M:%S GMT"
            )
        return headers

    async def _fetch_entry(self, entry: FrontierEntry, *, is_start: bool) -> FetchRecord | None:
        assert self.fetcher is not None
        if not is_start:
            landed = self.landed.get(dedup_key(entry.url))
            if landed is not None:
                copied = self._copy_landed(entry, FetchResult(url=entry.url), landed)
                if copied is not None:
                    return copied[0]
        previous = self.previous_records.get(entry.url)

        async def check_hop(url: str) -> str | None:
            # A redirect to a response already archived stops there (see _copy_landed).
            if url != entry.url and not is_start and dedup_key(url) in self.landed:
                return _LANDED
            return await self._check_hop(url)

        result = await self.fetcher.fetch(
            entry.url,
            check_hop=check_hop,
            extra_headers=self._conditional_headers(previous),
            skip_unwanted_types=not is_start,
        )
        if result.skip_reason == _LANDED and result.skip_url is not None:
            copied = self._copy_landed(entry, result, self.landed[dedup_key(result.skip_url)])
            if copied is not None:
                return copied[0]
            result = await self.fetcher.fetch(
                entry.url, check_hop=self._check_hop, skip_unwanted_types=True
            )
        carried = None
        if result.final and result.final.status == 304:
            carried = self._read_previous(previous)
            if carried is None:
                # The copy a 304 refers to cannot be read back: ask for the full body instead.
                previous = None
                result = await self.fetcher.fetch(
                    entry.url, check_hop=self._check_hop, skip_unwanted_types=not is_start
                )
        if is_start:
            self._check_start(result)
        record, body = self._archive(
            result,
            via=entry.via,
            depth=entry.depth,
            link_text=entry.link_text,
            previous=previous,
            carried=carried,
        )
        if record is not None and record.error is None:
            try:
                self._follow_links(record, body)
            except (SnapshotError, OSError):
                raise
            except Exception as error:
                # The page is archived; only its links are lost, and the log says so.
                self.emit("error", record.url, f"links not read: {_describe(error)}")
        return record

    def _read_previous(self, previous: FetchRecord | None) -> ArchivedResponse | None:
        if previous is None or self.previous is None:
            return None
        try:
            return self.previous.response(previous)
        except SnapshotError:
            return None

    def _check_start(self, result: FetchResult) -> None:
        """The start URL must give a 2xx page, or there is nothing to audit."""
        url = self.start
        if result.skip_reason == "blocked":
            self._archive(result, via=None, depth=0, link_text=None)
            raise BlockedAddressError(result.error or f"refused to fetch {result.skip_url}")
        problem: str | None = None
        if result.skip_reason == "robots":
            problem = f"robots.txt disallows {result.skip_url} for this crawler"
            rules = self.robots.known(result.skip_url or url) if self.robots else None
            if rules is not None and rules.disallow_all:
                problem = (
                    f"robots.txt answered HTTP {rules.status}, which forbids crawling "
                    "the site until it answers (RFC 9309)"
                )
        elif result.final is None:
            problem = result.error or "no response"
            self.start_unconnected = True
        elif not (200 <= result.final.status < 300 or result.final.status == 304):
            problem = f"HTTP {result.final.status} from {result.final.url}"
            if result.final.status in (401, 403, 429):
                problem += " (the server refuses automated clients or this one)"
        if problem is not None:
            self._archive(result, via=None, depth=0, link_text=None)
            raise TargetUnreachableError(f"could not crawl {url}: {problem}")
        assert result.final is not None
        self.home = result.final.url
        if self.scope.zone(result.final.url) is not Zone.OWN:
            # The LEP moved to a new domain and redirects there: that is its site now.
            self.scope.add_own_site(result.final.url)
            self.writer.set_meta("own_sites", json.dumps([result.final.url]))

    async def _crawl_start(self) -> None:
        self.seen.add(dedup_key(self.start))
        self.pages_started += 1
        try:
            await self._fetch_entry(FrontierEntry(url=self.start, depth=0), is_start=True)
        except TargetUnreachableError as failure:
            alternate = _www_toggled(self.start)
            if not self.start_unconnected or alternate is None:
                raise
            # Registries list "www." where only the bare name answers, and the reverse.
            if await self._guard_only(alternate):
                raise
            self.emit("retry", self.start, f"no connection; trying {alternate}")
            try:
                await self._fetch_entry(FrontierEntry(url=alternate, depth=0), is_start=True)
            except TargetUnreachableError:
                raise failure from None

    async def _seed_sitemaps(self) -> None:
        """Sitemap URLs join the queue behind every page found through links."""
        assert self.robots is not None and self.fetcher is not None
        # Where the start URL landed (https, www): robots.txt and sitemap.xml of that origin.
        home = origin(self.home)
        candidates = [*(await self.robots.rules_for(self.home)).sitemaps(), f"{home}/sitemap.xml"]
        queue = [u for u in (normalise_url(c) for c in candidates) if u]
        done: set[str] = set()
        while queue and len(done) < MAX_SITEMAP_FILES and self.time_left():
            url = queue.pop(0)
            if url in done or self.scope.zone(url) is not Zone.OWN:
                continue
            done.add(url)
            self.seen.add(dedup_key(url))
            result = await self.fetcher.fetch(
                url,
                check_hop=self._check_hop,
                skip_unwanted_types=False,
                max_bytes=SITEMAP_MAX_BYTES,
            )
            self._archive(result, via=None, depth=0, link_text=None, role="sitemap")
            if result.final is None or not 200 <= result.final.status < 300:
                continue
            pages, nested = parse_sitemap(result.final.body)
            queue.extend(u for u in (normalise_url(n) for n in nested) if u)
            links = [(u, "") for u in (normalise_url(p) for p in pages) if u]
            own = [(u, t) for u, t in links if self.scope.zone(u) is Zone.OWN]
            self._offer(own, depth=1, via=url, from_zone=Zone.OWN, tier=SITEMAP_TIER)

    async def _next(self) -> FrontierEntry | None:
        assert self.condition is not None
        async with self.condition:
            while True:
                if self.pages_started >= self.options.max_pages or not self.time_left():
                    self.condition.notify_all()
                    return None
                entry = self.frontier.pop()
                if entry is not None:
                    self.pages_started += 1
                    self.in_flight += 1
                    return entry
                if self.in_flight == 0:
                    self.condition.notify_all()
                    return None
                remaining = self.deadline - time.monotonic()
                try:
                    await asyncio.wait_for(self.condition.wait(), timeout=max(remaining, 0.01))
                except TimeoutError:
                    continue

    async def _worker(self) -> None:
        assert self.condition is not None
        while (entry := await self._next()) is not None:
            try:
                await self._fetch_entry(entry, is_start=False)
            except (SnapshotError, OSError):
                raise  # the snapshot itself is failing: stop, leaving it resumable
            except Exception as error:
                # One strange page must not end the crawl of the site; the snapshot says why.
                self.writer.record_error(
                    url=entry.url,
                    error=f"internal error: {_describe(error)}",
                    fetched_at=datetime.now(UTC),
                    via=entry.via,
                    depth=entry.depth,
                    link_text=entry.link_text,
                )
                self.emit("error", entry.url, f"internal error: {_describe(error)}")
            finally:
                async with self.condition:
                    self.in_flight -= 1
                    self.frontier.release(entry.url)
                    self.condition.notify_all()
