"""Cards on web pages: the element that holds one heading and its own text, repeated.

Board pages list people as <div class="card"><h3>Name</h3><p>Chair</p></div>; the last card's
section must stop at the card's end, not run on into the rest of the page. Deciding whether an
element is a card asks how much text it holds, which headings it holds and how many of its
siblings look alike. Asked afresh for every heading, those questions walk the whole listing
once per card: quadratic in a page of thousands of cards (issue 11). `CardFinder` measures
every element once, bottom-up, and remembers each family of siblings it has counted, so
finding the cards of a page costs time linear in its size.
"""

from __future__ import annotations

import re

from bs4.element import NavigableString, PageElement, Tag

HEADING_NAMES = re.compile(r"^(?:h[1-6]|summary)$")
_HEADING = re.compile(r"^h([1-6])$")
# Accordions (<details><summary>Jane Smith</summary><p>Chair...</p></details>) are how
# accessible sites fold board biographies: each summary heads its panel, below any h1-h6.
SUMMARY_LEVEL = 6
_STOPS = frozenset(("body", "html", "main", "[document]"))


def named_heading_level(name: str) -> int:
    """The level of an element named h1-h6 or summary, else 0."""
    if name == "summary":
        return SUMMARY_LEVEL
    match = _HEADING.match(name)
    return int(match.group(1)) if match else 0


class _Measure:
    """What `get_text(" ", strip=True)` and `find_all(HEADING_NAMES)` would say of an element,
    without walking it: the stripped text's length, and how many headings of each level lie
    below it."""

    __slots__ = ("characters", "levels", "strings")

    def __init__(self) -> None:
        self.characters = 0  # stripped strings, without the spaces that join them
        self.strings = 0
        self.levels = [0] * 7  # levels[k]: descendant headings of level k

    @property
    def text_length(self) -> int:
        return self.characters + max(self.strings - 1, 0)

    def add(self, child: _Measure) -> None:
        self.characters += child.characters
        self.strings += child.strings
        self.levels = [
            mine + theirs for mine, theirs in zip(self.levels, child.levels, strict=True)
        ]


class CardFinder:
    """Cards of one tree, after one bottom-up pass over it."""

    def __init__(self, root: Tag) -> None:
        self._root = root
        self._measures: dict[int, _Measure] = {}
        self._alike: dict[tuple[int, str, str], int] = {}
        self._measure_all(root)

    def _measure_all(self, root: Tag) -> None:
        # Iterative post-order walk: hostile pages nest thousands of elements deep.
        stack: list[tuple[PageElement, bool]] = [(root, False)]
        while stack:
            node, closing = stack.pop()
            if not isinstance(node, Tag):
                continue
            if not closing:
                stack.append((node, True))
                stack.extend((child, False) for child in node.contents if isinstance(child, Tag))
                continue
            measure = _Measure()
            for child in node.contents:
                if isinstance(child, Tag):
                    below = self._measures[id(child)]
                    measure.add(below)
                    if HEADING_NAMES.match(child.name):
                        measure.levels[named_heading_level(child.name)] += 1
                elif type(child) in Tag.MAIN_CONTENT_STRING_TYPES:
                    assert isinstance(child, NavigableString)
                    stripped = child.strip()
                    if stripped:
                        measure.characters += len(stripped)
                        measure.strings += 1
            self._measures[id(node)] = measure

    def _alike_siblings(self, parent: Tag, name: str, heading_name: str) -> int:
        """Children of `parent` named `name` that hold a `heading_name`, counted once."""
        key = (id(parent), name, heading_name)
        if key not in self._alike:
            self._alike[key] = sum(
                1
                for sibling in parent.find_all(name, recursive=False)
                if sibling.find(heading_name) is not None
            )
        return self._alike[key]

    def card_of(self, heading: Tag, level: int) -> Tag | None:
        """The element that holds this heading and its own text but no rival heading."""
        own = self._measures[id(heading)].text_length
        for ancestor in heading.parents:
            if ancestor is self._root or ancestor.name in _STOPS:
                return None
            measure = self._measures[id(ancestor)]
            if measure.text_length <= own:
                continue  # a wrapper around the heading alone (<header>, <a>): look further out
            # Headings at this level or above, the heading itself excepted.
            if sum(measure.levels[1 : level + 1]) > 1 or ancestor.parent is None:
                return None
            # A card repeats: its parent holds at least one more like it. A lone block
            # holding a heading and a strapline (a page-title banner) is not a card and must
            # not cut the section short.
            alike = self._alike_siblings(ancestor.parent, ancestor.name, heading.name)
            return ancestor if alike >= 2 else None
        return None
