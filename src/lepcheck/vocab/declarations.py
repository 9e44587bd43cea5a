"""Declarations of interest in minutes: the item, each declaration, the action taken, "none".

Ney 9.1 asks that minutes "record any declarations and the action taken e.g. to leave the
meeting and not take part" (COI-07); Ney 6.1 that declared interests appear in registers
(COI-08). Minutes put the item under many headings and write declarations as prose ("Cllr Smith
declared an interest in item 4 as a director of Doe Ltd and left the room"), as list entries
("Owen Garside - Item 5: abstained"), by role ("The Chair declared ...") or passively.
"""

from __future__ import annotations

import re

# The member left the meeting for the item (Ney 9.1: "to leave the meeting and not take part").
LEFT_ROOM = re.compile(
    r"\bleft\s+(?:the\s+)?(?:meeting|room|call|chamber)|\bwithdr[ea]w|\bdid\s+not\s+remain|"
    r"\bleave\s+the\s+(?:meeting|room|call)|\bstepped\s+out|absented?\s+(?:him|her|them)sel|"
    r"\bexcused\s+(?:him|her|them)sel|\bleft\s+for\s+(?:this|that|the)\s+item|"
    r"\bmoved\s+to\s+(?:a\s+)?(?:waiting|breakout)\s+room|\bleft\s*(?:[.;]|$)",
    re.IGNORECASE,
)
# The member stayed but took no part: did not vote, abstained.
TOOK_NO_PART = re.compile(
    r"\btook\s+no\s+part|\bdid\s+not\s+(?:vote|participate|take\s+part|partake|speak)|"
    r"\babstain(?:ed)?|\bnot\s+(?:to\s+)?(?:take\s+part|participate|vote)|\bno\s+part\s+in|"
    r"\btaking\s+no\s+part|\bwould\s+not\s+(?:vote|participate|take\s+part)",
    re.IGNORECASE,
)
# A sentence that declares something: an interest, a conflict, a directorship, a membership.
DECLARES = re.compile(
    r"declar|conflict|disclos|\b(?:an?|his|her|their|pecuniary|personal|prejudicial|"
    r"non-pecuniary|registerable|disclosable|other|same|this)\s+interests?\b|director\s+of|"
    r"employ|trustee|member\s+of|shareholder|partner\s+in|works?\s+for|"
    # "For transparency, Simon Pringle asked for it be noted that he was now an associate fellow"
    r"for\s+(?:the\s+purposes?\s+of\s+)?transparency|asked\s+for\s+it\s+(?:to\s+)?be\s+noted",
    re.IGNORECASE,
)
# The item a declaration concerns, by number: "item 4", "agenda item 5.2".
ITEM_NUMBER = re.compile(r"\b(?:agenda\s+)?items?\s+(?P<item>\d{1,2}(?:\.\d{1,2})?[a-z]?)", re.I)
# ... or by name: "in relation to the Growth Fund" (a capitalised item title).
ITEM_NAMED = re.compile(
    r"\b(?:in relation to|regarding|relating to|related to|on|in)\s+(?:the\s+)?"
    r"(?P<item>[A-Z][\w&'’ ]{2,60}?)(?=\s+(?:as|because|due|being|item)\b|[,.;(]|$)"
)
# The nature of the interest: "as a director of Doe Ltd", "in her role as Chair of X".
NATURE = re.compile(
    r"\b(?:as\s+(?:(?:she|he|they)\s+(?:is|was|are|were)\s+)?|because\s+(?:of\s+)?|due\s+to\s+|"
    r"being\s+|by\s+virtue\s+of\s+|in\s+(?:her|his|their)\s+(?:role|capacity)\s+as\s+)"
    r"(?P<nature>[^.;]{3,160}?)(?=\s+and\s+(?:left|withdrew|took|did|abstained|was)|[.;]|$)",
    re.IGNORECASE,
)
# A list entry that opens with the members, then a dash or colon: "Owen Garside – Item 5: ...".
LIST_ENTRY = re.compile(
    r"^(?P<who>[^–—:()]{3,120}?)\s*(?P<rest>(?:\([^)]{1,80}\)\s*)?(?:[–—:]|\s-\s).*)$"
)
# A declaring verb after a role: "The Chair declared ...".
DECLARING_VERB = re.compile(r"\b(?:declared|disclosed|declares|discloses)\b", re.I)
# The declarations item's heading, in its many wordings: "Declarations of Interest",
# "Apologies and declarations", "Conflicts of Interest", "2. Members' interests".
DECLARATIONS_HEADING = re.compile(
    r"declarations?\b[^.\n]{0,40}?\binterests?|conflicts?\s+of\s+interests?|"
    r"disclosures?\s+of\s+(?:pecuniary\s+)?interests?|declarations?,\s+disclosures|"
    r"^\s*(?:\d{1,2}[.)]?\s+)?declarations?\s*$|interests?\s+declared|"
    # "Item 2. Members' interests", "3. Interests": the item's whole title
    r"^\s*(?:item\s+)?(?:\d{1,2}[.):]?\s+)?(?:(?:board\s+)?members['’]?\s+)?interests\s*$|"
    # "1. Apologies and declarations", "Welcome, apologies and declarations"
    r"^\s*(?:item\s+)?(?:\d{1,2}[.):]?\s+)?[A-Za-z][\w,' ]{0,40}\s(?:and|&)\s+declarations?\s*$",
    re.IGNORECASE,
)
# A numbered item of the minutes ("2.", "Item 3:", "4.1"), which ends the item before it.
NUMBERED_ITEM = re.compile(
    r"^\s*(?:item\s+)?(?P<major>\d{1,2})(?P<minor>\.\d{1,2})*[.):]?\s+\S", re.I
)
# Headings that begin the next item when the minutes carry no numbers.
NEXT_ITEM_HEADING = re.compile(
    r"^\s*(?:minutes\s+of\s+(?:the\s+)?(?:last|previous)|matters\s+arising|chair'?s?\s+"
    r"(?:update|report|welcome)|any\s+other\s+business|date\s+of\s+(?:the\s+)?next|"
    r"welcome\s+and\s+introductions|action\s+log|exclusion\s+of|part\s+b\b|apologies\b)",
    re.IGNORECASE,
)
# "None" written any way: "No declarations were made", "Nil", "There were none".
NONE_DECLARED = re.compile(
    r"^\s*(?:none|nil|n/a|no(?:ne)?\.?)\s*(?:declared|received|made|noted|recorded)?\s*[.;]?\s*$|"
    r"\bno\s+(?:new\s+|further\s+|other\s+|additional\s+)?(?:declarations?|conflicts?|"
    r"interests?|disclosures?)\b|\bthere\s+(?:were|was)\s+(?:none\b|no(?:ne)?\s*[.;]?\s*$)|"
    r"\bnone\s+(?:were\s+|was\s+)?(?:declared|received|made|noted|recorded)|"
    # "There were no apologies or declarations of interest."
    r"\bno\s+[a-z]+\s+(?:or|nor|and)\s+(?:declarations?|conflicts?|disclosures?)\b|"
    r"\bnil\s+(?:return|declarations?)|\bnothing\s+to\s+declare",
    re.IGNORECASE | re.MULTILINE,
)
# A sentence elsewhere in the minutes about the declared item ("left the meeting for this item").
ABOUT_THE_ITEM = re.compile(
    r"\binterest\b|\b(?:this|that|the)\s+item\b|\bthe\s+(?:discussion|decision|vote)\b", re.I
)
# "declared an interest" in the minutes of an item, when there is no declarations item.
DECLARED_INTEREST = re.compile(
    r"\b(?:declar(?:ed|ing)|expressed|registered)\s+(?:an?\s+|their\s+|his\s+|her\s+)?"
    r"(?:[\w\-]+\s+){0,3}interests?\b|\bdeclared\s+(?:a\s+)?conflict",
    re.IGNORECASE,
)
# Words of a declaration too common to tie it to a register entry (COI-08 matches the rest).
DECLARATION_STOPWORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "of",
        "and",
        "for",
        "in",
        "on",
        "to",
        "as",
        "at",
        "by",
        "with",
        "from",
        "his",
        "her",
        "their",
        "its",
        "item",
        "member",
        "interest",
        "declared",
        "declaration",
        "director",
        "board",
        "council",
        "meeting",
        "left",
        "took",
        "part",
        "no",
        "company",
        "ltd",
        "limited",
        "plc",
        "llp",
        "trustee",
        "chair",
        "shareholder",
        "employee",
        "partner",
    }
)
# Passive declarations: "Interests were declared by Cllr Evans (item 4) and Mr Patel".
DECLARED_BY = re.compile(r"\b(?:declared|disclosed|made|received)\s+by\b")
# The verb after which the declarers stop: "Cllr Smith and Cllr Jones declared interests".
DECLARER_VERB = re.compile(
    r"\b(?:declared|declare[sd]?|declaring|disclosed|expressed|noted\s+(?:an?|their)\s+)"
)
# "left to join another meeting", "left it to the Vice Chair": not leaving the room for the item.
LEFT_NOT_THE_ROOM = re.compile(r"\bleft\s+(?:to|it)\b", re.IGNORECASE)
# An apologies line under a joint "Apologies and declarations" item declares nothing.
APOLOGIES_SENTENCE = re.compile(r"^\s*apologies\b", re.IGNORECASE)
# The standing words of a declarations item, not a record: "a Member must, within 28 clear
# working days ... provide written notification", "members have an obligation to review their
# register", "[Note: ... officers must make a declaration ...]".
DUTY_SENTENCE = re.compile(
    r"^\s*\[?\s*note\b|\b(?:must|shall)\b|\b(?:is|are)\s+(?:required|reminded|obliged)\s+to\b|"
    r"\bhave\s+an\s+obligation\b",
    re.IGNORECASE,
)
# A speaker's report, after the first name: "Joanna Robinson advised the Board that Mansfield
# Pollard had ... and she wished to declare": the speaker declares, not whom she names.
REPORTED_SPEECH = re.compile(
    r"^\W*(?:advised|informed|said|stated|reported|explained|told|confirmed|indicated|noted)\b",
    re.IGNORECASE,
)
# A declaration written after the item it concerns: "Item 5 – Financial Approval 2.13 Wokingham
# Park & Ride: Charles Eales declared ...": the item's title names no declarer.
ITEM_PREFIX = re.compile(
    r"^\s*(?:agenda\s+)?item\s+(?P<item>\d{1,2}(?:\.\d{1,2})?[a-z]?)\b[^:]{0,120}:\s*(?=\S)", re.I
)
# A declarer's own item in brackets after the name: "Dave Holmes (Item 14), Cllr Riley (Item 13)".
OWN_ITEM = re.compile(
    r"\s*\(\s*(?:agenda\s+)?items?\s+(?P<item>\d{1,2}(?:\.\d{1,2})?[a-z]?)\s*\)", re.I
)
# An aside in brackets: "Councillor Sleight (deputising for Councillor Lee) declared": whom
# the aside names does not declare.
ASIDE = re.compile(r"\([^()]{0,120}\)")
# ModernGov's item number alone on its line ("5."), which begins the next item.
BARE_ITEM_NUMBER = re.compile(r"^\s*\d{1,3}\.\s*$")
# A line that opens with a number ("2 Declarations", "Item 3"): a heading, not a sentence.
ITEM_NUMBER_START = re.compile(r"^\s*(?:item\s+)?\d", re.I)
# "Item 5 (Enterprise Zone): Cllr Jane Doe, non-pecuniary interest": a declaration listed by its
# item, not the next item of the minutes.
ITEM_LINE = re.compile(r"^\s*item\s+\d", re.I)
# Minutes that tabulate declarations (Name | Item | Interest | Action), in lower-cased headers:
# a table about declarations ...
DECLARATION_TABLE_HEADER = re.compile(r"interest|declar|conflict")
# ... its member column ...
DECLARER_HEADER = re.compile(r"name|member")
# ... and its interest column.
INTEREST_HEADER = re.compile(r"interest|nature")
# The declarations item on an agenda, as COI-06 (Ney 9.1) looks for it in the rule dialect.
# Wider than DECLARATIONS_HEADING, which finds the item's record in minutes: an agenda's item may
# be worded "To declare any interests" or "Interests to declare"; an item reviewing the conflicts
# policy or register is not the declarations item; a standing item may be headed "Members'
# interests" or "Board members' interests".
DECLARATIONS_ITEM: tuple[str, ...] = (
    (
        r"declarations? of (?:pecuniary |personal |any )?(?:(?:board )?members'? |directors'?"
        r" )?interests?"
    ),
    (
        r"disclosures? of (?:pecuniary |personal )?(?:(?:board )?members'? |directors'?"
        r" )?interests?"
    ),
    r"(?:to )?declare (?:any )?(?:pecuniary |personal )?interests?",
    (
        r"conflicts? of interests?(?! (?:polic|procedure|protocol|guidance|register|training|"
        r"framework))"
    ),
    r"declarations?,? (?:disclosures )?and conflicts",
    r"interests? to declare",
    r"(?m)^\W*(?:item\s*)?\d*[.):]?\s*(?:board )?members'? interests?\b",
)
