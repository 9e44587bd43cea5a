"""Document kinds: the names each kind goes by, the body evidence of a kind, the readers' cues.

One pattern per DocumentKind, written from what LEP sites call these documents ("Register of
Interests", "Declarations of Interest", "Notes of the Board meeting", "Speak Up policy"...), is
matched in titles, link texts, headings and URLs (lepcheck.extract.classify). A policy about a
record ("Register of Interests Policy") names the policy, not the record. The site readers pick
their documents by the classifier's kind or by cues in the document's own names (below).
"""

from __future__ import annotations

import re

from lepcheck.models import DocumentKind

_I = re.IGNORECASE
# Words that make a title a policy or procedure rather than the record it is about.
POLICY_WORDS = r"(?:policy|policies|procedure|protocol|guidance|guide|scheme|code)"
# The names of each kind, matched in titles, link texts, headings and URL words.
KIND_NAMES: dict[DocumentKind, re.Pattern[str]] = {
    "register_of_interests": re.compile(
        r"registers? of (?:(?:members|board members|directors)[’']? )?interests?\b"
        rf"(?!\s+{POLICY_WORDS})"
        r"|interests? registers?|\broi\b|\bdoi\b"
        rf"|declarations? of (?:pecuniary )?interests?\b(?!\s+{POLICY_WORDS})",
        _I,
    ),
    "minutes": re.compile(
        r"\bminutes\b|(?:notes|record) of (?:the )?(?:[\w&-]+ ){0,3}meeting|meeting notes"
        # D2N2's "Key Decision/Action Points from Board" and "Decisions and actions"
        r"|(?:key )?decisions?\s*(?:/|and|&)\s*action(?: point)?s?\b|\baction notes\b",
        _I,
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
# A ModernGov page showing an agenda with its minutes ("Agenda and minutes", "Agenda and draft
# minutes"): the record of the meeting once the minutes are shown (the corpus's label).
AGENDA_AND_MINUTES = re.compile(
    r"\bagenda(?:,\s+decisions)?\s+(?:and|&)\s+(?:draft\s+|approved\s+|signed\s+|decisions?\s+and\s+)?"
    r"minutes\b",
    _I,
)
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

# Body evidence of a kind (lepcheck.extract.classify), beside its names above.
# The seven Nolan principles of public life: a code of conduct names most of them (Ney 4.2).
NOLAN_PRINCIPLES = (
    "selflessness", "integrity", "objectivity", "accountability", "openness", "honesty",
    "leadership",
)  # fmt: skip
# A conflicts of interest policy says so, again and again (counted in lower-cased text).
CONFLICT_PHRASES = ("conflict of interest", "conflicts of interest")
# Annual accounts: a balance sheet or an auditor's report.
ACCOUNTS_BODY = re.compile(
    r"balance sheet|statement of financial position|independent auditor|profit and loss"
    r"|statement of comprehensive income",
    _I,
)
# The topics an assurance framework covers (National Assurance Framework): three of four count.
FRAMEWORK_TOPICS: dict[str, re.Pattern[str]] = {
    "accountable_body": re.compile(r"accountable body", _I),
    "value_for_money": re.compile(r"value for money", _I),
    "section_151_officer": re.compile(r"section 151|s151|s\.151", _I),
    "scrutiny": re.compile(r"scrutiny", _I),
}
# Value for money, as a framework's topic is named in rule patterns (ASSUR-03, ASSUR-04).
VALUE_FOR_MONEY: tuple[str, ...] = ("value for money", r"\bVfM\b")
# Link texts of a governance hub page: policies, registers, papers, the framework, statements.
GOVERNANCE_LINK = re.compile(
    r"polic(?:y|ies)|register|minutes|agenda|papers|framework|statement|code of conduct"
    r"|whistle|complaint|expenses|accounts|assurance|declaration|gifts",
    _I,
)
# A table of people: a "Name" column beside a role, position, organisation or sector column.
PEOPLE_TABLE_NAME = re.compile(r"\bname\b", _I)
PEOPLE_TABLE_FACT = re.compile(r"role|position|organisation|sector", _I)
# A page about joining the board names it ("Join our Board", "Board recruitment", "Board
# vacancies", the demo site's and the corpus's wording): it recruits members, it does not list
# them, so a board name in its link texts does not make it a board page when its own title or
# URL says so (link texts alone do not: the board page itself is linked as "Join our Board" too).
RECRUITMENT_NAME = re.compile(
    r"\bjoin\s+(?:our|the)\b|\brecruit|\bvacanc|\bapply\b|\bapplications?\b"
    r"|\bperson\s+specification|\bexpressions?\s+of\s+interest",
    _I,
)
# "Register of Interests Policy" or "Minutes publication procedure" is a policy, not a record.
POLICY_TITLE = re.compile(rf"\b{POLICY_WORDS}\b", _I)

# Which documents the site readers read, from their names (the classifier's kind aside).
# A board listing or profile page, by its title, URL or link text ...
BOARD_PAGE_CUE = re.compile(
    r"\bboard\b|\bdirectors\b|board[\s\-]members|our[\s\-]board|who[\s\-]we[\s\-]are|"
    r"\bmembership\b|\bour[\s\-]people\b",
    re.IGNORECASE,
)
# ... unless the name says it is about something else: papers, news, jobs, a panel.
NOT_BOARD_PAGE_CUE = re.compile(
    r"minutes|agenda|register|meeting|papers|\bnews\b|vacanc|recruit|"
    r"policy|\bjobs?\b|careers|\bblog\b|press|consultation|declaration|investment[\s\-]committee|"
    # a panel or sub-board's own membership page is not the board's ("Investment Panel")
    r"\bpanels?\b|\bsub[\s\-]?boards?\b|"
    r"\bevents?\b",
    re.IGNORECASE,
)
# A governance page with a section headed "Our Board" or "Board members".
BOARD_SECTION_HEADING = re.compile(
    r"^\s*(?:(?:our|the|lep|meet\s+the)\s+)?board(?:\s+members(?:hip)?|\s+of\s+directors)?\s*$",
    re.IGNORECASE,
)
# A register of interests by its name, title or URL ("ROI-Jane-Smith.pdf", "declarations of
# members' interests", "/registers-of-interests/").
REGISTER_CUE = re.compile(
    r"registers?[\s\-_]*of[\s\-_]*(?:members'?[\s\-_]*)?interests?|\broi\b|\bdoi\b|"
    r"declarations?[\s\-_]*of[\s\-_]*(?:members'?[\s\-_]*)?interests?|interests?[\s\-_]*registers?|"
    r"registerable[\s\-_]*interests|disclosable[\s\-_]*(?:pecuniary[\s\-_]*)?interests",
    re.IGNORECASE,
)
# Kinds the classifier may give a register by mistake only when its file says otherwise.
NOT_REGISTER_KINDS = frozenset(
    {
        "minutes", "agenda", "coi_policy", "code_of_conduct", "assurance_framework",
        "whistleblowing_policy", "complaints_policy", "expenses_policy", "accounts",
        "funded_projects", "assurance_statement",
    }
)  # fmt: skip
# A title naming a policy about registers, not a register.
POLICY_CUE = re.compile(r"\bpolicy\b|\bprocedure\b|\bguidance\b|\bcode of conduct\b", re.I)
# A web page whose title or address says it lists funded projects ("Our investments").
PROJECTS_PAGE = re.compile(
    r"funded[\s\-]projects|our[\s\-]investments|projects[\s\-]we[\s\-](?:have[\s\-])?funded|"
    r"investment[\s\-]portfolio|project[\s\-](?:list|schedule|pipeline)|growth[\s\-]deal[\s\-]projects",
    re.I,
)
