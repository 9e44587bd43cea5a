"""Issue 11, class 12: YAML and JSON bombs. Waivers, attestation, registry (and rule) files
whose aliases would expand past a small budget are refused before any schema validation, in
one line that never quotes the expanded data; a report.json nested absurdly deep, or huge,
is refused by `lepcheck report` in one line. Every bomb is generated here, never committed.

The commands run in a subprocess with a timeout, because the failure they guard against is
a run that never ends (a billion laughs took `lepcheck validate` over a minute, unbounded).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.built_reports import built_report
from tests.hostile.lep_site import assert_one_line_error, lep_site, run_cli, serving

LEVELS = 9  # nine anchors, each a list of nine aliases of the one before: 9**9 strings


def billion_laughs(key: str, into: str = "") -> str:
    """A YAML document whose `key` expands to 9**9 (387 million) strings, with `into` as the
    rest of the document."""
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, LEVELS):
        aliases = ", ".join([f"*lol{level - 1}"] * 9)
        lines.append(f"lol{level}: &lol{level} [{aliases}]")
    return "\n".join(lines) + f"\n{key}: *lol{LEVELS - 1}\n{into}"


BOMBS = {
    "waivers": billion_laughs("waivers"),
    "attestations": billion_laughs("attestations", "target: amberdale\n"),
    "registry": billion_laughs("leps"),
    "recursive": "waivers: &loop [*loop]\n",
    "wide": "s: &s " + "x" * 100_000 + "\nwaivers: [" + ", ".join(["*s"] * 50) + "]\n",
    "deep": "waivers: " + "[" * 5000 + "]" * 5000 + "\n",
}


def lepcheck(*args: str | Path) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "lepcheck", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return done.returncode, done.stderr


def written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["waivers", "attestations", "recursive", "wide", "deep"])
def test_validate_refuses_a_bomb_in_one_line(tmp_path: Path, name: str) -> None:
    path = written(tmp_path, name, BOMBS[name])
    code, err = lepcheck("validate", path)
    line = assert_one_line_error(err, code)
    assert str(path) in line and "lol" not in line and "xxxx" not in line
    assert len(line) < 300


def test_registry_bomb_is_refused(tmp_path: Path) -> None:
    path = written(tmp_path, "registry", BOMBS["registry"])
    code, err = lepcheck("registry", "--registry", path)
    line = assert_one_line_error(err, code)
    assert str(path) in line and "alias" in line and "lol" not in line


def test_audit_refuses_a_waivers_bomb_before_crawling(tmp_path: Path) -> None:
    path = written(tmp_path, "waivers", BOMBS["waivers"])
    site = lep_site()
    with serving(site) as url:
        code, _, err = run_cli(
            "audit", url, "--out", tmp_path / "out", "--waivers", path,
            "--allow-private-network", "--delay", "0",
        )  # fmt: skip
    line = assert_one_line_error(err, code)
    assert "alias" in line and not site.log  # refused before a single request


def test_a_few_aliases_within_the_budget_still_work(tmp_path: Path) -> None:
    waivers = (
        "waivers:\n"
        "  - {target: amberdale, rule: COI-01, reason: &why Agreed with the board,"
        " approved_by: &cfo Jane Smith, approved_on: 2023-04-01, expires: 2024-03-31}\n"
        "  - {target: amberdale, rule: POL-02, reason: *why,"
        " approved_by: *cfo, approved_on: 2023-04-01, expires: 2024-03-31}\n"
    )
    code, err = lepcheck("validate", written(tmp_path, "ok", waivers))
    assert code == 0, err


def test_report_json_nested_absurdly_deep_is_refused(tmp_path: Path) -> None:
    for depth in (100_000, 500):  # past the parser's own limit, and within it
        path = tmp_path / f"deep-{depth}.json"
        path.write_text('{"schema_version": ' + "[" * depth + "]" * depth + "}")
        code, _, err = run_cli("report", path, "--out", tmp_path / "out")
        line = assert_one_line_error(err, code)
        assert str(path) in line and "nested" in line


def test_a_huge_report_json_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    sound = built_report().model_dump_json().encode()
    with path.open("wb") as stream:
        stream.write(sound[:-1] + b', "padding": "')
        stream.truncate(2_000_000_000)  # sparse: two gigabytes on paper, nothing on disk
    code, err = lepcheck("report", path, "--out", tmp_path / "out")
    line = assert_one_line_error(err, code)
    assert str(path) in line and "bytes" in line
