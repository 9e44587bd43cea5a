"""Where known members' names are written in a register's text, across line breaks and with a
middle initial: 'Councillor\\nRobert\\nFenwick', 'Alistair J.\\nCrowe', 'McAllister, Linda'.

Searching the whole text once per board member costs board x text: quadratic when a combined
register of thousands of members is read against a board page of thousands (issue 11). The
text's words are indexed once instead, and each name is looked for only around the places its
surname is written: the same leftmost match the whole-text search finds (a name, its titles and
middle names fit in `_REACH` characters), in time linear in the text and the board.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lepcheck.site.names import strip_titles_and_honours
from lepcheck.vocab.people import NAME_TITLE_PREFIX

# One title of the prefix (which is "(?:title)*"), to step over titles one at a time.
_ONE_TITLE = NAME_TITLE_PREFIX.removesuffix("*")
_TITLE_BEFORE = re.compile(rf"{_ONE_TITLE}\Z")
_TITLE_AT = re.compile(_ONE_TITLE)
_WORD = re.compile(r"\w+")
# How far a name's first word (with its titles and middle names) may start before its surname.
_REACH = 200
_TITLE_LENGTH = 40


class _NamePatterns:
    """One member's name as patterns: first name (or initial) ... surname, and "Surname, "."""

    def __init__(self, tokens: list[str]) -> None:
        # The first name may be an initial ("J. Ferris"); a double-barrelled surname may lose
        # its hyphen ("Pryce Jones").
        first = rf"(?:{re.escape(tokens[0])}\w*|{re.escape(tokens[0][0])}\.)"
        parts = tokens[-1].split("-")
        surname = r"[\s\-]+".join(re.escape(part) for part in parts)
        self.forward = re.compile(rf"\b{first}(?:\s+[A-Z]\.?|\s+[A-Z][a-z]+){{0,2}}?\s+{surname}\b")
        # Registers also file names surname first: "McAllister, Linda", "O'Neill, S."
        self.surname_first = re.compile(rf"\b{surname},\s*")
        self.first = re.compile(rf"{first}(?![\w'’\-])")
        anchor = _WORD.match(parts[0])
        self.anchor = anchor.group(0) if anchor else None


@lru_cache(maxsize=4_096)
def _patterns(name: str) -> _NamePatterns | None:
    tokens = strip_titles_and_honours(name).split()
    return _NamePatterns(tokens) if len(tokens) >= 2 else None


class WrittenNames:
    """A text with its words indexed, to find many names in it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._at: dict[str, list[int]] = {}
        for word in _WORD.finditer(text):
            self._at.setdefault(word.group(0), []).append(word.start())

    def find(self, name: str) -> tuple[int, int] | None:
        """(start, end) of the first place `name` is written, titles included, or None."""
        patterns = _patterns(name)
        if patterns is None:
            return None
        # A surname written at all starts with its first word, so only those places are read.
        at = self._at.get(patterns.anchor, []) if patterns.anchor else None
        found = [
            span
            for span in (self._forward(patterns, at), self._surname_first(patterns, at))
            if span is not None
        ]
        return min(found, key=lambda span: span[0]) if found else None

    def _forward(self, patterns: _NamePatterns, at: list[int] | None) -> tuple[int, int] | None:
        text = self.text
        windows = [(0, len(text))] if at is None else [(max(0, q - _REACH), q + _REACH) for q in at]
        for low, high in windows:
            hit = patterns.forward.search(text, low, min(high, len(text)))
            # The window's end must not cut the surname short ("Smith" in "Smithson").
            whole = hit and _match_near(patterns.forward, text, hit.start())
            if whole:
                return self._with_titles(whole.start()), whole.end()
        return None

    def _with_titles(self, start: int) -> int:
        """The start of the titles written before a name ("Cllr Dr Jane Doe")."""
        while title := _TITLE_BEFORE.search(self.text, max(0, start - _TITLE_LENGTH), start):
            start = title.start()
        return start

    def _surname_first(
        self, patterns: _NamePatterns, at: list[int] | None
    ) -> tuple[int, int] | None:
        text = self.text
        heads = (
            patterns.surname_first.finditer(text)
            if at is None
            else (head for q in at if (head := _match_near(patterns.surname_first, text, q)))
        )
        for head in heads:
            # Titles between the comma and the first name: the most that still lets it match.
            after = [head.end()]
            while title := _match_near(_TITLE_AT, text, after[-1]):
                after.append(title.end())
            for position in reversed(after):
                first = _match_near(patterns.first, text, position)
                if first:
                    return head.start(), first.end()
        return None


def _match_near(pattern: re.Pattern[str], text: str, at: int) -> re.Match[str] | None:
    """`pattern.match(text, at)`, reading only the next `_REACH` characters unless the match
    runs on to the end of them."""
    end = at + _REACH
    hit = pattern.match(text, at, end)
    if hit is not None and hit.end() >= end and end < len(text):
        hit = pattern.match(text, at)
    return hit
