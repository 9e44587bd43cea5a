"""report.html: one self-contained, printable file (jinja2 with autoescape; no scripts, fonts or
CDNs). Crawled content is hostile: everything is escaped, links are limited to http(s) and
the archived copies beside the report, and a Content-Security-Policy forbids scripts outright.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape

from lepcheck.models import Report
from lepcheck.report.method import DATE_STRENGTHS, DATES_INTRO
from lepcheck.rules import GROUP_TITLES

STATUS_ORDER = ("fail", "partial", "unknown", "manual", "waived", "pass", "not_applicable")


def safe_href(url: str | None) -> str | None:
    """Only http(s) URLs and relative archive paths become links; anything else is text."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return url
    if not parts.scheme and not parts.netloc and url.startswith("evidence/") and ".." not in url:
        return url
    return None


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("lepcheck.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_href"] = safe_href
    env.filters["pct"] = lambda v: "n/a" if v is None else f"{v:.0f}"
    return env


def render_html(report: Report) -> str:
    grouped: dict[str, list[object]] = {}
    for finding in sorted(report.findings, key=lambda f: (STATUS_ORDER.index(f.status), f.rule_id)):
        grouped.setdefault(finding.category, []).append(finding)
    order = [c for c in GROUP_TITLES if c in grouped]
    template = environment().get_template("report.html.j2")
    return template.render(
        report=report,
        groups=[(c, GROUP_TITLES.get(c, c), grouped[c]) for c in order],
        statuses=STATUS_ORDER,
        dates_intro=DATES_INTRO,
        date_strengths=DATE_STRENGTHS,
    )
