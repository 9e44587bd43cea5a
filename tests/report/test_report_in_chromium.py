"""Crawled content is never trusted (issue 6, item 3): a site whose pages carry script tags,
event-handler attributes, javascript: links and crafted file names is audited, and the HTML
report is opened in headless Chromium: no script may run, and the page must not be blank."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from lepcheck.audit import AuditSettings, Target, audit_and_write
from lepcheck.demo.server import SAMPLE_SITE_ROOT, sample_target, serve_site
from tests.browser import HOSTILE_MARKER, HOSTILE_SNIPPETS, render_in_chromium


def hostile_copy_of_sample_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE_ROOT, site)
    board = site / "about" / "board" / "index.html"
    html = board.read_text(encoding="utf-8")
    payload = "".join(HOSTILE_SNIPPETS)
    html = html.replace("<h1>", f"<h1>{payload}", 1)
    html = html.replace(
        "</body>",
        f'<a href="javascript:window.{HOSTILE_MARKER}=true">Whistleblowing policy</a>'
        '<a href="/documents/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E.pdf">'
        f"Register of interests <script>window.{HOSTILE_MARKER}=true</script></a></body>",
    )
    board.write_text(html, encoding="utf-8")
    governance = site / "governance" / "index.html"
    text = governance.read_text(encoding="utf-8")
    governance.write_text(
        text.replace("<title>", f"<title>{HOSTILE_SNIPPETS[0]}", 1), encoding="utf-8"
    )
    return site


def test_hostile_site_report_runs_no_script_in_chromium(tmp_path: Path) -> None:
    site = hostile_copy_of_sample_site(tmp_path)
    sample = sample_target()
    with serve_site(site) as base_url:
        _, written = audit_and_write(
            Target(id="hostile", name=f"Hostile {HOSTILE_SNIPPETS[1]} LEP", url=base_url),
            AuditSettings(
                out_dir=tmp_path / "out",
                formats=("json", "html"),
                as_of=date.fromisoformat(sample["as_of"]),
                allow_private_network=True,
                delay=0.0,
            ),
        )
    html_path = written["html"]
    source = html_path.read_text(encoding="utf-8")
    assert HOSTILE_MARKER in source  # the hostile text reached the report, escaped
    render = render_in_chromium(html_path)
    assert not render.script_ran
    assert render.not_blank
    assert "Hostile" in render.title
    assert "Findings" in render.body_text
