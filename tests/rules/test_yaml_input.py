"""rules.yaml_input: YAML read as untrusted input, bounded before any value is built."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from lepcheck.errors import RuleError
from lepcheck.rules.yaml_input import MAX_VALUES, load_yaml_file


def test_utf8_with_a_bom_and_utf16_with_its_bom_are_read(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(codecs.BOM_UTF8 + "name: Café".encode())
    assert load_yaml_file(path)[1] == {"name": "Café"}
    path.write_bytes("name: Café".encode("utf-16"))
    assert load_yaml_file(path)[1] == {"name": "Café"}


def test_latin1_is_named_with_its_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes("a: 1\nname: Caf\xe9\n".encode("latin-1"))
    with pytest.raises(RuleError, match=r"line 2: not UTF-8 \(byte 0xe9 at offset 14"):
        load_yaml_file(path)


def test_aliases_are_counted_expanded_and_the_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    per_level = 20  # 20**4 = 160,000 values past the 10,000 budget
    lines = ["l0: &l0 [" + ", ".join(["x"] * per_level) + "]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * per_level) + "]" for i in (1, 2, 3)]
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(
        RuleError, match=f"line 4: YAML aliases here expand to more than {MAX_VALUES:,}"
    ):
        load_yaml_file(path)
    path.write_text("\n".join(lines[:2]) + "\n")  # 20 * 20 values: well within
    assert len(load_yaml_file(path)[1]["l1"]) == per_level


def test_an_impossible_timestamp_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("id: X\nsince: 2023-02-30\n")
    with pytest.raises(RuleError, match=r"line 2: '2023-02-30' is not a calendar date"):
        load_yaml_file(path)
