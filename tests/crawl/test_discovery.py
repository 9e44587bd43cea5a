"""Which links a crawl finds and follows, in the quirks of real LEP and council websites (served by
a loopback server)."""

from __future__ import annotations

from pathlib import Path

from lepcheck.crawl import crawl
from lepcheck.snapshot import Snapshot

from .crawl_site_server import GOVERNANCE_PDF, Reply, Site, by_url, options, run


def test_base_href_changes_relative_links(site: Site, tmp_path: Path) -> None:
    site.page(
        "/about/",
        '<html><head><base href="/docs/board/"></head><body>'
        '<a href="minutes.pdf">Minutes</a></body></html>',
    )
    site.page("/", '<html><body><a href="/about/">About</a></body></html>')
    site.routes["/docs/board/minutes.pdf"] = Reply(
        body=GOVERNANCE_PDF, content_type="application/pdf"
    )
    _, records = run(site, tmp_path)
    assert records[f"{site.base}/docs/board/minutes.pdf"].status == 200
    assert site.hits("/about/minutes.pdf") == 0


def test_embedded_viewers_area_and_noscript_links(site: Site, tmp_path: Path) -> None:
    site.page(
        "/",
        "<html><body>"
        '<map><area href="/area-target" alt="Board"></map>'
        '<iframe src="/viewer/a.pdf"></iframe><embed src="/viewer/b.pdf">'
        '<object data="/viewer/c.pdf"></object>'
        '<noscript><a href="/noscript-page">All papers</a></noscript>'
        "</body></html>",
    )
    for path in ("/area-target", "/noscript-page"):
        site.page(path, "<html>ok</html>")
    for name in "abc":
        site.routes[f"/viewer/{name}.pdf"] = Reply(
            body=GOVERNANCE_PDF, content_type="application/pdf"
        )
    _, records = run(site, tmp_path)
    for path in (
        "/area-target",
        "/noscript-page",
        "/viewer/a.pdf",
        "/viewer/b.pdf",
        "/viewer/c.pdf",
    ):
        assert records[f"{site.base}{path}"].status == 200, path


def test_extensionless_documents_are_archived_whole(site: Site, tmp_path: Path) -> None:
    site.page(
        "/",
        '<html><body><a href="/mgConvert2PDF.aspx?ID=12">Agenda</a>'
        '<a href="/Document.ashx?czJKcaeAi5tUFL1DTL2UE4zNRBcoShgo=abc">Minutes</a>'
        '<a href="/file/77">Register</a></body></html>',
    )
    site.routes["/mgConvert2PDF.aspx?ID=12"] = Reply(
        body=GOVERNANCE_PDF, content_type="application/pdf"
    )
    site.routes["/Document.ashx?czJKcaeAi5tUFL1DTL2UE4zNRBcoShgo=abc"] = Reply(
        body=GOVERNANCE_PDF,
        content_type="application/octet-stream",
        headers={"Content-Disposition": 'attachment; filename="Minutes.pdf"'},
    )
    site.routes["/file/77"] = Reply(
        body=GOVERNANCE_PDF,
        content_type="application/octet-stream",
        headers={"Content-Disposition": 'attachment; filename="Register.pdf"'},
    )
    snapshot, records = run(site, tmp_path)
    for path in (
        "/mgConvert2PDF.aspx?ID=12",
        "/Document.ashx?czJKcaeAi5tUFL1DTL2UE4zNRBcoShgo=abc",
        "/file/77",
    ):
        record = records[f"{site.base}{path}"]
        assert snapshot.body(record) == GOVERNANCE_PDF, path


def test_offsite_extensionless_council_document(
    site: Site, other_site: Site, tmp_path: Path
) -> None:
    council = other_site.base
    site.page(
        "/",
        f'<html><body><a href="{council}/Document.ashx?czJKcaeAi5tUFL1DTL2UE4zNRBcoShgo=x">'
        "Register of interests</a></body></html>",
    )
    other_site.routes["/Document.ashx?czJKcaeAi5tUFL1DTL2UE4zNRBcoShgo=x"] = Reply(
        body=GOVERNANCE_PDF, content_type="application/pdf"
    )
    _, records = run(site, tmp_path)
    assert records[f"{council}/Document.ashx?czJKcaeAi5tUFL1DTL2UE4zNRBcoShgo=x"].status == 200


def test_html_with_wrong_or_missing_content_type(site: Site, tmp_path: Path) -> None:
    site.page("/", '<html><body><a href="/plain">a</a><a href="/none">b</a></body></html>')
    site.routes["/plain"] = Reply(
        body=b'<!-- IIS --><HEAD><title>x</title></HEAD><a href="/from-plain">c</a>',
        content_type="text/plain",
    )
    site.routes["/none"] = Reply(
        body=b'\xef\xbb\xbf\n<head></head><body><a href="/from-none">d</a></body>',
        content_type="",
    )
    site.page("/from-plain", "<html>ok</html>")
    site.page("/from-none", "<html>ok</html>")
    _, records = run(site, tmp_path)
    assert f"{site.base}/from-plain" in records
    assert f"{site.base}/from-none" in records


def test_session_ids_do_not_make_duplicates(site: Site, tmp_path: Path) -> None:
    site.page(
        "/",
        '<html><body><a href="/(S(abc123))/board.aspx">a</a>'
        '<a href="/(S(def456))/board.aspx">b</a><a href="/board.aspx;jsessionid=1">c</a>'
        '<a href="/board.aspx?PHPSESSID=9">d</a></body></html>',
    )
    site.page("/board.aspx", "<html>board</html>")
    site.fallback = lambda path: Reply(body=b"<html>board</html>")
    _, records = run(site, tmp_path)
    fetched = [url for url in records if "board" in url]
    assert fetched == [f"{site.base}/board.aspx"], fetched


def test_case_variants_are_both_kept(site: Site, tmp_path: Path) -> None:
    site.page(
        "/", '<html><body><a href="/Governance/">a</a><a href="/governance/">b</a></body></html>'
    )
    site.page("/Governance/", "<html>gov</html>")
    site.page("/governance/", "<html>gov</html>")
    _, records = run(site, tmp_path)
    assert f"{site.base}/Governance/" in records and f"{site.base}/governance/" in records


def test_pdf_inside_embedded_viewer_urls(site: Site, other_site: Site, tmp_path: Path) -> None:
    google = f"{other_site.base}/viewer?url={site.base}/files/annual-report.pdf&embedded=true"
    site.page(
        "/",
        "<html><body>"
        '<iframe src="/pdfjs/web/viewer.html?file=%2Fdocs%2Fboard-minutes.pdf"></iframe>'
        f'<iframe src="{google}"></iframe>'
        '<object data="/viewer.aspx"><param name="src" value="/docs/register.pdf"></object>'
        "</body></html>",
    )
    site.page("/pdfjs/web/viewer.html", "<html><script>/* loads ?file= */</script></html>")
    site.page("/viewer.aspx", "<html>viewer</html>")
    for path in ("/docs/board-minutes.pdf", "/files/annual-report.pdf", "/docs/register.pdf"):
        site.routes[path] = Reply(body=GOVERNANCE_PDF, content_type="application/pdf")
    snapshot, records = run(site, tmp_path)
    for path in ("/docs/board-minutes.pdf", "/files/annual-report.pdf", "/docs/register.pdf"):
        assert snapshot.body(records[f"{site.base}{path}"]) == GOVERNANCE_PDF, path


def test_latin1_declared_pages_read_as_windows_1252(site: Site, tmp_path: Path) -> None:
    site.routes["/"] = Reply(
        body=b'<html><body><a href="/a">Grants over \xa3500 \x96 the LEP\x92s register</a>'
        b'<a href="/b">b</a></body></html>',
        content_type="text/html; charset=ISO-8859-1",
    )
    site.routes["/b"] = Reply(
        body=b'<html><head><meta charset="iso-8859-1"></head><body>'
        b'<a href="/c">\x93Board\x94 papers \xa3</a></body></html>',
        content_type="text/html",
    )
    for path in ("/a", "/c"):
        site.page(path, "<html>ok</html>")
    _, records = run(site, tmp_path)
    assert records[f"{site.base}/a"].link_text == "Grants over £500 – the LEP’s register"
    assert records[f"{site.base}/c"].link_text == "“Board” papers £"


def test_script_popups_and_download_buttons(site: Site, tmp_path: Path) -> None:
    site.page(
        "/",
        "<html><body>"
        "<a href=\"javascript:window.open('/docs/minutes.pdf','_blank')\">Minutes</a>"
        '<a href="#" onclick="location.href=\'/board-papers/\'; return false;">Papers</a>'
        '<a href="javascript:void(0)" onclick="openDoc(\'/docs/register.pdf\')">Register</a>'
        '<button data-href="/docs/accounts.pdf">Download accounts</button>'
        "</body></html>",
    )
    site.page("/board-papers/", "<html>papers</html>")
    for path in ("/docs/minutes.pdf", "/docs/register.pdf", "/docs/accounts.pdf"):
        site.routes[path] = Reply(body=GOVERNANCE_PDF, content_type="application/pdf")
    _, records = run(site, tmp_path)
    for path in ("/docs/minutes.pdf", "/board-papers/", "/docs/register.pdf", "/docs/accounts.pdf"):
        assert records[f"{site.base}{path}"].status == 200, path
    assert records[f"{site.base}/docs/minutes.pdf"].link_text == "Minutes"


def test_related_site_pages_and_their_documents_one_hop(
    site: Site, other_site: Site, tmp_path: Path
) -> None:
    council = other_site.base
    site.page(
        "/",
        f"""<a href="{council}/committee/lep-board">LEP board at the council</a>
        <a href="{council}/news">Council news</a>
        <a href="{council}/files/annual-report.pdf">Annual report</a>""",
    )
    other_site.page(
        "/committee/lep-board",
        """<a href="/committee/minutes-2024.pdf">Minutes</a>
        <a href="/committee/other-board">Another committee</a>
        <a href="/elsewhere/unrelated.docx">Unrelated</a>
        <a href="/elsewhere/page">A council page</a>
        <a href="/mgConvert2PDF.aspx?ID=99">Agenda</a>""",
    )
    other_site.routes["/committee/minutes-2024.pdf"] = Reply(
        body=b"%PDF minutes", content_type="application/pdf"
    )
    other_site.routes["/files/annual-report.pdf"] = Reply(
        body=b"%PDF report", content_type="application/pdf"
    )
    related = (f"{council}/committee/",)
    crawl(options(site, related_sites=related), tmp_path / "s", target_id="t")
    records = by_url(tmp_path / "s")
    skipped = {s.url: s.reason for s in Snapshot.open(tmp_path / "s").skipped()}
    committee = records[f"{council}/committee/lep-board"]
    assert committee.status == 200 and committee.via == f"{site.base}/"
    minutes = records[f"{council}/committee/minutes-2024.pdf"]
    assert minutes.via == f"{council}/committee/lep-board" and minutes.link_text == "Minutes"
    # A document linked straight from the LEP's own page is the LEP's publication.
    assert records[f"{council}/files/annual-report.pdf"].status == 200
    assert skipped[f"{council}/news"] == "off-site"
    assert skipped[f"{council}/elsewhere/page"] == "off-site"
    assert records[f"{council}/mgConvert2PDF.aspx?ID=99"].link_text == "Agenda"
    assert skipped[f"{council}/committee/other-board"] == "depth"
    # A paper linked from the committee page is fetched even outside the committee prefix.
    paper = records[f"{council}/elsewhere/unrelated.docx"]
    assert paper.via == f"{council}/committee/lep-board"
    assert other_site.hits("/news") == 0 and other_site.hits("/committee/other-board") == 0


def test_link_text_and_duplicate_spellings(site: Site, tmp_path: Path) -> None:
    site.page(
        "/",
        f"""<a href="/doc.pdf"><img src="/icon.png"></a>
        <a href="/doc.pdf?utm_source=newsletter">Board register</a>
        <a href="{site.base}/doc.pdf#page=2">again</a>
        <a href="/page?b=2&a=1">one</a><a href="/page?a=1&b=2">two</a>""",
    )
    site.routes["/doc.pdf"] = Reply(body=b"%PDF", content_type="application/pdf")
    site.page("/page?a=1&b=2", "<p>page</p>")
    crawl(options(site), tmp_path / "snap", target_id="t")
    records = {r.url: r for r in Snapshot.open(tmp_path / "snap").records()}
    assert records[f"{site.base}/doc.pdf"].link_text == "Board register"
    assert site.hits("/doc.pdf") == 1 and site.hits("/page?a=1&b=2") == 1
    assert records[f"{site.base}/page?a=1&b=2"].link_text == "one"


def test_messy_real_world_markup(site: Site, tmp_path: Path) -> None:
    home = (
        '<html><head><meta charset="windows-1252"><title>LEP</title></head><body>'
        '<div><a href="/Board/../board/">Board \u2013 members & \u00a3 funding</a>'
        '<a href="/feed/">RSS</a><a href="mailto:info@lep.example">Mail</a>'
        '<a href="tel:0123">Call</a><a href="javascript:void(0)">menu</a>'
        '<a href="/download?id=5">Register of interests</a><a href="/empty">Empty</a>'
        "<p>unclosed <b>markup <table><tr><td><a href='/in-table'>In a table</a>"
    ).encode("cp1252")
    site.routes["/"] = Reply(body=home, content_type="text/html")
    site.page("/board/", "<p>board</p>")
    site.page("/in-table", "<p>table link</p>")
    site.routes["/feed/"] = Reply(body=b"<rss/>", content_type="application/rss+xml")
    site.routes["/download?id=5"] = Reply(body=b"%PDF-1.7", content_type="application/octet-stream")
    site.routes["/empty"] = Reply(body=b"")
    crawl(options(site), tmp_path / "snap", target_id="t")
    snapshot = Snapshot.open(tmp_path / "snap")
    records = {r.url: r for r in snapshot.records()}
    assert records[f"{site.base}/board/"].link_text == "Board \u2013 members & \u00a3 funding"
    assert records[f"{site.base}/in-table"].status == 200
    assert records[f"{site.base}/empty"].length == 0
    assert snapshot.body(records[f"{site.base}/download?id=5"]) == b"%PDF-1.7"
    skipped = {s.url: s.reason for s in snapshot.skipped()}
    assert skipped[f"{site.base}/feed/"] == "type"
    assert not [u for u in skipped if u.startswith(("mailto", "tel", "javascript"))]


def test_link_text_of_utf8_page_without_meta_charset(site: Site, tmp_path: Path) -> None:
    html = '<a href="/a">Minutes \u2013 March</a><a href="/b">Caf\u00e9 \u00a3</a>'.encode()
    site.routes["/"] = Reply(body=html, content_type="text/html")
    site.routes["/a"] = Reply(body=b"a", content_type="text/plain")
    site.routes["/b"] = Reply(body=b"b", content_type="text/plain")
    crawl(options(site), tmp_path / "snap", target_id="t")
    texts = {r.url: r.link_text for r in Snapshot.open(tmp_path / "snap").records()}
    assert texts[f"{site.base}/a"] == "Minutes \u2013 March"
    assert texts[f"{site.base}/b"] == "Caf\u00e9 \u00a3"
