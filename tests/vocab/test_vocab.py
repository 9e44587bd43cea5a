"""Every named pattern and word list of lepcheck.vocab against its examples.

The examples live in tests/vocab/<family>.yaml, one file per module of lepcheck.vocab, each
constant with phrases it must match and phrases it must not (see tests/vocab/README.md). Each
phrase is a test of its own, so a changed pattern fails on the exact phrase it broke.
"""

from __future__ import annotations

import ast
import importlib
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

import lepcheck.vocab
from lepcheck.vocab.dialect import compile_rule_pattern

EXAMPLES_DIR = Path(__file__).resolve().parent
VOCAB_DIR = Path(lepcheck.vocab.__file__).resolve().parent
# Modules of lepcheck.vocab that hold no vocabulary of their own.
NOT_FAMILIES = {"__init__", "dialect", "named"}
HOWS = ("search", "match", "fullmatch", "fragment", "any", "rule", "words", "keys", "within")


def families() -> list[str]:
    return sorted(p.stem for p in VOCAB_DIR.glob("*.py") if p.stem not in NOT_FAMILIES)


@cache
def defined_names(family: str) -> list[str]:
    """Public constants a family module assigns itself (imported names are another family's)."""
    tree = ast.parse((VOCAB_DIR / f"{family}.py").read_text(encoding="utf-8"))
    names: list[str] = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        names += [t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper()]
    return [n for n in names if not n.startswith("_")]


@cache
def named_entries(family: str) -> dict[str, Any]:
    """Entry name -> value; a dict of patterns gives one entry per key ("KIND_NAMES.minutes")."""
    module = importlib.import_module(f"lepcheck.vocab.{family}")
    entries: dict[str, Any] = {}
    for name in defined_names(family):
        value = getattr(module, name)
        if isinstance(value, dict) and all(isinstance(v, re.Pattern) for v in value.values()):
            entries.update({f"{name}.{key}": pattern for key, pattern in value.items()})
        else:
            entries[name] = value
    return entries


@cache
def examples(family: str) -> dict[str, Any]:
    data = yaml.safe_load((EXAMPLES_DIR / f"{family}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"tests/vocab/{family}.yaml must map names to examples"
    return data


def matches(value: Any, how: str, phrase: Any, ignorecase: bool = False) -> bool:
    if (
        isinstance(value, re.Pattern)
        and isinstance(value.pattern, bytes)
        and isinstance(phrase, str)
    ):
        return matches(value, how, phrase.encode("utf-8"), ignorecase)  # searched in a body
    if how == "search":
        return value.search(phrase) is not None
    if how == "match":
        return value.match(phrase) is not None
    if how == "fullmatch":
        return value.fullmatch(phrase) is not None
    if how == "fragment":  # a piece of a larger pattern: the whole phrase is what it matches
        return re.fullmatch(value, phrase, re.IGNORECASE if ignorecase else 0) is not None
    if how == "any":  # patterns used together: one matching is enough
        patterns = value.values() if isinstance(value, dict) else value
        return any(p.search(phrase) for p in patterns)
    if how == "rule":  # rule-dialect patterns, read as checks read them
        patterns = (value,) if isinstance(value, str) else value
        return any(compile_rule_pattern(p).search(phrase) for p in patterns)
    if how in ("words", "keys"):
        return phrase in value
    if how == "within":  # a literal the code looks for inside a text
        return value in phrase
    raise AssertionError(f"unknown how {how!r} (one of {', '.join(HOWS)})")


def cases() -> Iterator[Any]:
    for family in families():
        entries = named_entries(family)
        for name, spec in examples(family).items():
            if name not in entries:
                continue  # reported by test_examples_name_constants
            how = (spec.get("how", "search"), bool(spec.get("ignorecase")))
            for expected, key in ((True, "match"), (False, "no_match")):
                for phrase in spec.get(key) or ():
                    yield pytest.param(
                        family, name, how, str(phrase), expected,
                        id=f"{family}:{name}:{key}:{str(phrase)[:50]}",
                    )  # fmt: skip


@pytest.mark.parametrize(("family", "name", "how", "phrase", "expected"), list(cases()))
def test_example(
    family: str, name: str, how: tuple[str, bool], phrase: str, expected: bool
) -> None:
    value = named_entries(family)[name]
    found = matches(value, how[0], phrase, ignorecase=how[1])
    verb = "must match" if expected else "must not match"
    assert found is expected, f"lepcheck.vocab.{family}.{name} {verb} {phrase!r} ({how[0]})"


@pytest.mark.parametrize("family", families())
def test_every_constant_has_examples_both_ways(family: str) -> None:
    """A pattern with no example it must match, or none it must not, is not pinned down."""
    given = examples(family)
    unpinned = [
        name
        for name in named_entries(family)
        if not (given.get(name) or {}).get("match") or not (given.get(name) or {}).get("no_match")
    ]
    assert not unpinned, f"tests/vocab/{family}.yaml needs match and no_match for: {unpinned}"


@pytest.mark.parametrize("family", families())
def test_examples_name_constants(family: str) -> None:
    """No examples for a constant that was renamed or removed, and only known ways to match."""
    entries = named_entries(family)
    for name, spec in examples(family).items():
        assert name in entries, f"tests/vocab/{family}.yaml: {name} is not in lepcheck.vocab"
        known = {"how", "ignorecase", "match", "no_match"}
        assert set(spec) <= known, f"{family}.yaml: {name}: unknown key"
        assert spec.get("how", "search") in HOWS, f"{family}.yaml: {name}: unknown how"


def test_every_family_has_an_examples_file() -> None:
    files = sorted(p.stem for p in EXAMPLES_DIR.glob("*.yaml"))
    assert files == families()


def test_vocab_imports_nothing_of_lepcheck_but_models() -> None:
    """The bottom layer: every stage may use the vocabulary, so it may use no stage."""
    for path in sorted(VOCAB_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                inside = name == "lepcheck" or name.startswith("lepcheck.")
                allowed = name == "lepcheck.models" or name.startswith("lepcheck.vocab")
                assert allowed or not inside, f"{path.name} imports {name}"


def test_the_package_docstring_names_every_family() -> None:
    """lepcheck.vocab's docstring is where a reader finds which family holds what."""
    doc = lepcheck.vocab.__doc__ or ""
    assert [f for f in families() if f"- `{f}`:" not in doc] == []
