"""What kind of governance document this is, with a confidence and the reasons for it.

Every kind gathers points from five places: the title (strongest), the text of links pointing
at the document, the top of its text, its headings and its URL path (weakest), plus evidence in
the body (register categories, Nolan principles, a meeting's "Present"/"Apologies", a table of
projects and amounts, a hub page of policy links). Body evidence and title beat the URL, so
"/uploads/minutes/ROI-J-Smith.pdf" that reads as a register is a register.

Known confusions are handled where they arise: minutes mention "declarations of interest" and
"agenda item"; agendas list "minutes of the previous meeting"; codes of conduct and registers
discuss conflicts of interest; a governance hub links to everything.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from lepcheck.extract.committees.kinds import declared_kind
from lepcheck.models import Document, DocumentKind
from lepcheck.vocab.kinds import (
    ACCOUNTS_BODY,
    CONFLICT_PHRASES,
    CROSS_MENTIONS,
    FRAMEWORK_TOPICS,
    GOVERNANCE_LINK,
    KIND_NAMES,
    NOLAN_PRINCIPLES,
    PEOPLE_TABLE_FACT,
    PEOPLE_TABLE_NAME,
    POLICY_TITLE,
    RECRUITMENT_NAME,
)
from lepcheck.vocab.meetings import (
    AGENDA_ITEM_PURPOSE,
    APOLOGIES,
    ATTENDANCE,
    MINUTED,
    STANDING_ITEMS,
)
from lepcheck.vocab.people import PERSON_NAME_HEADING
from lepcheck.vocab.projects import AMOUNT_TABLE_HEADER, PROJECT_TABLE_HEADER
from lepcheck.vocab.registers import CATEGORY_EVIDENCE
from lepcheck.vocab.roles import ROLE_LINE

_TITLE, _LINK, _TOP, _HEADING, _URL = 4.0, 3.0, 2.0, 1.0, 1.0
_MIN_SCORE = 2.0
_TOP_CHARS = 600
_TOP_LINES = 8
_TOP_LINE_WORDS = 10
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:]\s+|:\s+|\s*\|\s*")

_I = re.IGNORECASE


@dataclass
class _Tally:
    scores: defaultdict[DocumentKind, float]
    reasons: defaultdict[DocumentKind, list[str]]

    def add(self, kind: DocumentKind, points: float, reason: str) -> None:
        self.scores[kind] += points
        self.reasons[kind].append(reason)


def _match_names(tally: _Tally, texts: Iterable[str], points: float, where: str) -> None:
    """Points for each kind named in any of `texts` (matched one by one, so that a pattern
    anchored at both ends, such as a bare "Board", must be the whole segment)."""
    matched: dict[DocumentKind, str] = {}
    for text in texts:
        for kind, pattern in KIND_NAMES.items():
            match = pattern.search(text) if kind not in matched else None
            if match:
                matched[kind] = match.group(0).lower()
    for kind, words in matched.items():
        tally.add(kind, points, f"{where} mentions '{words}'")


def _segments(title: str) -> list[str]:
    """A title's parts: "Board | Acme LEP" and "Governance - Board" are two names each."""
    return [part.strip() for part in _TITLE_SEPARATORS.split(title) if part.strip()]


def _top_lines(doc: Document) -> list[str]:
    """The title block: the short lines before the first line of prose, where a document
    prints its own name. Lines that are link texts are menus, not names, and are skipped."""
    link_texts = {link.text for link in doc.links}
    found: list[str] = []
    for line in doc.text[:_TOP_CHARS].split("\n")[:_TOP_LINES]:
        if len(line.split()) > _TOP_LINE_WORDS:
            break
        if line.strip() and line not in link_texts:
            found.append(CROSS_MENTIONS.sub(" ", line))
    return found


def _url_words(url: str) -> str:
    path = unquote(urlsplit(url).path).lower()
    return re.sub(r"[/_\-.+]+", " ", path)


def _register_evidence(tally: _Tally, text: str) -> None:
    found = sum(1 for pattern in CATEGORY_EVIDENCE.values() if pattern.search(text))
    if found >= 4:
        tally.add(
            "register_of_interests",
            min(0.5 * found, 3.0),
            f"body has {found} of 8 register categories",
        )


def _meeting_evidence(tally: _Tally, text: str) -> None:
    attendance = bool(ATTENDANCE.search(text))
    minuted = len(MINUTED.findall(text))
    if attendance and (minuted or APOLOGIES.search(text)):
        tally.add("minutes", 2.0 + min(minuted, 4) * 0.25, "body records who was present")
    elif minuted >= 2:
        tally.add("minutes", 1.5, f"body records {minuted} decisions or notings")
    if attendance or minuted >= 2:
        return
    agenda_items = len(AGENDA_ITEM_PURPOSE.findall(text))
    if agenda_items >= 2:
        tally.add("agenda", min(1.0 + 0.25 * agenda_items, 3.0),
                  f"body lists {agenda_items} items for decision or information")  # fmt: skip
    standing = sum(1 for pattern in STANDING_ITEMS.values() if pattern.search(text))
    if standing >= 3:
        tally.add("agenda", 0.75 * standing, f"body lists {standing} standing agenda items")


def _board_evidence(tally: _Tally, doc: Document) -> None:
    role_lines = sum(
        1 for line in doc.text.splitlines() if len(line) <= 80 and ROLE_LINE.match(line)
    )
    people = sum(1 for section in doc.sections if PERSON_NAME_HEADING.match(section.heading))
    people += sum(
        1
        for table in doc.tables
        if any(PEOPLE_TABLE_NAME.search(h) for h in table.header)
        and any(PEOPLE_TABLE_FACT.search(h) for h in table.header)
        for _ in table.rows
    )
    if people >= 4 and role_lines >= 3:
        tally.add(
            "board_page",
            min(1.5 + 0.2 * people, 3.5),
            f"body lists {people} people with roles ({role_lines} role lines)",
        )


def _policy_evidence(tally: _Tally, text: str) -> None:
    lowered = text.lower()
    nolan = sum(1 for word in NOLAN_PRINCIPLES if word in lowered)
    if nolan >= 5:
        tally.add("code_of_conduct", 1.5, f"body names {nolan} of 7 Nolan principles")
    conflicts = sum(lowered.count(phrase) for phrase in CONFLICT_PHRASES)
    if conflicts >= 4:
        tally.add("coi_policy", 1.0, f"body mentions conflicts of interest {conflicts} times")
    framework = sum(1 for pattern in FRAMEWORK_TOPICS.values() if pattern.search(text))
    if framework >= 3:
        tally.add("assurance_framework", 1.0, f"body covers {framework} of 4 framework topics")
    if ACCOUNTS_BODY.search(text):
        tally.add("accounts", 2.0, "body has a balance sheet or auditor's report")


def _table_evidence(tally: _Tally, doc: Document) -> None:
    for table in doc.tables:
        header = " | ".join(table.header)
        if (
            PROJECT_TABLE_HEADER.search(header)
            and AMOUNT_TABLE_HEADER.search(header)
            and table.rows
        ):
            tally.add(
                "funded_projects",
                3.0,
                f"table of {len(table.rows)} rows with project and amount columns",
            )
            return


def _hub_evidence(tally: _Tally, doc: Document) -> None:
    governance_links = {link.url for link in doc.links if GOVERNANCE_LINK.search(link.text)}
    if doc.format == "html" and len(governance_links) >= 6 and len(doc.text) < 4_000:
        tally.add(
            "governance_page",
            min(1.0 + 0.25 * len(governance_links), 3.5),
            f"hub page: {len(governance_links)} links to governance documents, little own text",
        )


def _policy_title_penalty(tally: _Tally, title_texts: Iterable[str]) -> None:
    # "Register of Interests Policy" or "Minutes publication procedure" is a policy,
    # not a register or minutes.
    if any(POLICY_TITLE.search(t) for t in title_texts):
        for kind in ("register_of_interests", "minutes", "agenda", "board_page"):
            if tally.scores.get(kind):
                tally.add(kind, -2.0, "title names a policy or procedure, not the record itself")


def _recruitment_penalty(tally: _Tally, names: Iterable[str]) -> None:
    # "Board recruitment" or "/board-recruitment/" recruits members; it does not list them,
    # whatever the links to it say ("Join our Board").
    if tally.scores.get("board_page") and any(RECRUITMENT_NAME.search(t) for t in names):
        tally.add("board_page", -4.0, "its name speaks of recruitment, not the board's members")


def _confidence(top: float, second: float) -> float:
    strength = min(top / 8.0, 1.0)
    margin = (top - max(second, 0.0)) / top
    return round(strength * (0.5 + 0.5 * margin), 2)


def classify_document(doc: Document) -> Document:
    """A copy of `doc` with kind, kind_confidence (0..1) and kind_reasons filled in."""
    if doc.soft_error:
        # Its link text names the document it failed to be: that names no kind of it.
        reason = doc.unreadable_reason or "not the document"
        return doc.model_copy(
            update={"kind": "other", "kind_confidence": 0.0, "kind_reasons": (reason,)}
        )
    settled = declared_kind(doc)
    if settled is not None:
        kind, reason = settled
        return doc.model_copy(
            update={"kind": kind, "kind_confidence": 0.9, "kind_reasons": (reason,)}
        )
    tally = _Tally(scores=defaultdict(float), reasons=defaultdict(list))
    _match_names(tally, _segments(doc.title), _TITLE, "title")
    _match_names(
        tally, [part for text in doc.link_texts for part in _segments(text)], _LINK, "link text"
    )
    text = doc.text
    _match_names(tally, _top_lines(doc), _TOP, "top of text")
    headings = [CROSS_MENTIONS.sub(" ", heading) for heading in doc.headings[:40]]
    _match_names(tally, headings, _HEADING, "headings")
    _match_names(tally, [_url_words(doc.final_url or doc.url)], _URL, "URL path")
    if text:
        _register_evidence(tally, text)
        _meeting_evidence(tally, text)
        _policy_evidence(tally, text)
        _board_evidence(tally, doc)
    _table_evidence(tally, doc)
    _hub_evidence(tally, doc)
    _policy_title_penalty(tally, (doc.title, *doc.link_texts))
    _recruitment_penalty(tally, (doc.title, _url_words(doc.final_url or doc.url)))
    ranked = sorted(tally.scores.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] < _MIN_SCORE:
        best = f" (best guess {ranked[0][0]}, {ranked[0][1]:.1f} points)" if ranked else ""
        return doc.model_copy(
            update={
                "kind": "other",
                "kind_confidence": 0.0 if not ranked else 0.2,
                "kind_reasons": (f"no kind scored enough{best}",),
            }
        )
    kind, score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    reasons = tuple(tally.reasons[kind][:8])
    if len(ranked) > 1:
        reasons += (f"runner-up {ranked[1][0]} ({second:.1f} vs {score:.1f} points)",)
    return doc.model_copy(
        update={
            "kind": kind,
            "kind_confidence": _confidence(score, second),
            "kind_reasons": reasons,
        }
    )
