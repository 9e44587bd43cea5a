"""Web pages: the words of governance matters in links, calendars, banners and page templates.

The crawler spends its page budget on pages whose URL or link text names governance matters,
samples the families of pages of one shape that LEP sites hold by the thousand (news and event
archives, paginated listings, tag pages, calendars, search results) and stops at calendars that
page on for ever; the HTML reader drops cookie banners and reads the fields templates mark with
class names ("member-role", "member-org").
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
# The narrow core of GOVERNANCE_WORDS: words that name a governance record or the body that
# keeps it (board papers, minutes, registers, policies), not the topics LEPs also write news
# about (funds, projects, people, annual events). A sampled news item or listing page that
# links a new page or document named so holds evidence, and its family is sampled further.
EVIDENCE_WORDS = re.compile(
    r"\bboard|minutes|agenda|meeting|papers?\b|registers?\b|declar|govern|transparen"
    r"|assurance|accountab|polic(?:y|ies)|conflicts? of interest|whistle|complaint"
    r"|code of conduct|gifts?\b|hospitality|expenses|committee|decision|scrutiny"
    r"|constitution|terms of reference|freedom of information|\bfoi\b",
    re.IGNORECASE,
)
# Names of pages that hold no governance evidence: a rule's title pattern matching one of them
# selects pages in general (BOARD-06's "(?s).", the lep_own_pages vocabulary) and so cannot
# tell the crawl which link to follow first.
NEUTRAL_PAGE_NAMES: tuple[str, ...] = (
    "Contact us | contact",
    "Privacy notice | privacy",
    "Accessibility statement | accessibility",
    "Home",
)
# A path segment that opens an archive of news or events: one page per story, by the hundred
# (gbslep.co.uk/news-and-events/news/, coast2capital.org.uk/media-centre/blog-articles/,
# swlep.co.uk/news/news-story/, solentlep.org.uk/what-we-do/news/, semlep.com/news/2011/).
NEWS_SECTION = re.compile(
    r"(?:latest[-_])?(?:news(?:[-_]and[-_]events)?|blogs?(?:[-_]articles)?|press(?:[-_]releases?)?"
    r"|media[-_]centre|stories|articles|insights|events?|webinars?|podcasts?"
    r"|case[-_]stud(?:y|ies)|newsletters?|announcements)",
    re.IGNORECASE,
)
# A listing page beyond the first: a page number in the query or the path
# (lep.london/about/publications?page=1, hertfordshirelep.com/about-the-lep/our-board/?page=2,
# WordPress "/news/page/2/").
PAGE_NUMBER = re.compile(
    r"[?&](?:page|paged|pg|pagenum|page_?no|start|offset)=\d+|/page/\d+/?$", re.IGNORECASE
)
# A path segment of a CMS's tag, category, topic or author pages: one listing per label, each
# listing the same stories again (northeastlep.co.uk/tag/north-east-lep).
TAXONOMY_SEGMENT = re.compile(r"tags?|category|categories|topics?|authors?", re.IGNORECASE)
# A page of search results: a search page, or a search query (WordPress "?s=", Drupal "?keys=").
SEARCH_RESULTS = re.compile(
    r"/search(?:[-_]?results?)?/?(?:$|\?)|[?&](?:s|q|query|search|keys|keywords?)=",
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
