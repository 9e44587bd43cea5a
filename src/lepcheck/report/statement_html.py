"""statement.html: the draft annual assurance statement as one self-contained, printable page.

It uses the report's jinja2 environment (autoescape, only http(s) and archived-evidence links
live) and the same Content-Security-Policy forbidding scripts: the statement quotes crawled
text and the officer's own files, and both are treated as hostile.
"""

from __future__ import annotations

from lepcheck.assess.statement import Statement
from lepcheck.report.html_report import environment

TEMPLATE = "statement.html.j2"


def render_statement_html(statement: Statement) -> str:
    return environment().get_template(TEMPLATE).render(statement=statement)
