"""report.html: one self-contained, printable file (jinja2 with autoescape; no scripts, fonts or
CDNs). Crawled content is hostile: everything is escaped, links are limited to http(s) and
the archived copies inside evidence/ beside the report (report.links), and a
Content-Security-Policy forbids scripts outright.
"""

from __future__ import annotations

import functools

from jinja2 import Environment, PackageLoader, select_autoescape

from lepcheck.bodies import BODY_KIND_WORDS
from lepcheck.models import Report
from lepcheck.report.incomplete import incomplete_notice
from lepcheck.report.links import archive_href, live_href
from lepcheck.report.method import DATE_STRENGTHS, DATES_INTRO
from lepcheck.rules import GROUP_TITLES

STATUS_ORDER = ("fail", "partial", "unknown", "manual", "waived", "pass", "not_applicable")


@functools.cache  # one environment, so each template is compiled once per process
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("lepcheck.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["live_href"] = live_href
    env.filters["archive_href"] = archive_href
    env.filters["pct"] = lambda v: "n/a" if v is None else f"{v:.0f}"
    env.filters["body_kind"] = lambda kind: BODY_KIND_WORDS.get(kind, kind)
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
        incomplete=incomplete_notice(report),
        dates_intro=DATES_INTRO,
        date_strengths=DATE_STRENGTHS,
    )
