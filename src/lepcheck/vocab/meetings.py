"""Meetings: what agendas, papers and minutes are called, which body met, what minutes record.

Sites name meeting files by hand ("Board-Agenda-14-March-2023.pdf", "Investment Committee
minutes 14.03.23", link text "Printed minutes", a ModernGov page "Agenda for LEP Board on
Tuesday, 14th March, 2023"). MEET-01..04 and 08 (Ney 9.1) are decided from the meetings these
labels assemble (lepcheck.site.meetings); the classifier reads attendance, decisions and
standing items as evidence of minutes and agendas.
"""

from __future__ import annotations

import re

# Links to the previous meeting's minutes sit on an agenda as an item: a paper, not minutes.
PREVIOUS_MINUTES_ITEM = re.compile(r"minutes\s+of\s+(?:the\s+)?(?:previous|last)\s+meeting", re.I)
# Where the top of minutes turns to the previous meeting's minutes ("Minutes of the last
# meeting were approved"): the status words after it are not about these minutes.
PREVIOUS_MINUTES_MENTION = re.compile(
    r"minutes\s+of\s+(?:the\s+)?(?:previous|last)\b|\bprevious\s+minutes", re.I
)
# A file or link that names minutes: "Printed minutes", "Notes of the meeting", "Board mins".
MINUTES_LABEL = re.compile(r"\bminutes\b|notes\s+of\s+(?:the\s+)?meeting|\bmins\b", re.I)
# ... an agenda ("agenda item 4" is not one).
AGENDA_LABEL = re.compile(r"\bagenda\b(?!\s+item)|\bagenda\s+frontsheet\b", re.I)
# An agenda published with its papers in one file: "Agenda and reports pack", "Board pack".
AGENDA_WITH_PAPERS = re.compile(
    r"agenda\s*(?:and|&|\+|with)\s*(?:board\s+)?(?:papers|reports)|agenda\s+(?:reports?\s+)?pack|"
    r"meeting\s+pack|board\s+pack",
    re.I,
)
# A named agenda that is part of a pack, a supplement or an appendix is a paper, not the agenda.
PACK = re.compile(r"reports?\s+pack|\bsupplement|\bpack\b|\bitem\b|\bappendix\b|\bannex", re.I)
# A file or link that names a paper of the meeting: a report, an item, an appendix, a briefing.
PAPER_CUE = re.compile(
    r"\bpapers?\b|\breports?\b|\bitem\s*\d|\bappendix\b|\bannex\b|\bpresentation\b|"
    r"\bpack\b|\bbriefing\b|\bupdate\b|\bsupplement",
    re.I,
)
# The body a meeting file names: up to four words before "Board", "Committee", "Panel"...
BODY_NAME = re.compile(
    r"((?:[\w&'’\-]+\s+){0,4}?)(sub[\s\-]?board|board|committee|panel|forum|group|cabinet"
    r"|transport\s+body)\b(?!\s+office)",
    re.I,
)
# Words of the LEP's own name that name a kind of body ("Anytown Business Board"): kept when the
# LEP's name is stripped from a body's ("Anytown LEP Board" is the "Board").
BODY_KIND_WORDS = frozenset({"board", "committee", "panel", "group"})
# Words before the body's name that are not part of it ("Agenda for the LEP Investment Panel").
BODY_NOISE = frozenset(
    {
        "agenda", "minutes", "mins", "of", "the", "for", "meeting", "meetings", "papers", "paper",
        "draft", "approved", "confirmed", "lep", "main", "full", "a", "and", "public", "reports",
        "report", "pack", "printed", "notes", "item", "items", "on", "to", "held", "frontsheet",
        "signed", "final", "unconfirmed", "local", "enterprise", "partnership", "strategic",
        "partnership's", "lep's", "our", "all", "previous", "last", "next", "dates", "date",
    }
)  # fmt: skip
# Words of a label that end what precedes the body's name ("Minutes 14 March Board").
LABEL_WORDS = frozenset(
    {
        "agenda", "minutes", "mins", "of", "the", "for", "meeting", "meetings", "papers", "paper",
        "draft", "approved", "confirmed", "lep", "reports", "report", "pack", "printed", "notes",
        "item", "items", "on", "to", "held", "frontsheet", "signed", "final", "unconfirmed",
        "previous", "last", "next", "dates", "date", "from",
    }
)  # fmt: skip
# "Board of Directors", "Strategic Board", "Partnership Board", "HotSW LEP CIC Board", "West
# Yorkshire Business Board" (the LEP's board under the combined authority): the main board.
MAIN_BOARD_WORDS = frozenset(
    {"directors", "company", "leadership", "main", "strategic", "business", "cic"}
)
# A council or combined authority audited in its own right has no LEP board: its "Business
# Board" is the successor's business board, a body of its own whose meetings GROW-07 seeks.
COUNCIL_MAIN_BOARD_WORDS = MAIN_BOARD_WORDS - {"business"}
# Minutes that say they are not yet approved (MEET-03 counts the approved ones apart).
DRAFT_MINUTES = re.compile(
    r"\bdraft\b|\bunconfirmed\b|\bunapproved\b|not\s+yet\s+(?:been\s+)?approved|"
    r"subject\s+to\s+(?:approval|ratification|confirmation)|to\s+be\s+(?:approved|confirmed)",
    re.I,
)
# Minutes that say they are approved, confirmed or signed.
APPROVED_MINUTES = re.compile(r"\bapproved\b|\bconfirmed\b|\bsigned\b|\bratified\b|\bfinal\b", re.I)
# A statement about these very minutes, often at their foot: "These minutes were approved by
# the Board on 14 June 2022", "Approved at the meeting held on 5 July 2022", "Confirmed as a
# correct record on ...". Not "the minutes of the previous meeting were approved".
SELF_APPROVED = re.compile(
    r"\b(?:these|this\s+set\s+of)\s+minutes\s+(?:were|was|have\s+been|are)\s+(?:formally\s+)?"
    r"(?:approved|confirmed|agreed|signed|ratified)\b|"
    r"^\s*(?:minutes\s+)?(?:approved|confirmed)\s+(?:as\s+a\s+(?:true|correct)\s+record\s+)?"
    r"(?:by\s+the\s+[\w ]{2,40}?\s+)?(?:at\s+(?:the|its)\s+meeting\s+)?(?:on|of|held\s+on)\s+\S",
    re.I | re.M,
)
# Words after a date that make it the date of minutes being approved ("... held on 8 April
# 2024 be approved as a correct record"): an earlier meeting's, not this one's.
APPROVED_AFTER = re.compile(
    r"^\W{0,3}(?:[\w,]+\s+){0,4}?(?:were|was|be|are)\s+(?:\w+\s+){0,2}?"
    r"(?:approved|agreed|confirmed|signed|accepted)\b",
    re.I,
)
# "Minutes of the Board meeting held on" just before a date: on an agenda, an earlier meeting.
MINUTES_BEFORE = re.compile(r"\bminutes\b[^\n]{0,60}$", re.I)
# "The minutes of the meeting held on 14 March 2023 were approved as a correct record": the
# date of the meeting whose minutes these minutes approve (MEET-03).
APPROVES_PREVIOUS = re.compile(
    r"minutes\s+of\s+(?:the\s+)?(?:previous\s+|last\s+)?(?:\w+\s+){0,3}?meeting\s+held\s+on\s+"
    r"(?P<when>[^\n]{6,45}?)\s*,?\s+(?:were|was|be)\s+(?:\w+\s+){0,2}?"
    r"(?:approved|agreed|confirmed|signed|accepted)",
    re.I,
)
# How a meeting file opens when its name and title say nothing (documents converted by sharing
# sites, "Board-Papers.pdf"): "Minutes of the Cheshire and Warrington LEP Board Meeting held on
# 26th April 2017", "Confirmed Minutes of the Twenty Second meeting of the SEMLEP Board", "DRAFT
# MINUTES", "A G E N D A" (spaced out, joined before matching). Not an agenda's item "3. To
# receive the Minutes of the Meeting held on ..." nor "Minutes of the last meeting".
OPENING_MINUTES = re.compile(
    r"(?i:(?<![\w.)])(?<!receive\s)(?<!approve\s)(?<!confirm\s)(?<!agree\s)(?<!the\s)"
    r"(?<!\d\s)(?<!\d\.\s)(?<!\d\)\s)(?:(?:draft|confirmed|approved|unconfirmed|signed)\s+)?"
    r"minutes\s+of\s+(?!(?:the\s+)?(?:previous|last)\b)(?:the\s+|a\s+)?(?:[\w&'’,\-]+\s+){0,10}?(?:meeting|board|committee|panel|forum)\b)"
    r"|(?<![A-Za-z])(?:DRAFT\s+|CONFIRMED\s+)?MINUTES(?![A-Za-z])(?!\s+OF\s+(?:THE\s+)?"
    r"(?:PREVIOUS|LAST)\b)",
)
OPENING_AGENDA = re.compile(r"(?<![A-Za-z])AGENDA(?![A-Za-z])(?!\s+ITEM\b)")
# Letters spaced out in a heading ("A G E N D A"): joined before an opening is read.
SPACED_LETTERS = re.compile(r"\b(?:[A-Z] ){3,}[A-Z]\b")
# The opening must be about a meeting, not a news story that mentions minutes.
OPENING_MEETING = re.compile(r"\bmeeting\b|\bboard\b|\bcommittee\b|\bpanel\b|\bforum\b", re.I)
# A committee system's page that shows the minutes under each item ("Minutes:" after an item's
# papers; ModernGov's ieListDocuments once the minutes are in), whatever its title says.
MINUTES_UNDER_ITEM = re.compile(r"^\s*Minutes:\s*$", re.M)
# Links on a meeting page that are the site's furniture, not the meeting's papers.
SITE_FURNITURE = re.compile(
    r"privacy|cookie|accessibility|terms\s+(?:and|&)\s+conditions|newsletter|sitemap|"
    r"modern\s+slavery|annual\s+report|strategic\s+economic\s+plan|prospectus",
    re.IGNORECASE,
)
# A page whose labels speak of a meeting (dated from the top of its text when not its title).
MEETING_WORDS = re.compile(r"\bmeeting\b|\bagenda\b|\bminutes\b|\bpapers\b", re.IGNORECASE)
# A line of a listing page that names a meeting, under which its documents' links sit.
MEETING_LINE = re.compile(r"meeting|board|committee|panel|forum|agenda|minutes", re.IGNORECASE)
# Attendance lines: "Present: A, B and C", "Apologies were received from A and B."
ATTENDANCE_LINE = re.compile(
    r"^\s*(?:present|attendees|in\s+attendance|members\s+present|apologies)\b"
    r"(?:[^:\n]*?:|[^:\n]*?\bfrom\b)?(?P<names>[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)
# The classifier's minutes evidence: an attendance heading, apologies, things minuted.
ATTENDANCE = re.compile(
    r"^\s*(?:present|in attendance|attendees|members present)\b", re.IGNORECASE | re.M
)
APOLOGIES = re.compile(r"\bapologies\b", re.IGNORECASE)
# Attendance recorded anywhere in a line ("D2N2 Board Members in Attendance", "Attending /
# Observing:", "Present:- / Anne Carlisle"), not only as a line's first word.
ATTENDANCE_ANYWHERE = re.compile(
    r"\bin\s+attendance\b|\battending\b|\bpresent\s*:|\bmembers\s+present\b"
    r"|\bapologies\s+(?:for\s+absence\s+)?(?:were\s+)?(?:received|from)\b",
    re.IGNORECASE,
)
# What minutes write and agendas do not: past-tense records of the meeting ("Apologies were
# received", "There were no declarations", "The Chair welcomed", "approved as a correct record").
MINUTES_PROSE = re.compile(
    r"\b(?:were\s+received|there\s+(?:were|was)\s+no|(?:was|were)\s+(?:noted|agreed|approved|"
    r"discussed|welcomed|declared)|it\s+was\s+(?:agreed|noted|resolved|reported|confirmed)|"
    r"resolved\s*(?:that|:)|agreed\s+that|noted\s+that|approved\s+as\s+an?\s+(?:correct|true|"
    r"accurate)\s+record|welcomed\s+(?:everyone|members|all|the)|thanked|reported\s+that|"
    r"advised\s+that|informed\s+(?:the|members)|confirmed\s+that|explained\s+that|"
    r"gave\s+an?\s+(?:update|overview|presentation))\b",
    re.IGNORECASE,
)
MINUTED = re.compile(
    r"\b(?:resolved|it was agreed|the board (?:noted|agreed|approved)|were noted|was noted|"
    r"welcomed (?:everyone|members|all))\b",
    re.IGNORECASE,
)
# The classifier's agenda evidence: items "for decision", "to note", "Paper B".
AGENDA_ITEM_PURPOSE = re.compile(
    r"\b(?:for (?:decision|information|approval|discussion|noting|note)|to (?:note|approve)"
    r"|paper [a-z0-9]+)\b",
    re.IGNORECASE,
)
# Items nearly every board agenda carries (Ney 9.1 puts declarations of interest on each).
STANDING_ITEMS: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.IGNORECASE | re.M)
    for name, pattern in {
        "apologies": r"^\W*\d*\.?\s*(?:welcome,? (?:and |& )?)?(?:introductions and )?apologies",
        "declarations": r"^\W*\d*\.?\s*declarations?\b.{0,40}\binterests?",
        "previous_minutes": (
            r"^\W*\d*\.?\s*(?:approval of |to approve )?(?:the )?minutes of the (?:last|previous)"
        ),
        "any_other_business": r"^\W*\d*\.?\s*(?:any other business|aob)\b",
        "next_meeting": r"^\W*\d*\.?\s*date (?:and time )?of (?:the )?next meeting",
        "public_questions": r"^\W*\d*\.?\s*public questions",
    }.items()
}
# The same standing items written anywhere, as run-together text of a converted PDF gives
# them ("A G E N D A No Item Presenter ... 1 Apologies Chair None 2 Declarations of Interests"):
# agendas and minutes both carry them, so they say "a meeting document", not which.
STANDING_ANYWHERE: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.IGNORECASE)
    for name, pattern in {
        "apologies": r"\bapologies(?:\s+for\s+absence)?\b",
        "declarations": r"\bdeclarations?\s+of\s+(?:\w+\s+)?interests?\b",
        "previous_minutes": r"\bminutes\s+of\s+(?:the\s+)?(?:last|previous)\s+"
        r"(?:[\w&-]+\s+){0,2}meeting\b"
        r"|\bminutes\s+of\s+the\s+(?:[\w&-]+\s+){0,4}meeting\s+held\s+on\b",
        "any_other_business": r"\bany\s+other\s+business\b|\bAOB\b",
        "next_meeting": r"\bdate\s+(?:and\s+time\s+)?of\s+(?:the\s+)?next\s+meeting\b",
        "matters_arising": r"\bmatters\s+arising\b",
    }.items()
}
# Where and when a meeting sits, as agendas and minutes head themselves ("Venue: County
# Hall", "commencing at 9.30 am", "held at 10.00am", "Date of meeting 30 October 2015").
MEETING_DETAILS = re.compile(
    r"\bvenue\s*:|\bdate\s+of\s+meeting\b|\bcommencing\s+at\b|\bheld\s+(?:at|on|in)\b"
    r"|\b(?:at|from)\s+\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)\b|\btime\s*:\s*\d",
    re.IGNORECASE,
)
# An annual general meeting is not a committee that must publish as the board does (MEET-04).
NOT_COMMITTEES = re.compile(r"annual general meeting|\bAGM\b", re.IGNORECASE)
# Words that minute a decision (Ney 9.1; MEET-09's default), in the rule dialect.
DECISION_PATTERNS = (
    r"\bresolved\b",
    r"\bresolutions?\b",
    r"\bit was agreed\b",
    r"\bthe board agreed\b",
    r"\bagreed (?:to|that)\b",
    r"\bdecisions?:",
    r"\bapproved\b",
    r"\bendorsed\b",
)
# A numbered heading of an agenda or minutes: "3. Declarations of Interest", "3.1 Minutes",
# "Item 4: Finance", "4) AOB" (lepcheck.extract.outline reads these as headings).
NUMBERED_HEADING = re.compile(
    r"^(?:item\s+)?(?P<number>\d{1,2}(?:\.\d{1,2}){0,2})[.):]?\s+(?P<title>[A-Za-z(].*)$",
    re.IGNORECASE,
)
