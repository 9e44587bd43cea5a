"""Dates and the words around them: month and weekday names, the cues that say what a date is.

A date means something only with the words before it: "Last updated 3 March 2024" dates the
document, "held on 14 March 2023" the meeting, "Appointed: April 2021" a member's term, and
"rescheduled from 12 March" a date that is no longer the meeting's. The date grammar itself
(lepcheck.extract.dates) is built from the month and weekday names here.
"""

from __future__ import annotations

import re

# Month names and the abbreviations UK papers use ("Sept", not "Sep." alone), to month numbers.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

# A month's name or abbreviation as a date grammar writes it (longest first, so "September" is
# not read as "Sep" and junk): a fragment of lepcheck.extract.dates and of vocab.periods,
# matched case-insensitively there.
MONTH_NAME = rf"(?<![a-z])(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b"

# A weekday written before a date ("Tuesday 12 March", "Thurs. 4 May"): a fragment of the
# date grammar, matched case-insensitively there.
WEEKDAY = r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+"
# A weekday's first three letters to its number (Monday 0), to check a date against the weekday
# printed with it: "Monday 23rd January 2016" (a Saturday) has a wrong year or a wrong day.
WEEKDAY_NUMBERS: dict[str, int] = {
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip

# "March 2023" alone names no day, so it dates neither a meeting nor a signature.
MONTH_ONLY = re.compile(r"^[A-Za-z]+\.?,?\s+\d{4}$")
# "20230314" run together in file names ("Minutes_20230314.pdf").
COMPACT_DATE = re.compile(r"(?<!\d)(20\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
# Financial-year column labels of funding tables: "2021/22", "2021-22", "2021/2022", "FY23".
FINANCIAL_YEAR = re.compile(
    r"^(?:FY\s?\d{2,4}|(?:19|20)\d\d\s?[/-]\s?(?:\d\d|(?:19|20)\d\d))$", re.I
)
# A year a document names (1980 onwards: LEPs and their predecessors), for "is it current?".
YEAR = re.compile(r"\b(?:19[89]\d|20\d\d)\b")

# A word before a date that says the date is the document's own (extract.printed).
PRINTED_DATE_CUE = re.compile(
    r"\b(?:last\s+updated|updated|last\s+reviewed|reviewed|revised|published|publication\s+date"
    r"|date\s+of\s+(?:issue|publication|approval|review)|issued|dated|approved|adopted"
    r"|version\s+date|effective\s+(?:from|date)|date)\b",
    re.IGNORECASE,
)
# Words about publishing: the cover date of an agenda is the meeting's, a date after these is
# the publication's (MEET-01..03).
PUBLISHED_CUE = re.compile(
    r"publish|updated|issued|despatch|dispatch|circulated|posted|uploaded|date of issue",
    re.IGNORECASE,
)
# Words just before a date that make it the file's date, not the meeting's ("Published ...";
# a document-sharing site's "Post on 01-Oct-2020").
ABOUT_THE_FILE = re.compile(
    r"(?:published|updated|issued|printed|despatched|dispatched|circulated|version|revised"
    r"|date\s+of\s+(?:issue|despatch|dispatch|publication)|\bpost(?:ed)?\s+on|uploaded)"
    r"[^\n]{0,15}$",
    re.I,
)
# Words just before a date that make it the meeting's ("held on", "Date of meeting:").
HELD_ON = re.compile(
    r"(?:held\s+(?:on|at)|meeting\s+(?:on|of)|date\s+of\s+meeting|date\s+(?:and\s+time\s*)?:|\bon\b)"
    r"\s*[^\n]{0,20}$",
    re.I,
)
# Words before a date that make it a meeting's old date, not its date.
FORMER_DATE = re.compile(
    r"\b(?:moved|rescheduled|postponed|brought\s+forward|changed|deferred)\s+from\s+"
    r"(?:the\s+)?$|\b(?:originally|previously|formerly)\s+(?:scheduled\s+|planned\s+|"
    r"arranged\s+)?(?:for\s+|on\s+)?(?:the\s+)?$|\b(?:instead\s+of|rather\s+than|"
    r"replacing)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# A board member's dates (BOARD-10): words before a date that make it the appointment...
APPOINTED_CUE = re.compile(
    r"appointed|joined|member since|start(?:ed)?|date of appointment|from", re.IGNORECASE
)
# ... or the end of the term ("Term ends March 2024", "re-appointment due").
TERM_END_CUE = re.compile(
    r"term (?:of office )?(?:ends?|expires?|end date|until)|end of term|expires?|until|"
    r"re-?appointment due|term end|ends?\b",
    re.IGNORECASE,
)
# A line with two dates is a term written as a range when it speaks of a term or appointment.
TERM_RANGE_CUE = re.compile(r"\bterm\b|\bappointed\b|\bserving\b", re.I)
# What stands between the two dates of a range: "April 2021 – March 2024", "2021 to 2024".
RANGE_JOINER = re.compile(r"\s*(?:-|–|—|to|until)\s*", re.I)
