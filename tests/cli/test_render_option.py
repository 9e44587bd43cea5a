"""--render never|auto|always: declared once (cli/options.py), on every command that crawls,
and carried to the crawl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.fixtures.scripted.server import serve_twin

from lepcheck.cli import main
from lepcheck.snapshot import Snapshot


@pytest.mark.parametrize("command", ["audit", "crawl", "sweep", "statement"])
def test_every_crawling_command_takes_render(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "--render [never|auto|always]" in result.stdout


def test_an_unknown_mode_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["crawl", "x", "--out", str(tmp_path), "--render", "yes"])
    assert result.exit_code == 2
    assert "'yes' is not one of 'never', 'auto', 'always'" in result.stderr


def test_crawl_never_leaves_the_scripted_board_page_as_the_server_sent_it(tmp_path: Path) -> None:
    with serve_twin() as base:
        args = ["crawl", f"{base}our-board", "--out", str(tmp_path), "--allow-private-network"]
        result = CliRunner().invoke(main, [*args, "--delay", "0", "--max-pages", "1",
                                           "--render", "never", "--json-log"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    (folder,) = (tmp_path / "snapshots").iterdir()
    snapshot = Snapshot.open(folder)
    assert snapshot.rendered_records() == []
    events = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert not any(e["event"] == "rendered" for e in events)
