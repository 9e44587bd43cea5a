"""Quirks of real LEP and council websites, served by a loopback server."""

from __future__ import annotations

from pathlib import Path

import pytest

from lepcheck.crawl.kinds import is_document_link

from .crawl_site_server import GOVERNANCE_PDF, Reply, Site, run, skipped_of


def test_home_page_that_is_only_a_meta_refresh(site: Site, tmp_path: Path) -> None:
    site.page("/", '<html><head><meta http-equiv="Refresh" content="0; URL=/new/"></head></html>')
    site.page("/new/", '<html><body><a href="/papers/register">Register</a></body></html>')
    site.routes["/papers/register"] = Reply(body=GOVERNANCE_PDF, content_type="application/pdf")
    _, records = run(site, tmp_path)
    assert records[f"{site.base}/papers/register"].status == 200


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


def test_robots_with_bom_crlf_and_late_star_group(site: Site, tmp_path: Path) -> None:
    site.routes["/robots.txt"] = Reply(
        body=b"\xef\xbb\xbfUser-agent: *\r\nDisallow: /private/\r\n\r\n"
        b"User-agent: googlebot\r\nDisallow: /\r\n",
        content_type="text/plain",
    )
    site.page("/", '<html><body><a href="/private/x">a</a><a href="/public">b</a></body></html>')
    site.page("/public", "<html>ok</html>")
    site.page("/private/x", "<html>secret</html>")
    snapshot, records = run(site, tmp_path)
    assert site.hits("/private/x") == 0
    assert skipped_of(snapshot)[f"{site.base}/private/x"] == "robots"
    assert f"{site.base}/public" in records


def test_robots_late_star_group(site: Site, tmp_path: Path) -> None:
    site.routes["/robots.txt"] = Reply(
        body=b"User-agent: googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\n",
        content_type="text/plain",
    )
    site.page("/", '<html><body><a href="/private/x">a</a><a href="/public">b</a></body></html>')
    site.page("/public", "<html>ok</html>")
    _, records = run(site, tmp_path)
    assert site.hits("/private/x") == 0
    assert f"{site.base}/public" in records


def test_robots_served_as_html_page(site: Site, tmp_path: Path) -> None:
    site.page("/robots.txt", "<html><body><h1>Page not found</h1><p>Sorry</p></body></html>")
    site.page("/", '<html><body><a href="/public">b</a></body></html>')
    site.page("/public", "<html>ok</html>")
    _, records = run(site, tmp_path)
    assert records[f"{site.base}/public"].status == 200


def test_redirected_links_fetch_each_final_url_once(site: Site, tmp_path: Path) -> None:
    site.page(
        "/",
        '<html><body><a href="/board">a</a><a href="/old-board">b</a>'
        '<a href="/older-board">c</a></body></html>',
    )
    site.routes["/old-board"] = Reply(status=301, headers={"Location": "/board"})
    site.routes["/older-board"] = Reply(status=302, headers={"Location": "/board"})
    site.page("/board", "<html>board</html>")
    snapshot, records = run(site, tmp_path, delay=0.01)
    assert site.hits("/board") == 1
    for path in ("/old-board", "/older-board"):
        record = records[f"{site.base}{path}"]
        assert record.final_url == f"{site.base}/board" and record.status == 200
        assert snapshot.body(record) == b"<html>board</html>"


def test_link_to_a_url_a_redirect_already_reached_is_not_refetched(
    site: Site, tmp_path: Path
) -> None:
    site.page("/", '<html><body><a href="/old-board">a</a><a href="/board">b</a></body></html>')
    site.routes["/old-board"] = Reply(status=301, headers={"Location": "/board"})
    site.page("/board", "<html>board</html>")
    snapshot, records = run(site, tmp_path, delay=0.01)
    assert site.hits("/board") == 1
    old, direct = records[f"{site.base}/old-board"], records[f"{site.base}/board"]
    assert old.final_url == direct.final_url == f"{site.base}/board"
    assert snapshot.body(old) == snapshot.body(direct) == b"<html>board</html>"


def test_server_resetting_every_second_request_of_a_connection(site: Site, tmp_path: Path) -> None:
    links = "".join(f'<a href="/p{i}">p{i}</a>' for i in range(8))
    site.page("/", f"<html><body>{links}</body></html>")
    site.fallback = lambda path: Reply(body=b"<html>page</html>")
    site.reset_every_on_connection = 2
    _, records = run(site, tmp_path)
    assert {records[f"{site.base}/p{i}"].error for i in range(8)} == {None}
    # Only GET is ever sent (servers that answer HEAD with 405 are common).
    assert not [path for path, _ in site.log if path.startswith("HEAD ")]


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


def test_home_page_refreshing_to_the_new_domain(
    site: Site, other_site: Site, tmp_path: Path
) -> None:
    new = other_site.base
    site.page(
        "/", f'<html><head><meta http-equiv="refresh" content="0;url=\'{new}/\'"></head></html>'
    )
    other_site.page("/", '<html><body><a href="/governance/">Governance</a></body></html>')
    other_site.page(
        "/governance/", '<html><body><a href="/papers/register">Register</a></body></html>'
    )
    other_site.routes["/papers/register"] = Reply(
        body=GOVERNANCE_PDF, content_type="application/pdf"
    )
    _, records = run(site, tmp_path)
    assert records[f"{new}/papers/register"].status == 200


def test_home_page_redirecting_by_script(site: Site, tmp_path: Path) -> None:
    site.page(
        "/",
        "<html><head><script>window.location.href = '/site/home';</script></head>"
        "<body>Redirecting…</body></html>",
    )
    site.page("/site/home", '<html><body><a href="/site/board">Board</a></body></html>')
    site.page("/site/board", "<html>board</html>")
    _, records = run(site, tmp_path)
    assert records[f"{site.base}/site/board"].status == 200


@pytest.mark.parametrize(
    "url",
    [
        "https://democracy.council.gov.uk/mgConvert2PDF.aspx?ID=12",
        "https://cmis.council.gov.uk/cmis5/Document.ashx?czJKcaeAi5tUFL1DTL2UE4zNRBcoShgo=x",
        "https://www.council.gov.uk/GetDocument.aspx?id=77",
        "https://lep.sharepoint.com/:b:/s/board/EabcDEF",
    ],
)
def test_extensionless_document_urls_are_documents(url: str) -> None:
    assert is_document_link(url)
    assert not is_document_link("https://www.council.gov.uk/council-and-democracy/meetings")
