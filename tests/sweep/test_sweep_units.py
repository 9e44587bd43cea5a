"""Sweep behaviour that the end-to-end test does not isolate: host politeness across threads,
selection and skipping, one LEP's crash, and CLI usage errors."""

from __future__ import annotations

import csv
import io
import json
import shutil
import threading
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from lepcheck.audit import AuditResult, AuditSettings, Target, check_snapshot
from lepcheck.cli import main
from lepcheck.cli.display import SweepJsonLog
from lepcheck.demo.server import SAMPLE_SITE_ROOT, sample_target, serve_site
from lepcheck.errors import RegistryError
from lepcheck.history import History
from lepcheck.inputs.registry import LepEntry
from lepcheck.sweep import (
    HostTurns,
    SweepEntry,
    SweepProgressEvent,
    SweepResult,
    SweepSettings,
    host_of,
    run_sweep,
    select_leps,
)

AS_OF = date.fromisoformat(sample_target()["as_of"])


def lep(lep_id: str, website: str | None, status: str = "unknown") -> LepEntry:
    return LepEntry(lep_id, f"{lep_id} LEP", None, website, (), None, status)


def test_host_of_ignores_www_and_keeps_the_port() -> None:
    assert host_of("https://www.Example.org/a") == host_of("https://example.org/b")
    assert host_of("http://127.0.0.1:8001/") != host_of("http://127.0.0.1:8002/")


def test_two_audits_sharing_a_host_never_overlap() -> None:
    turns = HostTurns()
    inside: dict[str, int] = {}
    overlaps: list[str] = []
    guard = threading.Lock()

    def audit_like(urls: tuple[str, ...]) -> None:
        with turns.holding(urls):
            hosts = {host_of(u) for u in urls}
            with guard:
                if any(inside.get(h) for h in hosts):
                    overlaps.append(",".join(sorted(hosts)))
                for h in hosts:
                    inside[h] = inside.get(h, 0) + 1
            time.sleep(0.02)
            with guard:
                for h in hosts:
                    inside[h] -= 1

    jobs = [
        ("https://lep-a.test/", "https://council.test/"),
        ("https://lep-b.test/", "https://council.test/"),  # shares the council with lep-a
        ("https://council.test/", "https://lep-a.test/"),  # reverse order: no deadlock
        ("https://lep-c.test/",),
    ] * 3
    threads = [threading.Thread(target=audit_like, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert not any(t.is_alive() for t in threads)  # no deadlock
    assert overlaps == []


def test_selection_skips_leps_without_a_website_and_closed_ones() -> None:
    registry = {
        "a": lep("a", "https://a.test/"),
        "b": lep("b", None),
        "c": lep("c", "https://c.test/", status="closed"),
    }
    chosen, skipped = select_leps(registry)
    assert [e.id for e in chosen] == ["a"]
    assert {s.id: s.outcome for s in skipped} == {"b": "skipped", "c": "skipped"}
    chosen, _ = select_leps(registry, ["c"])  # named in --only: audited anyway
    assert [e.id for e in chosen] == ["c"]
    with pytest.raises(RegistryError, match="unknown LEP id 'abd'; did you mean abc"):
        select_leps({"abc": registry["a"]}, ["abd"])


def test_one_lep_crashing_is_recorded_and_the_sweep_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def check_or_crash(snapshot: Path, target: Target, settings: AuditSettings) -> AuditResult:
        if target.id == "broken":
            raise RuntimeError("a document this tool could not handle")
        return check_snapshot(snapshot, target, settings)

    monkeypatch.setattr("lepcheck.sweep.record.check_snapshot", check_or_crash)
    events: list[SweepProgressEvent] = []
    history = History(tmp_path / "h.sqlite")
    with serve_site(SAMPLE_SITE_ROOT) as one, serve_site(SAMPLE_SITE_ROOT) as two:
        result = run_sweep(
            [lep("broken", one), lep("fine", two)],
            SweepSettings(out_dir=tmp_path / "out", as_of=AS_OF, allow_private_network=True,
                          delay=0.0),
            history=history,
            on_progress=events.append,
        )  # fmt: skip
    by_id = {e.id: e for e in result.entries}
    assert by_id["broken"].outcome == "error"
    assert "RuntimeError: a document this tool could not handle" in by_id["broken"].reason
    assert by_id["fine"].outcome == "audited" and by_id["fine"].score is not None
    assert [r.outcome for r in history.runs("broken")] == ["error"]
    assert [e.stage for e in events if e.lep_id == "fine"][-1] == "done"
    assert (tmp_path / "out" / "league-table.csv").read_text().count("\n") == 3


def test_sweep_usage_errors_are_one_line_with_exit_2(tmp_path: Path) -> None:
    runner = CliRunner()
    unknown = runner.invoke(main, ["sweep", "--only", "new-angila", "--out", str(tmp_path)])
    assert unknown.exit_code == 2
    assert unknown.stderr.strip() == (
        "lepcheck: error: unknown LEP id 'new-angila'; did you mean new-anglia?"
    )
    framework = runner.invoke(
        main, ["sweep", "--only", "new-anglia", "--framework", "nope", "--out", str(tmp_path),
               "--db", str(tmp_path / "h.sqlite")],
    )  # fmt: skip
    assert framework.exit_code == 2
    assert framework.stderr.startswith("lepcheck: error: ") and "nope" in framework.stderr
    both = runner.invoke(main, ["diff", "1", "2", "--target", "x", "--db", str(tmp_path / "h")])
    assert both.exit_code == 2
    missing = runner.invoke(main, ["history", "x", "--db", str(tmp_path / "absent.sqlite")])
    assert missing.exit_code == 2 and "no history database" in missing.stderr


def test_audit_with_db_records_runs_and_carries_the_action_plan(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite"
    runner = CliRunner()
    site = shutil.copytree(SAMPLE_SITE_ROOT, tmp_path / "site")  # the same bytes both times
    with serve_site(site) as url:
        for folder in ("first", "second"):
            done = runner.invoke(
                main, ["audit", url, "--name", "Amberdale", "--as-of", AS_OF.isoformat(),
                       "--allow-private-network", "--delay", "0", "--out", str(tmp_path / folder),
                       "--db", str(db)],
            )  # fmt: skip
            assert done.exit_code == 0, done.stderr
    history = History(db)
    [target] = history.target_ids()
    first, second = history.runs(target)
    assert first.score == second.score is not None
    assert {a.status for a in history.actions(first.id)} == {"Not started"}
    assert {a.status for a in history.actions(second.id)} == {"Ongoing"}
    diff = runner.invoke(main, ["diff", "--target", target, "--db", str(db)])
    assert diff.exit_code == 0
    assert "New failures: 0" in diff.stdout and "Resolved: 0" in diff.stdout


def test_json_log_writes_one_line_per_event() -> None:
    stream = io.StringIO()
    with SweepJsonLog(stream) as log:
        log(SweepProgressEvent("alpha", "crawling", "3 page(s)"))
        log(SweepProgressEvent("alpha", "done", "score 70, amber"))
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [(x["lep_id"], x["stage"], x["detail"]) for x in lines] == [
        ("alpha", "crawling", "3 page(s)"),
        ("alpha", "done", "score 70, amber"),
    ]
    assert all(x["time"].endswith("+00:00") for x in lines)


def test_league_table_cells_never_become_formulas(tmp_path: Path) -> None:
    moment = datetime(2024, 1, 8, tzinfo=UTC)
    result = SweepResult(
        sweep_id="sweep-test",
        settings=SweepSettings(out_dir=tmp_path),
        started_at=moment,
        finished_at=moment,
        entries=[
            SweepEntry(id="evil", name='=HYPERLINK("http://x.test","click")', website=None,
                       outcome="unreachable", reason="@SUM(1)"),
            SweepEntry(id="good", name="Good LEP", website="https://good.test/",
                       outcome="audited", score=70.0, coverage=80.0, rating="amber"),
        ],
    )  # fmt: skip
    table, summary = result.write_summary()
    with table.open(newline="", encoding="utf-8") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert rows["evil"]["name"].startswith("'=")
    assert rows["evil"]["reason"] == "'@SUM(1)"
    assert rows["good"]["rank"] == "1" and rows["good"]["score"] == "70.0"
    assert json.loads(summary.read_text())["counts"]["audited"] == 1


def test_a_sweep_of_archive_captures_takes_the_leps_open_and_the_sites_in_use_that_day() -> None:
    from dataclasses import replace

    from lepcheck.inputs.registry import Website

    closed = replace(lep("shut", "https://shut.example/", "closed"), closed_on=date(2021, 3, 31))
    moved = replace(
        lep("moved", None),
        websites=(
            Website("https://old.example/", until=date(2021, 3, 31), source="a source"),
            Website("https://new.example/", start=date(2021, 4, 1), source="a source"),
        ),
    )
    registry = {"shut": closed, "moved": moved}
    chosen, skipped = select_leps(registry, on=date(2020, 6, 30))
    assert [e.id for e in chosen] == ["shut", "moved"] and not skipped
    assert moved.target(date(2020, 6, 30)).url == "https://old.example/"
    chosen, skipped = select_leps(registry)  # today: the closed one is skipped
    assert [e.id for e in chosen] == ["moved"] and skipped[0].id == "shut"


def test_a_sweep_from_an_archive_needs_its_day(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["sweep", "--archive", "ia", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "lepcheck: error: --archive needs --as-of: the day to see the site as it stood, "
        "e.g. --as-of 2023-05-31"
    )
