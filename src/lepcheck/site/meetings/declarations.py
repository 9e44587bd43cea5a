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
from lepcheck.site.meetings.declaration_sentences import (
    action_of,
    declaration_of,
    declarations_in,
    people_in,
    sentences_of,
)
from lepcheck.site.names import looks_like_person_name
from lepcheck.site.source import cite, collapse, line_locator, section_locator
from lepcheck.vocab.declarations import (
    ABOUT_THE_ITEM,
    BARE_ITEM_NUMBER,
    DECLARATION_TABLE_HEADER,
    DECLARATIONS_HEADING,
    DECLARED_INTEREST,
    DECLARER_HEADER,
    DECLARES,
    INTEREST_HEADER,
    ITEM_LINE,
    ITEM_NUMBER_START,
    NEXT_ITEM_HEADING,
    NONE_DECLARED,
    NUMBERED_ITEM,
)
from lepcheck.vocab.people import PRONOUN_START

_MAX_BODY_LINES = 40
# What may stand before an item's title: "3 ", "1.2. ", "Item 2: ".
_ITEM_NUMBER_ONLY = re.compile(r"^\s*(?:(?:item\s+)?\d{1,2}(?:\.\d{1,2})*[.):]?\s+)?", re.I)


def _find_section(doc: Document) -> tuple[str, str, str] | None:
    """(heading, body, locator) of the declarations item, from sections or page text.

    Minutes often repeat the agenda at the top, so the first "Declarations of Interest" can
    be a line of that list: the first heading with something under it is the record. A
    committee system may show the agenda's standing words under it ("The Chair to invite
    members to declare ...") and the minute below ("2.1 There were no declarations"): the
    first whose body records a declaration or "none" is the record, if any does.
    """
    found = [entry for entry in _declaration_headings(doc) if entry[1].strip()]
    for heading, body, locator in found:
        if NONE_DECLARED.search(body) or declarations_in(body, doc, locator, None):
            return heading, body, locator
    if found:
        return found[0]
    return next(_declaration_headings(doc), None)


def _declaration_headings(doc: Document) -> Iterator[tuple[str, str, str]]:
    for section in doc.sections:
        if DECLARATIONS_HEADING.search(section.heading) and len(section.heading) <= 150:
            locator = section_locator(section.heading, section.page)
            heading, inline = _split_inline(section.heading.strip())
            # A numbered minute taken for a heading ("2.1 There were no declarations of
            # interests.") is the record itself; what follows it is the next item.
            sentence = heading == section.heading.strip() and bool(inline)
            yield section.heading, inline if sentence else section.text, locator
    for page in doc.pages:
        lines = page.text.splitlines()
        for index, line in enumerate(lines):
            stripped = line.strip()
            if not stripped or len(stripped) > 150 or not DECLARATIONS_HEADING.search(stripped):
                continue
            if not _is_heading_line(stripped):
                continue
            heading, inline = _split_inline(stripped)
            # A numbered minute that is the record itself is its own body.
            sentence = heading == stripped and bool(inline)
            body = inline if sentence else _body_after(heading, inline, lines[index + 1 :])
            yield heading, body, f"page {page.number}, line '{collapse(heading)[:80]}'"


def _is_heading_line(line: str) -> bool:
    """A heading line, not a sentence that mentions interests ('Members declared interests...')."""
    head = line.split(":", 1)[0]
    if NUMBERED_ITEM.match(line) or ITEM_NUMBER_START.match(line):
        return True
    words = head.split()
    return len(words) <= 10 and not head.rstrip().endswith(".") and head[:1].isupper()


def _split_inline(line: str) -> tuple[str, str]:
    """'Declarations of Interest: None' -> heading and inline body; 'Item 2: Declarations...'
    keeps its number with the heading. Converted minutes run the heading into its record with
    no colon: "3 Conflicts of Interest None declared", "2 DECLARATIONS OF INTEREST No new
    declarations of interest were made"; and a numbered minute may be the record itself: "1.2
    No declarations of interest were made, apart from James Weld who ..."."""
    for match in re.finditer(r"[:–—]|\s-\s", line):
        if DECLARATIONS_HEADING.search(line[: match.start()]):
            return line[: match.start()].strip(), line[match.end() :].strip()
    heading = DECLARATIONS_HEADING.search(line)
    rest = line[heading.end() :].strip() if heading else ""
    if heading is None or not rest:
        return line, ""
    if _ITEM_NUMBER_ONLY.fullmatch(line[: heading.start()]):
        return line[: heading.end()].strip(), rest
    return line, _ITEM_NUMBER_ONLY.sub("", line, count=1)


def _body_after(heading_line: str, inline: str, following: list[str]) -> str:
    number = NUMBERED_ITEM.match(heading_line)
    major = number.group("major") if number else None
    body: list[str] = [inline] if inline.strip() else []
    for line in following[:_MAX_BODY_LINES]:
        stripped = line.strip()
        if BARE_ITEM_NUMBER.match(stripped):
            break  # "5." alone: a committee system's next item
        next_number = NUMBERED_ITEM.match(stripped)
        if (
            next_number
            and next_number.group("minor") is None
            and (major is None or next_number.group("major") != major)
            and not _declares_on_item(stripped)
        ):
            break
        if (
            NEXT_ITEM_HEADING.match(stripped)
            and not DECLARATIONS_HEADING.search(stripped)
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
    return bool(ITEM_LINE.match(line)) and bool(people_in(line) and DECLARES.search(line))


def _bare_heading(line: str) -> bool:
    """'Growth Fund Update': a short title line, neither a sentence nor a person's name."""
    words = line.split()
    return (
        1 <= len(words) <= 6
        and line[:1].isupper()
        and not re.search(r"[.;:,]$", line)
        and not looks_like_person_name(line)
        and not NONE_DECLARED.search(line)
        and not DECLARES.search(line)
    )


def _table_declarations(doc: Document, meeting_date: date | None) -> list[Declaration]:
    """Minutes that tabulate declarations: Name | Item | Interest | Action."""
    found: list[Declaration] = []
    for table in doc.tables:
        header = [h.lower() for h in table.header]
        if not any(DECLARATION_TABLE_HEADER.search(h) for h in header):
            continue
        name_at = next((i for i, h in enumerate(header) if DECLARER_HEADER.search(h)), None)
        if name_at is None:
            continue
        for row in table.rows:
            cells = dict(zip(header, row, strict=False))
            member = row[name_at].strip() if name_at < len(row) else ""
            if not member:
                continue
            joined = " | ".join(row)
            item = next((v for k, v in cells.items() if "item" in k), "")
            nature = next((v for k, v in cells.items() if INTEREST_HEADER.search(k)), "")
            locator = f"table row '{collapse(member)}'"
            what = (item, nature, action_of(joined))
            found.append(declaration_of(doc, meeting_date, member, what, locator, joined))
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
    declarations = declarations_in(body, doc, locator, meeting_date)
    if declarations:
        return _actions_minuted_elsewhere(declarations, doc, body)
    if NONE_DECLARED.search(body):
        quote = next((s for s in sentences_of(body) if NONE_DECLARED.search(s)), collapse(body))
        return [_marker(doc, meeting_date, "none_declared", locator, f"{heading}: {quote}")]
    return [_marker(doc, meeting_date, "nothing_recorded", locator, heading)]


def _actions_minuted_elsewhere(
    declarations: list[Declaration], doc: Document, body: str
) -> list[Declaration]:
    """Minutes often record the action where it happened, under the item itself: "Having
    declared an interest, Jane Doe left the meeting for this item." A declaration with no action
    under the declarations item takes the action such a sentence gives for the same member."""
    if not any(d.action == "no_action_stated" and d.member for d in declarations):
        return declarations
    own = set(sentences_of(body))
    elsewhere = [s for s in sentences_of(doc.text) if s and s not in own]
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
                    and (ABOUT_THE_ITEM.search(s) or (item and item.lower() in s.lower()))
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


def _declared_in_items(doc: Document, meeting_date: date | None) -> list[Declaration]:
    found: list[Declaration] = []
    sentences = sentences_of(doc.text)
    lines = [collapse(line) for line in doc.text.splitlines()]
    for index, sentence in enumerate(sentences):
        if DECLARED_INTEREST.search(sentence):
            # "She left the room for that item." right after completes the declaration.
            following = sentences[index + 1] if index + 1 < len(sentences) else ""
            text = f"{sentence}\n{following}" if PRONOUN_START.match(following) else sentence
            declared = declarations_in(text, doc, line_locator(doc, sentence), meeting_date)
            item = _item_above(lines, sentence) if any(not d.item for d in declared) else ""
            found.extend(d if d.item else d.model_copy(update={"item": item}) for d in declared)
    return found


def _item_above(lines: list[str], sentence: str) -> str:
    """The item a declaration made within it concerns, when the sentence names none: the
    nearest item title above it, "2. Membership of the Board" or a committee system's "2." with
    its title on the next line."""
    at = next((i for i, line in enumerate(lines) if sentence[:60] in line), None)
    if at is None:
        return ""
    for index in range(at - 1, -1, -1):
        line = lines[index]
        if BARE_ITEM_NUMBER.match(line):
            title = next((t for t in lines[index + 1 : at] if t), "")
            return f"{line.strip()} {title}" if title else ""
        numbered = NUMBERED_ITEM.match(line)
        if numbered and numbered.group("minor") is None and len(line) <= 120:
            return line
    return ""


def _marker(
    doc: Document, meeting_date: date | None, action: DeclarationAction, locator: str, quote: str
) -> Declaration:
    return Declaration(
        meeting_url=doc.url,
        meeting_date=meeting_date,
        action=action,
        source=cite(doc, locator, quote),
    )
