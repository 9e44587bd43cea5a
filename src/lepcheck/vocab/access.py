"""Access: the pages that stand between a crawler and a site's content, and pages built by script.

Two questions the crawl asks of a page it fetched (crawl/access.py, crawl/render/shell.py):
whether it is a wall (a bot challenge, a login form, a cookie wall) rather than the content
its link promised, which lepcheck reports and never tries to get past (issue 16); and whether
its content is drawn by script in the browser, so that only a rendered copy shows it. The
words come from the pages the walls and frameworks serve as they are (Cloudflare, Imperva
Incapsula, Akamai, Sucuri, DataDome, PerimeterX, AWS WAF; React, Vue, Angular, Next.js
templates) and from the fixture sites.
"""

from __future__ import annotations

import re

# How the crawl words a wall it met (crawl/access.py, Wall.reason): the checks read a problem
# of this wording as content that may exist behind the wall, not as content missing.
BLOCKED_ACCESS = re.compile(r"access blocked by an? (?:challenge|login wall|cookie wall) at ")
# A bot challenge's own page, whatever its status (some answer 200): the marks its vendor
# puts in every such page (Cloudflare's "Just a moment..." and _cf_chl_opt, Incapsula's
# incident id and resource path, Sucuri's firewall page, DataDome's and PerimeterX's captcha
# scripts, AWS WAF's challenge token, DDoS-Guard's check).
CHALLENGE_MARKS = re.compile(
    r"<title>\s*just a moment\.*\s*</title>|_cf_chl_opt|cf-chl-|/cdn-cgi/challenge-platform"
    r"|checking (?:if the site connection is secure|your browser before accessing)"
    r"|attention required! \| cloudflare|incapsula incident id|_incapsula_resource"
    r"|sucuri website firewall|captcha-delivery\.com|px-captcha|aws-waf-token|awswafintegration"
    r"|ddos-guard",
    re.IGNORECASE,
)
# Wording that names a challenge only when the server refused the request as well (403, 429,
# 503): on a page served with 200 a "captcha" is a contact form's.
CHALLENGE_HINTS = re.compile(
    r"just a moment|captcha|verify (?:that )?you are (?:a )?human|are you a robot"
    r"|enable javascript and cookies to continue|unusual traffic|request unsuccessful"
    r"|access denied.{0,200}reference\s*#",
    re.IGNORECASE | re.DOTALL,
)
# Response headers a challenge is served with: "name: value", lower case (Cloudflare's
# cf-mitigated, Incapsula's x-iinfo, DataDome's x-datadome, Sucuri's x-sucuri-block).
CHALLENGE_HEADERS = re.compile(
    r"^(?:cf-mitigated:\s*challenge|x-iinfo:|x-datadome:|x-sucuri-block:|x-amzn-waf-action:)"
)
# The vendor a challenge page names, for the report: the first group that matches names it.
CHALLENGE_VENDOR = re.compile(
    r"(?P<cloudflare>cloudflare|cf-mitigated|_cf_chl|cf-chl|just a moment)"
    r"|(?P<incapsula>incapsula|x-iinfo)"
    r"|(?P<sucuri>sucuri)|(?P<datadome>datadome|captcha-delivery)"
    r"|(?P<perimeterx>px-captcha|perimeterx)|(?P<aws_waf>aws-?waf|x-amzn-waf)"
    r"|(?P<ddos_guard>ddos-guard)|(?P<akamai>reference\s*#)",
    re.IGNORECASE,
)
# How the report names each vendor (the groups of CHALLENGE_VENDOR).
CHALLENGE_VENDOR_NAMES: dict[str, str] = {
    "cloudflare": 'Cloudflare "Just a moment..."',
    "incapsula": "Imperva Incapsula",
    "sucuri": "Sucuri firewall",
    "datadome": "DataDome",
    "perimeterx": "PerimeterX",
    "aws_waf": "AWS WAF",
    "ddos_guard": "DDoS-Guard",
    "akamai": "Akamai",
}
# Where a site sends a visitor who must sign in first (a redirect's target, or the page's
# own URL): login forms of ASP.NET, WordPress, Drupal, SharePoint/ADFS and single sign-on.
LOGIN_URL = re.compile(
    r"/(?:log-?in|sign-?in|signon|account/log-?on|account/login|user/login|wp-login\.php"
    r"|adfs/ls|saml2?/|oauth2?/authori[sz]e|_layouts/15/authenticate\.aspx)(?:[/?#.]|$)"
    r"|[?&](?:returnurl|redirect_to|return_to)="
    r"|//login\.microsoftonline\.com/",
    re.IGNORECASE,
)
# What a login wall says in place of the content.
LOGIN_WALL = re.compile(
    r"(?:you\s+(?:must|need\s+to)\s+be\s+(?:logged|signed)\s+in|please\s+(?:log|sign)\s*in\s+to"
    r"\s+(?:view|see|access|continue|read)|(?:log|sign)\s*in\s+to\s+(?:continue|view\s+this)"
    r"|this\s+(?:page|content|area)\s+is\s+(?:restricted|only\s+available)\s+to\s+(?:members"
    r"|registered|logged)|members[’']?\s+area:?\s+please\s+log\s*in)",
    re.IGNORECASE,
)
# What a cookie wall says when it stands in for the page (not a banner over it).
COOKIE_WALL = re.compile(
    r"(?:(?:accept|agree\s+to|allow)\s+(?:all\s+)?cookies\s+(?:to|before\s+you)\s+(?:continue"
    r"|view|see|access|read|use)|you\s+(?:must|need\s+to)\s+(?:accept|consent\s+to)\s+"
    r"(?:our\s+)?cookies|before\s+you\s+continue\s+to\s+\w+|we\s+need\s+your\s+consent\s+to"
    r"\s+(?:continue|show))",
    re.IGNORECASE,
)
# "Please ensure JavaScript is enabled": a page that says it shows nothing without scripts.
SCRIPT_NOTICE = re.compile(
    r"(?:(?:please\s+)?(?:enable|turn\s+on|switch\s+on|ensure)\s+(?:your\s+)?javascript"
    r"|javascript\s+(?:is\s+)?(?:required|disabled|not\s+enabled|must\s+be\s+enabled"
    r"|needs\s+to\s+be\s+enabled)|(?:requires|needs)\s+javascript"
    r"|you\s+need\s+to\s+enable\s+javascript|javascript\s+to\s+run\s+this\s+app"
    r"|(?:browser|page)\s+does\s+not\s+support\s+javascript)",
    re.IGNORECASE,
)
# The id of the one element a single-page app draws itself into (React, Vue, Next.js, Nuxt,
# Gatsby, Angular's app-root as an id).
APP_ROOT_IDS = re.compile(
    r"app|root|__next|__nuxt|___gatsby|app-root|main-app|spa-root|react-root|vue-app|application",
    re.IGNORECASE,
)
# Elements a script fills: a placeholder that says it is loading, in place of the list.
LOADING_PLACEHOLDER = re.compile(
    r"(?:loading|please\s+wait|fetching|retrieving)\b[^.!?]{0,60}(?:\.{3}|…|$)",
    re.IGNORECASE,
)
# The id or class of a container a script fills with governance content (board cards,
# document libraries, meeting lists).
FILLED_CONTAINER = re.compile(
    r"board|member|people|team|director|document|paper|librar|publication|download|meeting"
    r"|minute|agenda|register|listing|results",
    re.IGNORECASE,
)
# Script that loads data after the page arrived (the content of a page it fills).
DATA_LOADING_SCRIPT = re.compile(
    r"\bfetch\s*\(|XMLHttpRequest|\$\.(?:getJSON|ajax|get|post)\s*\(|\baxios\b|\.load\s*\(\s*['\"]",
)
# Hosts of trackers, advertising, consent managers and embedded media: a rendered page is read
# without them (a governance page's content never comes from them).
NOT_FETCHED_HOSTS = re.compile(
    r"(?:^|\.)(?:google-analytics\.com|googletagmanager\.com|doubleclick\.net"
    r"|googlesyndication\.com|googleadservices\.com|facebook\.net|facebook\.com|hotjar\.com"
    r"|clarity\.ms|licdn\.com|linkedin\.com|ads-twitter\.com|twitter\.com|x\.com|addthis\.com"
    r"|sharethis\.com|newrelic\.com|nr-data\.net|segment\.(?:com|io)|mixpanel\.com"
    r"|quantserve\.com|scorecardresearch\.com|cookiebot\.com|onetrust\.com|cookielaw\.org"
    r"|civiccomputing\.com|youtube\.com|youtube-nocookie\.com|ytimg\.com|vimeo\.com"
    r"|vimeocdn\.com|siteimproveanalytics\.com|siteimprove\.com|browsealoud\.com"
    r"|recite\.me|matomo\.cloud|plausible\.io|tiktok\.com|pinterest\.com|instagram\.com)$",
    re.IGNORECASE,
)
