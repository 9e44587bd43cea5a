"""Sectors: the words that say which sector a board member represents (BOARD-01..04, SLEP 2018).

Boards must be business-led with at least two-thirds private-sector members; a member's sector
is read from words that state it ("Private sector", "Local Authority", "VCSE", a "Sector"
label), and otherwise guessed, cautiously, from the name of their organisation ("Doe Holdings
Ltd" is private, "Anytown Borough Council" public). Order matters where a list is tried in turn.
"""

from __future__ import annotations

import re

from lepcheck.models import Sector

# A sector a label states, tried in this order ("Voluntary and community sector" is voluntary,
# not public; "HE"/"FE" only in capitals, as the abbreviations of higher/further education).
SECTOR_LABELS: dict[Sector, re.Pattern[str]] = {
    "voluntary": re.compile(
        r"\bvoluntary\b|\bvcse\b|\bvcs\b|third sector|community sector|charity sector|"
        r"social enterprise sector",
        re.IGNORECASE,
    ),
    "education": re.compile(
        r"higher education|further education|(?-i:\bHE\b|\bFE\b)|education sector|"
        r"\buniversit(?:y|ies)\b|\bcolleges?\b|\beducation\b",
        re.IGNORECASE,
    ),
    "public": re.compile(
        r"public sector|local authorit(?:y|ies)|local government|\bcouncil\b|"
        r"combined authority|\bpublic\b",
        re.IGNORECASE,
    ),
    "private": re.compile(r"private sector|\bprivate\b|\bbusiness sector\b", re.IGNORECASE),
}
# A short line that is a sector label ("Private Sector", "Local Authority Leader", "Higher
# Education representative"), not an organisation that happens to contain a sector word.
SECTOR_LINE = re.compile(
    r"\bsector\b|\bvcse\b|^local\s+(?:authority|government)\b|^(?:higher|further)\s+education\b|"
    r"^(?:voluntary|community|education)\b.*\brepresentative\b",
    re.IGNORECASE,
)
# A role line that also names its sector: "Private Sector Board Member".
SECTOR_WORD = re.compile(r"\bsector\b|\bvcse\b", re.IGNORECASE)
# A heading over a group of cards that names their sector ("Local Authority Members").
SECTOR_HEADING = re.compile(r"sector|local authorit|education|vcse|voluntary|universit", re.I)
# Under a "Sector" label, "Business" or "Industry" names the private sector.
BUSINESS_SECTOR_VALUE = re.compile(r"\s*(?:business|industry|commercial)\s*", re.I)

# The organisation's own name, when no label says the sector: a council, the NHS, the police...
PUBLIC_ORGANISATION = re.compile(
    r"\bcouncil\b|\bborough\b|combined authority|\bcounty\b.*\bcouncil|\bnhs\b|\bpolice\b|"
    r"\bmayor\b|\bcllr\b|\bcouncillor\b|\bgovernment\b|\bdepartment for\b",
    re.IGNORECASE,
)
# ... a university, college or school (tried before public: a university is not the council) ...
EDUCATION_ORGANISATION = re.compile(
    r"\buniversit(?:y|ies)\b|\bcollege\b|\bschool\b|\bacademy trust\b", re.IGNORECASE
)
# ... a company; business representative bodies (chambers, FSB, CBI, IoD) speak for the private
# sector ...
PRIVATE_ORGANISATION = re.compile(
    r"\bltd\b|\blimited\b|\bplc\b|\bllp\b|\bgroup\b|\b& co\b|\bholdings\b|\binc\b|\bbank\b|"
    r"\bcompany\b|"
    r"chamber\s+of\s+commerce|federation\s+of\s+small\s+businesses|\bfsb\b|\bcbi\b|"
    r"institute\s+of\s+directors",
    re.IGNORECASE,
)
# ... or a charity or community interest company.
VOLUNTARY_ORGANISATION = re.compile(
    r"\bcharity\b|\bcic\b|\bvoluntary\b|\bcommunity action\b|\bfoundation\b|"
    r"community\s+interest\s+company",
    re.IGNORECASE,
)
# A councillor or mayor is a public-sector member whatever their organisation line says.
PUBLIC_OFFICE_NAME = re.compile(r"\bcllr\b|\bcouncillor\b|\bmayor\b", re.IGNORECASE)
# Words that mark a line as naming an organisation, to pick it out of "Job Title, Organisation".
ORGANISATION_CUE = re.compile(
    r"\bltd\b|\blimited\b|\bplc\b|\bllp\b|\bgroup\b|\bholdings\b|\bcouncil\b|\buniversity\b|"
    r"\bcollege\b|\btrust\b|\bpartnership\b|\bassociation\b|\bchamber\b|\bcompany\b|"
    r"\bservices\b|\bauthority\b|\bnhs\b|\bbank\b|\bcic\b|\bfoundation\b|\b& co\b|\bairport\b|"
    r"\bport\b|\binc\b",
    re.IGNORECASE,
)
