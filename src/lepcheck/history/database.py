"""The history database: every audit run and its findings, in SQLite.

Sweeps audit several LEPs at once from worker threads, and scheduled sweeps may overlap with a
hand-run `lepcheck audit --db`, so the database runs in WAL mode with a busy timeout and every
write is one short `BEGIN IMMEDIATE` transaction on its own connection. The schema is versioned
with `PRAGMA user_version`: MIGRATIONS[n] takes a database from version n to n + 1, each applied
inside the same transaction that checks the version, so two processes opening a new file at once
cannot both apply it.
"""

from __future__ import annotations

import difflib
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date, datetime
from pathlib import Path

from lepcheck.errors import HistoryError
from lepcheck.history.rows import CategoryRow, FailedRun, FindingRow, RunRow, finding_rows
from lepcheck.models import ActionItem, Report

DEFAULT_DB = Path("reports") / "history.sqlite"
BUSY_TIMEOUT_SECONDS = 60.0

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            sweep_id TEXT,
            target_id TEXT NOT NULL,
            target_name TEXT NOT NULL,
            target_url TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('audited', 'unreachable', 'error')),
            reason TEXT,
            snapshot_id TEXT,
            snapshot_path TEXT,
            as_of TEXT NOT NULL,
            framework TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            catalogue_digest TEXT,
            score REAL,
            coverage REAL,
            rating TEXT,
            report_path TEXT,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL
        )""",
        "CREATE INDEX runs_by_target ON runs (target_id, started_at, id)",
        """CREATE TABLE findings (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            rule_id TEXT NOT NULL,
            status TEXT NOT NULL,
            severity TEXT NOT NULL,
            title TEXT NOT NULL,
            category TEXT NOT NULL,
            evidence_fingerprint TEXT NOT NULL,
            PRIMARY KEY (run_id, rule_id)
        )""",
    ),
    (
        # Version 2: what the dashboard's trend charts and the carried-forward action plan need.
        """CREATE TABLE category_scores (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            title TEXT NOT NULL,
            score REAL,
            coverage REAL NOT NULL,
            PRIMARY KEY (run_id, category)
        )""",
        """CREATE TABLE actions (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            rule_id TEXT NOT NULL,
            recommendation TEXT NOT NULL,
            action TEXT NOT NULL,
            owner TEXT NOT NULL,
            target_date TEXT NOT NULL,
            status TEXT NOT NULL,
            PRIMARY KEY (run_id, rule_id)
        )""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


RUN_COLUMNS = (
    "id, sweep_id, target_id, target_name, target_url, outcome, reason, snapshot_id, "
    "snapshot_path, as_of, framework, tool_version, catalogue_digest, score, coverage, rating, "
    "report_path, started_at, finished_at"
)


def run_from_row(row: sqlite3.Row) -> RunRow:
    values = dict(row)
    values["as_of"] = date.fromisoformat(values["as_of"])
    values["started_at"] = datetime.fromisoformat(values["started_at"])
    values["finished_at"] = datetime.fromisoformat(values["finished_at"])
    return RunRow(**values)


class History:
    """The runs database at `path` (created and migrated on first use).

    Each call opens its own short-lived connection, so one History can be shared by the threads
    of a sweep: sqlite3 connections must not cross threads, and short transactions keep the
    time other writers wait under the busy timeout small.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with closing(self.connect()) as connection:
                migrate(connection)
        except sqlite3.DatabaseError as exc:
            raise HistoryError(
                f"--db {path}: cannot use it as a lepcheck history database ({exc})"
            ) from exc

    @classmethod
    def open_existing(cls, path: Path) -> History:
        """For commands that read history: a missing file is a mistake, not a new database."""
        if not path.is_file():
            raise HistoryError(
                f"--db {path}: no history database there; run `lepcheck sweep` or "
                "`lepcheck audit --db` first, or give the right --db"
            )
        return cls(path)

    def connect(self) -> sqlite3.Connection:
        # isolation_level=None: we issue BEGIN IMMEDIATE ourselves, so a writer takes the write
        # lock up front and waits (busy timeout) instead of failing on a lock upgrade.
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        connection.row_factory = sqlite3.Row
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA foreign_keys = ON")
        return connection

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        with closing(self.connect()) as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        with closing(self.connect()) as connection:
            yield connection

    # ------------------------------------------------------------------ writing

    def record_report(
        self,
        report: Report,
        *,
        report_path: Path | None,
        started_at: datetime,
        finished_at: datetime,
        sweep_id: str | None = None,
    ) -> int:
        with self.writing() as db:
            run_id = insert_run(
                db,
                sweep_id=sweep_id,
                target_id=report.target.id,
                target_name=report.target.name,
                target_url=report.target.url,
                outcome="audited",
                snapshot_id=report.snapshot.id if report.snapshot else None,
                snapshot_path=report.snapshot.path if report.snapshot else None,
                as_of=report.as_of.isoformat(),
                framework=report.ruleset.framework,
                tool_version=report.tool.version,
                catalogue_digest=report.ruleset.catalogue_digest,
                score=report.score.overall,
                coverage=report.score.coverage,
                rating=report.score.rating,
                report_path=str(report_path.resolve()) if report_path else None,
                started_at=started_at.isoformat(),
                finished_at=finished_at.isoformat(),
            )
            db.executemany(
                "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        run_id,
                        r.rule_id,
                        r.status,
                        r.severity,
                        r.title,
                        r.category,
                        r.evidence_fingerprint,
                    )
                    for r in finding_rows(report.findings).values()
                ],
            )
            db.executemany(
                "INSERT INTO category_scores VALUES (?, ?, ?, ?, ?)",
                [
                    (run_id, c.category, c.title, c.score, c.coverage)
                    for c in report.score.by_category
                ],
            )
            db.executemany(
                "INSERT INTO actions VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        run_id,
                        a.rule_id,
                        a.recommendation,
                        a.action,
                        a.owner,
                        a.target_date.isoformat(),
                        a.status,
                    )
                    for a in report.action_plan
                ],
            )
        return run_id

    def record_failure(
        self,
        failed: FailedRun,
        *,
        started_at: datetime,
        finished_at: datetime,
        sweep_id: str | None = None,
    ) -> int:
        with self.writing() as db:
            return insert_run(
                db,
                sweep_id=sweep_id,
                target_id=failed.target_id,
                target_name=failed.target_name,
                target_url=failed.target_url,
                outcome=failed.outcome,
                reason=failed.reason,
                as_of=failed.as_of.isoformat(),
                framework=failed.framework,
                tool_version=failed.tool_version,
                started_at=started_at.isoformat(),
                finished_at=finished_at.isoformat(),
            )

    # ------------------------------------------------------------------ reading

    def run(self, run_id: int) -> RunRow:
        with self.reading() as db:
            row = db.execute(f"SELECT {RUN_COLUMNS} FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise HistoryError(f"no run {run_id} in {self.path}; `lepcheck history LEP` lists runs")
        return run_from_row(row)

    def runs(self, target_id: str | None = None, *, audited_only: bool = False) -> list[RunRow]:
        """Runs oldest first (by start time, then insertion order)."""
        where, params = [], []
        if target_id is not None:
            where.append("target_id = ?")
            params.append(target_id)
        if audited_only:
            where.append("outcome = 'audited'")
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        with self.reading() as db:
            rows = db.execute(
                f"SELECT {RUN_COLUMNS} FROM runs {clause} ORDER BY started_at, id", params
            ).fetchall()
        return [run_from_row(r) for r in rows]

    def runs_of(self, target_id: str) -> list[RunRow]:
        """The target's runs, or an error naming the nearest ids this database knows."""
        runs = self.runs(target_id)
        if not runs:
            known = self.target_ids()
            near = difflib.get_close_matches(target_id, known, n=3, cutoff=0.5)
            hint = (
                f"; did you mean {', '.join(near)}?" if near else f"; it knows {len(known)} LEP(s)"
            )
            raise HistoryError(f"no runs of '{target_id}' in {self.path}{hint}")
        return runs

    def target_ids(self) -> list[str]:
        with self.reading() as db:
            rows = db.execute("SELECT DISTINCT target_id FROM runs ORDER BY target_id").fetchall()
        return [str(r[0]) for r in rows]

    def previous_audited_run(self, target_id: str, framework: str) -> RunRow | None:
        """The target's latest audited run under the same framework: runs of other profiles
        check other rules, so they are not compared."""
        runs = [r for r in self.runs(target_id, audited_only=True) if r.framework == framework]
        return runs[-1] if runs else None

    def comparable_runs(self, target_id: str) -> list[RunRow]:
        """The target's audited runs under the framework of its latest audited run."""
        audited = self.runs(target_id, audited_only=True)
        if not audited:
            return []
        return [r for r in audited if r.framework == audited[-1].framework]

    def findings(self, run_id: int) -> dict[str, FindingRow]:
        with self.reading() as db:
            rows = db.execute(
                "SELECT rule_id, status, severity, title, category, evidence_fingerprint "
                "FROM findings WHERE run_id = ? ORDER BY rule_id",
                (run_id,),
            ).fetchall()
        return {r["rule_id"]: FindingRow(**dict(r)) for r in rows}

    def category_scores(self, run_id: int) -> list[CategoryRow]:
        with self.reading() as db:
            rows = db.execute(
                "SELECT category, title, score, coverage FROM category_scores "
                "WHERE run_id = ? ORDER BY category",
                (run_id,),
            ).fetchall()
        return [CategoryRow(**dict(r)) for r in rows]

    def actions(self, run_id: int) -> list[ActionItem]:
        with self.reading() as db:
            rows = db.execute(
                "SELECT rule_id, recommendation, action, owner, target_date, status "
                "FROM actions WHERE run_id = ? ORDER BY rule_id",
                (run_id,),
            ).fetchall()
        return [ActionItem.model_validate(dict(r)) for r in rows]


def insert_run(db: sqlite3.Connection, **columns: str | float | None) -> int:
    """Insert one runs row; column names are ours (keyword names), values are bound."""
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    cursor = db.execute(f"INSERT INTO runs ({names}) VALUES ({marks})", tuple(columns.values()))
    return int(cursor.lastrowid or 0)


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the schema to SCHEMA_VERSION; returns the version found before migrating."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        found = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if found > SCHEMA_VERSION:
            raise HistoryError(
                f"history database schema version {found} is newer than this lepcheck "
                f"understands ({SCHEMA_VERSION}); upgrade lepcheck or use another --db"
            )
        for version in range(found, SCHEMA_VERSION):
            for statement in MIGRATIONS[version]:
                connection.execute(statement)
        # PRAGMA cannot take a bound parameter; the value is our own integer.
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    return found
