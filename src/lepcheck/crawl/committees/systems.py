"""The seam where committee-system adapters join the crawl.

`Discovery` hands every link it is offered to `CommitteeSystems.claim` first: a link into an
install of a known system (today ModernGov, by the shape of its URLs) starts an adapter for that
install, which then decides what the crawl fetches there. The adapter's requests are ordinary
frontier entries (`Ask`), so they pass the same guard, robots.txt, pacing, size caps, page
budget and archive as every other request; only the scope, depth and trap rules are the
adapter's own (it stays inside the LEP's committees, within the audit window and its budget).
Each answer the crawl archives for an adapter goes back to it (`followed`), and it asks for
what comes next. What each adapter did, and what went wrong, is kept in the snapshot's meta
(`committee_systems`) for the report.

A successor body audited in its own right (`options.own_committees`) owns its install: a link of
install shape from its pages is still crawled as its website, and only `noticed` by the adapter,
which asks the install's web service about the body's own committees, within `OWN_SHARE` of
--max-pages, and nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Protocol

from lepcheck.crawl.committees.ask import Ask
from lepcheck.crawl.committees.moderngov.install import ModernGovInstall
from lepcheck.crawl.committees.moderngov.state import Window
from lepcheck.crawl.committees.moderngov.urls import install_base, is_install_url
from lepcheck.crawl.options import CrawlOptions
from lepcheck.crawl.urls import dedup_key, normalise_url
from lepcheck.models import FetchProblem, FetchRecord

META_KEY = "committee_systems"
MONTHS_BEFORE = 24  # the audit window: two years before the as-of date ...
MONTHS_AFTER = 2  # ... and the meetings just after it, whose agendas may already be out
# An own install's web service may cost at most this share of --max-pages: the body's pages,
# which every rule reads, keep the rest.
OWN_SHARE = 0.25


class CommitteeInstall(Protocol):
    """One install of a committee system, walked by its adapter."""

    base: str

    def declared(self) -> list[Ask]: ...

    def linked(self, url: str, text: str) -> tuple[list[Ask], str | None]:
        """Asks for a link into the install, and a reason to skip the link itself (or None)."""
        ...

    def followed(self, record: FetchRecord, body: bytes) -> list[Ask]: ...

    def account(self) -> dict[str, object]: ...


def months_before(day: date, months: int) -> date:
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    last = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31,
            30, 31, 31, 30, 31, 30, 31][month - 1]  # fmt: skip
    return date(year, month, min(day.day, last))


def audit_window(as_of: date) -> Window:
    return Window(months_before(as_of, MONTHS_BEFORE), months_before(as_of, -MONTHS_AFTER))


class CommitteeSystems:
    """The adapters of one crawl, by install."""

    def __init__(self, options: CrawlOptions) -> None:
        self.options = options
        self.window = audit_window(options.as_of or datetime.now(UTC).date())
        self.installs: dict[str, CommitteeInstall] = {}
        self.asked: dict[str, tuple[CommitteeInstall, Ask]] = {}

    def declared(self) -> list[Ask]:
        """What to ask first for the declared related sites and committees: a site that is an
        install URL is taken as a link into it; a site root only has its method list asked."""
        asks: list[Ask] = []
        for value in [*self.options.related_sites, *self.options.related_committees]:
            url = normalise_url(value if "://" in value else f"https://{value}")
            if url is None:
                continue
            if is_install_url(url) and self.options.own_committees:
                asks += self.noticed(url)  # the body's own install: its pages are the crawl's
            elif is_install_url(url):
                asks += self.claim(url, "declared related committee site")[0]
            elif value in self.options.related_sites:
                base = url if url.endswith("/") else url + "/"
                install = self._install(base + "mgWebService.asmx")
                asks += self._register(install, install.declared())
        return asks

    def _install(self, url: str) -> CommitteeInstall:
        base = install_base(url)
        if base not in self.installs:
            options = self.options
            own = max(1, int(options.max_pages * OWN_SHARE)) if options.own_committees else None
            self.installs[base] = ModernGovInstall(
                base,
                window=self.window,
                lep_name=options.lep_name,
                related_committees=options.related_committees,
                own_limit=own,
            )
        return self.installs[base]

    def noticed(self, url: str) -> list[Ask]:
        """A link into the audited body's own install (`own_committees`): the link stays the
        crawl's; the install's web service is asked once, and read if it answers."""
        install = self._install(url)
        return self._register(install, install.declared())

    def claim(self, url: str, text: str) -> tuple[list[Ask], str | None]:
        """What to ask for a link into an install (`is_install_url`), and why the link itself
        is not fetched (or None)."""
        install = self._install(url)
        asks, skip = install.linked(url, text)
        return self._register(install, asks), skip

    def _register(self, install: CommitteeInstall, asks: Iterable[Ask]) -> list[Ask]:
        fresh: list[Ask] = []
        for ask in asks:
            key = dedup_key(ask.url)
            if key not in self.asked:
                self.asked[key] = (install, ask)
                fresh.append(ask)
        return fresh

    def ask_of(self, url: str) -> Ask | None:
        found = self.asked.get(dedup_key(url))
        return found[1] if found else None

    def followed(self, record: FetchRecord, body: bytes) -> list[Ask] | None:
        """The next asks after an adapter's answer; None when the URL is no adapter's."""
        found = self.asked.get(dedup_key(record.url))
        if found is None:
            return None
        install = found[0]
        return self._register(install, install.followed(record, body))

    def refused(self, url: str, reason: str) -> list[Ask] | None:
        """An ask the crawl did not fetch (robots.txt, the SSRF guard): the adapter goes on
        without it, as after a failed answer."""
        now = datetime.now(UTC)
        record = FetchRecord(
            url=url, final_url=url, status=0, fetched_at=now, first_seen=now,
            error=f"not fetched: {reason}",
        )  # fmt: skip
        return self.followed(record, b"")

    def account(self) -> str:
        return json.dumps([i.account() for i in self.installs.values()], default=str)


def account_problems(meta_value: str | None) -> list[FetchProblem]:
    """The problems the adapters met, from a snapshot's `committee_systems` meta."""
    problems: list[FetchProblem] = []
    for install in json.loads(meta_value or "[]"):
        for problem in install.get("problems", []):
            problems.append(FetchProblem(url=problem["url"], reason=problem["reason"]))
    return problems
