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
    DECLARES,
    action_of,
    declaration_of,
    declarations_in,
    people_in,
    sentences_of,
)
from lepcheck.site.names import looks_like_person_name
from lepcheck.site.source import cite, collapse, line_locator, section_locator
from lepcheck.vocab.people import PRONOUN_START

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
        people_in(line) and DECLARES.search(line)
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
        and not DECLARES.search(line)
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
    if _NONE.search(body):
        quote = next((s for s in sentences_of(body) if _NONE.search(s)), collapse(body))
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
    sentences = sentences_of(doc.text)
    for index, sentence in enumerate(sentences):
        if _DECLARED.search(sentence):
            # "She left the room for that item." right after completes the declaration.
            following = sentences[index + 1] if index + 1 < len(sentences) else ""
            text = f"{sentence}\n{following}" if PRONOUN_START.match(following) else sentence
            found.extend(declarations_in(text, doc, line_locator(doc, sentence), meeting_date))
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
