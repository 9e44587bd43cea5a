"""Periods and approvals: how LEP documents say what period they cover and when they were approved.

Accounts, annual reports, delivery plans, assurance statements and assurance frameworks are
judged current by these (FIN-02, FIN-04, FIN-05, ASSUR-02, ASSUR-05; issue 13 item 4). Each
pattern is believed only in some places, said beside it in lepcheck.extract.periods: the title
and the cover (the top of the first page) name the document's own period; words found further
into the text count only with a cue that ties them to the document ("for the year ended",
"during 2019/20", "approved by the Board on"), since a plan also mentions the years of the
programmes it describes. The named groups are what lepcheck.extract.periods turns into dates:
`end`, `start`, `date` (a day or a month), `y1*`/`y2*` (a span of financial years), `year*`.
The `DATA_*` patterns are the periods published data files are named by (Transparency Code
2015 Part 2), which lepcheck.site.datasets reads by group number.
"""

from __future__ import annotations

import re

from lepcheck.vocab.dates import MONTH_NAME

_I = re.IGNORECASE
_IM = re.IGNORECASE | re.MULTILINE
_YEAR = r"(?:19|20)\d\d(?!\d)"

# The pieces periods are written with, matched case-insensitively inside the patterns below.
# A day: "31 March 2019", "31st of March, 2019".
DAY_MONTH_YEAR = rf"(?<!\d)[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAME}\.?,?\s+{_YEAR}"
# A month: "March 2021", "Sept. 2019".
MONTH_YEAR = rf"{MONTH_NAME}\.?,?\s+{_YEAR}"
# A day in figures, day first as UK papers write it: "31/03/2019", "04.03.21".
NUMERIC_DATE = r"(?<![\d/.])[0-3]?\d[/.][01]?\d[/.](?:20)?\d\d(?![\d/.])"
# A day in words or figures.
A_DAY = rf"(?:{DAY_MONTH_YEAR}|{NUMERIC_DATE})"
# A day or a month.
A_DATE = rf"(?:{DAY_MONTH_YEAR}|{MONTH_YEAR}|{NUMERIC_DATE})"
# The names of the documents a period belongs to: "Annual Report", "Delivery Plan", "Local
# Assurance Framework", "Statement of Accounts" (the corpus's titles, development part).
# The lookahead names the first letters of the names below: it changes no match, but lets the
# regex engine pass over every other word boundary at once instead of trying each name there
# (the text patterns ran 5-10x slower without it; issue 13 item 6, benchmarks/extract.py).
DOCUMENT_NAME = (
    r"(?=[abdfglos])(?:annual\s+(?:report|review|statement|accounts)|(?:annual\s+)?(?:delivery|business|"
    r"operating)\s+plan|(?:local\s+)?assurance\s+framework|(?:annual\s+)?(?:assurance|governance)"
    r"\s+statement|financial\s+statements|statement\s+of\s+accounts|accounts)"
)


def _span(tag: str = "") -> str:
    """ "2019/20", "2019/2020", "2019-20", "2019 / 20", "2012-15" as groups y1<tag>, y2<tag>
    (a pattern naming two spans tags them apart; lepcheck.extract.periods checks y2 follows
    y1, so "2019-03" is not a span)."""
    return rf"(?<![\d/.\-])(?P<y1{tag}>20\d\d)\s*[/\-–]\s*(?P<y2{tag}>(?:20)?\d\d)(?![\d/]|[.\-]\d)"


# The period a document covers, by the way it is written. Keys are the shapes'
# names lepcheck.extract.periods gives them (it says where each is believed).
PERIOD_WORDS: dict[str, re.Pattern[str]] = {
    # "for the year ended 31 March 2019": the year to a day.
    "year_ended": re.compile(
        rf"\b(?:financial\s+)?year\s+end(?:ed|ing)\s*:?\s*(?P<end>{A_DAY})", _I
    ),
    # "for the period 1 April 2020 to 31 March 2021": two days or months.
    "period_from_to": re.compile(
        rf"\b(?:for\s+the\s+period|period\s+(?:from|covered)|covering|covers|from)\s+"
        rf"(?:the\s+)?(?P<start>{A_DATE})\s*(?:to|until|till|-|–|—)\s*(?:the\s+)?"
        rf"(?P<end>{A_DATE})",
        _I,
    ),
    # "Delivery Plan April 2020 to March 2021": months with no cue, so only on the cover.
    "months_on_cover": re.compile(
        rf"(?P<start>{MONTH_YEAR})\s*(?:to|until|-|–|—)\s*(?P<end>{MONTH_YEAR})", _I
    ),
    # "during the 2019/20 financial year": financial years with a cue.
    "financial_year_in_text": re.compile(
        rf"\b(?:during|throughout)\s+(?:the\s+)?(?:financial\s+year\s+)?{_span('a')}"
        rf"|{_span('b')}\s+financial\s+year|\bfinancial\s+year\s+{_span('c')}",
        _I,
    ),
    # "Annual Report – 2017/2018", "our 2021/22 Annual Report": the document named with years.
    "document_with_years": re.compile(
        rf"\b{DOCUMENT_NAME}\s*(?:for\s+)?[-–:]?\s*{_span('a')}|{_span('b')}\s+{DOCUMENT_NAME}",
        _I,
    ),
    # "Annual statement 2019/20": financial years anywhere in the title.
    "years_in_title": re.compile(_span()),
    # "In 2018-19 we have:": the year a cover looks back on.
    "years_reviewed_on_cover": re.compile(
        rf"\b(?:in|for)\s+{_span('a')}|{_span('b')}\s+(?:has|had)\s+been\s+(?:a|an)\s+"
        r"(?:[\w-]+\s+){0,3}year\b",
        _I,
    ),
    # "Annual Report 2020", "2020 D2N2 Annual Review": one year with the document's name (not
    # "March 2019 Assurance Framework": a year after a word is a date's or a name's).
    "document_with_year": re.compile(
        rf"\b{DOCUMENT_NAME}[ \t]+(?:for[ \t]+)?(?P<year>20\d\d)(?![\d/\-–])"
        rf"|(?<![\w/\-–])(?<![\w,.][ \t])(?P<year_first>20\d\d)[ \t]+"
        rf"(?:[A-Z][\w&]*[ \t]+){{0,3}}{DOCUMENT_NAME}",
        _I,
    ),
    # "Our 2017 SEMLEP Assurance Framework", "this annual report for 2020".
    "our_document_of_year": re.compile(
        rf"\b(?:our|this)[ \t]+(?P<year>20\d\d)[ \t]+(?:[A-Z][\w&]*[ \t]+){{0,3}}"
        rf"{DOCUMENT_NAME}|\b(?:our|this)[ \t]+{DOCUMENT_NAME}[ \t]+for[ \t]+"
        r"(?P<year_b>20\d\d)(?![\d/\-–])",
        _I,
    ),
    # "2018 has been a year of delivery": the one year a cover looks back on.
    "year_reviewed_on_cover": re.compile(
        r"(?<![\w/\-–])(?P<year>20\d\d)\s+(?:has|had)\s+been\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}"
        r"year\b",
        _I,
    ),
}

# When a document says it was approved, by the way it is written.
APPROVAL_WORDS: dict[str, re.Pattern[str]] = {
    # "approved by the Board on 24 January 2020": a sign-off of this document.
    "sign_off": re.compile(
        r"\b(?P<verb>approved|adopted|agreed|endorsed|ratified|signed(?:\s+off)?)\b"
        # who approved it: a short phrase ("the LEP Board"), not a clause running on
        r"(?:\s+(?:by|at|on\s+behalf\s+of)\s+(?:the\s+)?[^\n.;,]{2,50}?)?"
        r"\s*(?:,\s*)?(?:on|at\s+(?:its|the|their)\s+meeting\s+(?:held\s+)?on|in|dated|:)?"
        rf"\s*(?P<date>{A_DATE})",
        _I,
    ),
    # "3.0 19 July 2019 Amendments agreed by the Board": a row of a version table.
    "version_row": re.compile(
        r"^[ \t|]*(?:v(?:ersion)?\.?\s*)?\d{1,2}\.\d{1,2}(?:\.\d{1,2})?[ \t]*[|–-]?[ \t]*"
        rf"(?P<date>{A_DATE})",
        _IM,
    ),
    # "Assurance Framework March 2015": a date printed with the document's name on its cover.
    "edition": re.compile(
        rf"(?:\b{DOCUMENT_NAME}|\bedition|\bversion\s+\d+(?:\.\d+)*)\s*[-–:,]?\s*"
        rf"(?P<date>{DAY_MONTH_YEAR}|{MONTH_YEAR})",
        _I,
    ),
}

# Words before an approval that make it a future or conditional one ("to be approved by the
# Board on ...", "subject to approval"), or another paper's ("the minutes ... were approved").
NOT_YET = re.compile(
    r"(?:to\s+be|will\s+be|subject\s+to|for|awaiting|pending|once|when|if|until)\s+$|"
    r"\bminutes\b[^.\n]{0,60}$",
    _I,
)

# The period a published data file covers (Transparency Code 2015 Part 2 datasets), as
# councils name the file, its title or its link (lepcheck.site.datasets): financial-year
# quarters, month ranges, a financial year, a month. Groups are read there in order.
_DATA_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATA_SEP = r"[\s/\-–_.]*"
# A financial year in a file name: "2024/25", "2024-2025", "2024 25".
_DATA_FY = r"((?:19|20)\d\d)[\s/\-–_]+(\d\d(?:\d\d)?)"
# "Q1 2024/25", "Quarter 1 FY 2024-25": quarter, then the financial year's two years.
DATA_QUARTER_FIRST = re.compile(
    rf"\b(?:q|quarter){_DATA_SEP}([1-4])\b{_DATA_SEP}(?:of{_DATA_SEP})?(?:fy{_DATA_SEP})?"
    rf"{_DATA_FY}\b",
    _I,
)
# "2024/25 Q1", "2024-25 Quarter 4 procurement card": the two years, then the quarter.
DATA_YEAR_FIRST = re.compile(
    rf"\b(?:fy{_DATA_SEP})?{_DATA_FY}{_DATA_SEP}(?:q|quarter){_DATA_SEP}([1-4])\b", _I
)
# "April to June 2024", "Jan-Mar 2025", "October 2024 to December 2024".
DATA_MONTH_RANGE = re.compile(
    rf"\b{_DATA_MONTH}(?:{_DATA_SEP}((?:19|20)\d\d))?\s*(?:to|-|–|until)\s*{_DATA_MONTH}"
    rf"{_DATA_SEP}((?:19|20)\d\d)\b",
    _I,
)
# "Land and assets 2023-24", "FY 2024/25": a financial year's two years.
DATA_FINANCIAL_YEAR = re.compile(rf"\b(?:fy{_DATA_SEP})?{_DATA_FY}\b", _I)
# "Payments March 2025", "spend-mar-2025": one month.
DATA_ONE_MONTH = re.compile(rf"\b{_DATA_MONTH}{_DATA_SEP}((?:19|20)\d\d)\b", _I)
# The column whose dates say what an unnamed file covers: "Date paid", "Payment date", "Period".
DATA_DATE_COLUMN = re.compile(r"\bdate\b|\bpaid\b|\bperiod\b", _I)
