"""The example officer's files in examples/, and the check every malformed-file test makes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lepcheck.errors import InputFileError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ATTESTATIONS = EXAMPLES / "amberdale-attestations.yaml"
WAIVERS = EXAMPLES / "amberdale-waivers.yaml"
REGISTRY = EXAMPLES / "amberdale-registry.yaml"


def assert_file_error(load: Callable[[Path], object], path: Path, expected: str) -> None:
    """Loading `path` fails with a message that starts with the file and holds `expected`."""
    with pytest.raises(InputFileError) as raised:
        load(path)
    assert str(raised.value).startswith(f"{path}: ")
    assert expected in str(raised.value)
