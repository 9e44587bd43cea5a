"""The words of error pages that servers send with a success status ("soft errors").

A dead link on many CMSs answers HTTP 200 with a page titled "Page not found" or "Sorry, something
went wrong" in the site's own template; a page of that shape is not the document its link names.
Each opening below is matched, case-insensitively, at the start of one part of a page's title
(titles are split at " | ", " - ", ": " and the like, so "Page not found | Wyvern Vale LEP" and
"Wyvern Vale LEP - Error 404" both show it) or at the start of one of its first headings, after
any leading apology ("Sorry,", "Oops!"), in a short line that asks no question. Openings, not
mere mentions: a governance page with a heading "Correcting errors in the register" or a
complaints page asking "Something went wrong? Tell us" is a document. The examples are checked
by tests/extract/test_soft_error_words.py.

Kept in one module so that it can join the vocabulary package (lepcheck.vocab) as it is.
"""

from __future__ import annotations

# Matched away before the openings: "Sorry, ", "Oops! ", "We're sorry, but ", "Error: ".
LEADING_APOLOGY = (
    r"^(?:\W*(?:sorry|oops|whoops|uh[- ]?oh|apologies|we[’']re sorry|ooops|hmm+)\b[\s,.!:;-]*"
    r"(?:but\s+)?)*"
)

# Where a title splits into parts: "Page not found | Wyvern Vale LEP".
TITLE_SEPARATORS = r"\s+[|\-–—·»:]\s+|\s*[|»·]\s*|:\s+"

ERROR_PAGE_OPENINGS: tuple[str, ...] = (
    # Status codes: "404", "Error 404", "404 - File or directory not found.", "HTTP Error 503."
    r"(?:http\s+)?(?:error\s*:?\s*)?(?:40[0134]|410|50[0-4])(?:\s*$|\s*[-–:.!(]|\s+(?:error|not"
    r"\s+found|page\s+not\s+found|forbidden|gone|bad\s+request|internal\s+server\s+error"
    r"|service\s+(?:temporarily\s+)?unavailable|bad\s+gateway|gateway\s+time-?out)\b)",
    # "Page not found", "File not found", "Not Found", "Nothing found"
    r"(?:the\s+)?(?:(?:web\s*)?page|file|document|resource|content|item|url)?\s*(?:was\s+)?"
    r"not\s+found\b",
    r"nothing\s+(?:was\s+|has\s+been\s+)?found\b",
    # "We couldn't find that page", "We can't find the page you're looking for"
    r"(?:we|i)\s+(?:couldn[’']?t|could\s+not|can[’']?t|cannot|were\s+unable\s+to)\s+"
    r"(?:find|locate|load)\b",
    # "The page you requested could not be found", "That page can’t be found"
    r"(?:the|this|that)?\s*(?:page|file|document)\s+(?:you\s+(?:requested|are\s+looking\s+for"
    r"|were\s+looking\s+for|tried\s+to\s+(?:access|reach)|want)\s+)?(?:could\s+not|couldn[’']?t"
    r"|cannot|can[’']?t|can\s+not)\s+be\s+(?:found|displayed|shown|loaded)\b",
    # "This page does not exist", "The page you are looking for is no longer available"
    r"(?:the|this|that)?\s*(?:page|file|document)\s+(?:you\s+(?:requested|are\s+looking\s+for"
    r"|were\s+looking\s+for)\s+)?(?:does\s+not|doesn[’']?t|no\s+longer)\s+exists?\b",
    r"(?:the|this|that)?\s*(?:page|file|document)\s+(?:you\s+(?:requested|are\s+looking\s+for"
    r"|were\s+looking\s+for)\s+)?(?:is|has\s+been)\s+(?:no\s+longer|not|currently\s+not)"
    r"\s+available\b",
    # "Something went wrong" (but not "Something went wrong? Tell us")
    r"(?:it\s+looks\s+like\s+)?something\s+(?:went|has\s+gone|is)\s+wrong\b(?!\s*\?)",
    # "An error occurred", "An unexpected error has occurred"
    r"(?:an?\s+)?(?:unexpected\s+|internal\s+|unknown\s+|unhandled\s+)?error\s+(?:has\s+)?"
    r"(?:occurred|occured)\b",
    r"(?:internal\s+)?server\s+error\b",
    r"(?:runtime|application|unexpected|system|database)\s+error\b",
    r"error\s+establishing\s+a\s+database\s+connection\b",
    r"error\W*$",
    r"(?:service\s+(?:temporarily\s+)?unavailable|bad\s+(?:gateway|request)|gateway\s+time-?out)\b",
    r"(?:access\s+denied|forbidden|request\s+rejected|you\s+(?:do\s+not|don[’']?t)\s+have"
    r"\s+permission)\b",
    # Bot walls stand between the crawler and the document.
    r"(?:just\s+a\s+moment|attention\s+required|checking\s+your\s+browser"
    r"|please\s+wait\s+while\s+we\s+(?:check|verify))\b",
    r"(?:(?:the\s+)?(?:site|website|page)\s+(?:is\s+)?(?:currently\s+)?)?(?:under|down\s+for)"
    r"\s+maintenance\b",
    r"we[’']?ll\s+be\s+back\s+soon\b",
)
# An opening followed by a question in the same sentence asks, it does not report an error.
NOT_A_QUESTION = r"(?![^.!\n]*\?)"
# Error headings are short; a longer line that opens with these words is about something else.
MAX_ERROR_LINE = 100

# Titles and headings of real error pages (many from UK council and LEP sites' CMSs).
ERROR_PAGE_EXAMPLES: tuple[str, ...] = (
    "Page not found | Wyvern Vale LEP",
    "Wyvern Vale LEP - Page Not Found",
    "404 - File or directory not found.",
    "404 Not Found",
    "Error 404",
    "Error 500 - Internal Server Error",
    "HTTP Error 503. The service is unavailable.",
    "Server Error in '/' Application.",
    "Sorry, something went wrong",
    "We're sorry, but something went wrong.",
    "Oops! That page can’t be found.",
    "Sorry, we couldn't find that page",
    "The page you requested could not be found",
    "The page you are looking for is no longer available",
    "This page does not exist",
    "Nothing Found",
    "An error occurred while processing your request.",
    "An unexpected error has occurred",
    "Error establishing a database connection",
    "Runtime Error",
    "Service Unavailable",
    "Access Denied",
    "Forbidden",
    "Request Rejected",
    "Just a moment...",
    "Attention Required! | Cloudflare",
    "Website under maintenance",
    "Error",
    "Document not found - Wyvern Vale LEP",
)

# Titles and headings of documents that mention errors, absence or wrongness in passing.
NOT_ERROR_PAGE_EXAMPLES: tuple[str, ...] = (
    "Governance and transparency | Wyvern Vale LEP",
    "Correcting errors in the register of interests",
    "Errors and omissions",
    "Something went wrong? Tell us how to put it right",
    "Complaints: when things go wrong",
    "Freedom of information: information not held",
    "Board meeting at 404 Business Park, 12 March 2024",
    "Access to information",
    "Lost and found property policy",
    "Finding funding for your business",
    "Service plan 2023/24",
    "Annual report 2022-23",
    "Error reporting procedure",
    "Not found what you need? Contact the Growth Hub",
    # A notice above a copied news article (tests/corpus, hull-east-yorkshire): not its heading.
    "Oops.",
    "Page not found errors on our old website have now been fixed by moving every document "
    "to the new document library",
)
