"""A run's report files replaced together: a kill or a full disk at any moment leaves the
previous set or the new one, never a new report.json beside an old report.html.

Each run's files are written into a fresh folder, `.reports/<run>/`, and made durable
(fsync); then one symbolic link, `.reports/current`, is swapped to it by a rename, which
POSIX makes atomic. The files users and tools open, `DIR/report.json` and the others, are
fixed links through that pointer (`report.json -> .reports/current/report.json`), so they
change all at once. Older runs' folders are removed afterwards. A folder written by an
earlier lepcheck (plain files) is first adopted as a run of its own, so it too is replaced
whole. Evidence beside the reports is named by its content hash and only ever added, each
file written under a temporary name and renamed into place.

Writers of one folder take a lock (flock on `.reports/lock`), so two lepcheck processes
aimed at the same --out do not remove each other's runs.
"""

from __future__ import annotations

import fcntl
import os
import secrets
import shutil
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from lepcheck.errors import UsageError

RUNS_DIR = ".reports"
CURRENT = "current"
EVIDENCE_DIR = "evidence"


def write_durably(path: Path, data: bytes) -> None:
    """Create `path` with `data` on disk before returning (a new file: never half-replaced)."""
    with path.open("xb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def write_atomically(path: Path, data: bytes) -> None:
    """Replace or create `path`: written under a temporary name, then renamed into place."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        write_durably(temporary, data)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def sync_folder(folder: Path) -> None:
    """Make the names created in `folder` durable too (a rename is only as durable as this)."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def points_to(link: Path, target: str) -> bool:
    return link.is_symlink() and str(link.readlink()) == target


def relink(link: Path, target: str) -> None:
    """Point `link` at `target` in one rename, whatever `link` was (absent, a file, a link)."""
    if points_to(link, target):
        return
    temporary = link.with_name(f".{link.name}.{secrets.token_hex(4)}.link")
    temporary.symlink_to(target)
    try:
        temporary.replace(link)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def locked(runs: Path) -> Iterator[None]:
    with (runs / "lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def current_run(runs: Path) -> Path | None:
    pointer = runs / CURRENT
    return runs / pointer.readlink() if pointer.is_symlink() else None


def set_names(run: Path | None) -> set[str]:
    if run is None or not run.is_dir():
        return set()
    return {p.name for p in run.iterdir() if p.name != EVIDENCE_DIR}


def new_run(runs: Path) -> Path:
    run = runs / f"{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}-{secrets.token_hex(3)}"
    run.mkdir()
    # So the report opened at its own path (not through DIR/report.html) finds its evidence.
    (run / EVIDENCE_DIR).symlink_to(f"../../{EVIDENCE_DIR}")
    return run


def adopt_plain_files(out_dir: Path, runs: Path, names: Collection[str]) -> None:
    """Report files an earlier lepcheck wrote as plain files become a run of their own, and
    their names links to it; what a reader sees does not change at any step."""
    plain = [name for name in sorted(names) if (out_dir / name).is_file()]
    plain = [name for name in plain if not (out_dir / name).is_symlink()]
    if not plain or current_run(runs) is not None:
        return
    run = new_run(runs)
    for name in plain:
        write_durably(run / name, (out_dir / name).read_bytes())
    sync_folder(run)
    relink(runs / CURRENT, run.name)
    for name in plain:
        relink(out_dir / name, f"{RUNS_DIR}/{CURRENT}/{name}")


def swap_in(out_dir: Path, files: Mapping[str, bytes], keep: bool, known: Collection[str]) -> None:
    runs = out_dir / RUNS_DIR
    adopt_plain_files(out_dir, runs, {*files, *known})
    before = current_run(runs)
    run = new_run(runs)
    for name, data in files.items():
        write_durably(run / name, data)
    kept = set_names(before) - set(files) if keep and before is not None else set()
    for name in kept:
        write_durably(run / name, (runs / CURRENT / name).read_bytes())
    sync_folder(run)
    for name in [*files, *kept]:  # links to names the old set lacks dangle until the swap
        relink(out_dir / name, f"{RUNS_DIR}/{CURRENT}/{name}")
    sync_folder(out_dir)
    relink(runs / CURRENT, run.name)  # the swap: every link now shows the new set
    sync_folder(runs)
    for name in set_names(before) - set(files) - kept:  # formats this run did not write
        if points_to(out_dir / name, f"{RUNS_DIR}/{CURRENT}/{name}"):
            (out_dir / name).unlink()
    for old in runs.iterdir():
        if old.is_dir() and not old.is_symlink() and old.name != run.name:
            shutil.rmtree(old)


def publish(
    out_dir: Path, files: Mapping[str, bytes], *, keep: bool = False, known: Collection[str] = ()
) -> dict[str, Path]:
    """Replace the report set in `out_dir` by `files` (name -> bytes), all at once; with
    `keep`, files of the current set not in `files` are carried into the new one. `known`
    names plain files an earlier lepcheck may have left, to be replaced with the set.
    Returns each name's path in `out_dir`. A failure to write leaves the previous set."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / RUNS_DIR).mkdir(exist_ok=True)
        with locked(out_dir / RUNS_DIR):
            swap_in(out_dir, files, keep, known)
    except OSError as error:
        raise UsageError(
            f"cannot write the reports to {out_dir} ({error.strerror or error}); "
            "no report there is half-written: the folder shows the previous set or this one"
        ) from error
    return {name: out_dir / name for name in files}
