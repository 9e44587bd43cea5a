"""Run as a separate process by test_history: records `count` runs into one database, to show
that concurrent writers from several processes neither fail nor corrupt it.

    python -m tests.history.history_writer DB COUNT TAG
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from lepcheck.history import History
from tests.history.builders import finding, report


def main(db: str, count: str, tag: str) -> None:
    history = History(Path(db))
    for index in range(int(count)):
        findings = tuple(
            finding(f"POL-{n:02d}", "pass", documents={f"https://x.test/{n}": f"{index:064x}"})
            for n in range(1, 11)
        )
        now = datetime.now(UTC)
        history.record_report(
            report(f"{tag}-{index % 3}", findings),
            report_path=None,
            started_at=now,
            finished_at=now,
        )


if __name__ == "__main__":
    main(*sys.argv[1:4])
