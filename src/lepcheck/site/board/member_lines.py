"""Reading the lines that describe one board member: role, organisation, sector, dates, gender.

Board pages write these in every way: "Chair", "Vice-Chair", "Private Sector Board Member",
"Managing Director, Doe Holdings Ltd", "Appointed: 1 April 2021", "Term ends March 2024".
BOARD-01..05 and BOARD-10 are decided from these fields, so each is read only from words that
say it, and is left at its default ("member", "unknown", None) otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from lepcheck.extract.dates import find_dates
from lepcheck.models import MemberRole, Sector
from lepcheck.site.names import is_honour
from lepcheck.vocab.dates import APPOINTED_CUE, RANGE_JOINER, TERM_END_CUE, TERM_RANGE_CUE
from lepcheck.vocab.people import FEMALE_TITLES, HE, MALE_TITLES, SHE, TITLES
from lepcheck.vocab.roles import (
    APPOINTED_FIELD,
    BOARD_DUTY,
    CHAIR,
    CO_OPTED,
    COMMITTEE_CHAIR,
    DEPUTY_CHAIR,
    JOB_OF,
    LEP_CHAIR,
    MEMBERSHIP_ONLY,
    NOT_A_FIELD,
    OF_AN_ORGANISATION,
    ORGANISATION_FIELD,
    ROLE_HEADER,
    TERM_FIELD,
)
from lepcheck.vocab.sectors import (
    BUSINESS_SECTOR_VALUE,
    EDUCATION_ORGANISATION,
    ORGANISATION_CUE,
    PRIVATE_ORGANISATION,
    PUBLIC_OFFICE_NAME,
    PUBLIC_ORGANISATION,
    SECTOR_LABELS,
    SECTOR_LINE,
    SECTOR_WORD,
    VOLUNTARY_ORGANISATION,
)

Gender = Literal["female", "male", "unknown"]


_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z /&()\-]{1,40}?)\s*:\s*(?P<value>.*)$")
_SEPARATORS = re.compile(r"\s+[–—\-|]\s+|\s*\|\s*|\t")


def read_role(text: str) -> MemberRole | None:
    """The LEP board role a short line states, if any."""
    if CO_OPTED.search(text):
        return "co_opted"
    # "Deputy Chair and Chair of the Investment Committee": the committee belongs to the second
    # "Chair", so each role is judged by the words right after it.
    deputy = DEPUTY_CHAIR.search(text)
    if deputy:
        chair_at = deputy.start() + deputy.group(0).lower().index("chair")
        if COMMITTEE_CHAIR.match(text, chair_at) and not LEP_CHAIR.search(text):
            return None
        return "deputy_chair"
    chair = CHAIR.search(text)
    if chair:
        if LEP_CHAIR.search(text):
            return "chair"
        if COMMITTEE_CHAIR.match(text, chair.start()) or len(text.split()) > 6:
            return None
        return None if _chairs_a_company(text) else "chair"
    return None


def _chairs_a_company(text: str) -> bool:
    """'Chairman, Lee Foods plc' is the member's own job, not the LEP's chair."""
    after = CHAIR.split(text, maxsplit=1)
    return (
        len(after) == 2
        and bool(OF_AN_ORGANISATION.match(after[1]))
        and bool(ORGANISATION_CUE.search(after[1]))
    )


def read_sector_label(text: str) -> Sector | None:
    """A sector a label states ("Private sector", "Local Authority", "VCSE")."""
    for sector, pattern in SECTOR_LABELS.items():
        if pattern.search(text):
            return sector
    return None


def infer_sector(organisation: str, name: str = "") -> Sector:
    """A cautious guess from the organisation's own name; 'unknown' unless it is plain."""
    if PUBLIC_OFFICE_NAME.search(name):
        return "public"
    if not organisation:
        return "unknown"
    if EDUCATION_ORGANISATION.search(organisation):
        return "education"
    if PUBLIC_ORGANISATION.search(organisation):
        return "public"
    if VOLUNTARY_ORGANISATION.search(organisation):
        return "voluntary"
    if PRIVATE_ORGANISATION.search(organisation):
        return "private"
    return "unknown"


def gender_from_title(raw_name: str) -> Gender:
    """From an honorific among the leading titles ("Cllr Mrs Jane Doe"), never a first name."""
    for token in raw_name.split():
        word = token.lower().strip(".,")
        if word in FEMALE_TITLES:
            return "female"
        if word in MALE_TITLES:
            return "male"
        if word not in TITLES:
            break
    return "unknown"


def gender_from_pronouns(text: str) -> Gender:
    """Only when a biography uses one set of pronouns, repeatedly: that is the site saying so."""
    she, he = len(SHE.findall(text)), len(HE.findall(text))
    if she >= 2 and he == 0:
        return "female"
    if he >= 2 and she == 0:
        return "male"
    return "unknown"


def _gender_label(value: str) -> Gender:
    lowered = value.strip().lower()
    if lowered.startswith(("f", "woman")):
        return "female"
    if lowered.startswith(("m", "man")) and not lowered.startswith("mixed"):
        return "male"
    return "unknown"


def dates_by_cue(line: str) -> tuple[date | None, date | None]:
    """(appointed, term_end) read from dates whose preceding words say which they are, or from
    a term written as a range: "Term of office: April 2021 – March 2024"."""
    appointed: date | None = None
    term_end: date | None = None
    found = find_dates(line)
    if len(found) == 2 and TERM_RANGE_CUE.search(line):
        (start, start_quote), (end, end_quote) = found
        between = line[line.find(start_quote) + len(start_quote) : line.rfind(end_quote)]
        if RANGE_JOINER.fullmatch(between) and start < end:
            return start, end
    cursor = 0
    for value, quote in found:
        at = line.find(quote, cursor)
        before = line[max(cursor, 0) : at if at >= 0 else len(line)][-50:]
        cursor = at + len(quote) if at >= 0 else cursor
        if TERM_END_CUE.search(before):
            term_end = term_end or value
        elif APPOINTED_CUE.search(before):
            appointed = appointed or value
    return appointed, term_end


@dataclass
class MemberFacts:
    """What the lines about one member say; filled line by line."""

    role: MemberRole | None = None
    organisation: str = ""
    sector: Sector | None = None
    appointed: date | None = None
    term_end: date | None = None
    gender: Gender = "unknown"
    quotes: list[str] = field(default_factory=list)

    def read_label(self, label: str, value: str) -> bool:
        lowered = label.lower()
        if not value.strip():
            return False
        if ROLE_HEADER.search(lowered):
            self.role = self.role or read_role(value) or "member"
            self.sector = self.sector or read_sector_label(value)
        elif ORGANISATION_FIELD.search(lowered):
            self.organisation = self.organisation or value.strip()
        elif "sector" in lowered or lowered in {"category", "type"}:
            # Under a "Sector" label, "Business" or "Industry" names the private sector.
            business = BUSINESS_SECTOR_VALUE.fullmatch(value)
            self.sector = (
                self.sector or read_sector_label(value) or ("private" if business else None)
            )
        elif "gender" in lowered or lowered == "sex":
            self.gender = _gender_label(value)
        elif APPOINTED_FIELD.search(lowered):
            self.appointed = self.appointed or _first_date(value)
        elif TERM_FIELD.search(lowered):
            self.term_end = self.term_end or _first_date(value)
        else:
            return False
        return True

    def read_line(self, line: str) -> None:
        text = line.strip(" •*·-–—\t")
        if not text:
            return
        label = _LABEL.match(text)
        if label and self.read_label(label.group("label"), label.group("value")):
            self.quotes.append(text)
            return
        appointed, term_end = dates_by_cue(text)
        if appointed or term_end:
            self.appointed = self.appointed or appointed
            self.term_end = self.term_end or term_end
            self.quotes.append(text)
            return
        for part in _SEPARATORS.split(text) if len(text.split()) <= 14 else [text]:
            self._read_part(part.strip(" ,;"))

    def _read_part(self, part: str) -> None:
        if not part:
            return
        short = len(part.split()) <= 8
        role = read_role(part)
        if role is not None and (short or role != "member"):
            self.role = self.role or role
            self.quotes.append(part)
            if short and SECTOR_WORD.search(part):
                self.sector = self.sector or read_sector_label(part)
            return
        # "Private Sector", "Local Authority Leader", "Higher Education representative".
        label = read_sector_label(part) if short and SECTOR_LINE.search(part) else None
        if label is not None:
            self.sector = self.sector or label
            self.quotes.append(part)
            return
        if NOT_A_FIELD.search(part):
            return  # "Read more", "Download register of interests (PDF)", contact details
        if BOARD_DUTY.search(part):
            return  # "SME representative", "Diversity champion": a duty on the board
        if len(part.split()) > 12 or part.endswith(".") or MEMBERSHIP_ONLY.match(part):
            return  # prose, or "Board member (SME representative)": no organisation
        if all(is_honour(t) for t in part.split()):
            return  # "Jane Doe, OBE"
        organisation = _organisation_of(part)
        # "Chief Executive, Acme Ltd" split in two: the part that names a body wins over a job.
        if self.organisation and (
            ORGANISATION_CUE.search(self.organisation) or not ORGANISATION_CUE.search(organisation)
        ):
            return
        self.organisation = organisation
        self.quotes.append(part)


def _organisation_of(line: str) -> str:
    """'Managing Director, Doe Holdings Ltd' -> 'Doe Holdings Ltd'; otherwise the line."""
    pieces = [p.strip() for p in re.split(r",|\s+at\s+", line) if p.strip()]
    for piece in reversed(pieces):
        if ORGANISATION_CUE.search(piece):
            job_of = JOB_OF.match(piece)
            return (
                job_of.group("org")
                if job_of and ORGANISATION_CUE.search(job_of.group("org"))
                else piece
            )
    return line.strip()


def _first_date(text: str) -> date | None:
    found = find_dates(text)
    return found[0][0] if found else None
