"""CrawlOptions: everything that shapes one crawl."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal, Self

from pydantic import model_validator

from lepcheck import __version__
from lepcheck.crawl.archive.settings import ArchiveSettings
from lepcheck.crawl.needs import EvidenceNeeds
from lepcheck.models import Frozen

DEFAULT_USER_AGENT = f"lepcheck/{__version__} (+https://github.com/lepcheck/lepcheck)"
# Whether pages are drawn in headless Chromium (crawl/render): never; auto, when the server's
# HTML is a script shell or a governance page filled by script; always, every HTML page.
RenderMode = Literal["never", "auto", "always"]
RENDER_MODES: tuple[RenderMode, ...] = ("never", "auto", "always")
# Requests in flight at once over the whole crawl (each host is still paced on its own).
WORKERS = 8


class CrawlOptions(Frozen):
    start_url: str
    related_sites: tuple[str, ...] = ()
    allow_private_network: bool = False
    delay: float = (
        1.0  # pause between two requests to one host; robots Crawl-delay wins when larger
    )
    max_pages: int = 400
    max_depth: int = 6
    max_bytes: int = 30_000_000  # per response, streamed and cut
    timeout: float = 20.0
    total_time: float = 1800.0
    user_agent: str = DEFAULT_USER_AGENT
    previous: Path | None = None  # previous snapshot for conditional re-crawl
    # Committee systems (crawl/committees): the LEP's name picks its committees by title, the
    # audit's as-of date places the window of meetings read (today when not given), and
    # `related_committees` (registry) names the committees outright: ids, titles or URLs.
    lep_name: str = ""
    as_of: date | None = None
    related_committees: tuple[str, ...] = ()
    # The adapters pick an LEP's committees out of its accountable body's install. A council or
    # combined authority audited in its own right owns the whole install (its committees, Forward
    # Plan, decisions, members' registers): its pages are crawled as its website (see below).
    committee_adapters: bool = True
    # The target owns the install (a successor body audited in its own right): its pages stay
    # the crawl's, and the adapter only reads what its web service declares about its own
    # committees (full council, executive, scrutiny, business board: SUCCESSOR_COMMITTEES),
    # within a share of --max-pages, so the meetings carry the dates the service declares.
    own_committees: bool = False
    # What the audit's rules will look for (lepcheck.audit.needs): the crawl goes best-first
    # towards it, samples families of look-alike pages and stops when nothing promising is left.
    # None (a crawl on its own) still goes best-first, but never knows its questions answered.
    needs: EvidenceNeeds | None = None
    # The old breadth-first crawl of everything within the budget, for a full archive of a site.
    exhaustive: bool = False
    # A web archive (issue 15): the site as it stood on archive.as_of, read from its captures;
    # or, with no as_of, a live crawl whose documents' first captures prove publication dates.
    archive: ArchiveSettings | None = None
    # A time-machine crawl reads pages as the archive captured them and draws none: "auto"
    # renders nothing there, and "always" is refused (the CLI refuses --render with --archive).
    render: RenderMode = "auto"
    render_seconds: float = 20.0  # one page's render, from navigation to reading its DOM

    @model_validator(mode="after")
    def _no_render_in_a_time_machine(self) -> Self:
        if self.render == "always" and self.archive is not None and self.archive.time_machine:
            raise ValueError("render='always' with a time-machine archive: nothing is drawn there")
        return self
