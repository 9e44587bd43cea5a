"""The state of one ModernGov install as the crawl walks it: what it asked for and why, which
committees are the LEP's, whether it reads the web service or the pages, and what went wrong.

The walk (`service_walk`, `pages_walk`) asks only for what belongs to the LEP's committees: the
web service's answers for them, their meeting list pages year by year, their meetings' pages,
documents and decision pages, and the register pages of their councillor members. Other
committees, the council's calendar and its issue histories are never asked for. Each committee
may cost at most `COMMITTEE_BUDGET` requests; `--max-pages` still bounds the whole audit. On a
successor body's own install only the web service is asked, within `limit` requests in all.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from lepcheck.committee_records import RecordSource
from lepcheck.crawl.committees.ask import Ask
from lepcheck.crawl.committees.moderngov import urls
from lepcheck.crawl.committees.moderngov.choose import Override
from lepcheck.crawl.committees.moderngov.service import SERVICE_MAX_BYTES
from lepcheck.crawl.urls import dedup_key, normalise_url

# Two years of a committee that meets monthly: 2 list pages, 24 meetings with a page, a
# decision page and a dozen papers each, and the packs: about 400 requests at worst.
COMMITTEE_BUDGET = 400
Mode = Literal["probing", "service", "pages"]
# What an asked URL is to the walk: one of the responses a record is read from, or another.
Kind = RecordSource | Literal["probe", "item page", "member page", "register", "document"]
# Pages of an install that a LEP may link, and what they are to the walk.
LINKED_KINDS: dict[str, Kind] = {
    "mgcommitteedetails.aspx": "committee page",
    "ielistmeetings.aspx": "meeting list",
    "ielistdocuments.aspx": "meeting page",
    "mgai.aspx": "item page",
    "iedecisiondetails.aspx": "decision page",
    "ieissuedetails.aspx": "decision page",
    "mguserinfo.aspx": "member page",
    "mgrofi.aspx": "register",
    "mgdeclarationsubmission.aspx": "register",
    "mgconvert2pdf.aspx": "document",
}
_MARKERS = re.compile(rb"id=[\"']?modgov\b|mgMainTitleTxt|mgSubTitleTxt|mgBulletList|mgContent")


@dataclass(frozen=True)
class Window:
    """The audit window: meetings from `start` to `end` are read."""

    start: date
    end: date

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def years(self) -> range:
        return range(self.start.year, self.end.year + 1)


@dataclass(frozen=True)
class Purpose:
    kind: Kind
    committee: int | None = None
    meeting: int | None = None


@dataclass
class Chosen:
    title: str
    why: str


@dataclass
class InstallState:
    base: str
    window: Window
    lep_name: str
    override: Override
    mode: Mode = "probing"
    detected_by: list[str] = field(default_factory=list)
    hints: dict[int, str] = field(default_factory=dict)  # committee id -> why
    committees: dict[int, Chosen] = field(default_factory=dict)
    purposes: dict[str, Purpose] = field(default_factory=dict)
    attachments: set[int] = field(default_factory=set)
    spent: Counter[int] = field(default_factory=Counter)
    over_budget: int = 0
    walked: set[int] = field(default_factory=set)  # committees whose pages are walked
    meeting_committee: dict[int, int] = field(default_factory=dict)
    problems: list[dict[str, str]] = field(default_factory=list)
    # Started from a declared related site's root, not a link of install shape: a refused
    # probe only means the site is not an install, which is no problem.
    speculative: bool = False
    probe_refusal: dict[str, str] | None = None
    # A successor body's own install: only its web service is read (its pages are the crawl's),
    # and the whole walk may cost at most `limit` requests (a share of --max-pages).
    own: bool = False
    limit: int | None = None

    def wanted(self, committee: int) -> bool:
        """Whether a committee may be walked: `related_committees` decides alone when given."""
        return not self.override or committee in self.override.ids or committee in self.committees

    def pages_committees(self) -> list[int]:
        """The committees to walk by their pages: those chosen, linked or named by id."""
        found = [*self.committees, *self.hints, *sorted(self.override.ids)]
        return [c for c in dict.fromkeys(found) if self.wanted(c)]

    def detected(self, how: str) -> None:
        if how not in self.detected_by:
            self.detected_by.append(how)

    def problem(self, url: str, reason: str) -> None:
        self.problems.append({"url": url, "reason": reason})

    def purpose_of(self, url: str) -> Purpose | None:
        return self.purposes.get(dedup_key(url))

    def ask(
        self,
        url: str,
        purpose: Purpose,
        text: str = "",
        *,
        role: str = "page",
        max_bytes: int | None = None,
    ) -> Ask | None:
        """One request for the walk, within the committee's budget; None if asked already,
        over budget or not a URL."""
        normal = normalise_url(url, self.base)
        if normal is None or dedup_key(normal) in self.purposes:
            return None
        if self.limit is not None and len(self.purposes) >= self.limit:
            self.over_budget += 1
            return None
        if purpose.committee is not None:
            if self.spent[purpose.committee] >= COMMITTEE_BUDGET:
                self.over_budget += 1
                return None
            self.spent[purpose.committee] += 1
        self.purposes[dedup_key(normal)] = purpose
        return Ask(normal, text, role, max_bytes)

    def ask_service(self, method: str, purpose: Purpose, **parameters: str | int) -> Ask | None:
        url = urls.service_url(self.base, method, **parameters)
        return self.ask(url, purpose, method, max_bytes=SERVICE_MAX_BYTES)

    def ask_document(self, url: str, purpose: Purpose, text: str = "") -> Ask | None:
        """A document once, whichever of its two URLs (mgConvert2PDF, documents/sN) is met."""
        attachment = urls.attachment_id(url)
        if attachment is not None:
            if attachment in self.attachments:
                return None
            self.attachments.add(attachment)
        return self.ask(url, Purpose("document", purpose.committee, purpose.meeting), text)

    def mark(self, body: bytes) -> None:
        if _MARKERS.search(body[:200_000]):
            self.detected("page markers")

    def account(self) -> dict[str, object]:
        own = {"own": True, "limit": self.limit} if self.own else {}
        return own | {
            "system": "moderngov",
            "base": self.base,
            "mode": self.mode,
            "detected_by": self.detected_by,
            "window": [self.window.start.isoformat(), self.window.end.isoformat()],
            "committees": [
                {"id": cid, "title": c.title, "why": c.why} for cid, c in self.committees.items()
            ],
            "requests": len(self.purposes),
            "over_budget": self.over_budget,
            "problems": self.reported_problems(),
        }

    def reported_problems(self) -> list[dict[str, str]]:
        refused = [self.probe_refusal] if self.probe_refusal and not self.speculative else []
        return refused + self.problems
