"""Web pages: the words of governance matters in links, calendars, banners and page templates.

The crawler spends its page budget on pages whose URL or link text names governance matters,
and stops at calendars that page on for ever; the HTML reader drops cookie banners and reads
the fields templates mark with class names ("member-role", "member-org").
"""

from __future__ import annotations

import re

# Within one depth, pages whose URL or link text names governance matters go first, so a
# page budget is spent where the duties are.
GOVERNANCE_WORDS = re.compile(
    r"govern|board|minute|agenda|meeting|paper|register|interest|declar|transparen|assur"
    r"|accountab|polic|conflict|whistle|complain|conduct|gift|hospitality|expense|fund"
    r"|project|about|document|publication|account|annual|constitution|committee|member"
    r"|people|decision|freedom|foi|scrutiny|statement|framework|terms",
    re.IGNORECASE,
)
# A URL of a calendar or events listing: with dates in it, a crawler trap that pages on for ever.
CALENDAR_WORDS = re.compile(r"(calendar|events?|diary|month|week|day|year|ical)", re.IGNORECASE)
# Cookie banners: wording varies, but id/class names nearly always say one of these.
COOKIE_BANNER = re.compile(r"cookie|consent|gdpr", re.IGNORECASE)
# Class names of inline elements that templates style as a field of their own
# (<span class="member-role">Chair</span><span class="member-company">Acme</span>).
FIELD_CLASS = re.compile(
    r"name|role|position|job|title|organi[sz]ation|company|employer|designation|sector",
    re.IGNORECASE,
)
# URLs of a council's or combined authority's committee system (ModernGov, CMIS, democracy.*
# sites), where LEP board and scrutiny papers are often held (SCRUT-02, WEB-02; rule dialect).
COMMITTEE_SYSTEM_URLS: tuple[str, ...] = (
    r"moderngov",
    r"ieListDocuments",
    r"ieListMeetings",
    r"ieIssueDetails",
    r"ieDecisionDetails",
    r"mgCommitteeDetails",
    r"mgAi\.aspx",
    r"mgIssueHistory",
    r"mgMeetingAttendance",
    r"mgDeclarationSubmission",
    r"\bcmis",
    r"//democracy\.",
    r"//(?:councillors|committees?|meetings|democratic|decisionmaking)\.",
    r"\.gov\.uk/.*(?:committee|meetings?|democra|decision)",
    r"-ca\.gov\.uk/.*(?:meeting|committee|board)",
)
