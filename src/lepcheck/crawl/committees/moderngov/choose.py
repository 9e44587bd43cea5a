"""Which committees of a council's install are the LEP's.

In order: `related_committees` in the LEP's registry entry decides alone when given (ids,
titles or committee page URLs); otherwise the committees the LEP's own pages link to (the
`ID` of mgCommitteeDetails, the `CId` of a meeting list or meeting page), and those whose title
names the LEP: its distinctive name words together with "LEP" or "Enterprise Partnership"
("Wyvern Coast LEP Investment Panel"), so the council's own Cabinet is never taken for it.

A successor body audited in its own right owns the install: `choose_own` takes the committees
its statutory timeliness rules judge (the full council, the executive, scrutiny, the business
board), by the named title words of SUCCESSOR_COMMITTEES; `related_committees` still decides
alone when given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lepcheck.committee_records import CommitteeInfo
from lepcheck.crawl.committees.moderngov.urls import committee_id, is_install_url
from lepcheck.vocab.committees import LEP_MARKER, LEP_NAME_GENERIC_WORDS, SUCCESSOR_COMMITTEES

_WORD = re.compile(r"[\w'’]+")


@dataclass(frozen=True)
class Override:
    """`related_committees` from the registry: committee ids and titles."""

    ids: frozenset[int] = frozenset()
    titles: frozenset[str] = frozenset()

    @classmethod
    def read(cls, values: Sequence[str]) -> Override:
        ids: set[int] = set()
        titles: set[str] = set()
        for value in values:
            text = str(value).strip()
            if text.isdigit():
                ids.add(int(text))
            elif is_install_url(text):
                found = committee_id(text)
                if found is not None:
                    ids.add(found)
            elif text:
                titles.add(" ".join(text.lower().split()))
        return cls(frozenset(ids), frozenset(titles))

    def __bool__(self) -> bool:
        return bool(self.ids or self.titles)

    def wants(self, committee: CommitteeInfo) -> bool:
        return committee.id in self.ids or " ".join(committee.title.lower().split()) in self.titles


def distinctive_words(lep_name: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(lep_name.lower()) if w not in LEP_NAME_GENERIC_WORDS)


def names_the_lep(title: str, lep_name: str) -> bool:
    words = distinctive_words(lep_name)
    found = set(_WORD.findall(title.lower()))
    return bool(words) and words <= found and bool(LEP_MARKER.search(title))


def _overridden(
    committees: Sequence[CommitteeInfo], override: Override
) -> dict[int, tuple[str, str]]:
    why = "related_committees in the registry entry"
    known = {c.id for c in committees}
    chosen = {c.id: (c.title, why) for c in committees if override.wants(c)}
    return chosen | {cid: ("", why) for cid in override.ids if cid not in known}


def successor_role(title: str) -> str | None:
    """The role a successor body's committee plays for its statutory rules, by its title."""
    for role, pattern in SUCCESSOR_COMMITTEES.items():
        if pattern.search(title):
            return role
    return None


def choose_own(
    committees: Sequence[CommitteeInfo], override: Override
) -> dict[int, tuple[str, str]]:
    """{committee id: (title, why)} of a successor body's own install."""
    if override:
        return _overridden(committees, override)
    chosen: dict[int, tuple[str, str]] = {}
    for committee in committees:
        role = successor_role(committee.title)
        if role is not None:
            chosen[committee.id] = (committee.title, f"its title names the {role}")
    return chosen


def choose(
    committees: Sequence[CommitteeInfo],
    hints: Mapping[int, str],
    override: Override,
    lep_name: str,
) -> dict[int, tuple[str, str]]:
    """{committee id: (title, why it was chosen)}."""
    if override:
        return _overridden(committees, override)
    chosen: dict[int, tuple[str, str]] = {}
    for committee in committees:
        if committee.id in hints:
            chosen[committee.id] = (committee.title, hints[committee.id])
        elif names_the_lep(committee.title, lep_name):
            chosen[committee.id] = (committee.title, "its title names the LEP")
    for cid, why in hints.items():
        chosen.setdefault(cid, ("", why))
    return chosen
