"""Registers of interests: the eight Ney 6.1 categories, household interests, signature, dates.

Ney 6.1 (third bullet) lists the interests a register must address: employment,
directorships, significant shareholdings, land and property, related-party transactions,
memberships of organisations, gifts and hospitality, and sponsorships, including "significant
household member interests"; the first bullet asks that each member sign their register. Forms
word these many ways ("Paid employment, office, trade, profession or vocation", "Securities",
"Contracts"), so each category has synonyms. The category names are models.REGISTER_CATEGORIES,
spelled once; both pattern sets below are keyed by them.
"""

from __future__ import annotations

import re

from lepcheck.models import REGISTER_CATEGORIES

# The disclosable pecuniary interests of a council member's register (SI 2012/1464, Schedule, as
# councils reproduce it: the mgInterestsTable captions of modern.gov registers) that Ney's eight
# do not already name; employment, sponsorship and land are shared (MINT-02).
DPI_ONLY_PATTERNS: dict[str, re.Pattern[str]] = {
    "contracts": re.compile(r"\bcontracts?\b", re.IGNORECASE),
    "licences": re.compile(r"\blicen[cs]es?\b", re.IGNORECASE),
    "corporate_tenancies": re.compile(r"corporate\s+tenanc", re.IGNORECASE),
    "securities": re.compile(r"\bsecurities\b", re.IGNORECASE),
}

# What a register's form or text addresses, per category (lepcheck.site.registers, ROI-05).
CATEGORY_PATTERNS: dict[str, re.Pattern[str]] = {
    "employment": re.compile(
        r"employment|office,?\s+trade|trade,?\s+profession|profession or vocation|occupation|"
        r"\bemployer\b|\bvocation\b",
        re.IGNORECASE,
    ),
    "directorships": re.compile(r"directorships?|\bdirector of\b|company director", re.IGNORECASE),
    "shareholdings": re.compile(
        r"share\s?holdings?|\bshares\b|securities|beneficial interests? in (?:a )?compan",
        re.IGNORECASE,
    ),
    "land_property": re.compile(
        r"\bland\b|\bpropert(?:y|ies)\b|\bpremises\b|licen[cs]es? to occupy|\btenanc",
        re.IGNORECASE,
    ),
    "related_party_transactions": re.compile(
        r"related[\s\-]part(?:y|ies)|\bcontracts?\b|\btransactions?\b", re.IGNORECASE
    ),
    "memberships": re.compile(
        r"memberships?\s+of|\bmemberships\b|member of (?:any |other )*(?:bod|organi|charit|club|"
        r"professional|trade union|political|society|association)|other bodies|"
        r"bodies exercising|trusteeships?|\btrustee\b|charitable|\bsocieties\b",
        re.IGNORECASE,
    ),
    "gifts_hospitality": re.compile(r"\bgifts?\b|hospitality", re.IGNORECASE),
    "sponsorships": re.compile(
        r"sponsorships?|\bsponsor(?:ed|s)?\b|financial support", re.IGNORECASE
    ),
}
# The classifier's evidence that a text is a register (four of eight categories named): narrower
# than CATEGORY_PATTERNS, because it is searched in any document, where "contracts", "shares" or
# "premises" are everyday words; CATEGORY_PATTERNS reads a document already known as a register.
CATEGORY_EVIDENCE: dict[str, re.Pattern[str]] = {
    "employment": re.compile(r"employment|employer|occupation", re.IGNORECASE),
    "directorships": re.compile(r"directorships?", re.IGNORECASE),
    "shareholdings": re.compile(r"shareholdings?|securities", re.IGNORECASE),
    "land_property": re.compile(r"\bland\b|property", re.IGNORECASE),
    "related_party_transactions": re.compile(r"related[- ]part(?:y|ies)", re.IGNORECASE),
    "memberships": re.compile(r"memberships?\b|trade unions?|professional bod", re.IGNORECASE),
    "gifts_hospitality": re.compile(r"gifts?\b|hospitality", re.IGNORECASE),
    "sponsorships": re.compile(r"sponsorships?", re.IGNORECASE),
}

# Household members' interests (Ney 6.1: "significant household member interests"): spouse,
# civil partner, the person you live with, close family.
HOUSEHOLD = re.compile(
    r"\bhousehold\b|\bspouse|civil partner|\b(?:your|my|his|her|their)\s+partner\b|partner'?s\b|"
    r"\bwife\b|\bhusband\b|"
    r"person (?:with whom you|you) (?:live|are living)|living with you|close family|"
    r"family members?\b",
    re.IGNORECASE,
)

# A statement that the signed originals are held covers a whole register ("signed copies are
# held on file"), as does an electronic signature.
SIGNED_COPIES_HELD = re.compile(
    r"signed (?:copy|copies|original|version|declaration|form)s?\b[^.\n]{0,40}"
    r"\b(?:held|on file|retained|kept|available)|original(?:s)? signed|"
    r"electronically signed|e-?signed|signed electronically|digitally signed|"
    r"\bsigned by\s+[A-Z]",
    re.IGNORECASE,
)

# The signature line of a form, and what follows it: "Signed: J Smith", "Signature of member:".
SIGNED_LINE = re.compile(
    r"^\s*(?:signed|signature)(?:\s+of\s+(?:board\s+)?member)?\s*[:\-]?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.MULTILINE,
)

# Cues before a date that make it the register's (ROI-08): signed, completed, updated, as at.
REGISTER_DATE_CUES = re.compile(
    r"last\s+updated|updated(?:\s+on)?|date\s+of\s+(?:declaration|signature|signing|"
    r"completion|register|submission)|date\s+signed|date\s+completed|\bdated?\b|as at|"
    r"reviewed(?:\s+on)?|completed(?:\s+on)?|received(?:\s+on)?",
    re.IGNORECASE,
)

# "Signed declaration not yet received", "Signature: awaited", "Signed copy outstanding".
NOT_SIGNED = re.compile(
    r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:received|returned|provided|signed|submitted|available)|"
    r"\bawait(?:ed|ing)\b|\boutstanding\b|\bpending\b|\bunsigned\b|\bto\s+follow\b",
    re.IGNORECASE,
)

# "Significant shareholdings" is not a signature column.
SIGNED_HEADER = re.compile(r"\bsign(?:ed|ature|ing)\b", re.IGNORECASE)

# A combined register with a row per interest names the category in a column of its own.
CATEGORY_HEADER = re.compile(r"categor|type\s+of\s+interest|interest\s+type", re.IGNORECASE)

# A column of dates: when the member's entry was made or last updated.
DATE_HEADER = re.compile(r"\bdate\b|updated|as at|reviewed", re.IGNORECASE)
# A signature cell that says no signature: blank, "No", "N/A", "Unsigned".
UNSIGNED_CELL = re.compile(r"^\s*(?:no|n|not signed|unsigned|-|–|n/?a)?\s*$", re.IGNORECASE)
# A log of declarations made at meetings (Date of meeting | Member | Item | Action taken) is
# what the minutes record, not anyone's register: a meeting column ...
MEETING_HEADER = re.compile(r"\bmeetings?\b", re.IGNORECASE)
# ... beside an action, item or minute column.
LOG_HEADER = re.compile(r"\baction\b|\bitem\b|\bminute\b", re.IGNORECASE)

# Words in titles and file names of registers that are not the member's name.
NAME_NOISE = re.compile(
    r"registers?\s+of\s+(?:members'?\s+)?interests?|declarations?\s+of\s+(?:members'?\s+)?"
    r"interests?|\b(?:register|registers|interests?|declarations?|roi|doi|form|board|members?|"
    r"lep|pdf|docx?|final|signed|updated?|copy|template|annual|redacted|web|version|v\d+|"
    r"of|the|for|and|to|a|by|new|current|amended|revised|january|february|march|april|june|"
    r"july|august|september|october|november|december)\b|\d+",
    re.IGNORECASE,
)

# Where a one-member form names its member: "Name: Jane Doe", "Member's name -", "I, Jane Doe,".
NAME_LABEL = re.compile(
    r"^\s*(?:full\s+)?name(?:\s+of\s+(?:board\s+)?(?:member|director|councillor))?\s*[:\-]\s*"
    r"(?P<name>[^\n]{3,60})$|^\s*(?:board\s+)?member(?:'s)?\s+name\s*[:\-]\s*(?P<name2>[^\n]{3,60})$"
    r"|^\s*I,?\s+(?P<name3>[A-Z][^,\n]{3,50}),"
    r"|^\s*(?:board\s+)?(?:member|director|councillor)\s*[:\-]\s*(?P<name4>[^\n]{3,60})$",
    re.IGNORECASE | re.MULTILINE,
)

# A "Date signed" column: a date in the member's row is their signature (Ney 6.1).
SIGNED_DATE_COLUMN = re.compile(
    r"date\s+signed|signature\s+date|date\s+of\s+signature|signed\s+on", re.IGNORECASE
)
# A blank form's "Signed: ______" is not a signature: underscores, dots or dashes only ...
BLANK_SIGNATURE = re.compile(r"[_.\s\-…]*")
# ... nor the next field's label on the same line ("Signed: Date: Print name:") ...
NEXT_FIELD_LABEL = re.compile(r"(?:date|dated|print|name)\b", re.IGNORECASE)
# ... but words, "/s/", a tick or a cross are.
SIGNATURE_MARK = re.compile(r"[A-Za-z]{2,}|/s/|✓|x\b")
# A cue that dates a whole combined register ('Last updated', 'As at', 'Reviewed'), in the
# lower-cased cue found by REGISTER_DATE_CUES.
WHOLE_REGISTER_DATE_CUE = re.compile(r"updated|as at|reviewed")
# ... and one that dates a member's signature ('date signed', 'date of signing'): the date
# the entry is signed (site.registers.content.signature_date).
SIGNATURE_DATE_CUE = re.compile(r"sign")

assert tuple(CATEGORY_PATTERNS) == REGISTER_CATEGORIES == tuple(CATEGORY_EVIDENCE)
