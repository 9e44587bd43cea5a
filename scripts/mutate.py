"""`make mutate`: mutation testing of the modules that carry lepcheck's promises (cosmic-ray).

For each target of mutation/targets.yaml (a module and the tests that hold its promise), on a
copy of the working tree in .mutation/tree (so the checkout is never left mutated):

1. run the target's tests once unmutated (they must pass; their time sets the timeout);
2. `cosmic-ray init` lists every mutant of the module; mutants that cannot change behaviour by
   construction are skipped before any test runs (see `skip_reason`);
3. `cosmic-ray exec` applies each mutant in turn, one at a time (one worker: the machine is
   shared), and runs the target's tests with `-x`;
4. every surviving mutant must be listed in mutation/equivalent.yaml with a one-line reason,
   keyed by module, function and the source line before and after the mutation (so a key
   survives line moves). Any other survivor fails the run (exit 1) and is printed as a diff.

    python scripts/mutate.py                 # every target
    python scripts/mutate.py guard score     # some targets, by name
    python scripts/mutate.py --list          # the targets and their mutant counts
    python scripts/mutate.py --resume guard  # continue an interrupted run of a target

Needs cosmic-ray (`make mutate` installs the pinned version into .venv).
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
TARGETS = ROOT / "mutation" / "targets.yaml"
EQUIVALENT = ROOT / "mutation" / "equivalent.yaml"
WORK = ROOT / ".mutation"
TREE = WORK / "tree"

# Operators left out, with why. Replacing `is` by `==` (and `is not` by `!=`) is equivalent for
# the `x is None` tests this code makes: none of its types makes None equal to anything; the
# reverse compares a value to a literal by identity, which for the interned strings pydantic
# validates is `==` again (or its negation, the Eq/NotEq mutant once more).
SKIPPED_OPERATORS = {
    "core/ReplaceComparisonOperator_Is_Eq": "`is None` and `== None` agree for these types",
    "core/ReplaceComparisonOperator_IsNot_NotEq": "`is not None` and `!= None` agree here",
    "core/ReplaceComparisonOperator_Eq_Is": "identity with an interned literal is equality",
    "core/ReplaceComparisonOperator_Eq_IsNot": "the same as the Eq/NotEq mutant",
    "core/ReplaceComparisonOperator_NotEq_IsNot": "identity with an interned literal is equality",
    "core/ReplaceComparisonOperator_NotEq_Is": "the same as the NotEq/Eq mutant",
}
# cosmic-ray replaces each binary operator by every other one. On a shared 2-core machine each
# mutant costs a test run, so only the replacements that change arithmetic or set logic are
# kept: + - * / among themselves, and | & ^ among themselves. The rest (**, //, %, <<, >>, @ and
# crossings between the two families) mostly raise a TypeError that the same tests catch.
ARITHMETIC = {"Add", "Sub", "Mul", "Div"}
BITWISE = {"BitOr", "BitAnd", "BitXor"}


def exotic_binary(operator: str) -> bool:
    if not operator.startswith("core/ReplaceBinaryOperator_"):
        return False
    source, target = operator.removeprefix("core/ReplaceBinaryOperator_").split("_")
    family = ARITHMETIC if source in ARITHMETIC else BITWISE if source in BITWISE else set()
    return target not in family


@dataclass(frozen=True)
class Target:
    name: str
    module: str
    tests: tuple[str, ...]
    promise: str = ""
    functions: tuple[str, ...] = ()
    select: str = ""

    @property
    def session(self) -> Path:
        return WORK / f"{self.name}.sqlite"


@dataclass
class Outcome:
    killed: int = 0
    survived: int = 0
    equivalent: int = 0
    skipped: int = 0
    errors: int = 0
    seconds: float = 0.0


def load_targets() -> list[Target]:
    data = yaml.safe_load(TARGETS.read_text(encoding="utf-8"))
    return [
        Target(
            name=t["name"],
            module=t["module"],
            tests=tuple(t["tests"]),
            promise=t.get("promise", ""),
            functions=tuple(t.get("functions", ())),
            select=t.get("select", ""),
        )
        for t in data["targets"]
    ]


def load_equivalents() -> list[dict[str, str]]:
    if not EQUIVALENT.exists():
        return []
    entries = yaml.safe_load(EQUIVALENT.read_text(encoding="utf-8")) or {}
    listed = entries.get("equivalent", []) or []
    for entry in listed:
        missing = {"module", "function", "line", "mutant", "reason"} - set(entry)
        if missing:
            raise SystemExit(f"{EQUIVALENT.name}: an entry lacks {sorted(missing)}: {entry}")
    return listed


# ---------------------------------------------------------------- the copy of the tree


def copy_tree() -> None:
    """Tracked and untracked (not ignored) files of the checkout, as they are now."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    if TREE.exists():
        shutil.rmtree(TREE)
    for name in filter(None, listed):
        source = ROOT / name.decode()
        if not source.is_file():
            continue
        target = TREE / name.decode()
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def environment() -> dict[str, str]:
    env = dict(os.environ)
    # The copy's src comes before the editable install of the checkout.
    env["PYTHONPATH"] = str(TREE / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


FORKSERVER = ROOT / "scripts" / "pytest_forkserver.py"
SOCKET = WORK / "pytest.sock"


def pytest_args(target: Target) -> list[str]:
    args = ["-x", "-q", "--no-header", "-p", "no:cacheprovider"]
    args += ["-o", "addopts=--import-mode=importlib"]
    if target.select:
        args += ["-k", target.select]
    return args + list(target.tests)


def test_command(target: Target) -> list[str]:
    """Each mutant's tests, run by a child of the fork server (see pytest_forkserver.py)."""
    return [sys.executable, str(FORKSERVER), "run", str(SOCKET), "--", *pytest_args(target)]


class ForkServer:
    def __enter__(self) -> ForkServer:
        SOCKET.unlink(missing_ok=True)
        command = [sys.executable, str(FORKSERVER), "serve", str(SOCKET)]
        self.process = subprocess.Popen(command, cwd=TREE, env=environment())
        deadline = time.monotonic() + 120
        while not SOCKET.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the pytest fork server did not start")
            time.sleep(0.1)
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait()
        SOCKET.unlink(missing_ok=True)


# ---------------------------------------------------------------- which mutants to skip


def enclosing(tree: ast.Module) -> list[tuple[int, int, str]]:
    """(first line, last line, qualified name) of every function and class."""
    spans: list[tuple[int, int, str]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{prefix}{child.name}"
                first = min([child.lineno, *(d.lineno for d in child.decorator_list)])
                spans.append((first, child.end_lineno or child.lineno, name))
                visit(child, f"{name}.")
            else:
                visit(child, prefix)

    visit(tree, "")
    return spans


def function_at(spans: list[tuple[int, int, str]], line: int) -> str:
    inside = [(last - first, name) for first, last, name in spans if first <= line <= last]
    return min(inside)[1] if inside else "<module>"


def signature_annotations(tree: ast.Module) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Spans of function argument and return annotations and of annotations on local variables:
    never evaluated under `from __future__ import annotations`, so no mutant there can change
    what runs. (Class-level annotations are kept: pydantic and dataclasses evaluate them.)"""
    spans = []
    for node in ast.walk(tree):
        annotations: list[ast.expr | None] = []
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            args = node.args
            every = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
            annotations += [a.annotation for a in every if a is not None]
            annotations.append(node.returns)
            annotations += [s.annotation for s in ast.walk(node) if isinstance(s, ast.AnnAssign)]
        for annotation in annotations:
            if annotation is not None and annotation.end_lineno is not None:
                start = (annotation.lineno, annotation.col_offset)
                end = (annotation.end_lineno, annotation.end_col_offset or 0)
                spans.append((start, end))
    return spans


def signature_markers(tree: ast.Module) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Spans of each function's parameter list outside its default values: the only `*`
    there is the keyword-only marker, which cosmic-ray takes for a multiplication."""
    spans = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            start = (node.lineno, node.col_offset)
            end = (node.body[0].lineno, node.body[0].col_offset)
            defaults = [*node.args.defaults, *(d for d in node.args.kw_defaults if d)]
            cuts = sorted(
                ((d.lineno, d.col_offset), (d.end_lineno or d.lineno, d.end_col_offset or 0))
                for d in defaults
            )
            for cut_start, cut_end in cuts:
                spans.append((start, cut_start))
                start = cut_end
            spans.append((start, end))
    return spans


def skip_reason(
    spec: Any, target: Target, source: str, spans: list[tuple[int, int, str]], annotations: Any
) -> str | None:
    if spec.operator_name in SKIPPED_OPERATORS:
        return SKIPPED_OPERATORS[spec.operator_name]
    if exotic_binary(spec.operator_name):
        return "a binary operator replaced by one of another family"
    position = (spec.start_pos[0], spec.start_pos[1])
    if any(start <= position < end for start, end in annotations):
        return "a signature annotation, never evaluated"
    if spec.operator_name.startswith("core/ReplaceBinaryOperator_Mul_") and any(
        start <= position < end for start, end in signature_markers(ast.parse(source))
    ):
        return "the keyword-only marker of a signature, not an operator"
    if target.functions:
        name = function_at(spans, spec.start_pos[0])
        if not any(name == f or name.startswith(f + ".") for f in target.functions):
            return "outside the functions that carry the promise"
    return None


# ---------------------------------------------------------------- a session


def run_cosmic_ray(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "cosmic_ray.cli", *args], cwd=TREE, env=environment(), check=True
    )


def prepare(target: Target, timeout: float) -> None:
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import WorkerOutcome, WorkResult

    config = WORK / f"{target.name}.toml"
    command = " ".join(shlex.quote(a) for a in test_command(target)).replace('"', '\\"')
    config.write_text(
        "[cosmic-ray]\n"
        f'module-path = "{TREE / target.module}"\n'
        f"timeout = {timeout:.0f}\n"
        "excluded-modules = []\n"
        f'test-command = "{command}"\n'
        "[cosmic-ray.distributor]\n"
        'name = "local"\n',
        encoding="utf-8",
    )
    target.session.unlink(missing_ok=True)
    run_cosmic_ray("init", str(config), str(target.session))
    source = (TREE / target.module).read_text(encoding="utf-8")
    tree = ast.parse(source)
    spans, annotations = enclosing(tree), signature_annotations(tree)
    with use_db(str(target.session), WorkDB.Mode.open) as db:
        skipped: dict[str, list[str]] = {}
        for item in db.work_items:
            (spec,) = item.mutations
            reason = skip_reason(spec, target, source, spans, annotations)
            if reason:
                skipped.setdefault(reason, []).append(item.job_id)
        for reason, jobs in skipped.items():
            db.set_multiple_results(
                jobs, WorkResult(worker_outcome=WorkerOutcome.SKIPPED, output=reason)
            )


def changed_lines(diff: str) -> tuple[str, str]:
    """The source before and after a mutation, from cosmic-ray's unified diff."""
    before = [ln[1:].strip() for ln in diff.splitlines() if ln.startswith("-")]
    after = [ln[1:].strip() for ln in diff.splitlines() if ln.startswith("+")]
    before = [ln for ln in before if not ln.startswith("--")]
    after = [ln for ln in after if not ln.startswith("++")]
    return " / ".join(before), " / ".join(after)


def collect(target: Target, equivalents: list[dict[str, str]], used: set[int]) -> Outcome:
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome

    source = (ROOT / target.module).read_text(encoding="utf-8")
    spans = enclosing(ast.parse(source))
    outcome = Outcome()
    unexplained = []
    with use_db(str(target.session), WorkDB.Mode.open) as db:
        for item, result in db.completed_work_items:
            if result.worker_outcome == WorkerOutcome.SKIPPED:
                outcome.skipped += 1
                continue
            if result.worker_outcome != WorkerOutcome.NORMAL:
                outcome.errors += 1
                continue
            if result.test_outcome != TestOutcome.SURVIVED:
                outcome.killed += 1  # killed, timed out, or incompetent (failed to import)
                continue
            (spec,) = item.mutations
            line, mutant = changed_lines(result.diff or "")
            function = function_at(spans, spec.start_pos[0])
            key = {"module": target.module, "function": function, "line": line, "mutant": mutant}
            match = next(
                (i for i, e in enumerate(equivalents) if all(e[k] == v for k, v in key.items())),
                None,
            )
            if match is not None:
                used.add(match)
                outcome.equivalent += 1
            else:
                outcome.survived += 1
                unexplained.append((spec, key, result.diff or ""))
    for spec, key, diff in unexplained:
        print(f"\nSURVIVED {target.name}: {key['function']} ({spec.operator_name})")
        print(f"  - module: {key['module']}")
        print(f"    function: {key['function']}")
        print(f"    line: {json.dumps(key['line'])}")
        print(f"    mutant: {json.dumps(key['mutant'])}")
        print("    reason: ")
        print("\n".join("      " + ln for ln in diff.splitlines()[2:]))
    return outcome


def fingerprint(target: Target) -> str:
    digest = hashlib.sha256()
    for path in [target.module, *target.tests, str(TARGETS.relative_to(ROOT))]:
        file = ROOT / path.split("::")[0]
        digest.update(file.read_bytes() if file.is_file() else path.encode())
    return digest.hexdigest()


def run_target(target: Target, *, resume: bool) -> float:
    """Run one target's mutants; the seconds it took."""
    started = time.monotonic()
    stamp = WORK / f"{target.name}.fingerprint"
    fresh = not (resume and stamp.exists() and stamp.read_text() == fingerprint(target))
    if fresh:
        clean = time.monotonic()
        baseline = subprocess.run(
            test_command(target), cwd=TREE, env=environment(), capture_output=True, text=True
        )
        if baseline.returncode != 0:
            print(baseline.stdout[-3000:])
            raise SystemExit(f"{target.name}: its tests fail without any mutation")
        timeout = max(60.0, 5 * (time.monotonic() - clean))
        prepare(target, timeout)
        stamp.write_text(fingerprint(target))
    run_cosmic_ray("exec", str(WORK / f"{target.name}.toml"), str(target.session))
    return time.monotonic() - started


def count_mutants(target: Target) -> tuple[int, int]:
    from cosmic_ray.work_db import WorkDB, use_db

    with use_db(str(target.session), WorkDB.Mode.open) as db:
        total = db.num_work_items
        skipped = sum(1 for _, r in db.completed_work_items if r.worker_outcome == "skipped")
    return total, skipped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="targets to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list targets and mutant counts")
    parser.add_argument("--resume", action="store_true", help="continue an interrupted run")
    args = parser.parse_args()
    targets = load_targets()
    known = {t.name for t in targets}
    unknown = [n for n in args.names if n not in known]
    if unknown:
        raise SystemExit(f"unknown target {unknown}; known: {', '.join(sorted(known))}")
    chosen = [t for t in targets if not args.names or t.name in args.names]
    WORK.mkdir(exist_ok=True)
    copy_tree()
    if args.list:
        for target in chosen:
            prepare(target, 60)
            total, skipped = count_mutants(target)
            print(
                f"{target.name:20} {total:4} mutants, {total - skipped:4} to run  {target.module}"
            )
        return 0
    equivalents, used = load_equivalents(), set()
    rows = []
    with ForkServer():
        for target in chosen:
            seconds = run_target(target, resume=args.resume)
            outcome = collect(target, equivalents, used)
            outcome.seconds = seconds
            rows.append((target, outcome))
    print("\ntarget               killed  equivalent  survived  skipped  errors  minutes")
    for target, o in rows:
        print(
            f"{target.name:20} {o.killed:6}  {o.equivalent:10}  {o.survived:8}  {o.skipped:7}"
            f"  {o.errors:6}  {o.seconds / 60:7.1f}"
        )
    total_minutes = sum(o.seconds for _, o in rows) / 60
    print(f"{'all':20} {'':6}  {'':10}  {'':8}  {'':7}  {'':6}  {total_minutes:7.1f}")
    if not args.names:
        stale = [e for i, e in enumerate(equivalents) if i not in used]
        for entry in stale:
            print(f"note: no longer survives, remove from equivalent.yaml: {entry}")
    failed = sum(o.survived + o.errors for _, o in rows)
    if failed:
        print(f"\n{failed} mutants survived unexplained (or broke the worker): see above")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
