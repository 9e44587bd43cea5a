"""People's names as LEP sites write them, and whether two spellings are one person.

The same board member appears as "Cllr Jane Smith" on the board page, "J. Smith" in minutes,
"SMITH, Jane Anne" in a register and "jane-smith-roi.pdf" as a file name. A register can only be
tied to a member (Ney 6.1: a register for each board member) when these are matched, and two
different people who share a surname must never be.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from lepcheck.vocab.people import (
    HONOURS,
    NAME_PARTICLES,
    NAME_WORD,
    NOT_NAME_WORDS,
    SHORT_FORMS,
    TITLES,
)

_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_NAME_CHARS = re.compile(r"[^\w\s'’.\-]")


@dataclass(frozen=True)
class PersonName:
    """A name reduced to what identifies the person: given names and surname, lower case."""

    given: tuple[str, ...]
    surname: str

    @property
    def key(self) -> str:
        return " ".join((*self.given, self.surname))


def _tokens(raw: str) -> list[str]:
    text = _PARENTHESES.sub(" ", raw)
    text = _NOT_NAME_CHARS.sub(" ", text.replace("’", "'"))
    return [t for t in re.split(r"\s+", text) if t]


def is_honour(token: str) -> bool:
    return token.lower().strip(".").replace(".", "") in HONOURS


def _is_title(token: str) -> bool:
    return token.lower().strip(".") in TITLES


def strip_titles_and_honours(raw: str) -> str:
    """'Cllr Jane Smith OBE DL' -> 'Jane Smith', keeping the writer's case."""
    text = raw.strip()
    # "Smith, Jane" (surname first) is common in registers; "Jane Smith, OBE" is not reversed.
    if text.count(",") == 1:
        before, after = (part.strip() for part in text.split(","))
        after_tokens = _tokens(after)
        if after_tokens and all(is_honour(t) for t in after_tokens):
            text = before
        elif after_tokens and len(_tokens(before)) == 1 and not is_honour(before):
            text = f"{after} {before}"
    tokens = _tokens(text)
    while tokens and _is_title(tokens[0]):
        tokens.pop(0)
    while tokens and (is_honour(tokens[-1]) or _is_title(tokens[-1])):
        tokens.pop()
    return " ".join(tokens).strip(" .-")


def display_name(raw: str) -> str:
    """A name as shown in the site model: titles and honours dropped, capitals restored."""
    tokens = strip_titles_and_honours(raw).split()
    shouting = all(t.isupper() or t.islower() for t in tokens)
    # "SMITH, Jane" and "JANE SMITH": surnames in capitals are a register convention.
    return " ".join(
        _capitalise(t) if shouting or (t.isupper() and len(t.strip(".")) > 2) else t for t in tokens
    )


def _capitalise(token: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in token.split("-"))


def _fold(text: str) -> str:
    """'Siân Álvarez' -> 'Sian Alvarez': registers and board pages differ in accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Board members are matched against every register entry and declaration: parse each spelling
# once (bounded, as a hostile page can hold millions of name-like lines).
@lru_cache(maxsize=50_000)
def parse_name(raw: str) -> PersonName | None:
    tokens = [t.strip(".").lower() for t in _fold(strip_titles_and_honours(raw)).split()]
    tokens = [t for t in tokens if t]
    if not tokens:
        return None
    # Hyphenated or particle surnames ("Smith-Jones", "van der Berg") are compared joined.
    surname_parts = [tokens.pop()]
    while tokens and tokens[-1] in NAME_PARTICLES:
        surname_parts.insert(0, tokens.pop())
    surname = "".join(surname_parts).replace("-", "").replace("'", "")
    given: list[str] = []
    for token in tokens:
        # "J.A." or "JA" written as initials in minutes.
        if re.fullmatch(r"(?:[a-z]\.)+[a-z]?", token + "."):
            given.extend(c for c in token if c.isalpha())
        else:
            # "Ann-Marie" and "Annmarie" are one given name.
            given.append(token.replace("'", "").replace("-", ""))
    return PersonName(given=tuple(given), surname=surname)


def _given_score(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return 0.75 if a[0] == b[0] else 0.0
    if b in SHORT_FORMS.get(a, frozenset()) or a in SHORT_FORMS.get(b, frozenset()):
        return 0.85
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 3 and longer.startswith(shorter):
        return 0.8  # "Chris" / "Christopher"
    return 0.0


def name_match(a: str, b: str) -> float:
    """Confidence (0..1) that two written names are the same person.

    Surnames must agree. Different full first names are different people ("Jane Smith" and
    "John Smith" score 0), an initial agreeing with a first name scores 0.75, an extra middle
    name costs a little, and a surname alone scores 0.5.
    """
    left, right = parse_name(a), parse_name(b)
    if left is None or right is None:
        return 0.0
    if left.key.replace(" ", "") == right.key.replace(" ", ""):
        return 1.0  # "Smith-Jones" and "Smith Jones": only the hyphen differs
    if left.surname != right.surname:
        # "C Okoye Bello" against "Chinedu Okoye-Bello": the spaced double surname.
        left, right = _double_surname(left, right.surname), _double_surname(right, left.surname)
    if left.surname != right.surname:
        return 0.0
    if not left.given or not right.given:
        return 0.5
    first = _given_score(left.given[0], right.given[0])
    if first == 0.0:
        return 0.0
    middles_left, middles_right = left.given[1:], right.given[1:]
    if not middles_left or not middles_right:
        # "Jane Anne Smith" and "Jane Smith": the second simply leaves the middle name out.
        return first * (1.0 if middles_left == middles_right else 0.95)
    for x, y in zip(middles_left, middles_right, strict=False):
        if _given_score(x, y) == 0.0:
            return 0.0
    return first


def _double_surname(name: PersonName, other_surname: str) -> PersonName:
    """The name with its last given name joined to its surname, when that gives the other
    name's (hyphenated) surname; else unchanged."""
    if name.given and name.given[-1] + name.surname == other_surname and len(name.given) > 1:
        return PersonName(given=name.given[:-1], surname=other_surname)
    return name


MATCH_THRESHOLD = 0.7


def match_keys(name: str) -> frozenset[str]:
    """Keys two names always share when `name_match` scores them above 0: the surname, the
    last given name joined to the surname (the spaced double surname), and all the tokens
    joined (for names that differ only in spacing). Names without one can never match."""
    parsed = parse_name(name)
    if parsed is None:
        return frozenset()
    keys = {f"surname {parsed.surname}", f"joined {parsed.key.replace(' ', '')}"}
    if parsed.given:
        keys.add(f"surname {parsed.given[-1]}{parsed.surname}")
    return frozenset(keys)


class NameIndex(tuple[str, ...]):
    """Names (a board's) that can be looked up by `match_keys` instead of one by one: matching
    each of thousands of register entries against each of thousands of members is quadratic
    (issue 11), while a person has only a handful of namesakes."""

    @cached_property
    def _positions(self) -> dict[str, list[int]]:
        positions: dict[str, list[int]] = {}
        for position, name in enumerate(self):
            for key in match_keys(name):
                positions.setdefault(key, []).append(position)
        return positions

    def could_match(self, name: str) -> list[str]:
        """The names `name_match` may score above 0 against `name`, in this index's order."""
        found: set[int] = set()
        for key in match_keys(name):
            found.update(self._positions.get(key, ()))
        return [self[position] for position in sorted(found)]


def best_match(name: str, candidates: Sequence[str]) -> tuple[str, float] | None:
    """The one candidate that `name` most likely is, or None when none or several fit equally."""
    if isinstance(candidates, NameIndex):
        # Every other candidate scores 0: below the threshold, and never a rival.
        candidates = candidates.could_match(name)
    scored = sorted(
        ((name_match(name, c), c) for c in candidates), key=lambda pair: pair[0], reverse=True
    )
    if not scored or scored[0][0] < MATCH_THRESHOLD:
        return None
    best_score, best = scored[0]
    rivals = [
        c for score, c in scored[1:] if score == best_score and parse_name(c) != parse_name(best)
    ]
    if rivals:
        return None  # two members "J. Smith" could be: do not pick one
    return best, best_score


def looks_like_person_name(text: str) -> bool:
    """Whether a short line reads as a person's name rather than a heading or organisation."""
    stripped = text.strip()
    if not stripped or len(stripped) > 60 or any(ch.isdigit() for ch in stripped):
        return False
    if re.search(r"[:;!?@/|•–—]", stripped):
        return False
    core = strip_titles_and_honours(stripped)
    tokens = core.split()
    if not 2 <= len(tokens) <= 5:
        return False
    if any(t.lower().strip(".,'") in NOT_NAME_WORDS for t in tokens):
        return False
    capitalised = [t for t in tokens if t.lower() not in NAME_PARTICLES]
    if core.isupper():
        return all(t.replace("-", "").replace("'", "").replace(".", "").isalpha() for t in tokens)
    return all(t[:1].isupper() and NAME_WORD.match(t) for t in capitalised)
