"""LEP-like sites generated at test time (issue 17): the sample LEP (src/lepcheck/demo/site) as it
stands, padded with a news archive of thousands of stories, with its board papers deep under a
paginated archive, or with a calendar that pages on for ever, served from memory over loopback.

Variants:
- `plain`: the sample site, plus a sitemap.xml listing its pages (as CMSs publish one);
- `padded`: plain, with 3,000 news stories (ten to a listing page, paged "1 2 3 ... 300", each
  story tagged and filed in a category, each linking related stories; one in a hundred about
  the board) and a tag and a category page per label, all in the sitemap;
- `deep`: padded, with the board meetings page the first page of an archive (the two latest
  meetings, then one to a page, "Older meetings ›") reached through the Governance page: the
  oldest meeting's papers sit five clicks from the home page, deeper than 3,000 news stories;
- `trap`: plain, with an events calendar linked from the home page: a page per month and per
  day, each linking the next and the previous, for ever;
- `news_papers=True` (with padded or deep): two board papers are linked only from news stories
  (the second and the fifth newest), no longer from the board meetings page.

Stories are generated on request, so a 3,000-story site costs nothing until it is crawled.
All names and places are the sample site's inventions.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal
from urllib.parse import urlsplit

from lepcheck.demo.server import SAMPLE_SITE_ROOT, StaticSite, content_type_for

Variant = Literal["plain", "padded", "deep", "trap"]
STORIES = 3000
PER_PAGE = 10
TAGS = ("skills", "innovation", "transport", "housing", "digital", "energy", "tourism",
        "agri-tech", "logistics", "culture")  # fmt: skip
CATEGORIES = ("business-support", "investment", "events", "people", "case-studies")
SUBJECTS = (
    "Amberdale Growth Hub",
    "Wolds Agri-Tech Innovation Centre",
    "Freeport Logistics Campus",
    "Amberdale Quay",
    "Digital Skills Bootcamps",
    "Wolds Tourism Partnership",
    "Amberdale Business Festival",
    "Coastal Energy Cluster",
    "Skills Advisory Panel",
    "Enterprise House",
)
DOINGS = ("opens for business", "welcomes 200 delegates", "celebrates record year",
          "launches new programme", "marks first anniversary", "hosts regional showcase",
          "reaches milestone", "announces winners", "extends opening hours",
          "shares success stories")  # fmt: skip
# Papers linked only from news stories with news_papers (the 2nd and 5th newest stories).
NEWS_PAPERS = {
    2: ("/documents/board/2023-03-14-item-5-amberdale-quay-regeneration-full-business-case.pdf",
        "Amberdale Quay regeneration: full business case approved"),
    5: ("/documents/board/2023-06-13-item-6-freeport-logistics-skills-programme.pdf",
        "Freeport logistics skills programme gets the go-ahead"),
}  # fmt: skip
MEETINGS_PATH = "/governance/board-meetings/"
CALENDAR = "/events/calendar/"
START_DAY = date(2023, 11, 22)


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    modified: datetime = datetime(2023, 11, 22, 12, tzinfo=UTC)


def sample_pages() -> dict[str, Page]:
    """Every file of the sample site by its URL path, with its manifest date."""
    site = StaticSite(SAMPLE_SITE_ROOT)
    pages: dict[str, Page] = {}
    for file in sorted(SAMPLE_SITE_ROOT.rglob("*")):
        relative = file.relative_to(SAMPLE_SITE_ROOT).as_posix()
        if not file.is_file() or relative == "manifest.json":
            continue
        path = "/" + relative.removesuffix("index.html")
        pages[path] = Page(
            file.read_bytes(), content_type_for(file), site.last_modified(file, path)
        )
    return pages


def story(number: int) -> tuple[str, str, date]:
    """Story n (1 = the newest): its path, title and date."""
    day = START_DAY - timedelta(days=number // 2)
    if number in NEWS_PAPERS:
        title = NEWS_PAPERS[number][1]
    elif number % 100 == 50:
        title = f"LEP Board welcomes new members ({day:%B %Y})"
    else:
        subject = SUBJECTS[number % len(SUBJECTS)]
        title = f"{subject} {DOINGS[(number // len(SUBJECTS)) % len(DOINGS)]}"
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return f"/news/{slug}-{number}/", title, day


@dataclass
class GeneratedSite:
    variant: Variant
    news_papers: bool = False
    fixed: dict[str, Page] = field(default_factory=sample_pages)
    log: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.template = self.fixed["/news/"].body.decode("utf-8")
        self.stories = {story(n)[0]: n for n in range(1, STORIES + 1)} if self.padded else {}
        self.months: dict[str, list[int]] = {}
        for number in range(1, STORIES + 1) if self.padded else ():
            self.months.setdefault(f"/news/{story(number)[2]:%Y/%m}/", []).append(number)
        if self.variant == "deep":
            self.archive_meetings()
        if self.news_papers:
            self.unlink_news_papers()
        if self.padded:
            self.fixed["/news/"] = Page(self.listing("/news/", range(1, STORIES + 1), 1))
        if self.variant == "trap":
            self.link_calendar()
        self.fixed["/sitemap.xml"] = Page(self.sitemap(), "application/xml")
        robots = self.fixed["/robots.txt"].body + b"Sitemap: /sitemap.xml\n"
        self.fixed["/robots.txt"] = Page(robots, "text/plain; charset=utf-8")

    @property
    def padded(self) -> bool:
        return self.variant in ("padded", "deep")

    # ------------------------------------------------------------------ pages

    def archives(self) -> str:
        """WordPress's archive widget: a link to every month's stories."""
        links = "".join(
            f'<li><a href="{path}">{date(int(path[6:10]), int(path[11:13]), 1):%B %Y}</a></li>'
            for path in self.months
        )
        return f'<aside class="archives"><h2>Archives</h2><ul>{links}</ul></aside>'

    def page(self, title: str, main: str, crumbs: str = "") -> bytes:
        text = re.sub(r"<title>.*?</title>", f"<title>{escape(title)} | Amberdale and Wolds LEP"
                      "</title>", self.template, count=1, flags=re.S)  # fmt: skip
        trail = f'<a href="/">Home</a> &gt; {crumbs}{escape(title)}'
        text = re.sub(r'(<nav class="breadcrumb"[^>]*>).*?(</nav>)', rf"\g<1>{trail}\g<2>",
                      text, count=1, flags=re.S)  # fmt: skip
        text = re.sub(r"<main id=\"content\">.*?</main>",
                      f'<main id="content">\n<h1>{escape(title)}</h1>\n{main}\n</main>',
                      text, count=1, flags=re.S)  # fmt: skip
        return text.encode("utf-8")

    def listing(self, base: str, numbers: range, page: int, every: bool = False) -> bytes:
        """A listing page: ten stories, and the pages "1 2 3 ... last" (WordPress's pager);
        a month's archive (`every`) lists all its stories on one page."""
        per_page = len(numbers) if every else PER_PAGE
        pages = max(1, -(-len(numbers) // per_page))
        shown = numbers[(page - 1) * per_page : page * per_page]
        items = "".join(
            f'<li><a href="{path}">{escape(title)}</a> <span>{day:%d %B %Y}</span></li>'
            for path, title, day in map(story, shown)
        )
        near = sorted({1, *range(max(1, page - 2), min(pages, page + 2) + 1), pages})
        pager = " ".join(
            f"<span>{n}</span>" if n == page else f'<a href="{base}?page={n}">{n}</a>' for n in near
        )
        if page < pages:
            pager += f' <a href="{base}?page={page + 1}">Next ›</a>'
        title = "News" if base == "/news/" else f"News: {base.rstrip('/').rsplit('/', 1)[-1]}"
        crumbs = '<a href="/news/">News</a> &gt; ' if base != "/news/" else ""
        main = f'<ul class="stories">{items}</ul><nav class="pager">{pager}</nav>'
        return self.page(title, main + self.archives(), crumbs)

    def story_page(self, number: int) -> bytes:
        _, title, day = story(number)
        tags = [TAGS[number % len(TAGS)], TAGS[(number * 7) % len(TAGS)]]
        category = CATEGORIES[number % len(CATEGORIES)]
        tag_links = ", ".join(f'<a href="/news/tag/{t}/">{t}</a>' for t in dict.fromkeys(tags))
        related = [story(n) for n in (number + 1, number + 2, number + 3) if n <= STORIES]
        main = (
            f'<p class="date">{day:%d %B %Y}</p>'
            f"<p>{escape(title)}. The partnership worked with local businesses, colleges and "
            "councils across Amberdale and the Wolds to bring this about.</p>"
            "<p>Businesses wanting to take part can contact the Growth Hub.</p>"
        )
        if self.news_papers and number in NEWS_PAPERS:
            main += f'<p><a href="{NEWS_PAPERS[number][0]}">Read the board paper (PDF)</a></p>'
        main += (
            f"<p>Tags: {tag_links}. Filed under "
            f'<a href="/news/category/{category}/">{category.replace("-", " ")}</a>.</p>'
            "<h2>Related stories</h2><ul>"
            + "".join(f'<li><a href="{p}">{escape(t)}</a></li>' for p, t, _ in related)
            + "</ul>"
        )
        return self.page(title, main + self.archives(), '<a href="/news/">News</a> &gt; ')

    def calendar_page(self, path: str) -> bytes | None:
        match = re.fullmatch(rf"{CALENDAR}(\d{{4}})-(\d{{2}})(?:-(\d{{2}}))?/", path)
        if match is None:
            return None
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            return None
        nxt = f"{year + month // 12}-{month % 12 + 1:02d}"
        prev = f"{year - (month == 1)}-{(month - 2) % 12 + 1:02d}"
        days = "".join(
            f'<a href="{CALENDAR}{year}-{month:02d}-{d:02d}/">{d}</a> ' for d in range(1, 29)
        )
        main = (
            f'<p><a href="{CALENDAR}{prev}/">‹ Previous month</a> '
            f'<a href="{CALENDAR}{nxt}/">Next month ›</a></p><p>{days}</p>'
            "<p>No events are listed for this period.</p>"
        )
        return self.page(f"Events calendar {year}-{month:02d}", main)

    # ------------------------------------------------------------------ variants

    def archive_meetings(self) -> None:
        """The board meetings page as the first page of an archive, newest first: the two
        latest meetings, then one to a page ("Older meetings ›"); the home page no longer links
        it, so it is two clicks deep (through Governance) and the oldest papers five."""
        page = self.fixed[MEETINGS_PATH]
        original = page.body.decode("utf-8")
        rows = re.findall(r"<tr>\s*<td>\d.*?</tr>\n?", original, flags=re.S)[::-1]
        assert len(rows) == 4
        pages = [rows[:2], rows[2:3], rows[3:]]
        for number, kept in enumerate(pages, start=1):
            text = original
            for row in rows:
                text = text.replace(row, row if row in kept else "")
            if number < len(pages):
                older = f'<p><a href="{MEETINGS_PATH}?page={number + 1}">Older meetings ›</a></p>'
                text = text.replace("</table>", f"</table>\n{older}", 1)
            key = MEETINGS_PATH if number == 1 else f"{MEETINGS_PATH}?page={number}"
            self.fixed[key] = Page(text.encode("utf-8"), page.content_type, page.modified)
        home = self.fixed["/"]
        text = re.sub(rf'\s*<li><a href="{MEETINGS_PATH}">.*?</a></li>', "", home.body.decode())
        self.fixed["/"] = Page(text.encode("utf-8"), home.content_type, home.modified)

    def unlink_news_papers(self) -> None:
        for key, page in list(self.fixed.items()):
            if not page.content_type.startswith("text/html"):
                continue
            text = page.body.decode("utf-8")
            for paper, _ in NEWS_PAPERS.values():
                text = re.sub(rf'<a href="{re.escape(paper)}">.*?</a>(<br>)?', "", text)
            self.fixed[key] = Page(text.encode("utf-8"), page.content_type, page.modified)

    def link_calendar(self) -> None:
        home = self.fixed["/"]
        link = f'<li><a href="{CALENDAR}2023-11/">Events calendar</a></li>\n</ul>\n</main>'
        text = home.body.decode("utf-8").replace("</ul>\n</main>", link, 1)
        self.fixed["/"] = Page(text.encode("utf-8"), home.content_type, home.modified)

    def sitemap(self) -> bytes:
        paths = [p for p, page in self.fixed.items() if page.content_type.startswith("text/html")]
        paths += list(self.stories)
        urls = "".join(f"<url><loc>{{BASE}}{p.lstrip('/')}</loc></url>" for p in paths)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        ).encode()

    # ------------------------------------------------------------------ answering

    def answer(self, target: str, base: str) -> Page | None:
        parts = urlsplit(target)
        key = f"{parts.path}?{parts.query}" if parts.query else parts.path
        if key in self.fixed:
            page = self.fixed[key]
            if key == "/sitemap.xml":
                return Page(page.body.replace(b"{BASE}", base.encode()), page.content_type)
            return page
        if parts.path in self.fixed and not parts.query:
            return self.fixed[parts.path]
        return self.generated(parts.path, parts.query)

    def generated(self, path: str, query: str) -> Page | None:
        page_number = int(query[5:]) if re.fullmatch(r"page=\d+", query) else 1
        if self.padded and path in self.stories and not query:
            return Page(self.story_page(self.stories[path]))
        if self.padded and path == "/news/" and 1 <= page_number <= STORIES // PER_PAGE:
            return Page(self.listing("/news/", range(1, STORIES + 1), page_number))
        if path in self.months and not query:
            numbers = self.months[path]
            return Page(self.listing(path, range(numbers[0], numbers[-1] + 1), 1, every=True))
        label = re.fullmatch(r"/news/(tag|category)/([a-z-]+)/", path)
        if self.padded and label:
            names = TAGS if label.group(1) == "tag" else CATEGORIES
            if label.group(2) in names:
                index = names.index(label.group(2))
                numbers = range(index + 1, STORIES + 1, len(names))
                return Page(self.listing(path, numbers, page_number))
        if self.variant == "trap" and not query:
            body = self.calendar_page(path)
            return Page(body) if body else None
        return None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: _Server

    def do_GET(self) -> None:
        site = self.server.site
        with site.lock:
            site.log.append(self.path)
        base = f"http://{self.headers.get('Host', '127.0.0.1')}/"
        page = site.answer(self.path, base)
        if page is None:
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "9")
            self.end_headers()
            self.wfile.write(b"Not found")
            return
        self.send_response(200)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(page.body)))
        self.send_header("Last-Modified", format_datetime(page.modified, usegmt=True))
        self.end_headers()
        self.wfile.write(page.body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, site: GeneratedSite) -> None:
        self.site = site
        super().__init__(("127.0.0.1", 0), _Handler)


@contextmanager
def serve_generated(site: GeneratedSite) -> Iterator[str]:
    """Serve a generated site on loopback; yield its base URL."""
    server = _Server(site)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
