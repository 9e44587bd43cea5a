"""Committee systems: the words of a council's ModernGov install that the adapter reads.

Many LEPs' boards meet as committees of a council or combined authority whose papers sit in
its committee system (tests/fixtures/moderngov/README.md: the real pages and web-service
answers). The crawl picks the LEP's committees by their titles ("Wyvern Coast LEP Investment
Panel") and skips cancelled meetings; the extract stage reads which pack is which ("Agenda
frontsheet", "Public reports pack", "Printed minutes"), which items are kept from the public
(Part II, Local Government Act 1972 Schedule 12A) and whether a meeting page shows draft or
approved minutes; the site model dates approved minutes by the item that approves them.
The markup of the system (`mgMainTitleTxt`, `span.mgLabel`), its URLs and its date formats are
the system's syntax and stay with the code that parses them.
"""

from __future__ import annotations

import re

# Words of a LEP's name that do not tell one LEP from another: a committee is the LEP's when
# its title holds the rest ("Wyvern Coast" of "Wyvern Coast Local Enterprise Partnership").
LEP_NAME_GENERIC_WORDS = frozenset(
    {"local", "enterprise", "partnership", "lep", "the", "and", "of", "limited", "ltd", "&"}
)
# A committee title that says it is a LEP's, so the council's own Cabinet or a namesake
# committee ("Wyvern Coast Joint Committee") is never taken for it.
LEP_MARKER = re.compile(r"\bLEP\b|enterprise\s+partnership", re.IGNORECASE)
# A committee page's link to a member who is a councillor, whose register of interests is on
# the council's site ("Councillor Jane Doe", "Cllr. Lee").
COUNCILLOR_LINK = re.compile(r"^\s*(?:councillor|cllr\.?)\s", re.IGNORECASE)
# A meeting (a meeting list's line, a meeting page's subtitle) that did not take place:
# "15 Mar 2022 4.30 pm CANCELLED", "Tuesday, 15th March, 2022 4.30 pm - Cancelled".
CANCELLED = re.compile(r"\bcancel", re.IGNORECASE)
# The web service's `meetingstatus` of a meeting that did not take place ("Cancelled").
CANCELLED_STATUS = re.compile(r"cancel", re.IGNORECASE)
# The whole reports pack, which repeats the papers a meeting page also links one by one: the
# crawl skips it when they are (link text or URL).
WHOLE_REPORTS_PACK = re.compile(r"reports\s+pack", re.IGNORECASE)
# A meeting page's packs by the link text or file name: the agenda frontsheet, the reports
# pack, the printed minutes (tried in this order: "Printed minutes" is no agenda).
PACK_NAMES: dict[str, re.Pattern[str]] = {
    "agenda": re.compile(r"agenda\s+(?:frontsheet|front\s+sheet)|^\s*agenda\b", re.IGNORECASE),
    "reports": re.compile(r"reports?\s+pack", re.IGNORECASE),
    "minutes": re.compile(r"printed\s+minutes|\bminutes\b", re.IGNORECASE),
}
# An item that approves earlier minutes ("Minutes", "3. Minutes of Previous Meeting"): its
# decision dates the approved minutes, not this meeting's own draft minutes (MEET-03).
MINUTES_ITEM = re.compile(r"^\s*(?:\d+\.?\s*)?minutes\b", re.IGNORECASE)
# The heading of the items kept from the public: "Part II (Not Open to Press and Public)",
# "Part 2", "Part B" (Local Government Act 1972 s.100A; MEET-07).
PART_TWO = re.compile(r"\bpart\s+(?:ii|2|b)\b|not\s+open\s+to\s+(?:the\s+)?press", re.IGNORECASE)
# The exemption ground a decision page quotes ("... by virtue of paragraph 3 of Part 1 of
# Schedule 12A to the Local Government Act 1972"), looked for in lower-cased text.
EXEMPTION_SCHEDULE = "schedule 12a"
# A meeting page's heading (lower-cased) that shows minutes ("Agenda and minutes") ...; also
# the label of an item's minutes paragraph ("Minutes:").
HEADING_MINUTES = "minutes"
# ... and says they are not yet approved ("Agenda and draft minutes").
HEADING_DRAFT = "draft"
# The file size ModernGov prints at the end of a link ("Minutes PDF 119 KB"): not the name.
FILE_SIZE_SUFFIX = re.compile(r"\s*(?:pdf icon\s*)?PDF\s+[\d.]+\s*[KM]B$", re.IGNORECASE)
# The start of a document link's title once "Link to " is gone ("document Minutes 11th May
# 2022", "file Appendix A"): not the name.
LINK_TITLE_PREFIX = re.compile(r"^(?:document|file)\s+")
# A successor body (a council or combined authority) audited in its own right: the committees of
# its own install whose meetings its statutory timeliness rules judge (SI 2012/2089 regs. 6-7 and
# 12; LGA 1972 s. 100B), read through its web service by title: the full council, the executive,
# the bodies that take or scrutinise key decisions, and the business board that took over its
# LEP's functions. Planning, licensing and the like are left to the crawl of its pages.
SUCCESSOR_COMMITTEES: dict[str, re.Pattern[str]] = {
    "full council": re.compile(
        r"^\s*(?:full\s+|county\s+|city\s+|borough\s+)?council\s*$|^\s*meeting\s+of\s+(?:the\s+)?"
        r"(?:full\s+)?council\b|^[\w' ]+\b(?:county|city|borough)\s+council\s*$",
        re.IGNORECASE,
    ),
    "executive": re.compile(
        r"\bcabinet\b|\bexecutive\b(?!\s+(?:director|officer|assistant))|\bleader'?s?\s+decisions?"
        r"|\bmayor'?s?\s+decisions?|combined\s+authority\s*(?:board)?\s*$",
        re.IGNORECASE,
    ),
    "scrutiny": re.compile(r"\bscrutiny\b|\baudit\s+(?:and|&)\s+governance\b", re.IGNORECASE),
    "growth": re.compile(
        r"\bbusiness\s+board\b|\b(?:economic\s+)?growth\s+board\b|\binvestment\s+(?:panel|board)"
        r"|\benterprise\s+partnership\b|\bLEP\b",
        re.IGNORECASE,
    ),
}
