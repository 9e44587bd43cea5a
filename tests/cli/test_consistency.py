"""The commands behave alike (issue 12): every command that takes an LEP takes it the same way,
`diff LEP` works as `history LEP` does, and `attest init --as-of` sets the statement period."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner, Result
from tests.history.builders import finding, report
from tests.inputs.officer_files import REGISTRY

from lepcheck.cli import main
from lepcheck.cli.options import LEP_HELP
from lepcheck.history import History

NOON = datetime(2023, 11, 30, 12, tzinfo=UTC)
AMBERDALE_URL = "http://127.0.0.1:8000/"  # its website in examples/amberdale-registry.yaml


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def one_line_error(result: Result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("lepcheck: error: "), result.stderr
    return lines[0]


def commands(group: click.Group = main, prefix: str = "") -> dict[str, click.Command]:
    found: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found.update(commands(command, f"{prefix}{name} "))
        else:
            found[f"{prefix}{name}"] = command
    return found


def test_every_command_that_takes_an_lep_names_it_lep_and_says_what_it_may_be() -> None:
    taking = {
        name: command
        for name, command in commands().items()
        if any(p.name in ("lep", "args") for p in command.params)
    }
    assert set(taking) == {"audit", "crawl", "statement", "attest init", "history", "diff"}
    for name, command in taking.items():
        assert " ".join((command.help or "").split()).endswith(LEP_HELP), name
        argument = next(p for p in command.params if isinstance(p, click.Argument))
        assert "LEP" in (argument.metavar or ""), name
    # a URL is matched to its registry entry, so the registry file is an option of each
    assert all(any(p.name == "registry_file" for p in c.params) for c in taking.values())


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Two runs of amberdale (POL-01 newly failing) and one of another LEP."""
    history = History(tmp_path / "history.sqlite")
    for hour, status in ((9, "pass"), (10, "fail")):
        history.record_report(
            report("amberdale", (finding("POL-01", status),)),  # type: ignore[arg-type]
            report_path=None,
            started_at=NOON.replace(hour=hour),
            finished_at=NOON.replace(hour=hour),
        )
    history.record_report(
        report("other", (finding("POL-01", "pass"),)),
        report_path=None,
        started_at=NOON,
        finished_at=NOON,
    )
    return history.path


def test_diff_takes_the_lep_as_history_does(db: Path) -> None:
    history = run("history", "amberdale", "--db", db)
    assert history.exit_code == 0, history.output
    assert [line.split()[0] for line in history.stdout.splitlines()[1:3]] == ["1", "2"]
    expected = run("diff", "1", "2", "--db", db)
    assert expected.exit_code == 0, expected.output
    assert "New failures: 1" in expected.stdout
    for spelling in ("amberdale", "Amberdale", AMBERDALE_URL):
        for command in ("history", "diff"):
            result = run(command, spelling, "--db", db, "--registry", REGISTRY)
            assert result.exit_code == 0, (command, spelling, result.output)
        assert result.stdout == expected.stdout, spelling
    assert run("diff", "--target", "amberdale", "--db", db).stdout == expected.stdout
    assert run("diff", "amberdale", "1", "2", "--db", db).stdout == expected.stdout
    as_json = json.loads(run("diff", "amberdale", "--json", "--db", db).stdout)
    assert as_json["target"] == "amberdale" and len(as_json["new_failure"]) == 1


def test_diff_refuses_what_it_cannot_compare_in_one_line(db: Path) -> None:
    unknown = run("diff", "amberdal", "--db", db)
    assert unknown.exit_code == 2
    assert "did you mean amberdale" in one_line_error(unknown)
    assert "no runs of 'amberdal'" in one_line_error(run("history", "amberdal", "--db", db))
    other = run("diff", "other", "1", "2", "--db", db)
    assert other.exit_code == 2
    assert "runs 1 and 2 are of 'amberdale', not 'other'" in one_line_error(other)
    for args in (("1",), ("1", "2", "3"), ("amberdale", "1"), ()):
        result = run("diff", *args, "--db", db)
        assert result.exit_code == 2, args
        assert "give an LEP" in one_line_error(result)


@pytest.mark.parametrize(
    ("as_of", "start", "end"),
    [
        ("2023-11-30", date(2023, 4, 1), date(2024, 3, 31)),
        ("2023-03-31", date(2022, 4, 1), date(2023, 3, 31)),
        ("2024-04-01", date(2024, 4, 1), date(2025, 3, 31)),
    ],
)
def test_attest_init_as_of_sets_the_period(
    tmp_path: Path, as_of: str, start: date, end: date
) -> None:
    out = tmp_path / "attestations.yaml"
    result = run(
        "attest", "init", "amberdale", "--registry", REGISTRY, "--as-of", as_of, "--out", out
    )
    assert result.exit_code == 0, result.output
    period = yaml.safe_load(out.read_text(encoding="utf-8"))["period"]
    assert (period["start"], period["end"]) == (start, end)


def test_attest_init_as_of_must_be_a_date(tmp_path: Path) -> None:
    out = tmp_path / "attestations.yaml"
    result = run(
        "attest", "init", "amberdale", "--registry", REGISTRY, "--as-of", "30/11/2023", "--out", out
    )
    assert result.exit_code == 2
    assert "--as-of '30/11/2023' is not a date" in one_line_error(result)
    assert not out.exists()
