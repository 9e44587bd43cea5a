"""Crawl economy benchmark (issue 17): what an audit costs on LEP-like sites whose size is not
their evidence, best-first (the default) beside breadth-first (`--exhaustive`, the crawl before
issue 17), in the same run.

Sites (tests/generated_sites.py, generated at run time and served from memory on loopback):
the sample LEP as it stands (plain); with 3,000 news stories (padded); padded, with the board's
meetings one to a page of a paginated archive, the oldest meeting's papers five clicks deep
(deep); plain, with an events calendar that pages on for ever (trap). Each is audited end to end
(crawl, read, check) at --delay 0 with the default page budget (400) and depth (6).

Printed per site and order: requests the site received; requests on non-governance pages
(responses read as kind "other" that no finding cites as evidence); the board meetings found;
rule agreement with the plain site's best-first audit (findings of equal status, of 92); the
wall time at --delay 0, and the projection at the default 1 s delay (one request at a time to
one host, a second apart: the request count in seconds, plus the measured time); the crawl's own
account of why it stopped.

    PYTHONPATH=src:. .venv/bin/python benchmarks/crawl_economy.py [--sites plain,padded,deep,trap]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tests.generated_sites import GeneratedSite, Variant, serve_generated

from lepcheck.audit import AuditSettings, Target, audit
from lepcheck.demo.server import sample_target


@dataclass(frozen=True)
class Run:
    site: str
    order: str
    requests: int
    non_governance: int
    meetings: int
    statuses: dict[str, str]
    seconds: float
    stopped: str


def one_audit(variant: Variant, exhaustive: bool) -> Run:
    sample = sample_target()
    site = GeneratedSite(variant)
    with serve_generated(site) as base, tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        result = audit(
            Target(id=sample["id"], name=sample["name"], url=base),
            AuditSettings(
                out_dir=Path(out),
                formats=("json",),
                as_of=date.fromisoformat(sample["as_of"]),
                allow_private_network=True,
                delay=0.0,
                exhaustive=exhaustive,
            ),
        )
        seconds = time.perf_counter() - started
        account = economy_account(result.snapshot_path)
    report = result.report
    cited = {e.url for f in report.findings for e in f.evidence}
    other = [d for d in result.site.documents if d.kind == "other" and d.url not in cited]
    return Run(
        site=variant,
        order="breadth-first" if exhaustive else "best-first",
        requests=len(site.log),
        non_governance=len(other),
        meetings=len(result.site.meetings),
        statuses={f.rule_id: f.status for f in report.findings},
        seconds=seconds,
        stopped=account.get("stopped") or "finished: nothing left to fetch",
    )


def economy_account(snapshot: Path) -> dict[str, Any]:
    with sqlite3.connect(snapshot / "index.sqlite") as db:
        row = db.execute("SELECT value FROM meta WHERE key = 'crawl_economy'").fetchone()
    return json.loads(row[0]) if row else {}


def agreement(run: Run, plain: Run) -> str:
    same = sum(run.statuses.get(rule) == status for rule, status in plain.statuses.items())
    return f"{same}/{len(plain.statuses)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", default="plain,padded,deep,trap")
    args = parser.parse_args()
    variants: list[Variant] = [s.strip() for s in args.sites.split(",")]  # type: ignore[misc]
    runs = [one_audit(v, exhaustive) for v in variants for exhaustive in (False, True)]
    plain = next(r for r in runs if r.site == "plain" and r.order == "best-first")
    print(
        f"{'site':8} {'order':13} {'requests':>8} {'non-gov':>7} {'meetings':>8} "
        f"{'agree':>6} {'s @0':>6} {'@1 s':>7}  why it ended"
    )
    for run in runs:
        projected = run.requests * 1.0 + run.seconds
        print(
            f"{run.site:8} {run.order:13} {run.requests:8d} {run.non_governance:7d} "
            f"{run.meetings:8d} {agreement(run, plain):>6} {run.seconds:6.1f} "
            f"{projected / 60:5.1f} m  {run.stopped}"
        )
    padded = next((r for r in runs if r.site == "padded" and r.order == "best-first"), None)
    if padded is not None:
        print(f"padded / plain requests, best-first: {padded.requests / plain.requests:.2f}x")


if __name__ == "__main__":
    main()
