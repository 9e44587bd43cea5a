"""The words of error pages that servers send with a success status ("soft errors").

A dead link on many CMSs answers HTTP 200 with a page titled "Page not found" or "Sorry, something
went wrong" in the site's own template; a page of that shape is not the document its link names
(issue 11, class 1). ERROR_PAGE_OPENING is matched at the start of one part of a page's title
(split at TITLE_SEPARATORS, so "Page not found | Wyvern Vale LEP" and "Wyvern Vale LEP - Error
404" both show it) or at the start of one of its first headings, after any leading apology
("Sorry,", "Oops!"), in a short line that asks no question (extract/soft_errors.py). Openings,
not mere mentions: a governance page with a heading "Correcting errors in the register" or a
complaints page asking "Something went wrong? Tell us" is a document.
"""

from __future__ import annotations

import re

_LEADING_APOLOGY = (
    r"^(?:\W*(?:sorry|oops|whoops|uh[- ]?oh|apologies|we[’']re sorry|ooops|hmm+)\b[\s,.!:;-]*"
    r"(?:but\s+)?)*"
)

# Where a title splits into parts: "Page not found | Wyvern Vale LEP".
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—·»:]\s+|\s*[|»·]\s*|:\s+")

_OPENINGS: tuple[str, ...] = (
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
_NOT_A_QUESTION = r"(?![^.!\n]*\?)"

# The opening of an error page's title part, heading or first line (matched at its start).
ERROR_PAGE_OPENING = re.compile(
    _LEADING_APOLOGY + "(?:" + "|".join(f"(?:{o})" for o in _OPENINGS) + ")" + _NOT_A_QUESTION,
    re.IGNORECASE,
)
