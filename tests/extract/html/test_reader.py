# ruff: noqa: E501  (HTML fixtures read better as the one-line markup sites serve)
from datetime import UTC, date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from lepcheck.extract.document import extract_document
from lepcheck.models import Document
from tests.extract.extract_samples import record

BOARD_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Our Board | Acme LEP</title>
<meta property="article:modified_time" content="2024-02-20T10:00:00+00:00"></head>
<body class="home cookies-accepted">
<div id="cookie-notice"><p>We use cookies to improve this site.</p><button>Accept</button></div>
<header class="site-header"><a href="/"><img src="/logo.png" alt="Acme LEP home"></a>
<nav><ul><li><a href="/about/">About</a></li><li><a href="/governance/">Governance</a></li></ul></nav>
</header>
<main id="content"><article><header><h1>Our Board</h1></header>
<p>Last updated: 3 March 2024</p>
<section><h2>Board members</h2><div class="grid">
<div class="card"><a href="/people/jane-smith/"><h3>Jane Smith</h3></a><p>Chair</p><p>Acme Ltd</p></div>
<div class="card"><h3>Cllr John Brown</h3><p>Deputy Chair</p><p>Leader, Anytown Council</p></div>
<div class="card"><h3>Dr Priya Patel</h3><p>Board member</p><p>University of Anytown</p></div>
</div></section>
<section><h2>Board papers</h2><p>Papers are published five clear working days before meetings.</p></section>
<p>Page reviewed <time datetime="2024-01-15">15 January</time></p>
</article></main>
<aside><h2>Related</h2><p>Sidebar text</p></aside>
<footer><p>Acme LEP, company no. 123</p>
<a href="../docs/Register%20of%20interests.pdf">Register of interests</a>
<a href="mailto:info@acme.example">Email us</a><a href="#top">Top</a></footer>
</body></html>"""


def _read(
    html: str | bytes, url: str = "https://acme.example/about/board/", ct: str = "text/html"
) -> Document:
    body = html.encode() if isinstance(html, str) else html
    return extract_document(record(url, ct), body)


def test_board_cards_come_out_as_one_section_each() -> None:
    doc = _read(BOARD_PAGE)
    cards = {s.heading: s.text for s in doc.sections if s.level == 3}
    assert cards == {
        "Jane Smith": "Chair\nAcme Ltd",
        "Cllr John Brown": "Deputy Chair\nLeader, Anytown Council",
        "Dr Priya Patel": "Board member\nUniversity of Anytown",
    }
    members = next(s for s in doc.sections if s.heading == "Board members")
    assert "Jane Smith\nChair\nAcme Ltd" in members.text
    assert "Board papers" not in members.text
    assert doc.headings == ("Our Board", "Board members", "Jane Smith", "Cllr John Brown",
                            "Dr Priya Patel", "Board papers")  # fmt: skip


def test_chrome_is_dropped_from_text_but_links_are_kept_absolute() -> None:
    doc = _read(BOARD_PAGE)
    assert doc.title == "Our Board | Acme LEP"
    for chrome in ("cookies", "About", "Sidebar text", "company no."):
        assert chrome not in doc.text
    assert doc.text.startswith("Our Board\nLast updated: 3 March 2024\nBoard members\n")
    urls = {link.url: link.text for link in doc.links}
    assert (
        urls["https://acme.example/about/docs/Register%20of%20interests.pdf"]
        == "Register of interests"
    )
    assert urls["https://acme.example/governance/"] == "Governance"
    assert urls["https://acme.example/"] == "Acme LEP home"  # image link: alt text
    assert not any(url.startswith("mailto:") for url in urls)
    assert "https://acme.example/about/board/" in urls  # "#top" resolves to the page itself


def test_printed_and_marked_up_dates() -> None:
    doc = _read(BOARD_PAGE)
    by_quote = {d.quote: (d.value, d.provenance) for d in doc.printed_dates}
    assert by_quote["Last updated: 3 March 2024"] == (date(2024, 3, 3), "printed")
    assert by_quote["15 January"] == (date(2024, 1, 15), "printed")
    assert (date(2024, 2, 20), "document_metadata") in by_quote.values()
    assert doc.modified == datetime(2024, 2, 20, 10, 0, tzinfo=UTC)
    assert doc.created is None


def test_title_falls_back_to_h1_and_body_without_main() -> None:
    doc = _read("<html><body><div class='menu'><a href='/'>Home</a></div>"
                "<h1>Complaints Policy</h1><p>How to complain.</p></body></html>")  # fmt: skip
    assert doc.title == "Complaints Policy"
    assert "How to complain." in doc.text


def test_aspnet_form_wrapping_the_page_is_not_dropped() -> None:
    html = """<html><body><form id="aspnetForm" action="/x"><div id="wrapper">
    <h1>Minutes and agendas</h1><p>Board meeting 12 March 2019</p>
    <form class="search"><input name="q"><label>Search this site</label></form>
    </div></form></body></html>"""
    doc = _read(html)
    assert "Board meeting 12 March 2019" in doc.text
    assert "Search this site" not in doc.text


def test_tables_find_their_header() -> None:
    html = """<html><body><main>
    <table><caption>Funded projects</caption>
    <thead><tr><th>Project</th><th>Recipient</th><th>LGF (£m)</th></tr></thead>
    <tbody><tr><td>Bridge</td><td>Anytown Council</td><td>1.5</td></tr>
    <tr><td>Skills centre</td><td>Anytown College</td><td>2.0</td></tr></tbody></table>
    <table><tr><td colspan="2">Register of gifts 2023</td></tr>
    <tr><td>Date</td><td>Description</td></tr><tr><td>03/03/2023</td><td>Lunch</td></tr></table>
    </main></body></html>"""
    first, second = _read(html).tables
    assert first.name == "Funded projects"
    assert first.header == ("Project", "Recipient", "LGF (£m)")
    assert first.rows == (
        ("Bridge", "Anytown Council", "1.5"),
        ("Skills centre", "Anytown College", "2.0"),
    )
    assert second.header == ("Date", "Description")
    assert second.rows == (("03/03/2023", "Lunch"),)


def test_table_rows_appear_in_text_with_cell_separators() -> None:
    html = "<main><table><tr><th>Name</th><th>Role</th></tr><tr><td>Jane</td><td>Chair</td></tr></table></main>"
    assert _read(html).text == "Name | Role\nJane | Chair"


def test_declared_windows_charset_is_honoured() -> None:
    body = "<html><body><main><p>Expenses over £50 are published</p></main></body></html>".encode(
        "cp1252"
    )
    doc = _read(body, ct="text/html; charset=windows-1252")
    assert "£50" in doc.text


def test_base_href_and_role_heading() -> None:
    html = """<html><head><base href="https://files.acme.example/docs/"></head><body><main>
    <div role="heading" aria-level="2">Policies</div><p><a href="coi.pdf">Conflicts of interest policy</a></p>
    </main></body></html>"""
    doc = _read(html)
    assert doc.links[0].url == "https://files.acme.example/docs/coi.pdf"
    assert doc.sections[0].heading == "Policies" and doc.sections[0].level == 2


def test_deeply_nested_page_does_not_crash() -> None:
    html = (
        "<html><body><main>"
        + "<div>" * 5000
        + "<p>deep text</p>"
        + "</div>" * 5000
        + "</main></body></html>"
    )
    doc = _read(html)
    assert doc.readable
    assert "deep text" in doc.text


def test_empty_main_shell_falls_back_to_body() -> None:
    html = (
        "<html><body><main></main><div class='page'><h1>Register of interests</h1>"
        + "<p>"
        + "Directorships and employment of each board member. " * 20
        + "</p></div></body></html>"
    )
    doc = _read(html)
    assert "Directorships" in doc.text


def test_title_banner_with_strapline_does_not_cut_the_section() -> None:
    html = """<html><body><main><div class="banner"><h1>Register of interests</h1><p>Home &gt; Governance</p></div>
    <div class="content"><p>Each board member's register is below.</p><p>Updated monthly.</p></div></main></body></html>"""
    section = _read(html).sections[0]
    assert section.heading == "Register of interests"
    assert (
        section.text
        == "Home > Governance\nEach board member's register is below.\nUpdated monthly."
    )


def test_builder_widgets_make_cards_from_columns() -> None:
    # Page builders wrap the heading and the text in separate widgets inside one column.
    column = """<div class="col"><div class="w-heading"><h3>{name}</h3></div>
    <div class="w-text"><p>{role}</p></div></div>"""
    cards = column.format(name="Jane Smith", role="Chair") + column.format(
        name="Ann Lee", role="Member"
    )
    html = f"<html><body><main><h2>Board</h2><div class='row'>{cards}</div><p>Footer note</p></main></body></html>"
    sections = {s.heading: s.text for s in _read(html).sections}
    assert sections["Jane Smith"] == "Chair"
    assert sections["Ann Lee"] == "Member"


def test_embedded_documents_and_open_graph_title() -> None:
    html = """<html><head><meta property="og:title" content="Local Assurance Framework"></head><body><main>
    <iframe src="/wp-content/uploads/laf-2023.pdf" title="Local Assurance Framework 2023"></iframe>
    <object data="https://docs.example/roi.pdf"></object></main></body></html>"""
    doc = _read(html, url="https://acme.example/governance/laf/")
    assert doc.title == "Local Assurance Framework"
    assert (
        "https://acme.example/wp-content/uploads/laf-2023.pdf",
        "Local Assurance Framework 2023",
    ) in {(link.url, link.text) for link in doc.links}
    assert "https://docs.example/roi.pdf" in {link.url for link in doc.links}


def test_inline_fields_styled_as_lines_are_not_run_together() -> None:
    card = '<div class="member"><span class="member-name">{}</span><span class="member-role">{}</span><span class="member-company">{}</span></div>'
    html = (
        "<main>"
        + card.format("Jane Smith", "Chair", "Acme Ltd")
        + card.format("Ann Lee", "Member", "Lee &amp; Co")
        + "</main>"
    )
    text = _read(html).text
    assert text == "Jane Smith\nChair\nAcme Ltd\nAnn Lee\nMember\nLee & Co"
    assert (
        _read("<main><p>Contact <span>the</span><span>team</span></p></main>").text
        == "Contact theteam"
    )


def test_wrongly_declared_utf8_falls_back_to_detection() -> None:
    body = '<html><head><meta charset="windows-1252"></head><body><main><p>Gifts over £50 – declared</p></main></body></html>'.encode(
        "cp1252"
    )
    doc = _read(body, ct="text/html; charset=utf-8")
    assert "Gifts over £50 – declared" in doc.text
    bogus = _read(b"<main><p>Plain</p></main>", ct="text/html; charset=no-such-codec")
    assert bogus.text == "Plain"


_WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8
)
_BLOCK = st.one_of(
    st.tuples(st.just("h"), st.integers(min_value=1, max_value=4), _WORD),
    st.tuples(st.just("p"), st.just(0), _WORD),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_BLOCK, min_size=1, max_size=25), st.booleans())
def test_any_page_of_headings_and_paragraphs(
    blocks: list[tuple[str, int, str]], wrap: bool
) -> None:
    parts = []
    for index, (kind, level, word) in enumerate(blocks):
        text = f"{word}{index}"
        html = f"<h{level}>{text}</h{level}>" if kind == "h" else f"<p>{text}</p>"
        parts.append(f"<div class='w'>{html}</div>" if wrap else html)
    doc = _read("<html><body><main>" + "".join(parts) + "</main></body></html>")
    lines = [f"{word}{index}" for index, (_, _, word) in enumerate(blocks)]
    assert doc.text.splitlines() == lines
    headings = [f"{w}{i}" for i, (kind, _, w) in enumerate(blocks) if kind == "h"]
    assert list(doc.headings) == headings
    for section in doc.sections:
        start = lines.index(section.heading)
        level = section.level
        expected = []
        for index in range(start + 1, len(blocks)):
            kind, other_level, _ = blocks[index]
            if kind == "h" and other_level <= level:
                break
            expected.append(lines[index])
        assert section.text.splitlines() == expected


def test_accordion_panels_are_sections() -> None:
    panel = "<details><summary>{}</summary><p>{}</p><p>{}</p></details>"
    html = (
        "<main><h2>Board members</h2>"
        + panel.format("Jane Smith", "Chair", "Acme Ltd")
        + panel.format("Ann Lee", "Board member", "Lee &amp; Co")
        + "<p>All members sign the code of conduct.</p></main>"
    )
    sections = {s.heading: (s.level, s.text) for s in _read(html).sections}
    assert sections["Jane Smith"] == (6, "Chair\nAcme Ltd")
    assert sections["Ann Lee"] == (6, "Board member\nLee & Co")
    assert sections["Board members"][1].endswith("All members sign the code of conduct.")
