"""Time-machine benchmark: a time-machine audit of the fixture LEP site (Amberdale and Wolds,
tests/archive: 74 captures at six dates in 2023) from a real pywb on loopback, beside what a
client that asks the index once per URL would cost; and the time the default rate limits
give one LEP and a sweep of all 38.

Measured: index queries and replays sent to the archive (the snapshot's own count), and the
wall time of the whole audit (crawl, extraction, checks) at unlimited loopback rates, median of
--runs. Projected: the requests times the default spacing of each bundled archive
(crawl/archive/profiles.py), for the fixture, for a 400-page LEP (the default --max-pages: one
replay per page or document, a redirect hop more for a few), and for 38 such LEPs in one sweep
(the sweep's audits share one limit per archive, so its duration is the archive's rate, not the
number of workers). The per-URL client asks one index query per URL instead of two per site.

    PYTHONPATH=src:. .venv/bin/python benchmarks/archive.py [--runs 3] [--as-of 2023-07-31]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from tests.archive.captures import plan, write_warcs
from tests.archive.servers import build_collection, live_site, pywb

from lepcheck.audit import AuditSettings, audit
from lepcheck.crawl.archive import ArchiveSettings
from lepcheck.crawl.archive.profiles import BUNDLED
from lepcheck.inputs.registry import target_from_url
from lepcheck.snapshot import Snapshot

LEP_PAGES = 400  # the default --max-pages
REDIRECT_SHARE = 0.05  # captured redirects: one more replay each
LEPS = 38
UNLIMITED = 60_000.0


def one_audit(site: str, collection: str, day: date, out: Path) -> tuple[float, dict[str, int]]:
    archive = ArchiveSettings(
        archive=collection, as_of=day, index_per_minute=UNLIMITED, replays_per_minute=UNLIMITED
    )
    settings = AuditSettings(
        out_dir=out, formats=("json",), allow_private_network=True, archive=archive, as_of=day
    )
    started = time.perf_counter()
    result = audit(target_from_url(site), settings)
    seconds = time.perf_counter() - started
    meta = Snapshot.open(result.snapshot_path).meta()
    counts: dict[str, int] = json.loads(meta["archive_requests"])
    counts["urls"] = len(Snapshot.open(result.snapshot_path).records())
    return seconds, counts


def projected(index_queries: float, replays: float, name: str) -> float:
    profile = BUNDLED[name]
    return index_queries * 60 / profile.index_per_minute + replays * 60 / profile.replays_per_minute


def minutes(seconds: float) -> str:
    return f"{seconds / 60:,.1f} min" if seconds < 5400 else f"{seconds / 3600:,.1f} h"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--as-of", default="2023-07-31")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, live_site() as site:
        root = Path(folder)
        started = time.perf_counter()
        build_collection(root, write_warcs(root / "warcs", site.base))
        with pywb(root) as collection:
            setup = time.perf_counter() - started
            runs = [
                one_audit(site.base, collection, date.fromisoformat(args.as_of), root / f"run{n}")
                for n in range(args.runs)
            ]
            assert site.requests == 0, "a time-machine audit sent a request to the live site"
    seconds = statistics.median(s for s, _ in runs)
    counts = runs[0][1]
    report(setup, seconds, counts, args.as_of)


def report(setup: float, seconds: float, counts: dict[str, int], as_of: str) -> None:
    queries, replays, urls = counts["index_queries"], counts["replays"], counts["urls"]
    print(f"fixture archive: {len(plan())} captures; pywb built and started in {setup:.1f} s")
    print(f"time-machine audit as of {as_of} (median of runs, loopback, no rate limit):")
    print(f"  {urls} URLs read, {queries} index queries, {replays} replays, {seconds:.1f} s")
    print(f"  a per-URL client: {urls} index queries for the same URLs")
    lep_replays = LEP_PAGES * (1 + REDIRECT_SHARE)
    lep_queries = max(queries, 2) + 4  # the site, plus folders of documents held elsewhere
    print("projected at the default rate limits (index queries, replays a minute):")
    print(
        "| archive | limits | fixture | one 400-page LEP | 38-LEP sweep | per-URL client, one LEP |"
    )
    print("|---|---|---|---|---|---|")
    for name, profile in BUNDLED.items():
        limits = f"{profile.index_per_minute:g} / {profile.replays_per_minute:g}"
        fixture = projected(queries, replays, name)
        lep = projected(lep_queries, lep_replays, name)
        sweep = projected(lep_queries * LEPS, lep_replays * LEPS, name)
        naive = projected(LEP_PAGES, lep_replays, name)
        print(
            f"| {name} | {limits} | {minutes(fixture)} | {minutes(lep)} | {minutes(sweep)} "
            f"| {minutes(naive)} |"
        )


if __name__ == "__main__":
    main()
