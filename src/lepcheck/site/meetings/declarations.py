"""Declarations of interest recorded in minutes, with the action taken (Ney 6.1, 9.1; COI-07).

Ney 9.1 asks that minutes "record any declarations and the action taken e.g. to leave the
meeting and not take part". Minutes put the item under many headings ("Declarations of
Interest", "Apologies and Declarations of Interest", "Conflicts of Interest", numbered
"2. Declarations..."), as a real heading or as a line of text. Each declaration becomes one
entry; "none" written any way becomes one `none_declared` entry; a heading with nothing under
it, or no heading at all, becomes one `nothing_recorded` entry so a check can tell silence from
a clean record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from lepcheck.models import Declaration, DeclarationAction, Document
from lepcheck.site.names import looks_like_person_name, strip_titles_and_honours
from lepcheck.site.source import cite, collapse, line_locator, section_locator

HEADING = re.compile(
    r"declarations?\b[^.\n]{0,40}\binterests?|conflicts?\s+of\s+interests?|"
    r"disclosures?\s+of\s+(?:pecuniary\s+)?interests?|declarations?,\s+disclosures|"
    r"^\s*(?:\d{1,2}[.)]?\s+)?declarations?\s*$|interests?\s+declared|"
    # "Item 2. Members' interests", "3. Interests": the item's whole title
    r"^\s*(?:item\s+)?(?:\d{1,2}[.):]?\s+)?(?:(?:board\s+)?members['’]?\s+)?interests\s*$|"
    # "1. Apologies and declarations", "Welcome, apologies and declarations"
    r"^\s*(?:item\s+)?(?:\d{1,2}[.):]?\s+)?[A-Za-z][\w,' ]{0,40}\s(?:and|&)\s+declarations?\s*$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^\s*(?:item\s+)?(?P<major>\d{1,2})(?P<minor>\.\d{1,2})*[.):]?\s+\S", re.I)
# Headings that begin the next item when the minutes carry no numbers.
_NEXT_ITEM = re.compile(
    r"^\s*(?:minutes\s+of\s+(?:the\s+)?(?:last|previous)|matters\s+arising|chair'?s?\s+"
    r"(?:update|report|welcome)|any\s+other\s+business|date\s+of\s+(?:the\s+)?next|"
    r"welcome\s+and\s+introductions|action\s+log|exclusion\s+of|part\s+b\b|apologies\b)",
    re.IGNORECASE,
)
_NONE = re.compile(
    r"^\s*(?:none|nil|n/a|no(?:ne)?\.?)\s*(?:declared|received|made|noted|recorded)?\s*[.;]?\s*$|"
    r"\bno\s+(?:new\s+|further\s+|other\s+|additional\s+)?(?:declarations?|conflicts?|"
    r"interests?|disclosures?)\b|\bthere\s+(?:were|was)\s+(?:none|no\b)|"
    r"\bnone\s+(?:were\s+|was\s+)?(?:declared|received|made|noted|recorded)|"
    # "There were no apologies or declarations of interest."
    r"\bno\s+[a-z]+\s+(?:or|nor|and)\s+(?:declarations?|conflicts?|disclosures?)\b|"
    r"\bnil\s+(?:return|declarations?)|\bnothing\s+to\s+declare",
    re.IGNORECASE | re.MULTILINE,
)
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
_DECLARES = re.compile(
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
_PERSON = re.compile(
    rf"(?:{_TITLE_WORDS}\.?[ \t]+)?{_WORD}(?:[ \t]+[{_UPPER}]\.?)*"
    rf"(?:[ \t]+(?:{_WORD}|van|de|der)\b)+"
    rf"|{_TITLE_WORDS}\.?[ \t]+{_WORD}"
    rf"|[{_UPPER}]\.(?:[ \t]*[{_UPPER}]\.)*[ \t]+{_WORD}"
)
_TITLED = re.compile(r"^(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame)\b")
_PRONOUN_START = re.compile(r"^\s*(?:she|he|they|the\s+member|the\s+chair)\b", re.IGNORECASE)
_MAX_BODY_LINES = 40


def _find_section(doc: Document) -> tuple[str, str, str] | None:
    """(heading, body, locator) of the declarations item, from sections or page text.

    Minutes often repeat the agenda at the top, so the first "Declarations of Interest" can
    be a line of that list: the first heading with something under it is the record.
    """
    found = list(_declaration_headings(doc))
    for heading, body, locator in found:
        if body.strip():
            return heading, body, locator
    return found[0] if found else None


def _declaration_headings(doc: Document) -> Iterator[tuple[str, str, str]]:
    for section in doc.sections:
        if HEADING.search(section.heading) and len(section.heading) <= 150:
            yield section.heading, section.text, section_locator(section.heading, section.page)
    for page in doc.pages:
        lines = page.text.splitlines()
        for index, line in enumerate(lines):
            stripped = line.strip()
            if not stripped or len(stripped) > 150 or not HEADING.search(stripped):
                continue
            if not _is_heading_line(stripped):
                continue
            heading, inline = _split_inline(stripped)
            body = _body_after(heading, inline, lines[index + 1 :])
            yield heading, body, f"page {page.number}, line '{collapse(heading)[:80]}'"


def _is_heading_line(line: str) -> bool:
    """A heading line, not a sentence that mentions interests ('Members declared interests...')."""
    head = line.split(":", 1)[0]
    if _NUMBER.match(line) or re.match(r"^\s*(?:item\s+)?\d", line, re.I):
        return True
    words = head.split()
    return len(words) <= 10 and not head.rstrip().endswith(".") and head[:1].isupper()


def _split_inline(line: str) -> tuple[str, str]:
    """'Declarations of Interest: None' -> heading and inline body; 'Item 2: Declarations...'
    keeps its number with the heading."""
    for match in re.finditer(r"[:–—]|\s-\s", line):
        if HEADING.search(line[: match.start()]):
            return line[: match.start()].strip(), line[match.end() :].strip()
    return line, ""


def _body_after(heading_line: str, inline: str, following: list[str]) -> str:
    number = _NUMBER.match(heading_line)
    major = number.group("major") if number else None
    body: list[str] = [inline] if inline.strip() else []
    for line in following[:_MAX_BODY_LINES]:
        stripped = line.strip()
        next_number = _NUMBER.match(stripped)
        if (
            next_number
            and next_number.group("minor") is None
            and (major is None or next_number.group("major") != major)
            and not _declares_on_item(stripped)
        ):
            break
        if (
            _NEXT_ITEM.match(stripped)
            and not HEADING.search(stripped)
            and _is_heading_line(stripped)
            and len(stripped.split()) <= 8
        ):
            break
        if major is None and body and _bare_heading(stripped):
            break  # unnumbered minutes: the next item's title ends this one
        body.append(line)
    return "\n".join(body)


def _declares_on_item(line: str) -> bool:
    """ "Item 5 (Enterprise Zone): Cllr Jane Doe, non-pecuniary interest ...": a declaration
    listed by the item it concerns, not the next item of the minutes."""
    return bool(re.match(r"^\s*item\s+\d", line, re.I)) and bool(
        _people_in(line) and _DECLARES.search(line)
    )


def _bare_heading(line: str) -> bool:
    """'Growth Fund Update': a short title line, neither a sentence nor a person's name."""
    words = line.split()
    return (
        1 <= len(words) <= 6
        and line[:1].isupper()
        and not re.search(r"[.;:,]$", line)
        and not looks_like_person_name(line)
        and not _NONE.search(line)
        and not _DECLARES.search(line)
    )


_WRAPPED = 60  # PDF text breaks long sentences into lines of about 80-100 characters


def _unwrap(body: str) -> str:
    """Join the lines a PDF broke a sentence into; keep list items on their own lines."""
    lines: list[str] = []
    for line in body.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if (
            lines
            and not re.match(r"^(?:[•*\-–]|\d{1,2}(?:\.\d{1,2})*[.)]?\s)", stripped)
            and (
                stripped[0].islower()
                or (len(lines[-1]) >= _WRAPPED and not re.search(r"[.;:!?]$", lines[-1]))
            )
        ):
            lines[-1] = f"{lines[-1]} {stripped}"
        else:
            lines.append(stripped)
    return "\n".join(lines)


def _sentences(body: str) -> list[str]:
    text = _unwrap(body)
    # Not after an initial or a title: "J. Doe declared", "Dr. Lee withdrew".
    parts = re.split(
        r"(?<=[.;])(?<!\b[A-Z]\.)(?<!Dr\.)(?<!Mr\.)(?<!Ms\.)(?<!Mrs\.)(?<!Prof\.)(?<!Cllr\.)"
        r"\s+(?=[A-Z])|\n",
        text,
    )
    return [collapse(re.sub(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[•\-*])\s*", "", p)) for p in parts]


def _people_in(sentence: str) -> list[str]:
    return [
        match.group(0).strip()
        for match in _PERSON.finditer(sentence)
        if looks_like_person_name(match.group(0)) or _TITLED.match(match.group(0))
    ]


def _member_in(sentence: str) -> str:
    people = _people_in(sentence)
    return people[0] if people else ""


def _declarers(sentence: str) -> list[str]:
    """ "Cllr Smith and Cllr Jones declared interests ...": everyone named before the verb."""
    passive = re.search(r"\b(?:declared|disclosed)\s+by\b", sentence)
    if passive is not None:
        # "Interests were declared by Cllr Evans (item 4) and Mr Patel (item 6)"
        after = _people_in(sentence[passive.end() :])
        if after:
            return after
    verb = re.search(r"\b(?:declared|declare[sd]?|disclosed|noted\s+(?:an?|their)\s+)", sentence)
    if verb is None:
        return [_member_in(sentence)] if _member_in(sentence) else []
    before = _people_in(sentence[: verb.start()])
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


def _declarations_in(
    body: str, doc: Document, locator: str, meeting_date: date | None
) -> list[Declaration]:
    found: list[Declaration] = []
    for sentence in _sentences(body):
        if not sentence:
            continue
        role = _ROLE_SUBJECT.match(sentence)
        if role and _DECLARING_VERB.search(sentence):
            # "The Chair declared an interest ... and left the room": a declaration by whoever
            # held that role at the meeting, not a sequel to the sentence before.
            holder = role_holder(doc.text, role.group("role")) or _role_label(role.group("role"))
            what = (_item_of(sentence), _nature_of(sentence), action_of(sentence))
            found.append(_declaration(doc, meeting_date, holder, what, locator, sentence))
            continue
        member = _member_in(sentence)
        if found and not member and _PRONOUN_START.match(sentence):
            previous = found[-1]
            # "She left the room for that item." completes the declaration before it.
            if previous.action == "no_action_stated" and action_of(sentence) != "no_action_stated":
                source = cite(doc, locator, f"{previous.source.quote} {sentence}")
                found[-1] = previous.model_copy(
                    update={"action": action_of(sentence), "source": source}
                )
            continue
        listed = _listed_people(sentence)
        if not member or not (_DECLARES.search(sentence) or listed):
            continue
        if re.match(r"^\s*apologies\b", sentence, re.IGNORECASE):
            continue
        what = (_item_of(sentence), _nature_of(sentence), action_of(sentence))
        for declarer in listed or _declarers(sentence):
            found.append(_declaration(doc, meeting_date, declarer, what, locator, sentence))
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
        found = _people_in(part)
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
    for match in _PERSON.finditer(text):
        bracket = _ROLE_IN_BRACKETS.match(text, match.end())
        if bracket and _role_label(bracket.group("role")) == wanted:
            name = match.group(0).strip()
            if looks_like_person_name(name) or _TITLED.match(name):
                return name
    return None


def _declaration(
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


def _table_declarations(doc: Document, meeting_date: date | None) -> list[Declaration]:
    """Minutes that tabulate declarations: Name | Item | Interest | Action."""
    found: list[Declaration] = []
    for table in doc.tables:
        header = [h.lower() for h in table.header]
        if not any(re.search(r"interest|declar|conflict", h) for h in header):
            continue
        name_at = next((i for i, h in enumerate(header) if re.search(r"name|member", h)), None)
        if name_at is None:
            continue
        for row in table.rows:
            cells = dict(zip(header, row, strict=False))
            member = row[name_at].strip() if name_at < len(row) else ""
            if not member:
                continue
            joined = " | ".join(row)
            item = next((v for k, v in cells.items() if "item" in k), "")
            nature = next((v for k, v in cells.items() if re.search(r"interest|nature", k)), "")
            locator = f"table row '{collapse(member)}'"
            what = (item, nature, action_of(joined))
            found.append(_declaration(doc, meeting_date, member, what, locator, joined))
    return found


def read_declarations(doc: Document, meeting_date: date | None) -> list[Declaration]:
    """What the minutes record under their declarations item (see module docstring)."""
    tabled = _table_declarations(doc, meeting_date)
    if tabled:
        return tabled
    found = _find_section(doc)
    if found is None:
        # No declarations item, but minutes may still record one under the item it concerns.
        within_items = _declared_in_items(doc, meeting_date)
        return within_items or [_marker(doc, meeting_date, "nothing_recorded", "document", "")]
    heading, body, locator = found
    declarations = _declarations_in(body, doc, locator, meeting_date)
    if declarations:
        return _actions_minuted_elsewhere(declarations, doc, body)
    if _NONE.search(body):
        quote = next((s for s in _sentences(body) if _NONE.search(s)), collapse(body))
        return [_marker(doc, meeting_date, "none_declared", locator, f"{heading}: {quote}")]
    return [_marker(doc, meeting_date, "nothing_recorded", locator, heading)]


_ABOUT_THE_ITEM = re.compile(
    r"\binterest\b|\b(?:this|that|the)\s+item\b|\bthe\s+(?:discussion|decision|vote)\b", re.I
)


def _actions_minuted_elsewhere(
    declarations: list[Declaration], doc: Document, body: str
) -> list[Declaration]:
    """Minutes often record the action where it happened, under the item itself: "Having
    declared an interest, Jane Doe left the meeting for this item." A declaration with no action
    under the declarations item takes the action such a sentence gives for the same member."""
    if not any(d.action == "no_action_stated" and d.member for d in declarations):
        return declarations
    own = set(_sentences(body))
    elsewhere = [s for s in _sentences(doc.text) if s and s not in own]
    updated: list[Declaration] = []
    for declaration in declarations:
        if declaration.action == "no_action_stated" and declaration.member:
            surname = declaration.member.split()[-1]
            item = declaration.item
            hit = next(
                (
                    s
                    for s in elsewhere
                    if re.search(rf"\b{re.escape(surname)}\b", s)
                    and action_of(s) != "no_action_stated"
                    and (_ABOUT_THE_ITEM.search(s) or (item and item.lower() in s.lower()))
                ),
                None,
            )
            if hit is not None:
                source = cite(doc, line_locator(doc, hit), f"{declaration.source.quote} … {hit}")
                declaration = declaration.model_copy(
                    update={"action": action_of(hit), "source": source}
                )
        updated.append(declaration)
    return updated


_DECLARED = re.compile(
    r"\bdeclared\s+(?:an?\s+|their\s+|his\s+|her\s+)?(?:[\w\-]+\s+){0,3}interests?\b|"
    r"\bdeclared\s+(?:a\s+)?conflict",
    re.IGNORECASE,
)


def _declared_in_items(doc: Document, meeting_date: date | None) -> list[Declaration]:
    found: list[Declaration] = []
    sentences = _sentences(doc.text)
    for index, sentence in enumerate(sentences):
        if _DECLARED.search(sentence):
            # "She left the room for that item." right after completes the declaration.
            following = sentences[index + 1] if index + 1 < len(sentences) else ""
            text = f"{sentence}\n{following}" if _PRONOUN_START.match(following) else sentence
            found.extend(_declarations_in(text, doc, line_locator(doc, sentence), meeting_date))
    return found


def _marker(
    doc: Document, meeting_date: date | None, action: DeclarationAction, locator: str, quote: str
) -> Declaration:
    return Declaration(
        meeting_url=doc.url,
        meeting_date=meeting_date,
        action=action,
        source=cite(doc, locator, quote),
    )


# Attendance lines: "Present: A, B and C", "Apologies were received from A and B."
_ATTENDANCE = re.compile(
    r"^\s*(?:present|attendees|in\s+attendance|members\s+present|apologies)\b"
    r"(?:[^:\n]*?:|[^:\n]*?\bfrom\b)?(?P<names>[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)
# An untitled capitalised pair is a person only when it does what people do in minutes.
_PERSON_VERB = re.compile(
    r"[ \t]*(?:\([^)]*\)[ \t]*)?(?:declared|said|noted|welcomed|reported|asked|thanked|"
    r"presented|left|joined|confirmed|agreed|explained|updated|introduced|withdrew|"
    r"proposed|seconded|abstained|chaired|advised|highlighted|commented|took|did)\b"
)


def read_people(doc: Document) -> list[str]:
    """Person names a document mentions, in first-seen order (for `lepcheck inspect`): from
    attendance lines, titled names, and names that declare, say or do something."""
    people: list[str] = []
    seen: set[str] = set()

    def add(candidate: str) -> None:
        name = strip_titles_and_honours(candidate)
        if looks_like_person_name(name) and name.lower() not in seen:
            seen.add(name.lower())
            people.append(name)

    text = doc.text
    for match in _ATTENDANCE.finditer(text):
        names = match.group("names")
        if not names.strip():  # "Present" as a heading, the names on the next line
            names = text[match.end() :].lstrip("\n").split("\n", 1)[0]
        for part in re.split(r",|;|\band\b", names):
            add(re.sub(r"\([^)]*\)", "", part).strip(" .\t"))
    for match in _PERSON.finditer(text):
        name = match.group(0)
        if _TITLED.match(name) or _PERSON_VERB.match(text, match.end()):
            add(name)
    for table in doc.tables:
        for row in table.rows:
            for cell in row:
                if looks_like_person_name(cell):
                    add(cell)
    return people
