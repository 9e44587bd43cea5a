"""The names documents of each kind go by, in titles, link texts, headings and URLs.

One pattern per DocumentKind, written from what LEP sites call these documents ("Register of
Interests", "Declarations of Interest", "Notes of the Board meeting", "Speak Up policy"...).
A policy about a record ("Register of Interests Policy") names the policy, not the record.
"""

from __future__ import annotations

import re

from lepcheck.models import DocumentKind

_I = re.IGNORECASE
POLICY_WORDS = r"(?:policy|policies|procedure|protocol|guidance|guide|scheme|code)"
KIND_NAMES: dict[DocumentKind, re.Pattern[str]] = {
    "register_of_interests": re.compile(
        r"registers? of (?:(?:members|board members|directors)[’']? )?interests?\b"
        rf"(?!\s+{POLICY_WORDS})"
        r"|interests? registers?|\broi\b|\bdoi\b"
        rf"|declarations? of (?:pecuniary )?interests?\b(?!\s+{POLICY_WORDS})",
        _I,
    ),
    "minutes": re.compile(
        r"\bminutes\b|(?:notes|record) of (?:the )?(?:[\w&-]+ ){0,3}meeting|meeting notes", _I
    ),
    "agenda": re.compile(r"\bagenda\b", _I),
    "board_page": re.compile(
        r"\b(?:our|meet the) board\b(?! (?:meeting|papers|minutes|agenda))"
        r"|^(?:the |lep |main )?board$|board members\b(?![’'])|board of directors"
        r"|board directors|who we are|our people|^(?:board )?membership$",
        _I,
    ),
    "assurance_framework": re.compile(r"assurance framework|\blaf\b", _I),
    "coi_policy": re.compile(
        rf"conflicts? of interests?(?: {POLICY_WORDS})?"
        rf"|(?:declarations?|registers?) of interests? (?:and \w+ )?{POLICY_WORDS}",
        _I,
    ),
    "whistleblowing_policy": re.compile(
        r"whistle[- ]?blow|confidential reporting|public interest disclosure|raising concerns"
        r"|speak(?:ing)? up\b",
        _I,
    ),
    "complaints_policy": re.compile(r"complaints?\b", _I),
    "code_of_conduct": re.compile(r"codes? of conduct|nolan principles|standards of conduct", _I),
    "gifts_hospitality": re.compile(r"gifts?,? (?:and|&) hospitality|hospitality register", _I),
    "expenses_policy": re.compile(
        r"\bexpenses (?:policy|scheme|and allowances|claims?|paid)|^expenses$"
        r"|(?:remuneration|members[’']?|board|travel|allowances) (?:and )?expenses"
        r"|travel and subsistence",
        _I,
    ),
    "funded_projects": re.compile(
        r"funded projects|(?:growth deal|lgf|local growth fund|getting building fund|"
        r"growing places) projects|project (?:list|schedule|pipeline)|funding allocations"
        r"|our projects|projects we (?:have )?fund|(?:funding|grants?) awarded"
        r"|investments? (?:made|programme)",
        _I,
    ),
    "assurance_statement": re.compile(
        r"assurance statement|governance (?:and transparency )?statement"
        r"|transparency statement|annual statement"
        r"|chair(?:man)?[’']?s? and chief executive[’']?s? (?:annual )?statement",
        _I,
    ),
    "accounts": re.compile(
        r"annual accounts|(?:statutory|audited|financial) (?:accounts|statements)"
        r"|report and accounts|\baccounts\b",
        _I,
    ),
    "governance_page": re.compile(
        r"\bgovernance\b(?! (?:and transparency )?statement| framework)"
        r"|\btransparency\b(?! statement)"
        r"|accountability|our policies|policies and procedures",
        _I,
    ),
}
# Mentions of one kind inside another kind's text, removed before matching headings and the
# top of the text: an agenda's "Minutes of the previous meeting" item, a minute's
# "Declarations of interest" item or its "agenda item 4".
CROSS_MENTIONS = re.compile(
    r"^\W*(?:item\s+)?\d+[.):]?\s.*\b(?:declarations?|conflicts?) of interests?.*$|"
    r"(?:approval of |to approve |confirm(?:ation)? of )?(?:the )?minutes of (?:the )?"
    r"(?:last|previous|prior) meeting|matters arising(?: from the minutes)?|agenda items?"
    r"|declarations? of interests?|minutes (?:for|of) approval",
    _I,
)
