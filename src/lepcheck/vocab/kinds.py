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
# Letter-spaced headings ("A G E N D A", "M I N U T E S"), read as the word they spell.
SPACED_LETTERS = re.compile(r"\b(?:[A-Za-z] ){3,}[A-Za-z]\b")
# A document named as one meeting of a body: "Meeting of the Partnership Board", "D2N2 BOARD
# MEETING", a ModernGov title "Joint Committee - Friday, 26th July, 2024" (not "Board meetings",
# a listing): the name of an agenda or minutes, the body's text says which.
MEETING_NAME = re.compile(
    r"\bmeeting\s+of\s+(?:the\s+)?(?:[\w&'’-]+\s+){0,6}?(?:board|committee|panel|partnership"
    r"|cabinet|forum|group|authority)\b"
    r"|\b(?:board|committee|panel|cabinet|partnership)\s+meeting\b(?!s)"
    r"|\s[-–]\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+,?"
    r"\s+(?:19|20)\d\d",
    _I,
)
# A ModernGov page showing an agenda with its minutes ("Agenda and minutes", "Agenda and draft
# minutes"): the record of the meeting once the minutes are shown (the corpus's label).
AGENDA_AND_MINUTES = re.compile(
    r"\bagenda(?:,\s+decisions)?\s+(?:and|&)\s+(?:draft\s+|approved\s+|signed\s+|decisions?\s+and\s+)?"
    r"minutes\b",
    _I,
)
# A page named for many meetings or papers ("Board papers, Meetings and minutes", "Board
# meetings and minutes", "Meeting dates"): a listing, not one meeting's agenda or minutes.
LISTING_NAME = re.compile(
    r"\bmeetings\b[^|]{0,30}\b(?:minutes|papers|agendas)\b|\b(?:minutes|papers|agendas)\b[^|]{0,30}"
    r"\bmeetings\b|\bmeeting\s+dates\b|\bdates\s+of\s+(?:future\s+)?meetings\b",
    _I,
)
# What a report to a board or council says of itself ("Report of the Chief Executive",
# "Purpose of the report", "Recommendations:"): a paper, filed as other, however much it
# discusses governance, an assurance framework or the board's membership.
PAPER_BODY = re.compile(
    r"\breport\s+(?:of|by)\s+the\b|\bpurpose\s+of\s+(?:the|this)\s+(?:report|paper)\b"
    r"|\brecommendations?\s*:|\b(?:the\s+)?(?:board|committee|cabinet|panel)\s+is\s+(?:asked|"
    r"recommended|requested)\s+to\b|\bexecutive\s+summary\b|\bfor\s+(?:decision|"
    r"information|noting)\s*:|\breason\s+for\s+(?:the\s+)?(?:decision|recommendations?)\b",
    _I,
)
# A news story, a press release, a blog post or a letter to a paper, by its address or its
# first words: about governance or the board, not one of their documents.
NEWS_NAME = re.compile(
    r"/(?:news|blog|press|media|latest|stories|articles?)(?:[/\-]|$)|\bpress\s+release\b"
    r"|\bposted\s+(?:on|by)\b|\bpublished\s+on\b|\bread\s+more\b|\bshare\s+this\b",
    _I,
)
# A page pointing its reader at documents ("can be found here", "available to download",
# "listed below"): how hub pages introduce the material they link to (16 of the 20 development
# governance pages, 23 of the 134 others).
DOCUMENT_POINTERS = re.compile(
    r"(?:can\s+be|are|is)\s+(?:found|viewed|downloaded|accessed|read)\b|\bavailable\s+(?:here|below"
    r"|to\s+(?:view|download)|on\s+(?:this|our|the)\s+(?:page|website))|\bclick\s+here\b"
    r"|\blisted\s+below\b|\bsee\s+below\b|\b(?:view|download|read)\s+(?:it|them|our|the|a\s+copy)\b"
    r"|\bbelow\s+you\b|\bfind\s+(?:out|our|details)\b",
    _I,
)
# A funding programme's name as a page's title ("Local Growth Fund", "Growth deal", "Getting
# Building Fund"): the page of that programme's projects, when its body quotes their sums.
FUND_NAME = re.compile(
    r"\b(?:local\s+growth\s+fund|growth\s+deals?|getting\s+building\s+fund|growing\s+places"
    r"(?:\s+fund)?|\blgf\b|\bgbf\b|enterprise\s+zones?|city\s+deal|(?:[\w-]+\s+)?investment\s+fund"
    r"|funding\s+allocations?|infrastructure\s+projects|key\s+initiatives)\b",
    _I,
)
# Governance material a hub page names in its prose or lists as its links' lines (Ney 2.4 and
# the National Assurance Framework's list of what a LEP publishes): distinct kinds are counted.
GOVERNANCE_MATERIAL: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, _I)
    for name, pattern in {
        "assurance_framework": r"assurance framework",
        "registers": r"registers? of (?:members[’']? )?interests?|declarations? of interests?",
        "code_of_conduct": r"codes? of conduct",
        "whistleblowing": r"whistle[- ]?blowing",
        "complaints": r"complaints? (?:policy|procedure)",
        "conflicts": r"conflicts? of interests? (?:policy|protocol)",
        "articles": r"articles of association|\bconstitution\b",
        "terms_of_reference": r"terms of reference",
        "delegation": r"scheme of delegation",
        "accountable_body": r"accountable (?:local )?(?:body|authority)",
        "section_151": r"section 151|\bs151\b",
        "accounts": r"annual (?:report|accounts)|financial statements",
        "gifts": r"gifts (?:and|&) hospitality",
        "expenses": r"\bexpenses\b",
        "papers": r"board (?:papers|minutes|meetings)|agendas? and (?:papers|minutes)",
        "freedom_of_information": r"freedom of information",
        "statement": r"assurance statement|transparency statement",
    }.items()
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
