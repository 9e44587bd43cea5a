"""The scheduling files in contrib/ call lepcheck with options the CLI accepts."""

from __future__ import annotations

import configparser
import shlex
from pathlib import Path

import click

from lepcheck.cli import main

CONTRIB = Path(__file__).parents[2] / "contrib"


def lepcheck_invocations(command: str) -> list[list[str]]:
    """Each `lepcheck ...` call in a shell command line, as its argument list (the dated
    folder's `$(date +%F)` stands in as a fixed date)."""
    for date_of_run in ("$(date +\\%F)", "$(date +%F)"):
        command = command.replace(date_of_run, "2024-01-01")
    calls = []
    for segment in command.replace("&&", ";").split(";"):
        tokens = shlex.split(segment)
        starts = [i for i, t in enumerate(tokens) if t.endswith("bin/lepcheck")]
        if not starts:
            continue
        args = tokens[starts[0] + 1 :]
        redirects = [i for i, t in enumerate(args) if t.startswith((">", "2>"))]
        calls.append(args[: redirects[0]] if redirects else args)
    return calls


def assert_cli_accepts(args: list[str]) -> None:
    command = main.get_command(click.Context(main), args[0])
    assert command is not None, args
    command.make_context(args[0], args[1:])  # raises click.UsageError on a bad option


def test_crontab_line_runs_a_sweep_then_the_dashboard() -> None:
    lines = [
        line
        for line in (CONTRIB / "cron" / "lepcheck-sweep.crontab").read_text().splitlines()
        if line.strip() and not line.startswith("#") and "=" not in line.split()[0]
    ]
    assert len(lines) == 1
    fields = lines[0].split(maxsplit=5)
    assert fields[:5] == ["30", "2", "*", "*", "1"]
    calls = lepcheck_invocations(fields[5])
    assert [c[0] for c in calls] == ["sweep", "dashboard"]
    assert "--fail-on-regression" in calls[0]
    for call in calls:
        assert_cli_accepts(call)


def test_systemd_service_and_timer() -> None:
    service = configparser.ConfigParser(strict=False, interpolation=None)
    service.read(CONTRIB / "systemd" / "lepcheck-sweep.service")
    assert service["Service"]["Type"] == "oneshot"
    start = service["Service"]["ExecStart"]
    inner = shlex.split(start)[2].replace("%%", "%")  # /bin/sh -c '...'
    [sweep] = lepcheck_invocations(inner)
    assert sweep[0] == "sweep" and "--fail-on-regression" in sweep
    assert_cli_accepts(sweep)
    [dashboard] = lepcheck_invocations(service["Service"]["ExecStopPost"])
    assert_cli_accepts(dashboard)
    timer = configparser.ConfigParser(strict=False, interpolation=None)
    timer.read(CONTRIB / "systemd" / "lepcheck-sweep.timer")
    assert timer["Timer"]["OnCalendar"] == "Mon *-*-* 02:30:00"
    assert timer["Install"]["WantedBy"] == "timers.target"
