"""Committee-system benchmark: two years of one committee's meetings collected through the
ModernGov web service, beside the same collected through the committee's pages (what the crawl
does when the service is absent, and what a crawler without the adapter would have to walk).

The committee is the Wyvern Coast LEP Board on the loopback ModernGov emulator
(tests/fixtures/moderngov: 9 meetings in the window 31 January 2022 to 31 March 2024, one
cancelled, one not yet held), reached from the LEP's own pages; `related_committees` keeps
the crawl to that one committee. Requests counted are those the council's site received; the
LEP's own pages cost the same in both runs. Wall time is the whole crawl at --delay 0: the
median of --runs, with their range (benchmarks/timing.py), printed after the machine line. The
projection at the default delay of 1 s per request to one host is the council's request count
times the delay (requests to one host are made one at a time, a delay apart), plus the median.

    PYTHONPATH=src:. .venv/bin/python benchmarks/committee_system.py [--runs 5] [--delay 1.0]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.timing import Runs, machine
from tests.fixtures.moderngov.emulator import Install, serve_wyvern

from lepcheck.crawl import CrawlOptions, crawl
from lepcheck.snapshot import Snapshot

AS_OF = date(2024, 1, 31)
BOARD = "512"
PDFS: dict[str, bytes] = {}  # the emulator's PDFs, made once for every run


def one_run(variant: str) -> tuple[int, int, float]:
    """(requests to the council, bytes archived from it, seconds) for one crawl."""
    with (
        serve_wyvern(Install(web_service=variant)) as (lep, council),  # type: ignore[arg-type]
        tempfile.TemporaryDirectory() as out,
    ):
        council.pdfs.cache = PDFS
        options = CrawlOptions(
            start_url=lep,
            allow_private_network=True,
            delay=0.0,
            lep_name="Wyvern Coast Local Enterprise Partnership",
            as_of=AS_OF,
            related_committees=(BOARD,),
        )
        started = time.perf_counter()
        crawl(options, Path(out) / "snap", target_id="wyvern-coast")
        seconds = time.perf_counter() - started
        records = Snapshot.open(Path(out) / "snap").records()
        sent = sum(r.length for r in records if r.url.startswith(council.base))
        return len(council.log), sent, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--delay", type=float, default=1.0, help="delay to project at (s)")
    args = parser.parse_args()
    print(machine())
    one_run("ok")  # warm-up: the emulator makes its PDFs on first request
    rows = []
    for label, variant in (("web service", "ok"), ("pages", "missing")):
        results = [one_run(variant) for _ in range(args.runs)]
        requests = {r[0] for r in results}
        assert len(requests) == 1, f"{label}: request counts differ between runs: {requests}"
        rows.append((label, results[0][0], results[0][1], Runs(tuple(r[2] for r in results))))
    print(f"two years of one committee (Board, 9 meetings), median of {args.runs} runs")
    print(f"{'through':<12} {'requests':>8} {'KB':>8} {'s projected':>12}  s at delay 0")
    for label, requests, sent, runs in rows:
        projected = requests * args.delay + runs.median
        print(f"{label:<12} {requests:>8} {sent / 1024:>8.0f} {projected:>12.0f}  {runs.span()}")


if __name__ == "__main__":
    main()
