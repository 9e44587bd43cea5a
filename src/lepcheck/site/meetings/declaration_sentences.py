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

_LEFT = re.compile(
    r"\bleft\s+(?:the\s+)?(?:meeting|room|call|chamber)|\bwithdr[ea]w|\bdid\s+not\s+remain|"
    r"\bleave\s+the\s+(?:meeting|room|call)|\bstepped\s+out|absented?\s+(?:him|her|them)sel|"
    r"\bexcused\s+(?:him|her|them)sel|\bleft\s+for\s+(?:this|that|the)\s+item|"
    r"\bmoved\s+to\s+(?:a\s+)?(?:waiting|breakout)\s+room|\bleft\s*(?:[.;]|$)",
    re.IGNORECASE,
)
_NO_PART = re.compile(
    r"\btook\s+no\s+part|\bdid\s+not\s+(?:vote|participate|take\s+part|partake|speak)|"
    r"\babstain(?:ed)?|\bnot\s+(?:to\s+)?(?:take\s+part|participate|vote)|\bno\s+part\s+in|"
    r"\btaking\s+no\s+part|\bwould\s+not\s+(?:vote|participate|take\s+part)",
    re.IGNORECASE,
)
DECLARES = re.compile(
    r"declar|conflict|disclos|\b(?:an?|his|her|their|pecuniary|personal|prejudicial|"
    r"non-pecuniary|registerable|disclosable|other|same|this)\s+interests?\b|director\s+of|"
    r"employ|trustee|member\s+of|shareholder|partner\s+in|works?\s+for",
    re.IGNORECASE,
)
_ITEM = re.compile(r"\b(?:agenda\s+)?items?\s+(?P<item>\d{1,2}(?:\.\d{1,2})?[a-z]?)", re.I)
_ITEM_NAMED = re.compile(
    r"\b(?:in relation to|regarding|relating to|on|in)\s+(?:the\s+)?"
    r"(?P<item>[A-Z][\w&' ]{2,60}?)(?=\s+(?:as|because|due|being|item)\b|[,.;(]|$)"
)
_NATURE = re.compile(
    r"\b(?:as\s+(?:(?:she|he|they)\s+(?:is|was|are|were)\s+)?|because\s+(?:of\s+)?|due\s+to\s+|"
    r"being\s+|by\s+virtue\s+of\s+|in\s+(?:her|his|their)\s+(?:role|capacity)\s+as\s+)"
    r"(?P<nature>[^.;]{3,160}?)(?=\s+and\s+(?:left|withdrew|took|did|abstained|was)|[.;]|$)",
    re.IGNORECASE,
)
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"  # capitals of English and the Latin alphabets names arrive in
_WORD = rf"[{_UPPER}][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*"
_TITLE_WORDS = r"(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame)"
PERSON = re.compile(
    rf"(?:{_TITLE_WORDS}\.?[ \t]+)?{_WORD}(?:[ \t]+[{_UPPER}]\.?)*"
    rf"(?:[ \t]+(?:{_WORD}|van|de|der)\b)+"
    rf"|{_TITLE_WORDS}\.?[ \t]+{_WORD}"
    rf"|[{_UPPER}]\.(?:[ \t]*[{_UPPER}]\.)*[ \t]+{_WORD}"
)
TITLED = re.compile(r"^(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame)\b")
PRONOUN_START = re.compile(r"^\s*(?:she|he|they|the\s+member|the\s+chair)\b", re.IGNORECASE)


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
    passive = re.search(r"\b(?:declared|disclosed)\s+by\b", sentence)
    if passive is not None:
        # "Interests were declared by Cllr Evans (item 4) and Mr Patel (item 6)"
        after = people_in(sentence[passive.end() :])
        if after:
            return after
    verb = re.search(r"\b(?:declared|declare[sd]?|disclosed|noted\s+(?:an?|their)\s+)", sentence)
    if verb is None:
        return [_member_in(sentence)] if _member_in(sentence) else []
    before = people_in(sentence[: verb.start()])
    return before or ([_member_in(sentence)] if _member_in(sentence) else [])


def action_of(text: str) -> DeclarationAction:
    # Leaving the room is the stronger action: "did not take part and left the room" is left_room.
    if _LEFT.search(text) and not re.search(r"\bleft\s+(?:to|it)\b", text, re.IGNORECASE):
        return "left_room"
    if _NO_PART.search(text):
        return "took_no_part"
    return "no_action_stated"


def _item_of(sentence: str) -> str:
    numbered = _ITEM.search(sentence)
    if numbered:
        return f"item {numbered.group('item')}"
    named = _ITEM_NAMED.search(sentence)
    return collapse(named.group("item")) if named else ""


def _nature_of(sentence: str) -> str:
    found = _NATURE.search(sentence)
    return collapse(found.group("nature")).rstrip(" ,;:") if found else ""


def declarations_in(
    body: str, doc: Document, locator: str, meeting_date: date | None
) -> list[Declaration]:
    found: list[Declaration] = []
    for sentence in sentences_of(body):
        if not sentence:
            continue
        role = _ROLE_SUBJECT.match(sentence)
        if role and _DECLARING_VERB.search(sentence):
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
        if re.match(r"^\s*apologies\b", sentence, re.IGNORECASE):
            continue
        what = (_item_of(sentence), _nature_of(sentence), action_of(sentence))
        for declarer in listed or _declarers(sentence):
            found.append(declaration_of(doc, meeting_date, declarer, what, locator, sentence))
    return found


_LIST_ENTRY = re.compile(
    r"^(?P<who>[^–—:()]{3,120}?)\s*(?P<rest>(?:\([^)]{1,80}\)\s*)?(?:[–—:]|\s-\s).*)$"
)


def _listed_people(sentence: str) -> list[str]:
    """A list entry under the declarations item that names no interest in words: "Owen Garside
    – Item 5: his company holds a contract; abstained", "Cllr Doyle and Cllr Penhale – Item 7;
    did not vote". It opens with the members, a dash or colon, and names an item or an action:
    what else would the minute list there? The members, else []."""
    entry = _LIST_ENTRY.match(sentence)
    if entry is None:
        return []
    rest = entry.group("rest")
    if not _ITEM.search(rest) and action_of(rest) == "no_action_stated":
        return []
    people: list[str] = []
    for part in re.split(r",\s*|\s+(?:and|&)\s+", entry.group("who").strip()):
        found = people_in(part)
        if len(found) != 1 or found[0] != part.strip():
            return []
        people.append(found[0])
    return people


_ROLE_SUBJECT = re.compile(
    r"^\s*the\s+(?P<role>(?:(?:vice|deputy)[\s\-]*)?chair(?:man|woman|person)?)\b", re.I
)
_DECLARING_VERB = re.compile(r"\b(?:declared|disclosed|declares|discloses)\b", re.I)
_ROLE_IN_BRACKETS = re.compile(
    r"\s*\(\s*(?P<role>(?:(?:vice|deputy)[\s\-]*)?chair(?:man|woman|person)?)\s*\)", re.I
)


def _role_label(role: str) -> str:
    """ "vice-chair" -> "Vice Chair", "Chairman" -> "Chair": the role as a member placeholder."""
    return "Vice Chair" if re.match(r"(?:vice|deputy)", role, re.I) else "Chair"


def role_holder(text: str, role: str) -> str | None:
    """Who the minutes say held a role: "Present: Jane Doe (Chair), John Roe (Vice-Chair)"."""
    wanted = _role_label(role)
    for match in PERSON.finditer(text):
        bracket = _ROLE_IN_BRACKETS.match(text, match.end())
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
