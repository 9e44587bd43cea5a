"""Families of pages of one shape, and how many of each the crawl samples (issue 17).

LEP sites hold news and event archives of thousands of stories, listings paged on and on, a tag
or category page per label, calendars with a page per day and search results: pages of one
shape that seldom hold governance evidence. A careful officer opens the listing and a few
items; so does the crawl. Each family is sampled (`SAMPLE` members), and a member that turns
out to hold evidence (it links a board paper, a register, a meeting the crawl had not seen)
earns its family `GROWTH` more, so a news archive that announces board papers, or a paginated
archive of meetings, is followed as far as it keeps yielding. What is left is counted for the
crawl summary. The URL shapes are vocabulary (lepcheck.vocab.web).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import parse_qsl, urlsplit

from lepcheck.crawl.traps import DATE_PART
from lepcheck.vocab.web import (
    CALENDAR_WORDS,
    NEWS_SECTION,
    PAGE_NUMBER,
    SEARCH_RESULTS,
    TAXONOMY_SEGMENT,
)

FamilyKind = Literal["news", "listing", "taxonomy", "calendar", "search"]
KIND_NAMES: dict[FamilyKind, str] = {
    "news": "news and event stories",
    "listing": "pages of the listing",
    "taxonomy": "tag and category pages",
    "calendar": "calendar pages",
    "search": "search results",
}
# Members fetched of a family before any has shown evidence: a few stories, the listing's next
# page, one tag page, one calendar page, one page of results.
SAMPLE: dict[FamilyKind, int] = {"news": 3, "listing": 1, "taxonomy": 1, "calendar": 1, "search": 1}
# Members more for each member that held evidence.
GROWTH = 3


@dataclass(frozen=True, order=True)
class FamilyKey:
    kind: FamilyKind
    where: str  # host and the path (or query) the family shares

    def label(self) -> str:
        return f"{KIND_NAMES[self.kind]} under {self.where}"


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def _prefix(host: str, segments: list[str]) -> str:
    return f"{host}/{'/'.join(segments)}/" if segments else f"{host}/"


def _calendar(host: str, path: str, query: str) -> FamilyKey | None:
    """A dated page of a calendar or events listing: the family is what precedes the date."""
    url = f"{path}?{query}"
    if not CALENDAR_WORDS.search(url):
        return None
    match = DATE_PART.search(url)
    if match is None:
        return None
    if match.start() >= len(path):  # the date is in the query: "/calendar?month=2024-05"
        names = [name for name, value in parse_qsl(query) if DATE_PART.search(value)]
        return FamilyKey("calendar", f"{host}{path}?{'&'.join(names)}")
    before = path[: match.start()]
    return FamilyKey("calendar", _prefix(host, _segments(before.rsplit("/", 1)[0])))


def _taxonomy(host: str, segments: list[str], query: str) -> FamilyKey | None:
    for index, segment in enumerate(segments[:-1]):
        if TAXONOMY_SEGMENT.fullmatch(segment):
            return FamilyKey("taxonomy", _prefix(host, segments[: index + 1]))
    names = [name for name, _ in parse_qsl(query) if TAXONOMY_SEGMENT.fullmatch(name)]
    if names:
        return FamilyKey("taxonomy", f"{_prefix(host, segments)}?{names[0]}=")
    return None


def _news(host: str, segments: list[str]) -> FamilyKey | None:
    for index, segment in enumerate(segments[:-1]):
        if NEWS_SECTION.fullmatch(segment):
            section = segments[: index + 1]
            rest = segments[index + 1 :]
            if all(part.isdigit() for part in rest):  # "/news/2023/05/": a dated listing
                return FamilyKey("taxonomy", _prefix(host, section) + "(dates)")
            return FamilyKey("news", _prefix(host, section))
    return None


def family_of(url: str) -> FamilyKey | None:
    """The family a page belongs to, or None for a page of its own. Documents have none: a
    paper is read for itself wherever it is linked."""
    parts = urlsplit(url)
    host, path, query = parts.netloc, parts.path, parts.query
    segments = _segments(path)
    if SEARCH_RESULTS.search(url):
        return FamilyKey("search", f"{host}{path}")
    calendar = _calendar(host, path, query)
    if calendar is not None:
        return calendar
    taxonomy = _taxonomy(host, segments, query)
    if taxonomy is not None:
        return taxonomy
    if PAGE_NUMBER.search(url):  # "/news/page/7/" and "/news/?page=7" are pages of "/news/"
        return FamilyKey("listing", f"{host}{PAGE_NUMBER.sub('/', path)}")
    return _news(host, segments)


@dataclass
class Family:
    """One family's sampling: how many members may be fetched, and who is waiting."""

    key: FamilyKey
    allowance: int
    chosen: int = 0  # members chosen for fetching (sampled, or grown)
    fetched: int = 0
    evidence: int = 0  # fetched members that held evidence
    seen: int = 0  # members found in all
    # Members found and not chosen: (-promise, order found, URL); the most promising go first.
    waiting: list[tuple[int, int, str]] = field(default_factory=list)

    @classmethod
    def new(cls, key: FamilyKey) -> Family:
        return cls(key=key, allowance=SAMPLE[key.kind])

    def wait(self, url: str, promise: int) -> None:
        self.seen += 1
        self.waiting.append((-promise, self.seen, url))

    def drop(self, url: str) -> None:
        """A waiting member is no longer one (a link named it like evidence)."""
        self.waiting = [item for item in self.waiting if item[2] != url]

    def held_evidence(self) -> None:
        self.evidence += 1
        self.allowance += GROWTH

    def choose(self) -> list[str]:
        """Members to fetch now, up to the allowance. The sample takes turns between the first
        found (a listing's newest, or the sitemap's first) and the most promising by name ("LEP
        Board welcomes new members"); growth goes on in the order found, as an officer reads on
        past a story that linked a board paper to the stories beside it."""
        picked: list[str] = []
        while self.chosen < self.allowance and self.waiting:
            by_promise = self.chosen < SAMPLE[self.key.kind] and self.chosen % 2 == 1
            if by_promise:
                best = min(range(len(self.waiting)), key=lambda i: self.waiting[i])
            else:
                best = min(range(len(self.waiting)), key=lambda i: self.waiting[i][1])
            picked.append(self.waiting.pop(best)[2])
            self.chosen += 1
        return picked

    def account(self) -> dict[str, object]:
        return {
            "family": self.key.label(),
            "kind": self.key.kind,
            "found": self.seen,
            "fetched": self.fetched,
            "held_evidence": self.evidence,
            "left": len(self.waiting),
        }
