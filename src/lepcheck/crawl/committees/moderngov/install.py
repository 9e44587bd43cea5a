"""The ModernGov adapter for one install: links into it start the walk, answers move it on.

Detection: a link whose URL has the shape of an install's page (`mg*.aspx`, `ie*.aspx`) or of
its web service starts the adapter; the web service's method list confirms it (and the walk
goes through the service), and ModernGov page markers (`#modgov`, `mgMainTitleTxt`) confirm it
for the pages. The first link also asks for the method list (`mgWebService.asmx`): archived,
but as the crawler's own business, like robots.txt.
"""

from __future__ import annotations

from collections.abc import Sequence

from lepcheck.crawl.committees.ask import Ask
from lepcheck.crawl.committees.moderngov import pages_walk, service_walk, urls
from lepcheck.crawl.committees.moderngov.choose import Override
from lepcheck.crawl.committees.moderngov.state import LINKED_KINDS, InstallState, Purpose, Window
from lepcheck.models import FetchRecord

PROBE_MAX_BYTES = 200_000
OUTSIDE = "committee system: not a page of the LEP's committees"


class ModernGovInstall:
    def __init__(
        self,
        base: str,
        *,
        window: Window,
        lep_name: str,
        related_committees: Sequence[str],
        own_limit: int | None = None,
    ) -> None:
        """`own_limit`: the install is the audited body's own (read through its web service
        only), and its walk may cost at most this many requests."""
        self.state = InstallState(base, window, lep_name, Override.read(related_committees))
        self.state.own = own_limit is not None
        self.state.limit = own_limit
        self.base = base

    def linked(self, url: str, text: str) -> tuple[list[Ask], str | None]:
        """A link into the install from the LEP's pages (or a declared related site)."""
        state = self.state
        state.detected("URL shape")
        state.speculative = False
        asks = self.probe()
        cid = urls.committee_id(url)
        if cid is not None:
            asks += self._hint(cid, "linked from the LEP's pages")
        kind = LINKED_KINDS.get(urls.page_name(url))
        if kind is None:
            return _given(asks), None if urls.service_method(url) else OUTSIDE
        meeting = urls.meeting_id(url)
        if kind == "meeting page" and cid is not None and meeting is not None:
            state.meeting_committee[meeting] = cid
        asks.append(state.ask(url, Purpose(kind, cid, meeting), text))
        return _given(asks), None

    def probe(self) -> list[Ask | None]:
        """The method list of the web service, asked once: the service is read if it answers."""
        state = self.state
        probe = urls.service_url(state.base)
        if state.mode != "probing" or state.purpose_of(probe) is not None:
            return []
        return [
            state.ask(
                probe, Purpose("probe"), "web service", role="probe", max_bytes=PROBE_MAX_BYTES
            )
        ]

    def declared(self) -> list[Ask]:
        """A declared related site that may be an install: only its method list is asked, and
        nothing is walked unless it answers (then the committees are chosen by title)."""
        if not self.state.purposes:
            self.state.speculative = True
        return _given(self.probe())

    def _hint(self, cid: int, why: str) -> list[Ask | None]:
        """A committee the LEP points at; walked at once when the walk is under way."""
        state = self.state
        state.hints.setdefault(cid, why)
        if not state.wanted(cid):
            return []
        if state.mode == "service" and state.committees and cid not in state.committees:
            return service_walk.choose_committee(state, cid, "", why)
        if state.mode == "pages":
            return pages_walk.walk_committee_pages(state, cid)
        return []

    def followed(self, record: FetchRecord, body: bytes) -> list[Ask]:
        state = self.state
        purpose = state.purpose_of(record.url)
        if purpose is None:
            return []
        if "html" in record.content_type.lower():
            state.mark(body)
        hinted = set(state.hints)
        asks = self._next(record, body, purpose)
        for cid in [c for c in state.hints if c not in hinted]:
            asks += self._hint(cid, state.hints[cid])  # a committee learnt from a linked page
        return _given(asks)

    def _next(self, record: FetchRecord, body: bytes, purpose: Purpose) -> list[Ask | None]:
        state, kind, cid = self.state, purpose.kind, purpose.committee
        if kind == "probe":
            return service_walk.on_probe(state, record, body)
        if kind == "GetCommittees":
            return service_walk.on_committees(state, record, body)
        if kind == "GetMeetings" and cid is not None:
            return service_walk.on_meetings(state, record, body, cid)
        if kind == "GetMeeting":
            return service_walk.on_meeting(state, record, body, purpose)
        if not 200 <= record.status < 300:
            return []  # a page that did not answer: the report lists it among the problems
        if kind == "committee page" and cid is not None:
            return pages_walk.on_committee_page(state, record, body, cid)
        if kind == "meeting list" and cid is not None:
            return pages_walk.on_meeting_list(state, record, body, cid)
        if kind == "meeting page":
            return pages_walk.on_meeting_page(state, record, body, purpose)
        if kind in ("decision page", "item page"):
            return pages_walk.on_decision_or_item(state, record, body, purpose)
        if kind == "member page":
            return pages_walk.on_member_page(state, record, body)
        return []

    def account(self) -> dict[str, object]:
        return self.state.account()


def _given(asks: list[Ask | None]) -> list[Ask]:
    return [a for a in asks if a is not None]
