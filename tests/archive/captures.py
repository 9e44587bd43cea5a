"""A web archive of the fixture LEP site, built at test time: the sample site (Amberdale and
Wolds LEP, src/lepcheck/demo/site) captured at several dates in 2023 into WARC files (warcio),
as a crawler of a web archive would have seen it then. The meetings page lists only the
meetings held or announced by each capture's date.

The meetings page announces the year's four meetings throughout and links each document once
it is out. What the captures hold (times UTC; the deadlines are five clear working days before
a meeting for the agenda, MEET-01, and ten after it for the minutes, MEET-02):

- 2023-02-20: every page, policy and register, robots.txt; no 2023 meeting yet;
- 2023-03-03: the 14 March agenda and papers (6 clear working days ahead: proves MEET-01);
  /board-papers/, an old address, captured as a 301 to the meetings page;
- 2023-03-27: the 14 March minutes (8 clear working days after: proves MEET-02);
- 2023-06-05: the 13 June papers, items 4 and 5;
- 2023-06-12: the 13 June agenda (the day before: a late capture proves nothing), and the 14
  March agenda again, stored only as a revisit of its first capture;
- 2023-07-10: the 13 June minutes (19 clear working days after: late, proves nothing);
- never: the 13 June paper for item 6.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from lepcheck.demo.server import SAMPLE_SITE_ROOT, content_type_for

BOARD = "/documents/board/"
MEETINGS_PAGE = "/governance/board-meetings/"
OLD_ADDRESS = "/board-papers/"
NEVER_CAPTURED = "/documents/board/2023-06-13-item-6-freeport-logistics-skills-programme.pdf"
_ROW = re.compile(r"<tr>\s*<td>[^<]*</td>.*?</tr>", re.DOTALL)
_ROW_DATE = re.compile(r"/documents/board/(\d{4}-\d{2}-\d{2})-")


def when(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


ROUNDS: dict[str, datetime] = {
    "before": when("2023-02-20T10:00:00"),
    "march_papers": when("2023-03-03T09:00:00"),
    "march_minutes": when("2023-03-27T09:00:00"),
    "june_papers": when("2023-06-05T09:00:00"),
    "june_agenda": when("2023-06-12T09:00:00"),
    "june_minutes": when("2023-07-10T09:00:00"),
}
# Board documents by the round that first captures them.
FIRST_CAPTURED: dict[str, str] = {
    "2023-03-14-agenda.pdf": "march_papers",
    "2023-03-14-item-4-chief-executives-report.pdf": "march_papers",
    "2023-03-14-item-5-amberdale-quay-regeneration-full-business-case.pdf": "march_papers",
    "2023-03-14-item-6-local-growth-fund-programme-update.pdf": "march_papers",
    "2023-03-14-minutes.pdf": "march_minutes",
    "2023-06-13-item-4-chief-executives-report.pdf": "june_papers",
    "2023-06-13-item-5-wolds-agri-tech-innovation-centre-change-request.pdf": "june_papers",
    "2023-06-13-agenda.pdf": "june_agenda",
    "2023-06-13-minutes.pdf": "june_minutes",
}
REVISITED = ("2023-03-14-agenda.pdf", "june_agenda")


@dataclass(frozen=True)
class Capture:
    path: str
    at: datetime
    status: int
    headers: list[tuple[str, str]]
    body: bytes


def meetings_page(at: datetime) -> bytes:
    """The meetings page as it stood at `at`: every 2023 meeting announced, with the documents
    that were out by then."""
    html = (SAMPLE_SITE_ROOT / MEETINGS_PAGE.strip("/") / "index.html").read_text("utf-8")

    def keep(match: re.Match[str]) -> str:
        dated = _ROW_DATE.search(match.group(0))
        day = dated.group(1) if dated else "9999-12-31"
        first = min(
            (ROUNDS[r] for name, r in FIRST_CAPTURED.items() if name.startswith(day)),
            default=None,
        )
        row = match.group(0)
        if first is None or first > at:
            # An announced meeting: its date is listed, its documents are not out yet.
            return re.sub(r"<a [^>]*>[^<]*</a>(<br>)?", "", row)
        later = [n for n, r in FIRST_CAPTURED.items() if n.startswith(day) and ROUNDS[r] > at]
        for name in later:  # a document not yet out is not linked yet
            row = re.sub(rf'<a href="{BOARD}{re.escape(name)}">[^<]*</a>(<br>)?', "", row)
        return row

    return _ROW.sub(keep, html).encode("utf-8")


def home_page() -> bytes:
    html = (SAMPLE_SITE_ROOT / "index.html").read_text("utf-8")
    link = f'<li><a href="{OLD_ADDRESS}">Board papers</a></li>'
    return html.replace("</ul>", f"{link}</ul>", 1).encode("utf-8")


def page(path: str, at: datetime, body: bytes) -> Capture:
    file_type = "text/html; charset=utf-8" if path.endswith("/") else content_type_for(Path(path))
    headers = [("Content-Type", file_type), ("Last-Modified", format_datetime(at, usegmt=True))]
    return Capture(path, at, 200, headers, body)


def site_files() -> Iterator[tuple[str, Path]]:
    for file in sorted(SAMPLE_SITE_ROOT.rglob("*")):
        relative = file.relative_to(SAMPLE_SITE_ROOT).as_posix()
        if file.is_dir() or relative == "manifest.json" or "board-meetings/2023-" in relative:
            continue
        path = "/" + relative.removesuffix("index.html")
        yield path, file


def plan() -> list[Capture]:
    """Every capture of the fixture archive, in time order."""
    captures: list[Capture] = []
    before = ROUNDS["before"]
    for path, file in site_files():
        if path.startswith(BOARD):
            continue
        body = home_page() if path == "/" else file.read_bytes()
        if path == MEETINGS_PAGE:
            body = meetings_page(before)
        captures.append(page(path, before, body))
    for name, round_name in FIRST_CAPTURED.items():
        at = ROUNDS[round_name]
        pdf = (SAMPLE_SITE_ROOT / BOARD.strip("/") / name).read_bytes()
        # Documents carry no Last-Modified: the archive's capture is their only dated witness.
        captures.append(Capture(BOARD + name, at, 200, [("Content-Type", "application/pdf")], pdf))
        captures.append(page(MEETINGS_PAGE, at, meetings_page(at)))
    moved = [("Location", MEETINGS_PAGE), ("Content-Type", "text/html; charset=utf-8")]
    captures.append(Capture(OLD_ADDRESS, ROUNDS["march_papers"], 301, moved, b"Moved"))
    return sorted(captures, key=lambda c: c.at)


def _record(writer: WARCWriter, url: str, capture: Capture) -> object:
    reason = "OK" if capture.status == 200 else "Moved Permanently"
    http = StatusAndHeaders(f"{capture.status} {reason}", capture.headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(capture.body),
        length=len(capture.body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": capture.at.strftime("%Y-%m-%dT%H:%M:%SZ")},
    )
    writer.write_record(record)
    return record


def write_warcs(folder: Path, base: str) -> list[Path]:
    """The WARC files of the fixture archive, one per capture round, for the site at `base`
    (the fixture site's own live address, so that any request to it would be seen)."""
    folder.mkdir(parents=True, exist_ok=True)
    originals: dict[str, object] = {}
    written: list[Path] = []
    by_round: dict[datetime, list[Capture]] = {}
    for capture in plan():
        by_round.setdefault(capture.at, []).append(capture)
    for number, (at, captures) in enumerate(sorted(by_round.items())):
        path = folder / f"amberdale-{number:02d}-{at:%Y%m%d}.warc.gz"
        with path.open("wb") as stream:
            writer = WARCWriter(stream, gzip=True)
            for capture in captures:
                url = base.rstrip("/") + capture.path
                originals[capture.path] = _record(writer, url, capture)
            name, revisit_round = REVISITED
            if ROUNDS[revisit_round] == at:
                _revisit(writer, base.rstrip("/") + BOARD + name, originals[BOARD + name], at)
        written.append(path)
    return written


def _revisit(writer: WARCWriter, url: str, original: object, at: datetime) -> None:
    headers = original.rec_headers  # type: ignore[attr-defined]
    record = writer.create_revisit_record(
        url,
        digest=headers.get_header("WARC-Payload-Digest"),
        refers_to_uri=url,
        refers_to_date=headers.get_header("WARC-Date"),
        http_headers=StatusAndHeaders(
            "200 OK", [("Content-Type", "application/pdf")], protocol="HTTP/1.1"
        ),
        warc_headers_dict={"WARC-Date": at.strftime("%Y-%m-%dT%H:%M:%SZ")},
    )
    writer.write_record(record)
