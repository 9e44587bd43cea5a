"""Councils' own pages: the notices around a meeting, the private-business item, and the
listing and profiles of a council's members (issue 18).

Statute asks for each notice on the website (LGA 1972 s. 100A(6)(a), s. 100B; SI 2012/2089
regs. 5, 6 and 12); ModernGov links them from the meeting page as "Notice of private meeting",
"Printed decisions" and the like. The Localism Act 2011 s. 29 register covers the authority's
members, listed on mgMemberIndex.aspx with a profile (mgUserInfo.aspx) each.
"""

from __future__ import annotations

import re

# "Further notice of private meeting: reasons, representations and response" (reg. 5(4)):
# checked before the 28-day notice, whose words it shares.
FURTHER_PRIVATE_NOTICE = re.compile(
    r"\bfurther\s+notice\b[^|]{0,60}\bprivate\b|\bprivate\b[^|]{0,80}\brepresentations\b|"
    r"\bfive\s+(?:clear\s+)?days?\s+notice\b[^|]{0,40}\bprivate\b",
    re.I,
)
# "Notice of intention to hold part of the meeting in private", "Private meeting notice"
# (reg. 5(2)).
PRIVATE_NOTICE = re.compile(
    r"\bnotice\s+of\s+(?:the\s+)?(?:intention|intent)\s+to\s+(?:hold|conduct|consider|meet)\b"
    r"[^|]{0,60}\bprivate\b|\bprivate\s+(?:meeting|business|session)\s+notice\b|"
    r"\bnotice\s+of\s+(?:a\s+)?private\s+(?:meeting|business|session)\b|"
    r"\b28[\s\-]+(?:clear\s+)?days?\s+notice\b[^|]{0,40}\bprivate\b",
    re.I,
)
# "Printed decisions", "Record of decisions", "Decision notice", "Schedule of cabinet decisions"
# (the written record of reg. 12).
DECISION_RECORD = re.compile(
    r"\bprinted\s+decisions\b|\b(?:record|schedule|list|summary|statement|notice)s?\s+of\s+"
    r"(?:the\s+)?(?:executive\s+|cabinet\s+|key\s+)?decisions\b|\bdecision\s+(?:notice|record|"
    r"sheet)s?\b|\bdecisions?\s+(?:list|schedule|record)\b",
    re.I,
)
# The agenda item that takes a meeting into private (Schedule 12A exempt information).
PRIVATE_BUSINESS = re.compile(
    r"\bexclusion\s+of\s+(?:the\s+)?(?:press\s+and\s+)?public\b|\bexempt\s+information\b|"
    r"\bschedule\s+12a\b|\bexclude\s+the\s+(?:press\s+and\s+)?public\b",
    re.I,
)
# The page listing a council's members: ModernGov's mgMemberIndex, or a page titled so.
COUNCILLOR_LISTING = re.compile(
    r"mgmemberindex|^\s*(?:your|our|all|list of|find your)?\s*(?:county\s+|city\s+)?"
    r"councillors\b|^\s*members of the council\b",
    re.I,
)
# A member's profile page on ModernGov.
COUNCILLOR_PROFILE = re.compile(r"mguserinfo", re.I)
# "Councillor Jane Smith", "Cllr. Omar Haddad": the member's name after the title.
COUNCILLOR_TITLE = re.compile(r"^\s*(?:councillor|cllr\.?)\s+(?P<name>.+?)\s*$", re.I)
# "Councillor Jane Smith | Hollowmere County Council": the site's name after the page's.
SITE_NAME_SUFFIX = re.compile(r"\s+[|–—]\s+.*$|\s+-\s+.*$")
# The words before the day a member took office ("Elected: 2 May 2024", "Term of office:
# 02/05/2024 -"): s. 30(1) counts 28 days from it.
TOOK_OFFICE = re.compile(
    r"(?:elected|date of election|term of office|became a (?:councillor|member)|"
    r"appointed|took office)\s*(?:on|from|:)?\s*",
    re.I,
)

# What minutes record when a meeting goes into private or takes an urgent item, and the
# grounds they must then give (lepcheck.checks.minutes_record; rule-dialect patterns).
# "RESOLVED that the press and public be excluded", "Exclusion of the press and public":
# minutes recording a decision to exclude the public (LGA 1972 s. 100A(4)).
EXCLUSION_TRIGGERS = (
    r"\bexclu\w* (?:of )?the (?:press and )?public\b",
    r"\bexclude the (?:press and )?public\b",
    r"\bpublic (?:be|were|was) excluded\b",
)
# The ground of an exclusion: "Schedule 12A to the Local Government Act 1972" ...
EXCLUSION_SCHEDULE_12A = (r"\bschedule 12a\b",)
# ... and the paragraph of it relied on: "paragraph 3 of Part 1" (s. 100A(4)-(5)).
EXCLUSION_PARAGRAPH = (r"\bparagraphs? \d",)
# "an item of urgent business", "a late item": an item not on the published agenda, which
# the chair may take only for special circumstances (s. 100B(4)(b)).
URGENCY_TRIGGERS = (
    r"\burgent (?:business|item|matter|decision)\b",
    r"\bas a matter of urgency\b",
    r"\blate item\b",
    r"\bnot (?:included )?on the (?:published )?agenda\b",
)
# "The special circumstances were that ...": why the urgent item could not wait
# (s. 100B(4)(b)).
URGENCY_REASONS = (
    r"\bspecial circumstances\b",
    r"\breasons? for (?:the )?urgency\b",
    r"\bby reason of\b",
)
