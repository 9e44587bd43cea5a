"""When a reader's answer counts as the label: names, items, quotes and bodies.

These rules are the benchmark's, written out so a figure can be checked by hand; they are
deliberately independent of the readers' own matching (lepcheck.site.names), so a reader is not
graded with its own ruler.
"""

from __future__ import annotations

import re

# Words before or after a name that say who someone is, not which person (as minutes write them).
_TITLES = frozenset(
    {
        "the", "councillor", "councillors", "cllr", "cllrs", "mr", "mrs", "ms", "miss", "mx",
        "dr", "prof", "professor", "sir", "dame", "lord", "lady", "baroness", "baron", "rt",
        "hon", "revd", "rev", "reverend", "canon", "mayor",
    }
)  # fmt: skip
_HONOURS = frozenset(
    {"obe", "mbe", "cbe", "kbe", "dbe", "dl", "jp", "frs", "freng", "fca", "mp", "qc", "kc",
     "phd", "ma", "msc", "bsc", "ba", "mba", "cbi"}
)  # fmt: skip


def _words(text: str) -> list[str]:
    """Lower-case words; a hyphen joins ("Akers-Belcher" is one surname)."""
    folded = text.casefold().replace("’", "'").replace("'", "").replace("–", "-")
    return re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", folded)


def name_key(name: str) -> tuple[str, str]:
    """(first given initial, surname) of a person's name, titles and honours dropped.

    "Councillor Phil Riley" -> ("p", "riley"); "Mr Booth" -> ("", "booth"); "The Deputy Chair"
    -> ("d", "chair") (a role written as a name is matched as written).
    """
    words = [w for w in _words(name) if w not in _TITLES]
    while words and words[-1] in _HONOURS:
        words.pop()
    if not words:
        return "", ""
    return (words[0][0] if len(words) > 1 else ""), words[-1]


def same_person(labelled: str, read: str) -> bool:
    """Same surname, and the same first initial when both names give one."""
    a, b = name_key(labelled), name_key(read)
    if not a[1] or a[1] != b[1]:
        return False
    return not a[0] or not b[0] or a[0] == b[0]


def normal_text(text: str) -> str:
    """Case, dashes, slashes' spacing and runs of whitespace made uniform."""
    text = text.casefold().replace("–", "-").replace("—", "-").replace("’", "'")
    text = re.sub(r"\s*/\s*", "/", text)
    return " ".join(text.split())


def overlaps(labelled: str, read: str, *, shortest: int = 4) -> bool:
    """One text contains the other (normalised), and the shorter has at least `shortest` chars."""
    a, b = normal_text(labelled), normal_text(read)
    if min(len(a), len(b)) < shortest:
        return False
    return a in b or b in a


_ITEM_NUMBER = re.compile(r"\b(?:item|no\.?)\s*(\d{1,2}[a-z]?)\b|^\s*(\d{1,2}[a-z]?)\b[.):]?\s")
_STOP = frozenset({"the", "of", "and", "a", "an", "to", "for", "on", "in", "item", "items", "no"})


def item_numbers(text: str) -> set[str]:
    return {m.group(1) or m.group(2) for m in _ITEM_NUMBER.finditer(text.casefold())}


def same_item(labelled: str, read: str) -> bool:
    """The labelled item is empty (the text names none), or the two name the same item: one
    contains the other, they give the same item number, or they share at least half of the
    shorter one's words (beyond "item", "the", "of"...)."""
    if not normal_text(labelled):
        return True
    if overlaps(labelled, read, shortest=1):
        return True
    if item_numbers(labelled) & item_numbers(read):
        return True
    a = {w for w in _words(labelled) if w not in _STOP and not w.isdigit()}
    b = {w for w in _words(read) if w not in _STOP and not w.isdigit()}
    return bool(a and b) and len(a & b) * 2 >= min(len(a), len(b))


# A reader's body name -> the label's class (tests/corpus/README.md, "body"). The meetings
# reader calls the LEP's main board "Board"; a council's bodies are named as councils name them.
_COUNCIL_BODY = re.compile(
    r"\bcouncil\b|\bcabinet\b|\bcombined\s+authority\b|\boverview\b|\bcounty\b|\bborough\b",
    re.IGNORECASE,
)


def body_class(body: str | None) -> str | None:
    """'Board' -> board; a council's committee or cabinet -> other; any other body -> sub_board."""
    if body is None:
        return None
    if body == "Board":
        return "board"
    return "other" if _COUNCIL_BODY.search(body) else "sub_board"
