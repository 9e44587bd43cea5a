"""--render never|auto|always: declared once (cli/options.py), on every command that crawls,
and carried to the crawl."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import ValidationError
from tests.fixtures.scripted.server import serve_twin
from tests.inputs.officer_files import ATTESTATIONS

from lepcheck.cli import main
from lepcheck.cli.options import CrawlFlags
from lepcheck.crawl.archive import ArchiveSettings
from lepcheck.crawl.options import CrawlOptions
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


@pytest.mark.parametrize("command", ["audit", "crawl", "sweep", "statement"])
@pytest.mark.parametrize("mode", ["auto", "always"])
def test_render_beside_a_time_machine_is_one_line_exit_2(
    command: str, mode: str, tmp_path: Path
) -> None:
    """A time-machine crawl reads pages as the archive captured them and draws none, so asking
    it to draw them is refused before anything is read or asked of the archive."""
    args = [command, "https://www.example-lep.org.uk/", "--out", str(tmp_path)]
    if command == "sweep":
        args = [command, "--out", str(tmp_path)]
    if command == "statement":
        args += ["--attestations", str(ATTESTATIONS)]
    more = ["--archive", "ia", "--as-of", "2023-05-31", "--render", mode]
    result = CliRunner().invoke(main, [*args, *more])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        f"lepcheck: error: --render {mode} cannot be used with --archive: a time-machine crawl "
        "reads pages as the archive captured them; drop --render"
    ]
    assert not any(tmp_path.iterdir())


def test_render_is_auto_live_and_never_in_a_time_machine() -> None:
    """Not given: auto on a live crawl (and with --dates-from-archive, which crawls live),
    never in a time machine; --render never beside --archive is accepted."""
    live = CrawlFlags((), False, 1.0, False, 400, exhaustive=False, render=None)
    assert live.render_mode() == "auto"
    assert replace(live, render="always").render_mode() == "always"
    assert replace(live, dates_from_archive="ia").render_mode() == "auto"
    assert replace(live, archive="ia").render_mode() == "never"
    assert replace(live, archive="ia", render="never").render_mode() == "never"
    settings = replace(live, archive="ia").audit_settings(Path("out"), as_of=date(2023, 5, 31))
    assert settings.render == "never" and settings.archive is not None


def test_crawl_options_refuse_always_in_a_time_machine() -> None:
    archive = ArchiveSettings(archive="ia", as_of=date(2023, 5, 31))
    with pytest.raises(ValidationError, match="nothing is drawn there"):
        CrawlOptions(start_url="https://www.example-lep.org.uk/", archive=archive, render="always")
    dates_only = ArchiveSettings(archive="ia")  # a live crawl: rendering as asked
    options = CrawlOptions(
        start_url="https://www.example-lep.org.uk/", archive=dates_only, render="always"
    )
    assert options.render == "always"
