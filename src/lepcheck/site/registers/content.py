"""What a register of interests covers: the eight Ney 6.1 categories, household, signature, date.

Ney 6.1 (third bullet) lists the interests a register must address: employment,
directorships, significant shareholdings, land and property, related-party transactions,
memberships of organisations, gifts and hospitality, and sponsorships, including "significant
household member interests"; the first bullet asks that each member sign their register. Forms
word these many ways ("Paid employment, office, trade, profession or vocation", "Securities",
"Contracts"), so each category has synonyms. A category counts as covered when the form
addresses it, even if the member wrote "None" (ROI-05). `entry_from_text` reads all of this
from the text of one member's register.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from lepcheck.extract.dates import find_dates
from lepcheck.models import RegisterEntry, SourceRef
from lepcheck.site.names import best_match, display_name
from lepcheck.vocab.registers import (
    BLANK_SIGNATURE,
    CATEGORY_PATTERNS,
    DPI_ONLY_PATTERNS,
    HOUSEHOLD,
    NEXT_FIELD_LABEL,
    NOT_SIGNED,
    REGISTER_DATE_CUES,
    SIGNATURE_DATE_CUE,
    SIGNATURE_MARK,
    SIGNED_COPIES_HELD,
    SIGNED_LINE,
    WHOLE_REGISTER_DATE_CUE,
)


def categories_in(text: str) -> tuple[str, ...]:
    """The Ney 6.1 categories a form's headings or a register's text address, in catalogue order."""
    return tuple(c for c, pattern in CATEGORY_PATTERNS.items() if pattern.search(text))


def dpi_only_in(text: str) -> tuple[str, ...]:
    """The disclosable pecuniary interests Ney does not name that the text addresses (a
    council member's register; MINT-02)."""
    return tuple(c for c, pattern in DPI_ONLY_PATTERNS.items() if pattern.search(text))


def mentions_household(text: str) -> bool:
    return bool(HOUSEHOLD.search(text))


def _looks_signed(rest: str) -> bool:
    """The words after 'Signed:' on a form: a name or mark, not blanks or a date label."""
    rest = rest.strip()
    if not rest or BLANK_SIGNATURE.fullmatch(rest):
        return False
    if NEXT_FIELD_LABEL.match(rest):
        return False
    # "Signed declaration not yet received", "Signature: awaited", "Signed copy outstanding".
    if NOT_SIGNED.search(rest):
        return False
    return bool(SIGNATURE_MARK.search(rest))


def signed_copies_held(text: str) -> bool:
    """A statement that covers a whole combined register: 'signed copies are held on file'."""
    return bool(SIGNED_COPIES_HELD.search(text))


def signed_in(text: str) -> tuple[bool, str]:
    """(signed, the words that show it)."""
    held = SIGNED_COPIES_HELD.search(text)
    if held:
        return True, held.group(0)
    for match in SIGNED_LINE.finditer(text):
        rest = match.group("rest")
        if not rest.strip():
            # The signature may sit on the next line, as PDF text often puts it.
            following = text[match.end() :].lstrip("\n").split("\n", 1)[0]
            if following.strip() and not REGISTER_DATE_CUES.match(following.strip()):
                rest = following
        if _looks_signed(rest.split("  ")[0]):
            return True, match.group(0).strip()
    return False, ""


def cued_dates(text: str) -> list[tuple[date, str, str]]:
    """Dates preceded (within 60 characters) by a cue such as 'Date signed' or 'Last updated':
    (date, cue, quote)."""
    found: list[tuple[date, str, str]] = []
    cursor = 0
    for value, quote in find_dates(text):
        at = text.find(quote, cursor)
        if at < 0:
            continue
        before = text[max(0, at - 60) : at]
        cursor = at + len(quote)
        cues = list(REGISTER_DATE_CUES.finditer(before))
        if cues:
            found.append((value, cues[-1].group(0).lower(), before[cues[-1].start() :] + quote))
    return found


def signature_date(text: str) -> date | None:
    for value, cue, _quote in cued_dates(text):
        if SIGNATURE_DATE_CUE.search(cue):
            return value
    signed_line = SIGNED_LINE.search(text)
    if signed_line:
        # "Signed: J Smith   Date: 3 May 2023" or a date on the lines just after the signature.
        after = text[signed_line.start() : signed_line.start() + 200]
        dates = find_dates(after)
        if dates:
            return dates[0][0]
    return None


def register_date(text: str) -> tuple[date | None, str]:
    """The date a register was made or last updated (ROI-08): the latest cued date it prints."""
    cued = cued_dates(text)
    if not cued:
        return None, ""
    value, _cue, quote = max(cued, key=lambda item: item[0])
    return value, quote


def document_updated(text: str) -> date | None:
    """A whole-register date ('Last updated', 'As at', 'Reviewed'), the latest one printed."""
    dates = [v for v, cue, _q in cued_dates(text) if WHOLE_REGISTER_DATE_CUE.search(cue)]
    return max(dates) if dates else None


def entry_from_text(
    name: str, text: str, source: SourceRef, board_names: Sequence[str], *, header_text: str = ""
) -> RegisterEntry:
    """A register entry from the text of one member's register (or their part of a combined one)."""
    signed, _signed_quote = signed_in(text)
    dated, _date_quote = register_date(text)
    signed_date = signature_date(text) if signed else None
    match = best_match(name, board_names)
    return RegisterEntry(
        member_name=display_name(name),
        matched_member=match[0] if match else None,
        categories=categories_in(f"{header_text}\n{text}"),
        dpi_categories=dpi_only_in(f"{header_text}\n{text}"),
        household=mentions_household(f"{header_text}\n{text}"),
        signed=signed,
        signed_date=signed_date,
        dated=dated or signed_date,
        source=source,
    )
