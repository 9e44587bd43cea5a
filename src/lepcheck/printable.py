"""Crawled text made safe to print: no terminal escape sequences, no control characters.

A page title or a quote is hostile input. Written as it came, an ANSI escape sequence in it
repaints a terminal or hides the lines above it (`ESC[2J`, `ESC]8;;...` hyperlinks); a bare
carriage return overwrites a line with another; a C0 character other than tab, newline and
carriage return makes an XML 1.0 document (report.junit.xml, the statement's .docx) not
well-formed, even when escaped (XML 1.0, section 2.2 "Characters"). So every report and every
line on a terminal takes crawled text through these functions:

- escape sequences (ECMA-48: CSI, OSC, DCS and the other string controls, two-byte escapes,
  and their 8-bit C1 forms) are removed whole, so no `[31m` debris is left behind;
- any other C0 or C1 control character, DEL, a lone surrogate (from bytes that were not
  UTF-8) and the non-characters U+FFFE and U+FFFF become a space, so words stay apart;
- a carriage return becomes a newline; tab and newline stay in multi-line text, and
  `printable_line` folds them into spaces for one-line output.
"""

from __future__ import annotations

import re
from typing import Any

ESCAPE_SEQUENCE = re.compile(
    r"""
      (?:\x1b\[|\x9b) [0-?]* [ -/]* [@-~]                # CSI ... final byte (colours, cursor)
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])            # OSC, DCS, SOS, PM, APC ...
      [^\x07\x1b\x9c]* (?:\x07|\x1b\\|\x9c)?             # ... up to BEL or the string end
    | \x1b [ -/]* [0-~]                                  # two-byte and nF escapes
    """,
    re.VERBOSE,
)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
LINE_BREAKS = re.compile(r"\s+")


def printable(text: str) -> str:
    """`text` without escape sequences or control characters; tabs and newlines kept."""
    if text.isprintable():  # the common case: nothing to do
        return text
    text = ESCAPE_SEQUENCE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL.sub(" ", text)


def printable_line(text: str) -> str:
    """`text` as one printable line: line breaks and tabs folded into single spaces, so a
    crawled string cannot start a line of its own on a terminal."""
    return LINE_BREAKS.sub(" ", printable(text)).strip()


def printable_data(value: Any) -> Any:
    """Every string in JSON-like data (dicts, lists, tuples) made printable, keys included."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable_data(k): printable_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [printable_data(item) for item in value]
    return value
