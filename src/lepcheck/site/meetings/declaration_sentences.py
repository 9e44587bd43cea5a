"""Reading one sentence of a declarations item: who declared, on which item, what interest,
and the action taken (left the room, took no part), as Ney 9.1 asks minutes to record.

Minutes write declarations as prose ("Cllr Smith declared an interest in item 4 as a director
of Doe Ltd and left the room"), as list entries ("Owen Garside - Item 5: abstained"), by role
("The Chair declared ...") or passively ("Interests were declared by ...").
"""

from __future__ import annotations

import re
from datetime import date

from lepcheck.models import Declaration, DeclarationAction, Document
from lepcheck.site.names import looks_like_person_name, strip_titles_and_honours
from lepcheck.site.source import cite, collapse
from lepcheck.vocab.declarations import (
    APOLOGIES_SENTENCE,
    DECLARED_BY,
    DECLARER_VERB,
    DECLARES,
    DECLARING_VERB,
    ITEM_NAMED,
    ITEM_NUMBER,
    LEFT_NOT_THE_ROOM,
    LEFT_ROOM,
    LIST_ENTRY,
    NATURE,
    TOOK_NO_PART,
)
from lepcheck.vocab.people import PERSON, PRONOUN_START, TITLED
from lepcheck.vocab.roles import ROLE_IN_BRACKETS, ROLE_SUBJECT, VICE_OR_DEPUTY

_WRAPPED = 60  # PDF text breaks long sentences into lines of about 80-100 characters
_ENDED = re.compile(r"[.;:!?]$")
# "… in Item 4 – Business Case\n– as Cabinet Member …": a wrapped line may begin with the dash
# that closes an aside; an en or em dash after a wrapped line is no list bullet.
_DASH_ASIDE = re.compile(r"^[–—]\s+[a-z]")


def _unwrap(body: str) -> str:
    """Join the lines a PDF broke a sentence into; keep list items on their own lines."""
    lines: list[str] = []
    for line in body.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        wrapped = bool(lines) and len(lines[-1]) >= _WRAPPED and not _ENDED.search(lines[-1])
        if (
            lines
            and not re.match(r"^(?:[•*\-–]|\d{1,2}(?:\.\d{1,2})*[.)]?\s)", stripped)
            and (stripped[0].islower() or wrapped)
        ) or (wrapped and _DASH_ASIDE.match(stripped)):
            lines[-1] = f"{lines[-1]} {stripped}"
        else:
            lines.append(stripped)
    return "\n".join(lines)


def sentences_of(body: str) -> list[str]:
    text = _unwrap(body)
    # Not after an initial or a title: "J. Doe declared", "Dr. Lee withdrew".
    parts = re.split(
        r"(?<=[.;])(?<!\b[A-Z]\.)(?<!Dr\.)(?<!Mr\.)(?<!Ms\.)(?<!Mrs\.)(?<!Prof\.)(?<!Cllr\.)"
        r"\s+(?=[A-Z])|\n",
        text,
    )
    return [collapse(re.sub(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[•\-*])\s*", "", p)) for p in parts]


def people_in(sentence: str) -> list[str]:
    return [
        match.group(0).strip()
        for match in PERSON.finditer(sentence)
        if looks_like_person_name(match.group(0)) or TITLED.match(match.group(0))
    ]


def _member_in(sentence: str) -> str:
    people = people_in(sentence)
    return people[0] if people else ""


def _declarers(sentence: str) -> list[str]:
    """ "Cllr Smith and Cllr Jones declared interests ...": everyone named before the verb."""
    passive = DECLARED_BY.search(sentence)
    if passive is not None:
        # "Interests were declared by Cllr Evans (item 4) and Mr Patel (item 6)"
        after = people_in(sentence[passive.end() :])
        if after:
            return after
    verb = DECLARER_VERB.search(sentence)
    if verb is None:
        return [_member_in(sentence)] if _member_in(sentence) else []
    before = people_in(sentence[: verb.start()])
    return before or ([_member_in(sentence)] if _member_in(sentence) else [])


def action_of(text: str) -> DeclarationAction:
    # Leaving the room is the stronger action: "did not take part and left the room" is left_room.
    if LEFT_ROOM.search(text) and not LEFT_NOT_THE_ROOM.search(text):
        return "left_room"
    if TOOK_NO_PART.search(text):
        return "took_no_part"
    return "no_action_stated"


def _item_of(sentence: str) -> str:
    numbered = ITEM_NUMBER.search(sentence)
    if numbered:
        return f"item {numbered.group('item')}"
    named = ITEM_NAMED.search(sentence)
    return collapse(named.group("item")) if named else ""


def _nature_of(sentence: str) -> str:
    found = NATURE.search(sentence)
    return collapse(found.group("nature")).rstrip(" ,;:") if found else ""


def declarations_in(
    body: str, doc: Document, locator: str, meeting_date: date | None
) -> list[Declaration]:
    found: list[Declaration] = []
    for sentence in sentences_of(body):
        if not sentence:
            continue
        role = ROLE_SUBJECT.match(sentence)
        if role and DECLARING_VERB.search(sentence):
            # "The Chair declared an interest ... and left the room": a declaration by whoever
            # held that role at the meeting, not a sequel to the sentence before.
            holder = role_holder(doc.text, role.group("role")) or _role_label(role.group("role"))
            what = (_item_of(sentence), _nature_of(sentence), action_of(sentence))
            found.append(declaration_of(doc, meeting_date, holder, what, locator, sentence))
            continue
        member = _member_in(sentence)
        if found and not member and PRONOUN_START.match(sentence):
            previous = found[-1]
            # "She left the room for that item." completes the declaration before it.
            if previous.action == "no_action_stated" and action_of(sentence) != "no_action_stated":
                source = cite(doc, locator, f"{previous.source.quote} {sentence}")
                found[-1] = previous.model_copy(
                    update={"action": action_of(sentence), "source": source}
                )
            continue
        listed = _listed_people(sentence)
        if not member or not (DECLARES.search(sentence) or listed):
            continue
        if APOLOGIES_SENTENCE.match(sentence):
            continue
        what = (_item_of(sentence), _nature_of(sentence), action_of(sentence))
        for declarer in listed or _declarers(sentence):
            found.append(declaration_of(doc, meeting_date, declarer, what, locator, sentence))
    return found


def _listed_people(sentence: str) -> list[str]:
    """A list entry under the declarations item that names no interest in words: "Owen Garside
    – Item 5: his company holds a contract; abstained", "Cllr Doyle and Cllr Penhale – Item 7;
    did not vote". It opens with the members, a dash or colon, and names an item or an action:
    what else would the minute list there? The members, else []."""
    entry = LIST_ENTRY.match(sentence)
    if entry is None:
        return []
    rest = entry.group("rest")
    if not ITEM_NUMBER.search(rest) and action_of(rest) == "no_action_stated":
        return []
    people: list[str] = []
    for part in re.split(r",\s*|\s+(?:and|&)\s+", entry.group("who").strip()):
        found = people_in(part)
        if len(found) != 1 or found[0] != part.strip():
            return []
        people.append(found[0])
    return people


def _role_label(role: str) -> str:
    """ "vice-chair" -> "Vice Chair", "Chairman" -> "Chair": the role as a member placeholder."""
    return "Vice Chair" if VICE_OR_DEPUTY.match(role) else "Chair"


def role_holder(text: str, role: str) -> str | None:
    """Who the minutes say held a role: "Present: Jane Doe (Chair), John Roe (Vice-Chair)"."""
    wanted = _role_label(role)
    for match in PERSON.finditer(text):
        bracket = ROLE_IN_BRACKETS.match(text, match.end())
        if bracket and _role_label(bracket.group("role")) == wanted:
            name = match.group(0).strip()
            if looks_like_person_name(name) or TITLED.match(name):
                return name
    return None


def declaration_of(
    doc: Document,
    meeting_date: date | None,
    member: str,
    what: tuple[str, str, DeclarationAction],
    locator: str,
    quote: str,
) -> Declaration:
    item, nature, action = what
    return Declaration(
        meeting_url=doc.url,
        meeting_date=meeting_date,
        member=strip_titles_and_honours(member) or member,
        item=collapse(item),
        nature=collapse(nature),
        action=action,
        source=cite(doc, locator, quote),
    )
