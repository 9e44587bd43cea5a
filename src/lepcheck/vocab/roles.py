"""Board roles and the fields of a member's entry: chair, deputy, co-opted, observers, labels.

BOARD-01..05 and BOARD-10 are decided from the role, organisation, sector and dates a board page
gives each member ("Chair", "Vice-Chair", "Co-opted member", "Appointed: 1 April 2021"); minutes
name members by role ("The Chair declared ..."). Roles are read only from words that say them:
"Chair of the Investment Committee" or "Chairman, Lee Foods plc" is not the LEP's Chair.
"""

from __future__ import annotations

import re

# A co-opted member ("Co-opted", "co-optee").
CO_OPTED = re.compile(r"\bco[\s\-]?opt(?:ed|ee)\b", re.IGNORECASE)
# The deputy or vice chair, in any of its spellings.
DEPUTY_CHAIR = re.compile(r"\b(?:deputy|vice)[\s\-]*chair(?:man|woman|person)?\b", re.IGNORECASE)
# The chair; also where a line splits into the chair and what follows it.
CHAIR = re.compile(r"\bchair(?:man|woman|person)?\b", re.IGNORECASE)
# "Chair of the Investment Committee" is a committee role, not the LEP's Chair.
COMMITTEE_CHAIR = re.compile(
    r"chair(?:man|woman|person)?\s*(?:of|,|-|–)?\s*(?:the\s+)?(?:(?!chair)[\w&' ]){0,40}?"
    r"\b(?:committee|panel|sub-?board|group|forum|council|cabinet|trust|governors)\b",
    re.IGNORECASE,
)
# "LEP Chair", "Chair of the Board": the LEP's own chair, whatever else the line says.
LEP_CHAIR = re.compile(
    r"\b(?:lep|board|partnership)\s+chair|\bchair\s+of\s+(?:the\s+)?(?:lep|board|partnership)\b",
    re.IGNORECASE,
)
# What follows "Chairman" when it is the member's own job: "Chairman, Lee Foods plc", "Chair of".
OF_AN_ORGANISATION = re.compile(r"\s*(?:,|of\b|at\b)")
# Roles as a line of a board document lists them, for the classifier's board-page evidence.
ROLE_LINE = re.compile(
    r"^(?:deputy |vice |interim )?(?:chair(?:man|woman|person)?|chief executive|"
    r"(?:non-executive |executive )?director|board member|co-opted member|private sector member"
    r"|public sector member|leader|vice[- ]chancellor|principal)\b",
    re.IGNORECASE,
)
# "Chair: Jane Doe", "Vice Chair – John Smith": the role first, then the name.
ROLE_FIRST = re.compile(
    r"^(?P<role>(?:(?:deputy|vice)[\s\-]*)?chair(?:man|woman|person)?|co-?opted\s+members?)"
    r"\s*(?::|–|—|-)\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# A heading that is one role ("Chair", "Our Vice-Chair") names the card under it.
SINGLE_ROLE_HEADING = re.compile(
    r"^\s*(?:(?:the|our|lep|board)\s+)?(?:(?:deputy|vice)[\s\-]*)?chair(?:man|woman|person)?\s*$",
    re.IGNORECASE,
)
# Minutes naming a declarer by role: "The Chair declared ...", "The Vice-Chairman ...".
ROLE_SUBJECT = re.compile(
    r"^\s*the\s+(?P<role>(?:(?:vice|deputy)[\s\-]*)?chair(?:man|woman|person)?)\b", re.I
)
# The role written after a name in an attendance list: "Jane Doe (Chair), John Roe (Vice-Chair)".
ROLE_IN_BRACKETS = re.compile(
    r"\s*\(\s*(?P<role>(?:(?:vice|deputy)[\s\-]*)?chair(?:man|woman|person)?)\s*\)", re.I
)
# A role that is the deputy's, not the chair's ("vice-chair", "Deputy Chairman").
VICE_OR_DEPUTY = re.compile(r"(?:vice|deputy)", re.I)

# People who attend the board without being members (observers, non-voting advisers), and
# members no longer: "Former members", "Andrew Pike ..., stood down on 31 March 2022".
NOT_MEMBERS = re.compile(
    r"\bobservers?\b|\bnon[\s\-]voting\b|\bin\s+attendance\b|\badvis[eo]rs?\s+to\s+the\s+board\b|"
    r"\bformer\b|\bpast\s+(?:board\s+)?members\b|\bprevious\s+(?:board\s+)?members\b|"
    r"\b(?:stood|stepped)\s+down\b|\bresigned\b|\boutgoing\b",
    re.IGNORECASE,
)
# A heading over people who are not members: "Observers", "Former members".
NOT_MEMBERS_HEADING = re.compile(
    r"^\s*(?:board\s+)?(?:observers?|former\s+(?:board\s+)?members|past\s+(?:board\s+)?"
    r"members|previous\s+(?:board\s+)?members|in\s+attendance|advis[eo]rs\s+to\s+the\s+board)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
# A heading over board members' cards ("Board members", "Our Directors"), not staff.
BOARDISH_HEADING = re.compile(r"\bboard\b|\bdirectors\b|\bmembers\b", re.IGNORECASE)
# A heading over staff cards, which are not board members ("Our team", "Executive", "Contact").
STAFF_HEADING = re.compile(
    r"\b(?:staff|team|executive|secretariat|officers|employees|contact|news|latest)\b",
    re.IGNORECASE,
)
# One member's own profile page: "/our-board/jane-doe/", "/people/jane-doe".
PROFILE_PATH = re.compile(
    r"/(?:our-)?(?:board|board-members|directors|members|people|our-people)/[^/]+/?$", re.IGNORECASE
)

# A duty on the board, not an organisation: "SME representative", "Diversity champion".
BOARD_DUTY = re.compile(r"\brepresentative\b|\bchampion\b|\blead\s+for\b", re.IGNORECASE)
# "Board member (SME representative)": membership alone, naming no organisation.
MEMBERSHIP_ONLY = re.compile(
    r"^(?:lep\s+|private\s+sector\s+|public\s+sector\s+)?(?:board\s+)?"
    r"(?:member|director|non-executive\s+director)\b(?!\s+of\b|,)",
    re.IGNORECASE,
)
# "Leader of Anytown Council", "Vice-Chancellor of the University of X": the job, then the body.
JOB_OF = re.compile(
    r"^(?:[\w\-']+\s+){0,3}?(?:leader|director|chief|head|chair\w*|principal|vice-chancellor|"
    r"founder|partner|owner|ceo|md|manager|president|executive|officer|mayor|dean|member)"
    r"\s+of\s+(?:the\s+)?(?P<org>.+)$",
    re.IGNORECASE,
)
# Card lines that are links or contact details, not facts: "Read more", "Download register of
# interests (PDF)", an email ("Community Interest Company" is an organisation, not interests).
NOT_A_FIELD = re.compile(
    r"\b(?:read|view|download|click|more|profile|biography|pdf|register|(?<!community\s)interests?|"
    r"email|e-mail|tel|telephone|phone|linkedin|twitter)\b|@|https?://|www\.",
    re.IGNORECASE,
)

# Column headers of a board table, and (the role) the label of a card's "Role: ..." field.
ROLE_HEADER = re.compile(r"role|position|title|office", re.IGNORECASE)
ORGANISATION_HEADER = re.compile(
    r"organi[sz]ation|company|employer|business|representing|affiliation", re.IGNORECASE
)
SECTOR_HEADER = re.compile(r"sector|category|type", re.IGNORECASE)
APPOINTED_HEADER = re.compile(r"appoint|joined|start|from", re.IGNORECASE)
TERM_HEADER = re.compile(r"term|expir|end|until|to$", re.IGNORECASE)
GENDER_HEADER = re.compile(r"gender|sex", re.IGNORECASE)
# Labels of a card's "Label: value" fields, matched in the lower-cased label; narrower than the
# table headers ("From:" and "To:" in a card are not an appointment or a term).
ORGANISATION_FIELD = re.compile(r"organi[sz]ation|company|employer|business|representing")
APPOINTED_FIELD = re.compile(r"appoint|joined|start")
TERM_FIELD = re.compile(r"term|expir|end|until")
# A role given as a labelled line: "Role: Observer", "Position: Section 151 Officer".
ROLE_LABEL_LINE = re.compile(r"^\s*(?:role|position|title)\s*:", re.I)
# A field label alone on its line, its value on the next: definition lists (<dt>Role</dt>
# <dd>Vice Chair</dd>) and two-column profile boxes render so.
BARE_FIELD_LABEL = re.compile(
    r"^\s*(?:role|position|title|office|organi[sz]ation|company|employer|business|"
    r"representing|sector|category|appointed|date\s+appointed|term(?:\s+(?:ends?|expires?))?|"
    r"gender)\s*:?\s*$",
    re.IGNORECASE,
)
