"""The crawl's economy (issue 17): what each URL is worth to the audit, which members of each
family of look-alike pages are sampled, which rule needs the crawl has met, and when to stop.

An audit's cost follows its evidence, not the site's size: the frontier is ordered by worth
(lepcheck.crawl.worth), families are sampled (lepcheck.crawl.families), and the crawl stops
once nothing plausible is left, saying why. Its decisions are made between waves of fetches
(lepcheck.crawl.waves), in an order that does not depend on which response came back first, so
concurrent workers never change which pages a crawl fetches.

What it did is kept in the snapshot's meta (`crawl_economy`): the order, why it stopped, each
family sampled and how much of it was left, the needs met, and the URLs a rule needed that were
not fetched (named in the report's "what the crawl could not read").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any

from lepcheck.crawl.families import Family, FamilyKey, family_of
from lepcheck.crawl.kinds import is_document_link
from lepcheck.crawl.needs import NeedBook, naming_words
from lepcheck.crawl.options import CrawlOptions
from lepcheck.crawl.worth import Band, Link, Source, Worth, link_worth, section_of, under
from lepcheck.models import FetchProblem
from lepcheck.snapshot.index_db import FrontierEntry
from lepcheck.vocab.web import EVIDENCE_WORDS

META_KEY = "crawl_economy"
# URLs a rule needed that were not fetched, kept for the report (the count is always kept).
MAX_NEEDED_SKIPS = 200
# Skip reasons under which a URL named like sought evidence is something the crawl could not
# read (off-site pages, robots.txt refusals and traps are reported as they always were).
UNREAD_REASONS = frozenset({"budget", "depth"})
ASK = Worth(Band.EVIDENCE, 0)  # a committee adapter's request: the adapter bounds its walk


@dataclass(frozen=True)
class NeededSkip:
    url: str
    reason: str
    link_text: str
    needs: tuple[str, ...]


class Economy:
    """The worth of every URL queued or fetched, the families, the needs met, the sections."""

    def __init__(self, options: CrawlOptions) -> None:
        self.options = options
        self.best_first = not options.exhaustive
        self.needs = NeedBook.of(options.needs)
        self.worths: dict[str, Worth] = {}
        self.families: dict[FamilyKey, Family] = {}
        self.sources: dict[str, Source] = {}
        self.sections: set[str] = set()
        self.needed_skips: list[NeededSkip] = []
        self.needed_skip_count = 0
        self.stopped = ""

    # ------------------------------------------------------------------ judging URLs

    def order(self, entry: FrontierEntry) -> tuple[int, ...]:
        worth = self.worths.get(entry.url, Worth(Band.GENERAL))
        return worth.key(entry.depth, entry.tier)

    def judge(self, url: str, text: str, *, depth: int, tier: int, via: str | None) -> Worth:
        document = is_document_link(url, text)
        link = Link(url, naming_words(url, text), depth, tier, document)
        source = self.sources.get(via or "", Source())
        family = None if document or not self.best_first else family_of(url)
        matched = self.needs.matching(link.words, kinds_only=family is not None)
        open_needs = tuple(i for i in matched if self.needs.is_open(i))
        met_needs = tuple(i for i in matched if not self.needs.is_open(i))
        return link_worth(
            link,
            source,
            open_needs=open_needs,
            met_needs=met_needs,
            family=family,
            in_section=under(url, self.sections),
        )

    def admit(self, url: str, worth: Worth) -> None:
        """A URL joins the frontier with this worth (a family member waits to be chosen)."""
        self.worths[url] = worth
        if worth.band is Band.WAITING and worth.family is not None:
            self.family(worth.family).wait(url, worth.score)

    def improve(self, url: str, worth: Worth) -> bool:
        """A queued URL offered again: it keeps the better worth of the two. True if improved."""
        old = self.worths.get(url)
        if old is not None and not worth.better_than(old):
            return False
        if old is not None and old.band is Band.WAITING and old.family is not None:
            self.family(old.family).drop(url)
        self.admit(url, worth)
        return True

    def family(self, key: FamilyKey) -> Family:
        if key not in self.families:
            self.families[key] = Family.new(key)
        return self.families[key]

    # ------------------------------------------------------------------ what was fetched

    def fetched(self, url: str, final_url: str, link_text: str, title: str, ok: bool) -> None:
        """A response was archived: the needs its names meet, and what kind of page it is for
        the links found on it."""
        worth = self.worths.get(url, Worth(Band.GENERAL))
        if worth.family is not None and worth.band is Band.SAMPLE:
            self.family(worth.family).fetched += 1
        if not ok:
            return
        # "Board papers | Anytown Business Board": the page's own name, not the site's.
        own_title = re.split(r" [|\u2013\u2014-] ", title, maxsplit=1)[0]
        words = f"{naming_words(url, link_text)} | {own_title}"
        named = bool(self.needs.note_fetched(words)) or bool(EVIDENCE_WORDS.search(own_title))
        governance = worth.band <= Band.GOVERNANCE or (named and worth.family is None)
        source = Source(governance=governance, family=worth.family)
        for key in dict.fromkeys((url, final_url)):
            self.sources[key] = source
        if governance:
            self.sections.add(section_of(final_url))

    def links_seen(self, links: list[tuple[str, str]]) -> None:
        for url, text in links:
            self.needs.note_link(url, text)

    def yielded(self, page_url: str, new: list[Worth]) -> None:
        """A family member's new links: any governance one means it held evidence."""
        source = self.sources.get(page_url)
        if source is None or source.family is None:
            return
        if any(w.band <= Band.GOVERNANCE and w.family is None for w in new):
            self.family(source.family).held_evidence()

    def choose(self) -> list[str]:
        """Family members to fetch now (their worth becomes SAMPLE), in a stable order."""
        chosen: list[str] = []
        for key in sorted(self.families):
            for url in self.families[key].choose():
                worth = self.worths.get(url)
                if worth is not None and worth.band is Band.WAITING:
                    self.worths[url] = replace(worth, band=Band.SAMPLE)
                    chosen.append(url)
        return chosen

    # ------------------------------------------------------------------ stopping

    def plausible(self, band: int) -> bool:
        if band <= Band.SAMPLE:
            return True
        return band == Band.GENERAL and not self.needs.all_met()

    def stop_reason(self, queued: int) -> str:
        count = f"{queued:,} queued URL" + ("" if queued == 1 else "s")
        reason = f"stopped: no governance links left in {count}"
        if self.needs.all_met():
            reason = f"stopped: every rule's evidence need met; no governance links left in {count}"
        self.stopped = reason
        return reason

    def leftover_reason(self, entry: FrontierEntry) -> str:
        """Why a URL still queued at the end was not fetched."""
        worth = self.worths.get(entry.url)
        if not self.stopped or worth is None or self.plausible(worth.band):
            return "budget"
        return "sampled" if worth.band is Band.WAITING else "no evidence expected"

    def note_skipped(self, url: str, text: str, reason: str) -> None:
        """A URL not fetched: kept when its name matches something a rule needs."""
        if reason not in UNREAD_REASONS:
            return
        worth = self.worths.get(url)
        matched = worth.needs if worth is not None else ()
        if worth is None:
            matched = tuple(self.needs.matching(naming_words(url, text)))
        if not matched:
            return
        self.needed_skip_count += 1
        if len(self.needed_skips) < MAX_NEEDED_SKIPS:
            labels = tuple(dict.fromkeys(self.needs.documents[i].label for i in matched))
            self.needed_skips.append(NeededSkip(url, reason, text, labels))

    # ------------------------------------------------------------------ the account

    def account(self, *, pages: int, stopped: str) -> str:
        families = [f.account() for _, f in sorted(self.families.items())]
        return json.dumps(
            {
                "order": "best-first" if self.best_first else "breadth-first",
                "pages": pages,
                "stopped": stopped,
                "families": [f for f in families if f["found"]],
                "needs": {
                    "given": self.needs.given,
                    "total": len(self.needs.state()),
                    "met": sum(self.needs.state()),
                    "unmet": self.needs.unmet(),
                },
                "needed_not_fetched": self.needed_skip_count,
                "needed_skips": [vars(s) for s in self.needed_skips],
            },
            default=list,
        )

    def state(self) -> dict[str, Any]:
        """What a resumed crawl needs to judge as this one did."""
        return {
            "families": [
                [key.kind, key.where, f.allowance, f.chosen, f.fetched, f.evidence]
                for key, f in sorted(self.families.items())
            ],
            "needs": self.needs.state(),
            "sections": sorted(self.sections),
            "sources": {url: _source_row(s) for url, s in self.sources.items()},
        }

    def restore(self, state: dict[str, Any]) -> None:
        for kind, where, allowance, _, fetched, evidence in state.get("families", []):
            key = FamilyKey(kind, where)
            # Members chosen and not fetched before the interruption are chosen again.
            self.families[key] = Family(key, allowance, fetched, fetched, evidence, seen=fetched)
        self.needs.restore(list(state.get("needs", [])))
        self.sections = set(state.get("sections", []))
        for url, (governance, kind, where) in state.get("sources", {}).items():
            family = FamilyKey(kind, where) if kind else None
            self.sources[url] = Source(governance=governance, family=family)


def _source_row(source: Source) -> list[object]:
    family = source.family
    return [source.governance, family.kind if family else None, family.where if family else None]


# ------------------------------------------------------------------ reading the account back

# What a needed URL's skip reason means to a reader of the report.
UNREAD_WORDING = {
    "budget": "not fetched: the page budget (--max-pages) ran out first",
    "depth": "not fetched: deeper than the crawl's depth limit",
}


@dataclass(frozen=True)
class CrawlAccount:
    """A snapshot's economy account as the audit reports it: why the crawl ended, which
    families were sampled and how much was left, and the needed URLs it did not fetch."""

    stopped: str = ""
    sampled: tuple[str, ...] = ()
    needed_skips: tuple[NeededSkip, ...] = ()

    @classmethod
    def read(cls, meta_value: str | None) -> CrawlAccount:
        """From a snapshot's `crawl_economy` meta (absent in snapshots made before issue 17)."""
        data = json.loads(meta_value or "{}")
        sampled = tuple(
            f"{f['family']}: {f['fetched']:,} of {f['found']:,} fetched, {f['left']:,} left"
            + (f" ({f['held_evidence']:,} held evidence)" if f["held_evidence"] else "")
            for f in data.get("families", [])
            if f["left"]
        )
        skips = tuple(
            NeededSkip(s["url"], s["reason"], s["link_text"], tuple(s["needs"]))
            for s in data.get("needed_skips", [])
        )
        return cls(stopped=data.get("stopped", ""), sampled=sampled, needed_skips=skips)

    def problems(self) -> list[FetchProblem]:
        """The URLs a rule needed and the crawl did not fetch: a finding that finds nothing
        else says unknown, not fail, as for a fetch that failed (issue 17, "nothing lost")."""
        return [
            FetchProblem(
                url=skip.url,
                reason=f"{UNREAD_WORDING.get(skip.reason, skip.reason)}; "
                f"looks like {' or '.join(skip.needs)}",
                link_text=skip.link_text or None,
            )
            for skip in self.needed_skips
        ]
