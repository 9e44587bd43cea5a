"""Which pages `--render auto` draws in a browser, decided from the server's HTML alone: script
shells and governance pages a script fills, and never a page of real content, however much
script it carries."""

from __future__ import annotations

from pathlib import Path

import pytest

from lepcheck.crawl.render.shell import render_reason

SITES = Path(__file__).resolve().parents[2] / "sites"
TWIN = Path(__file__).resolve().parents[2] / "fixtures" / "scripted" / "grid"
LAYOUT = "<html><head><title>{title}</title></head><body>{body}</body></html>"


def page(body: str, title: str = "Home") -> bytes:
    return LAYOUT.format(title=title, body=body).encode()


def test_the_scripted_twins_pages_are_rendered() -> None:
    board = render_reason("http://lep.test/our-board", (TWIN / "our-board.html").read_bytes())
    assert board is not None and board.startswith("a script shell")
    meetings = render_reason("http://lep.test/meetings", (TWIN / "meetings.html").read_bytes())
    assert (
        meetings == 'a governance page filled by script: #board-meetings says "Loading meetings…"'
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<div id="root"></div><script src="/static/js/main.js"></script>', "empty app root #root"),
        (
            "<noscript>You need to enable JavaScript to run this app.</noscript>"
            '<div id="main"></div><script src="/app.js"></script>',
            'the notice "You need to enable JavaScript',
        ),
        ("<p>Hi</p><script>" + "var x = 1;" * 200 + "</script>", "against 2,000 of script"),
    ],
)
def test_script_shells(body: str, expected: str) -> None:
    reason = render_reason("http://lep.test/", page(body))
    assert reason is not None and expected in reason


def test_a_governance_page_with_an_empty_list_filled_by_script() -> None:
    text = "<p>" + "The board sets the strategy and approves funding. " * 20 + "</p>"
    body = text + '<ul class="document-library"></ul><script>fetch("/api/docs")</script>'
    reason = render_reason("http://lep.test/governance/papers/", page(body))
    assert reason == "a governance page filled by script: ul.document-library is empty"
    # The same page about something else is not worth a browser.
    assert render_reason("http://lep.test/news/", page(body, "News")) is None


def test_pages_of_content_are_not_rendered() -> None:
    text = "<p>" + "The board sets the strategy and approves funding. " * 20 + "</p>"
    menu = "<script>document.querySelector('.menu').classList.toggle('open')</script>"
    assert render_reason("http://lep.test/board/", page(text + menu, "Board")) is None
    # An empty element nobody fills, on a page with no script at all.
    assert render_reason("http://lep.test/board/", page('<div id="app"></div>')) is None
    # Structured data is not code.
    ld = '<script type="application/ld+json">{"@type": "Organization"}</script>'
    assert render_reason("http://lep.test/board/", page("<p>Board</p>" + ld)) is None


@pytest.mark.parametrize("site", ["grid", "plain", "drupal", "wordpress", "spreadsheet"])
def test_no_page_of_the_server_rendered_fixture_sites_needs_a_browser(site: str) -> None:
    pages = list((SITES / site).rglob("*.html"))
    assert pages
    needing = [p.name for p in pages if render_reason(f"http://lep.test/{p.name}", p.read_bytes())]
    assert needing == []
