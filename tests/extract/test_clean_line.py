"""clean_line's shortcut (issue 13 item 6): a printable line without two spaces in a row is
only trimmed, not split into words. It must give exactly what splitting gives, whatever
whitespace PDFium, Word or a web page puts in a line."""

from __future__ import annotations

import sys

import pytest

from lepcheck.extract.parts import clean_line

LINES = [
    "",
    " ",
    "Board minutes",
    " Board minutes ",
    "Board  minutes",
    "Board\tminutes",
    "Board\u00a0minutes",  # no-break space, common in Word exports
    "Board\u2003minutes\u3000",  # em space, ideographic space
    "Board\x1cminutes",  # a separator str.split() treats as whitespace
    "\u2028Board minutes\u2029",
    "Item 3.\u200bDeclarations",  # zero-width space: not whitespace, kept
    "ſ Long s and K Kelvin",
]


@pytest.mark.parametrize("line", LINES)
def test_clean_line_is_what_splitting_gives(line: str) -> None:
    assert clean_line(line) == " ".join(line.split())


def test_every_whitespace_but_the_space_is_unprintable() -> None:
    """What the shortcut rests on: a printable line holds no whitespace but the space."""
    printable_whitespace = [
        code
        for code in range(sys.maxunicode + 1)
        if chr(code).isspace() and chr(code).isprintable() and code != 0x20
    ]
    assert printable_whitespace == []
