"""How the site readers scale with the number of cards on one listing page.

A hostile or merely large site can put thousands of repeated cards on one page (every board
member a council ever had, every meeting since 2010, every funded project). Reading such a
page must cost time linear in its size. For 500, 2,000 and 5,000 cards this generates, with
the shapes the fixture sites use, a board page of member cards, a register-of-interests page
with a section per member, a board-meetings listing of meeting cards linking agendas and
minutes, and a funded-projects page of project cards; then it times the HTML reader
(extract + classify, which builds the outline and sections) and each site reader, and prints
cards per second. Linear readers keep about the same cards/s at every size; a quadratic one
falls by about 10x from 500 to 5,000 cards.

Figures are cards per CPU second, the median of --repeats runs.

Run:  PYTHONPATH=src .venv/bin/python benchmarks/readers_scale.py [--sizes 500 2000 5000]
          [--readers board registers meetings projects] [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TypeVar

from lepcheck.extract.classify import classify_document
from lepcheck.extract.document import extract_document
from lepcheck.models import Document, FetchRecord
from lepcheck.site.board import read_board
from lepcheck.site.meetings import read_meetings
from lepcheck.site.projects import read_projects
from lepcheck.site.registers import read_registers

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.timing import machine  # noqa: E402

NOW = datetime(2024, 3, 5, tzinfo=UTC)
T = TypeVar("T")
SITE = "https://lep.example"
_GIVEN = (
    "Amara", "Bilal", "Chloe", "Dev", "Eilidh", "Farhan", "Grace", "Hamza", "Isla", "Jonah",
    "Kiran", "Leah", "Mateo", "Nadia", "Owen", "Priya", "Quentin", "Rosa", "Sami", "Tara",
    "Umar", "Vera", "Wilf", "Yasmin", "Zane",
)  # fmt: skip
_SYLLABLES = (
    "ash", "brook", "cal", "dun", "fen", "gar", "hol", "ing", "kel", "lan", "mor", "nor",
    "pen", "quil", "ros", "stan", "thor", "wick",
)  # fmt: skip
_ENDINGS = ("by", "ford", "ham", "ley", "ton", "well", "worth", "field", "hurst", "combe")


def person(index: int) -> str:
    """A distinct, plausible name for every index (25 x 18 x 18 x 10 combinations)."""
    given = _GIVEN[index % len(_GIVEN)]
    rest = index // len(_GIVEN)
    first = _SYLLABLES[rest % len(_SYLLABLES)].capitalize()
    rest //= len(_SYLLABLES)
    middle = _SYLLABLES[rest % len(_SYLLABLES)]
    ending = _ENDINGS[(rest // len(_SYLLABLES)) % len(_ENDINGS)]
    return f"{given} {first}{middle}{ending}"


def _page(title: str, main: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<main><h1>{title}</h1>{main}</main><footer>Footer</footer></body></html>"
    ).encode()


def board_page(cards: int) -> bytes:
    body = "".join(
        f"<div class='board-member'><h3>{person(i)}</h3><p>Board member</p>"
        f"<p>Managing Director, Firm {i} Ltd</p><p>Sector: Private sector</p></div>"
        for i in range(cards)
    )
    return _page("Our Board", f"<h2>Board members</h2>{body}")


def register_page(cards: int) -> bytes:
    body = "".join(
        f"<div class='register'><h3>{person(i)}</h3><p>Employment: Director, Firm {i} Ltd</p>"
        "<p>Directorships: None</p><p>Shareholdings: None</p><p>Land and property: None</p>"
        "<p>Gifts and hospitality: None</p><p>Signed and dated 1 April 2023</p></div>"
        for i in range(cards)
    )
    return _page("Register of interests", f"<h2>Board members' interests</h2>{body}")


def meeting_day(index: int) -> date:
    return date(2000, 1, 4) + timedelta(days=index)


def meetings_page(cards: int) -> bytes:
    def card(index: int) -> str:
        day = meeting_day(index)
        stem = f"/documents/board/{day.isoformat()}"
        return (
            f"<div class='meeting'><h3>Board meeting {day.day} {day:%B %Y}</h3>"
            f"<ul><li><a href='{stem}-agenda.pdf'>Agenda</a></li>"
            f"<li><a href='{stem}-minutes.pdf'>Minutes</a></li></ul></div>"
        )

    return _page("Board meetings", "".join(card(i) for i in range(cards)))


def projects_page(cards: int) -> bytes:
    body = "".join(
        f"<div class='project'><h3>Growth Hub Scheme {i}</h3><p>Lead partner: Firm {i} Ltd</p>"
        f"<p>Programme: Local Growth Fund</p><p>LGF award: £{i + 1},000</p></div>"
        for i in range(cards)
    )
    return _page("Funded projects", f"<h2>Projects we have funded</h2>{body}")


def read_page(path: str, body: bytes) -> Document:
    url = SITE + path
    record = FetchRecord(url=url, final_url=url, status=200, content_type="text/html",
                         fetched_at=NOW, first_seen=NOW)  # fmt: skip
    return classify_document(extract_document(record, body))


Pages = Callable[[int], list[tuple[str, bytes]]]
Reader = Callable[[Sequence[Document]], int]


def _registers(docs: Sequence[Document]) -> int:
    return len(read_registers(docs, read_board(docs, SITE)))


# Registers are matched to the board, so that case reads a board page of as many cards too.
CASES: tuple[tuple[str, Pages, Reader], ...] = (
    ("board", lambda n: [("/about/board/", board_page(n))], lambda d: len(read_board(d, SITE))),
    (
        "registers",
        lambda n: [("/about/board/", board_page(n)), ("/register-of-interests/", register_page(n))],
        _registers,
    ),
    (
        "meetings",
        lambda n: [("/governance/board-meetings/", meetings_page(n))],
        lambda d: len(read_meetings(d)),
    ),
    (
        "projects",
        lambda n: [("/funding/funded-projects/", projects_page(n))],
        lambda d: len(read_projects(d)),
    ),
)


def read_pages(made: Sequence[tuple[str, bytes]]) -> list[Document]:
    return [read_page(path, body) for path, body in made]


def timed(run: Callable[[], T], repeats: int) -> tuple[float, T]:
    """Median CPU time of `repeats` runs, and what the run returned. The readers are single
    threaded pure Python, so CPU time is their work; wall time on a shared machine measures the
    load as much (a 3x spread between runs was seen)."""
    seconds = []
    started = time.process_time()
    result = run()
    seconds.append(time.process_time() - started)
    for _ in range(repeats - 1):
        started = time.process_time()
        run()
        seconds.append(time.process_time() - started)
    return statistics.median(seconds), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2_000, 5_000])
    parser.add_argument("--readers", nargs="+", default=[case[0] for case in CASES])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(machine())
    print(f"{'reader':<10} {'cards':>6} {'html cards/s':>13} {'reader cards/s':>15}  found")
    for name, pages, reader in CASES:
        if name not in args.readers:
            continue
        for cards in args.sizes:
            made = pages(cards)
            read_time, documents = timed(partial(read_pages, made), args.repeats)
            reader_time, found = timed(partial(reader, documents), args.repeats)
            print(
                f"{name:<10} {cards:>6} {cards * len(made) / read_time:>13,.0f} "
                f"{cards / reader_time:>15,.0f}  {found}"
            )


if __name__ == "__main__":
    main()
