"""Issue 11, class 3: a run's report files are replaced together. Whatever stops a run while
it writes (a renderer failing, a kill -9 between two files, or at any other step), the folder
shows one whole report set, the old one or the new one, never a new report.json beside an
old report.html, and never a half-written file."""

from __future__ import annotations

import builtins
import errno
import io
import json
import os
import shutil
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from lepcheck.report import RENDERERS
from tests.hostile.built_reports import built_report, evidence
from tests.hostile.lep_site import assert_one_line_error, run_cli

REPORT_FILES = [name for name, _ in RENDERERS.values()]
ALL_FORMATS = ("--format", "json,html,md,csv,junit")


def is_whole(name: str, text: str) -> bool:
    """Whether a report file was written to its end (each renderer ends its file so)."""
    if name.endswith(".json"):
        try:
            json.loads(text)
        except ValueError:
            return False
        return True
    if name.endswith(".xml"):
        try:
            ElementTree.fromstring(text)
        except ElementTree.ParseError:
            return False
        return True
    if name.endswith(".html"):
        return text.endswith("</html>")
    return text.endswith("\n")


def generation(folder: Path) -> dict[str, str]:
    """Which run wrote each report file present: old, new, or torn (not written whole)."""
    found = {}
    for name in REPORT_FILES:
        path = folder / name
        if path.exists():
            text = path.read_text(encoding="utf-8")
            mark = "new" if "NEWMARK" in text else "old" if "OLDMARK" in text else "torn"
            found[name] = mark if is_whole(name, text) else "torn"
    return found


def assert_one_whole_set(folder: Path) -> str:
    found = generation(folder)
    assert set(found) == set(REPORT_FILES), f"files missing: {found}"
    assert len(set(found.values())) == 1 and "torn" not in found.values(), found
    return next(iter(found.values()))


@pytest.fixture
def runs(tmp_path: Path) -> dict[str, Path]:
    """report.json files of an old and a new run, and a folder holding the old run's set."""
    paths = {}
    for name in ("old", "new"):
        text = f"{name.upper()}MARK policy"
        path = tmp_path / f"{name}.json"
        path.write_text(built_report([evidence(quote=text)], text=text).model_dump_json())
        paths[name] = path
    out = tmp_path / "out"
    code, _, err = run_cli("report", paths["old"], *ALL_FORMATS, "--out", out)
    assert code == 0, err
    assert assert_one_whole_set(out) == "old"
    paths["out"] = out
    return paths


def test_a_renderer_failing_midway_leaves_the_old_set(
    runs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_report: object) -> str:
        raise RuntimeError("renderer failed")

    monkeypatch.setitem(RENDERERS, "md", ("report.md", broken))
    code, _, _ = run_cli("report", runs["new"], *ALL_FORMATS, "--out", runs["out"])
    assert code != 0
    assert assert_one_whole_set(runs["out"]) == "old"


def no_space_left() -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_disk_error_between_two_files_leaves_the_old_set(
    runs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        for module, name, wrapped in stop_at_change(3, no_space_left):
            patch.setattr(module, name, wrapped)
        code, _, err = run_cli("report", runs["new"], *ALL_FORMATS, "--out", runs["out"])
    line = assert_one_line_error(err, code)
    assert str(runs["out"]) in line and "No space left" in line
    assert assert_one_whole_set(runs["out"]) == "old"
    code, _, err = run_cli("report", runs["new"], *ALL_FORMATS, "--out", runs["out"])
    assert code == 0, err
    assert assert_one_whole_set(runs["out"]) == "new"  # and the next run is not hindered


WRITE_MODES = set("wxa+")


def stop_at_change(step: int, stop: Callable[[], Any]) -> list[tuple[Any, str, Any]]:
    """Wrappers for every call that changes files (open for writing, replace, rename, link,
    unlink, mkdir, fsync, rmtree...) that call `stop()` instead of the `step`-th one."""
    count = [0]

    def wrap(function: Callable[..., Any], writes: Callable[..., bool]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if writes(*args, **kwargs):
                count[0] += 1
                if count[0] == step:
                    stop()
            return function(*args, **kwargs)

        return wrapped

    def opens_for_writing(_file: object, mode: str = "r", *_a: object, **kw: object) -> bool:
        return bool(WRITE_MODES & set(str(kw.get("mode", mode))))

    def os_open_writes(_path: object, flags: int, *_a: object, **_kw: object) -> bool:
        return bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))

    always: Callable[..., bool] = lambda *_a, **_kw: True  # noqa: E731
    patched: list[tuple[Any, str, Any]] = [
        (builtins, "open", wrap(builtins.open, opens_for_writing)),
        (io, "open", wrap(io.open, opens_for_writing)),
        (os, "open", wrap(os.open, os_open_writes)),
    ]
    for name in ("replace", "rename", "symlink", "link", "unlink", "remove", "rmdir", "mkdir"):
        patched.append((os, name, wrap(getattr(os, name), always)))
    patched.append((os, "fsync", wrap(os.fsync, always)))
    patched.append((shutil, "rmtree", wrap(shutil.rmtree, always)))
    return patched


def killed_at(step: int, runs: dict[str, Path]) -> bool:
    """Run `lepcheck report NEW` in a forked child that SIGKILLs itself instead of making
    its `step`-th change to a file; whether it was killed (else it finished)."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            for module, name, wrapped in stop_at_change(
                step, lambda: os.kill(os.getpid(), signal.SIGKILL)
            ):
                setattr(module, name, wrapped)
            code, _, _ = run_cli("report", runs["new"], *ALL_FORMATS, "--out", runs["out"])
            os._exit(10 + code)
        finally:
            os._exit(99)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        assert os.WTERMSIG(status) == signal.SIGKILL
        return True
    assert os.WEXITSTATUS(status) == 10, f"the run failed: exit {os.WEXITSTATUS(status)}"
    return False


def kill_at_every_step(
    runs: dict[str, Path], done: Callable[[Path], bool] = lambda _folder: False
) -> set[str]:
    """From the folder as it is, run the new report killed at step 1, 2, 3... (the folder
    restored each time) until a run finishes, or leaves the folder `done`; each time one
    whole set must be left. The sets seen."""
    template = runs["out"].with_name("template")
    shutil.copytree(runs["out"], template, symlinks=True)
    seen = set()
    for step in range(1, 200):
        shutil.rmtree(runs["out"])
        shutil.copytree(template, runs["out"], symlinks=True)
        killed = killed_at(step, runs)
        seen.add(assert_one_whole_set(runs["out"]))
        if not killed or done(runs["out"]):
            return seen
    raise AssertionError("the run never finished")


def test_kill_9_at_every_step_leaves_one_whole_set(runs: dict[str, Path]) -> None:
    assert kill_at_every_step(runs) == {"old", "new"}
    assert assert_one_whole_set(runs["out"]) == "new"


def test_a_folder_written_by_an_earlier_lepcheck_is_replaced_whole(runs: dict[str, Path]) -> None:
    # Report files as plain files, as lepcheck wrote them before sets were swapped whole.
    plain = runs["out"].with_name("plain")
    plain.mkdir()
    for name in REPORT_FILES:
        (plain / name).write_bytes((runs["out"] / name).read_bytes())
    runs["out"] = plain

    def adopted(folder: Path) -> bool:  # from there on, as the test above
        return all((folder / name).is_symlink() for name in REPORT_FILES)

    assert kill_at_every_step(runs, adopted) == {"old"}
    code, _, err = run_cli("report", runs["new"], *ALL_FORMATS, "--out", plain)
    assert code == 0, err
    assert assert_one_whole_set(plain) == "new"


def test_rerendering_a_set_in_place_keeps_its_other_formats(runs: dict[str, Path]) -> None:
    out = runs["out"]
    code, _, err = run_cli("report", out / "report.json", "--format", "md", "--out", out)
    assert code == 0, err
    assert assert_one_whole_set(out) == "old"  # html, csv and junit kept beside the new md
