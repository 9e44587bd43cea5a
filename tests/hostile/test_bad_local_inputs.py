"""Issue 11, class 13 (local inputs): bad local input gets one line naming it and exit 2,
before any work is done, never a traceback.

- `--out` that is an existing file, or a folder lepcheck cannot write, on every command
  that takes --out (checked before a single request is sent);
- YAML files (waivers, attestations, registry) that are not UTF-8;
- impossible dates written as YAML timestamps (2023-02-30).
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.crawl.crawl_site_server import Site
from tests.hostile.lep_site import LOOPBACK, assert_one_line_error, lep_site, run_cli, serving
from tests.snapshot.snapshot_samples import write_sample

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ATTESTATIONS = EXAMPLES / "amberdale-attestations.yaml"
WAIVERS = EXAMPLES / "amberdale-waivers.yaml"
REGISTRY = EXAMPLES / "amberdale-registry.yaml"


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    site = lep_site()
    with serving(site) as url:
        yield site, url


@pytest.fixture
def report_json(tmp_path: Path) -> Path:
    from tests.hostile.built_reports import built_report

    path = tmp_path / "source" / "report.json"
    path.parent.mkdir()
    path.write_text(built_report().model_dump_json(), encoding="utf-8")
    return path


def commands(url: str, out: str, tmp_path: Path, report_json: Path) -> dict[str, list[str]]:
    """Every command that takes --out, with `out` as its --out and valid other arguments."""
    snapshot = tmp_path / "snapshot"
    snapshot.mkdir(exist_ok=True)
    registry = tmp_path / "registry.yaml"
    registry.write_text(f"leps:\n  - id: amberdale\n    name: Amberdale LEP\n    website: {url}\n")
    db = tmp_path / "history.sqlite"
    db.touch()
    return {
        "audit": ["audit", url, "--out", out, *LOOPBACK],
        "crawl": ["crawl", url, "--out", out, *LOOPBACK],
        "check": ["check", str(snapshot), "--out", out],
        "report": ["report", str(report_json), "--out", out],
        "demo": ["demo", "--out", out],
        "sweep": ["sweep", "--registry", str(registry), "--out", out, "--db", str(db), *LOOPBACK],
        "dashboard": ["dashboard", "--db", str(db), "--out", out],
        "statement": [
            "statement", "amberdale", "--registry", str(registry), "--attestations",
            str(ATTESTATIONS), "--out", out, *LOOPBACK,
        ],
    }  # fmt: skip


def test_out_that_is_a_file_is_refused_by_every_command(
    site: tuple[Site, str], tmp_path: Path, report_json: Path
) -> None:
    taken = tmp_path / "taken.txt"
    taken.write_text("someone's notes\n")
    for name, args in commands(site[1], str(taken), tmp_path, report_json).items():
        code, _, err = run_cli(*args)
        line = assert_one_line_error(err, code)
        assert "--out" in line and str(taken) in line and "file" in line, name
    code, _, err = run_cli("attest", "init", "amberdale", "--out", tmp_path, "--registry", REGISTRY)
    assert "--out" in assert_one_line_error(err, code)  # a file to write, given a folder
    assert not site[0].log, "a request was sent before --out was checked"
    assert taken.read_text() == "someone's notes\n"


def test_out_under_a_file_is_refused(
    site: tuple[Site, str], tmp_path: Path, report_json: Path
) -> None:
    taken = tmp_path / "taken.txt"
    taken.write_text("x")
    for name, args in commands(site[1], str(taken / "sub"), tmp_path, report_json).items():
        code, _, err = run_cli(*args)
        assert str(taken) in assert_one_line_error(err, code), name
    assert not site[0].log


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "reports"
    folder.mkdir()
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


PR_CAPBSET_DROP = 24  # prctl(2)
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2  # capabilities(7)


def without_permission_override() -> None:
    """In the child before exec: a root process gives up the capabilities that let it write
    anywhere (capabilities(7)), so file modes bind it as they bind a user."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def lepcheck_unprivileged(*args: str) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "lepcheck", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=without_permission_override if os.geteuid() == 0 else None,
    )
    return done.returncode, done.stderr


def test_out_in_an_unwritable_folder_is_refused_before_any_request(
    site: tuple[Site, str], read_only_folder: Path
) -> None:
    for out in (read_only_folder, read_only_folder / "new"):
        code, err = lepcheck_unprivileged("audit", site[1], "--out", str(out), *LOOPBACK)
        line = assert_one_line_error(err, code)
        assert str(read_only_folder) in line and "writ" in line
    assert not site[0].log


def latin1(path: Path, tmp_path: Path) -> Path:
    """`path` with a name written in Latin-1, as an old Windows editor would save it."""
    copy = tmp_path / path.name
    text = path.read_text(encoding="utf-8").replace("Janet Okoro", "Renée Okoro")
    text = text.replace("Amberdale LEP", "Amberdale LEP Renée").replace("Enterprise", "Entrepr\xe9")
    copy.write_bytes(text.encode("latin-1"))
    return copy


@pytest.mark.parametrize("example", [WAIVERS, ATTESTATIONS])
def test_officer_files_not_in_utf8_are_named(tmp_path: Path, example: Path) -> None:
    path = latin1(example, tmp_path)
    code, _, err = run_cli("validate", path)
    line = assert_one_line_error(err, code)
    assert str(path) in line and "not UTF-8" in line and "line " in line


def test_a_registry_not_in_utf8_is_named(tmp_path: Path) -> None:
    path = latin1(REGISTRY, tmp_path)
    code, _, err = run_cli("registry", "--registry", path)
    line = assert_one_line_error(err, code)
    assert str(path) in line and "not UTF-8" in line


def test_waivers_not_in_utf8_stop_an_audit_before_it_crawls(
    site: tuple[Site, str], tmp_path: Path
) -> None:
    path = latin1(WAIVERS, tmp_path)
    code, _, err = run_cli(
        "audit", site[1], "--out", tmp_path / "out", "--waivers", path, *LOOPBACK
    )
    assert "not UTF-8" in assert_one_line_error(err, code)
    assert not site[0].log


def with_impossible_date(path: Path, old: str, tmp_path: Path) -> Path:
    copy = tmp_path / path.name
    text = path.read_text(encoding="utf-8")
    assert old in text
    copy.write_text(text.replace(old, "2023-02-30", 1), encoding="utf-8")
    return copy


@pytest.mark.parametrize(
    ("example", "old", "field"),
    [
        (WAIVERS, "approved_on: 2023-11-20", "waivers.0.approved_on"),
        (ATTESTATIONS, "start: 2023-04-01", "period.start"),
    ],
)
def test_an_impossible_date_names_file_and_field(
    tmp_path: Path, example: Path, old: str, field: str
) -> None:
    path = with_impossible_date(example, old.split(": ")[1], tmp_path)
    code, _, err = run_cli("validate", path)
    line = assert_one_line_error(err, code)
    assert str(path) in line and field in line and "2023-02-30" in line


def test_an_impossible_date_in_a_registry_names_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "registry.yaml"
    path.write_text(REGISTRY.read_text(encoding="utf-8") + "    closed_on: 2023-02-30\n")
    code, _, err = run_cli("registry", "--registry", path)
    line = assert_one_line_error(err, code)
    assert str(path) in line and "leps.0.closed_on" in line and "2023-02-30" in line


def test_the_default_folder_is_checked_as_out_is(read_only_folder: Path) -> None:
    snapshot = read_only_folder / "snapshots" / "one"
    read_only_folder.chmod(0o755)
    write_sample(snapshot).finish()
    read_only_folder.chmod(0o555)
    code, err = lepcheck_unprivileged("check", str(snapshot))  # reports beside the snapshots
    line = assert_one_line_error(err, code)
    assert str(read_only_folder) in line and "writ" in line
