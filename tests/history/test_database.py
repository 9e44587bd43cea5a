"""The history database: versioned migrations, WAL, concurrent writers, round trips."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from lepcheck.cli.display import history_table
from lepcheck.errors import HistoryError
from lepcheck.history import FailedRun, History
from lepcheck.history.database import MIGRATIONS, SCHEMA_VERSION, migrate
from lepcheck.history.rows import evidence_fingerprint
from lepcheck.models import Evidence
from tests.history.builders import action, finding, report

REPO = Path(__file__).parents[2]
NOON = datetime(2023, 11, 30, 12, tzinfo=UTC)

WRITER = "tests.history.history_writer"


def test_a_new_database_is_at_the_latest_version_in_wal_mode(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite")
    with history.reading() as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 10_000


def test_a_version_1_database_is_migrated_and_keeps_its_runs(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:
        for statement in MIGRATIONS[0]:
            db.execute(statement)
        db.execute(
            "INSERT INTO runs (target_id, target_name, target_url, outcome, as_of, framework, "
            "tool_version, started_at, finished_at) VALUES ('old', 'Old LEP', 'https://old.test/',"
            " 'unreachable', '2023-01-01', 'nlgaf-2019', '0.0.1', ?, ?)",
            (NOON.isoformat(), NOON.isoformat()),
        )
        db.execute("PRAGMA user_version = 1")
    history = History(path)
    [run] = history.runs("old")
    assert run.outcome == "unreachable" and run.as_of == date(2023, 1, 1)
    # the version 2 tables exist now: a report with categories and actions records
    run_id = history.record_report(
        report("old", (finding("POL-01", "fail"),), actions=(action("POL-01"),)),
        report_path=None,
        started_at=NOON,
        finished_at=NOON,
    )
    assert [a.rule_id for a in history.actions(run_id)] == ["POL-01"]
    assert history.category_scores(run_id)[0].category == "POL"


def test_migrating_twice_changes_nothing(tmp_path: Path) -> None:
    History(tmp_path / "h.sqlite")
    with sqlite3.connect(tmp_path / "h.sqlite", isolation_level=None) as db:
        assert migrate(db) == SCHEMA_VERSION


def test_a_newer_database_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(HistoryError, match="newer than this lepcheck"):
        History(path)


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("this is not a database, just some text that is long enough" * 20)
    with pytest.raises(HistoryError, match="cannot use it as a lepcheck history database"):
        History(path)


def test_open_existing_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(HistoryError, match="no history database"):
        History.open_existing(tmp_path / "absent.sqlite")
    assert not (tmp_path / "absent.sqlite").exists()


def test_a_report_round_trips_with_fingerprints_actions_and_categories(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite")
    docs = {"https://a.test/policy.pdf": "ab" * 32}
    recorded = report(
        "alpha",
        (finding("POL-01", "pass", documents=docs), finding("POL-02", "fail", severity="should")),
        score=61.5,
        actions=(action("POL-02"),),
    )
    run_id = history.record_report(
        recorded, report_path=tmp_path / "report.json", started_at=NOON, finished_at=NOON
    )
    run = history.run(run_id)
    assert (run.target_id, run.outcome, run.score, run.framework) == (
        "alpha",
        "audited",
        61.5,
        "nlgaf-2019",
    )
    assert run.report_path == str((tmp_path / "report.json").resolve())
    rows = history.findings(run_id)
    assert rows["POL-01"].evidence_fingerprint == evidence_fingerprint(
        recorded.findings[0].evidence
    )
    assert rows["POL-02"].evidence_fingerprint == ""
    assert rows["POL-02"].severity == "should"
    assert history.actions(run_id)[0].status == "Not started"


def test_failures_are_recorded_and_shown_in_the_history(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite")
    history.record_report(
        report("alpha", (finding("POL-01", "pass"),), score=40.0),
        report_path=None,
        started_at=NOON,
        finished_at=NOON,
    )
    failed = FailedRun("alpha", "Alpha", "https://a.test/", "unreachable", "connection refused",
                       date(2023, 12, 1), "nlgaf-2019", "test")  # fmt: skip
    history.record_failure(failed, started_at=NOON.replace(hour=13), finished_at=NOON)
    history.record_report(
        report("alpha", (finding("POL-01", "pass"),), score=55.0),
        report_path=None,
        started_at=NOON.replace(hour=14),
        finished_at=NOON,
    )
    text = history_table(history.runs_of("alpha"))
    lines = text.splitlines()
    assert len(lines) == 5
    assert "unreachable: connection refused" in lines[2]
    assert "+15.0" in lines[3]  # compared with the last run that had a score
    assert lines[4] == "score trend: ▄▅  40.0 -> 55.0"
    with pytest.raises(HistoryError, match="did you mean alpha"):
        history.runs_of("alph")


def test_fingerprint_ignores_order_and_fetch_time_but_not_bytes_or_url() -> None:
    a = Evidence(url="https://x.test/a", sha256="1" * 64, fetched_at=NOON)
    b = Evidence(url="https://x.test/b", sha256="2" * 64)
    same_bytes_later = a.model_copy(update={"fetched_at": NOON.replace(hour=18), "quote": "x"})
    assert evidence_fingerprint([a, b]) == evidence_fingerprint([b, same_bytes_later])
    assert evidence_fingerprint([a]) != evidence_fingerprint(
        [a.model_copy(update={"sha256": "3" * 64})]
    )
    assert evidence_fingerprint([a]) != evidence_fingerprint(
        [a.model_copy(update={"url": "https://x.test/c"})]
    )
    assert evidence_fingerprint([]) == ""


def test_concurrent_writers_in_processes_and_threads_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "busy.sqlite"
    per_writer, processes, threads = 15, 4, 3
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.history.history_writer",
                str(db),
                str(per_writer),
                f"p{n}",
            ],
            cwd=REPO,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(processes)
    ]
    from tests.history.history_writer import main as write_runs

    errors: list[BaseException] = []

    def in_thread(tag: str) -> None:
        try:
            write_runs(str(db), str(per_writer), tag)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    pool = [threading.Thread(target=in_thread, args=(f"t{n}",)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    for writer in writers:
        _, stderr = writer.communicate(timeout=60)
        assert writer.returncode == 0, stderr
    assert errors == []
    expected_runs = per_writer * (processes + threads)
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert check.execute("SELECT count(*) FROM runs").fetchone()[0] == expected_runs
        assert check.execute("SELECT count(*) FROM findings").fetchone()[0] == expected_runs * 10
        # every run has all its findings: no transaction was half written
        partial = check.execute(
            "SELECT count(*) FROM "
            "(SELECT run_id FROM findings GROUP BY run_id HAVING count(*) != 10)"
        ).fetchone()[0]
        assert partial == 0
