"""Which capture each URL is read from, out of a handful of CDX queries per site.

The index is asked per scope, not per URL: a site the audit reads whole (the LEP's own hosts)
is one prefix query over its host; a document elsewhere is a prefix query over its folder (its
neighbours come free), or an exact one when it sits at a host's root. Each scope costs two
queries, paged by resume keys: the captures within the look-back window (any status, for
redirects and revisits), and the whole history up to the day with status 200 collapsed by
digest (the first capture of each version, for proofs of publication and stale reports).

Times are the archive's (UTC); the day asked for ends at midnight Europe/London.
"""

from __future__ import annotations

import asyncio
import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from urllib.parse import urlencode, urlsplit
from zoneinfo import ZoneInfo

from lepcheck.crawl.archive.cache import IndexCache
from lepcheck.crawl.archive.cdx import CdxRow, NotCdxError, parse_cdx
from lepcheck.crawl.archive.client import ArchiveClient, ArchiveError

LONDON = ZoneInfo("Europe/London")
PAGE_ROWS = 5000  # rows per index answer; a longer one is continued from its resume key
MAX_PAGES = 20  # per query: 100,000 captures is more than any LEP site has
ProblemSink = Callable[[str, str], None]


def end_of_day(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59), LONDON).astimezone(UTC)


def months_before(moment: datetime, months: int) -> datetime:
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%d%H%M%S")


def url_key(url: str) -> str:
    """A URL as archives match it: no scheme, no "www.", no default port, no fragment."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = parts.port if parts.port not in (None, 80, 443) else None
    path = parts.path or "/"
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{f':{port}' if port else ''}{path}{query}"


@dataclass(frozen=True)
class Resolved:
    """A capture with the status and type it stands for (a revisit: those of its original)."""

    row: CdxRow
    status: int | None
    mime: str
    revisit_of: CdxRow | None = None

    @property
    def usable(self) -> bool:
        return self.status is None or 200 <= self.status < 400


@dataclass(frozen=True)
class Choice:
    capture: Resolved | None
    problem: str = ""


class CaptureIndex:
    def __init__(
        self,
        client: ArchiveClient,
        cache: IndexCache,
        *,
        cutoff: datetime,
        window_start: datetime | None,
        whole_host: Callable[[str], bool],
        on_problem: ProblemSink,
    ) -> None:
        self.client = client
        self.profile = client.profile
        self.cache = cache
        self.cutoff = cutoff
        self.window_start = window_start
        self.whole_host = whole_host
        self.on_problem = on_problem
        self._rows: dict[str, dict[str, CdxRow]] = {}
        self._scopes: dict[str, str] = {}  # scope -> "" when read, else why it could not be
        self._locks: dict[str, asyncio.Lock] = {}
        self.asked = 0  # index queries sent to the archive (cached answers not counted)

    # ------------------------------------------------------------------ scopes and queries

    def scope_of(self, url: str) -> tuple[str, str]:
        """The query that covers `url`: (url parameter, matchType)."""
        key = url_key(url)
        host, _, rest = key.partition("/")
        if self.whole_host(url):
            return f"{host}/", "prefix"
        folder = rest.split("?", 1)[0].rsplit("/", 1)[0]
        if not folder:
            return key, "exact"
        return f"{host}/{folder}/", "prefix"

    def _queries(self, scope: str, match: str) -> list[list[tuple[str, str]]]:
        base = [("url", scope), ("matchType", match), ("output", "json")]
        fields = [("fl", self.profile.fields)] if self.profile.fields else []
        to = [("to", stamp(self.cutoff))]
        paging = [("limit", str(PAGE_ROWS)), ("showResumeKey", "true")]
        history = [*base, *to, ("filter", "statuscode:200"), ("collapse", "digest")]
        queries = [[*history, *fields, *paging]]
        if self.window_start is not None:
            window = [*base, ("from", stamp(self.window_start)), *to, *fields, *paging]
            queries.insert(0, window)
        return queries

    async def _load(self, url: str) -> str:
        """Read the scope of `url` once; '' when read, else the reason it could not be."""
        scope, match = self.scope_of(url)
        lock = self._locks.setdefault(scope, asyncio.Lock())
        async with lock:
            if scope not in self._scopes:
                self._scopes[scope] = await self._read_scope(scope, match)
        return self._scopes[scope]

    async def _read_scope(self, scope: str, match: str) -> str:
        try:
            for params in self._queries(scope, match):
                for row in await self._ask(params):
                    known = self._rows.setdefault(url_key(row.url), {})
                    if row.timestamp not in known or known[row.timestamp].status is None:
                        known[row.timestamp] = row
        except ArchiveError as error:
            reason = f"{self.profile.name}'s index could not be read: {error}"
            self.on_problem(scope, reason)
            return reason
        return ""

    async def _ask(self, params: list[tuple[str, str]]) -> list[CdxRow]:
        rows: list[CdxRow] = []
        resume: str | None = None
        for _ in range(MAX_PAGES):
            query = f"{self.profile.cdx}?{urlencode(params)}"
            if resume is not None:
                query += "&" + urlencode({"resumeKey": resume})
            page = parse_cdx(await self._answer(query))
            if page.malformed:
                self.on_problem(
                    query, f"{page.malformed} malformed line(s) in the index answer, skipped"
                )
            rows.extend(page.rows)
            resume = page.resume_key
            if not resume:
                return rows
        self.on_problem(params[0][1], f"index answer cut after {MAX_PAGES} pages")
        return rows

    async def _answer(self, query: str) -> str:
        cached = self.cache.get(query)
        if cached is not None:
            return cached.text
        answer = await self.client.get(query, "index")
        self.asked += 1
        text = answer.body.decode("utf-8", errors="replace")
        if answer.status == 404 and text.lstrip().startswith("{") and "error" in text:
            text = ""  # pywb: {"error": "No Captures found for: ..."}
        elif answer.status != 200:
            raise ArchiveError(
                f"{self.profile.cdx} answered HTTP {answer.status}; it is not a Wayback CDX API "
                "(give the collection's URL, whose CDX API answers at URL/cdx)"
            )
        try:
            parse_cdx(text)
        except NotCdxError as error:
            raise ArchiveError(f"{self.profile.cdx} is not a Wayback CDX API: {error}") from None
        self.cache.put(query, text, self.profile.name)
        return text

    # ------------------------------------------------------------------ answers

    async def captures(self, url: str) -> tuple[list[Resolved], str]:
        """Every capture of `url` up to the cutoff, oldest first, or why none can be known."""
        problem = await self._load(url)
        rows = sorted(self._rows.get(url_key(url), {}).values(), key=lambda r: r.timestamp)
        rows = [r for r in rows if r.captured_at <= self.cutoff]
        return [self._resolve(row, rows) for row in rows], problem

    @staticmethod
    def _resolve(row: CdxRow, rows: list[CdxRow]) -> Resolved:
        if not row.is_revisit:
            return Resolved(row, row.status, row.mime)
        originals = [
            r
            for r in rows
            if not r.is_revisit and r.digest == row.digest and r.timestamp <= row.timestamp
        ]
        if not originals:
            return Resolved(row, row.status, "")
        original = originals[-1]
        return Resolved(row, original.status, original.mime, revisit_of=original)

    def _day(self) -> str:
        return self.cutoff.astimezone(LONDON).date().isoformat()

    async def choose(self, url: str) -> Choice:
        """The latest capture of `url` at or before the day that is not an error, within the
        window; else why there is none (never captured, only errors, stale, index unread)."""
        captures, problem = await self.captures(url)
        if problem:
            return Choice(None, problem)
        usable = [c for c in captures if c.usable]
        name, day = self.profile.name, self._day()
        if not usable:
            if captures:
                statuses = sorted({str(c.status) for c in captures})
                return Choice(
                    None, f"captured by {name} only with HTTP {', '.join(statuses)} by {day}"
                )
            return Choice(None, f"not captured by {name} at or before {day}")
        latest = usable[-1]
        if self.window_start is not None and latest.row.captured_at < self.window_start:
            when = latest.row.captured_at.date().isoformat()
            return Choice(
                None,
                f"stale: the latest capture by {name} is of {when}, older than the window "
                f"(from {self.window_start.date().isoformat()}) before {day}; not used",
            )
        return Choice(latest)

    async def first_capture(self, url: str, digest: str) -> Resolved | None:
        """The first capture with status 200 of the same bytes (by the archive's digest; when
        the archive gives no digests, the first capture with status 200)."""
        captures, problem = await self.captures(url)
        ok = [c for c in captures if c.status == 200 or (c.status is None and c.revisit_of)]
        if problem or not ok:
            return None
        if any(c.row.digest for c in ok):
            same = [c for c in ok if c.row.digest and c.row.digest == digest.upper()]
            return same[0] if same else None
        return ok[0]
