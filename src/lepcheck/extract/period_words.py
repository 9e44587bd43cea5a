"""How LEP documents say what period they cover and when they were approved: named patterns,
each with examples of the words it reads (tests check every example).

Accounts, annual reports, delivery plans, assurance statements and assurance frameworks are
judged current by these (FIN-02, FIN-04, FIN-05, ASSUR-02, ASSUR-05; issue 13 item 4). Each
pattern says where it may be believed: the title and the cover (the top of the first page)
name the document's own period; words found further into the text count only with a cue that
ties them to the document ("for the year ended", "during 2019/20", "approved by the Board on"),
since a plan also mentions the years of the programmes it describes.

Shapes (how `periods.py` turns a match into dates):
  year_ended       `end` is a day; the period is the year to it
  from_to          `start` and `end` are days or months ("April 2020 to March 2021")
  financial_years  `y1` and `y2` ("2019/20", "2012-15"): 1 April y1 to 31 March y2
  named_year       `year` alone ("Annual Report 2020"): read as the financial year ending in
                   it, the earliest period the words allow, so a staleness check never flatters
                   a document (as lepcheck.extract.dates reads "March 2019" as its 1st)
  sign_off         `date` of an approval, adoption or signature of this document
  version_row      `date` on a line of a version table ("3.0  19 July 2019  Board approval")
  edition          `date` printed with the document's name on its cover ("Assurance Framework
                   March 2015", "5th edition – March 2019")
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from lepcheck.extract.dates import MONTH_PATTERN

Place = Literal["title", "cover", "text"]
Shape = Literal[
    "year_ended", "from_to", "financial_years", "named_year", "sign_off", "version_row", "edition"
]

_YEAR = r"(?:19|20)\d\d(?!\d)"
DAY_MONTH_YEAR = rf"(?<!\d)[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_PATTERN}\.?,?\s+{_YEAR}"
MONTH_YEAR = rf"{MONTH_PATTERN}\.?,?\s+{_YEAR}"
NUMERIC_DATE = r"(?<![\d/.])[0-3]?\d[/.][01]?\d[/.](?:20)?\d\d(?![\d/.])"
A_DAY = rf"(?:{DAY_MONTH_YEAR}|{NUMERIC_DATE})"
A_DATE = rf"(?:{DAY_MONTH_YEAR}|{MONTH_YEAR}|{NUMERIC_DATE})"


def span(tag: str = "") -> str:
    """ "2019/20", "2019/2020", "2019-20", "2019 / 20", "2012-15" as groups y1<tag>, y2<tag>
    (a pattern naming two spans tags them apart; periods.py checks y2 follows y1)."""
    return rf"(?<![\d/.\-])(?P<y1{tag}>20\d\d)\s*[/\-–]\s*(?P<y2{tag}>(?:20)?\d\d)(?![\d/]|[.\-]\d)"


# The lookahead names the first letters of the names below: it changes no match, but lets the
# regex engine pass over every other word boundary at once instead of trying each name there
# (the text patterns ran 5-10x slower without it; issue 13 item 6, benchmarks/extract.py).
DOCUMENT_NAME = (
    r"(?=[abdfglos])(?:annual\s+(?:report|review|statement|accounts)|(?:annual\s+)?(?:delivery|business|"
    r"operating)\s+plan|(?:local\s+)?assurance\s+framework|(?:annual\s+)?(?:assurance|governance)"
    r"\s+statement|financial\s+statements|statement\s+of\s+accounts|accounts)"
)
_I = re.IGNORECASE
_IM = re.IGNORECASE | re.MULTILINE


@dataclass(frozen=True)
class DatePattern:
    name: str
    shape: Shape
    places: tuple[Place, ...]
    pattern: re.Pattern[str]
    examples: tuple[str, ...]


PERIOD_PATTERNS: tuple[DatePattern, ...] = (
    DatePattern(
        "year ended",
        "year_ended",
        ("title", "cover", "text"),
        re.compile(rf"\b(?:financial\s+)?year\s+end(?:ed|ing)\s*:?\s*(?P<end>{A_DAY})", _I),
        (
            "Statement of accounts for the year ended 31 March 2019",
            "REPORT AND FINANCIAL STATEMENTS FOR THE YEAR ENDING 31ST MARCH 2024",
        ),
    ),
    DatePattern(
        "for the period ... to ...",
        "from_to",
        ("title", "cover", "text"),
        re.compile(
            rf"\b(?:for\s+the\s+period|period\s+(?:from|covered)|covering|covers|from)\s+"
            rf"(?:the\s+)?(?P<start>{A_DATE})\s*(?:to|until|till|-|–|—)\s*(?:the\s+)?"
            rf"(?P<end>{A_DATE})",
            _I,
        ),
        (
            "for the period 1 April 2020 to 31 March 2021",
            "delivery plan for this financial year (from 1 April 2019 to 31 March 2020)",
        ),
    ),
    DatePattern(
        "month to month on the cover",
        "from_to",
        ("title", "cover"),
        re.compile(rf"(?P<start>{MONTH_YEAR})\s*(?:to|until|-|–|—)\s*(?P<end>{MONTH_YEAR})", _I),
        (
            "Draft Delivery Plan April 2020 to March 2021",
            "Annual Delivery Plan April 2019 – March 2020",
        ),
    ),
    DatePattern(
        "financial year in the text",
        "financial_years",
        ("title", "cover", "text"),
        re.compile(
            rf"\b(?:during|throughout)\s+(?:the\s+)?(?:financial\s+year\s+)?{span('a')}"
            rf"|{span('b')}\s+financial\s+year|\bfinancial\s+year\s+{span('c')}",
            _I,
        ),
        (
            "reviewing our impact during the 2019/20 financial year",
            "continued to uphold high standards throughout 2020/21",
            "the activities the LEP will carry out in the 2019/20 financial year",
        ),
    ),
    DatePattern(
        "document named with its years",
        "financial_years",
        ("title", "cover", "text"),
        re.compile(
            rf"\b{DOCUMENT_NAME}\s*(?:for\s+)?[-–:]?\s*{span('a')}|{span('b')}\s+{DOCUMENT_NAME}",
            _I,
        ),
        (
            "Annual Report – 2017/2018",
            "DELIVERY PLAN 2019-2020",
            "Business Plan 2012-15",
            "our 2021/22 Annual Report",
        ),
    ),
    DatePattern(
        "years in the title",
        "financial_years",
        ("title",),
        re.compile(span()),
        ("Annual statement 2019/20", "Growth Hub 2020 / 21 highlights"),
    ),
    DatePattern(
        "years on the cover, as the year reviewed",
        "financial_years",
        ("cover",),
        re.compile(
            rf"\b(?:in|for)\s+{span('a')}|{span('b')}\s+(?:has|had)\s+been\s+(?:a|an)\s+"
            r"(?:[\w-]+\s+){0,3}year\b",
            _I,
        ),
        ("In 2018-19 we have:", "There is no doubt that 2021/22 has been a difficult year"),
    ),
    DatePattern(
        "document named with its year",
        "named_year",
        ("title", "cover"),
        re.compile(
            rf"\b{DOCUMENT_NAME}[ \t]+(?:for[ \t]+)?(?P<year>20\d\d)(?![\d/\-–])"
            # not "March 2019 Assurance Framework": a year after a word is a date's or a name's
            rf"|(?<![\w/\-–])(?<![\w,.][ \t])(?P<year_first>20\d\d)[ \t]+"
            rf"(?:[A-Z][\w&]*[ \t]+){{0,3}}{DOCUMENT_NAME}",
            _I,
        ),
        ("Welcome to the LEP's annual report for 2020", "2020 D2N2 Annual Review"),
    ),
    DatePattern(
        "our document of the year",
        "named_year",
        ("title", "cover", "text"),
        re.compile(
            rf"\b(?:our|this)[ \t]+(?P<year>20\d\d)[ \t]+(?:[A-Z][\w&]*[ \t]+){{0,3}}"
            rf"{DOCUMENT_NAME}|\b(?:our|this)[ \t]+{DOCUMENT_NAME}[ \t]+for[ \t]+"
            r"(?P<year_b>20\d\d)(?![\d/\-–])",
            _I,
        ),
        (
            "Our 2017 SEMLEP Assurance Framework responds to the guidance",
            "this annual report for 2020",
        ),
    ),
    DatePattern(
        "year on the cover, as the year reviewed",
        "named_year",
        ("cover",),
        re.compile(
            r"(?<![\w/\-–])(?P<year>20\d\d)\s+(?:has|had)\s+been\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}"
            r"year\b",
            _I,
        ),
        ("2018 has been a year of delivery, change and improvement.",),
    ),
)

APPROVAL_PATTERNS: tuple[DatePattern, ...] = (
    DatePattern(
        "approved, adopted or signed on a date",
        "sign_off",
        ("title", "cover", "text"),
        re.compile(
            r"\b(?P<verb>approved|adopted|agreed|endorsed|ratified|signed(?:\s+off)?)\b"
            # who approved it: a short phrase ("the LEP Board"), not a clause running on
            r"(?:\s+(?:by|at|on\s+behalf\s+of)\s+(?:the\s+)?[^\n.;,]{2,50}?)?"
            r"\s*(?:,\s*)?(?:on|at\s+(?:its|the|their)\s+meeting\s+(?:held\s+)?on|in|dated|:)?"
            rf"\s*(?P<date>{A_DATE})",
            _I,
        ),
        (
            "approved by the Board on 24 January 2020",
            "Adopted by the LEP Board: 12 March 2019",
            "Signed on behalf of the Board on 19 September 2023",
        ),
    ),
    DatePattern(
        "a row of a version table",
        "version_row",
        ("cover", "text"),
        re.compile(
            r"^[ \t|]*(?:v(?:ersion)?\.?\s*)?\d{1,2}\.\d{1,2}(?:\.\d{1,2})?[ \t]*[|–-]?[ \t]*"
            rf"(?P<date>{A_DATE})",
            _IM,
        ),
        ("3.0 19 July 2019 Amendments agreed by the Board", "V2.1 | 04/03/2021 | Annual review"),
    ),
    DatePattern(
        "date printed with the document's name",
        "edition",
        ("title", "cover"),
        re.compile(
            rf"(?:\b{DOCUMENT_NAME}|\bedition|\bversion\s+\d+(?:\.\d+)*)\s*[-–:,]?\s*"
            rf"(?P<date>{DAY_MONTH_YEAR}|{MONTH_YEAR})",
            _I,
        ),
        ("Assurance Framework March 2015", "5th edition – March 2019", "Delivery Plan May 2019"),
    ),
)

# Words before an approval that make it a future or conditional one ("to be approved by the
# Board on ...", "subject to approval"), or another paper's ("the minutes ... were approved").
NOT_YET = re.compile(
    r"(?:to\s+be|will\s+be|subject\s+to|for|awaiting|pending|once|when|if|until)\s+$|"
    r"\bminutes\b[^.\n]{0,60}$",
    _I,
)
