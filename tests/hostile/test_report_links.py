"""Issue 11, class 7: report links stay inside the report. An archived-copy link is a file
inside evidence/ once percent-decoded and normalised, whoever wrote the report.json; a target
or evidence URL is a live link only when it is http(s)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lxml_html

from lepcheck.report import RENDERERS
from tests.hostile.built_reports import SHA, built_report, evidence
from tests.hostile.lep_site import assert_one_line_error, run_cli

ESCAPING_ARCHIVES = [
    "../secret.pdf",
    "evidence/../../secret.pdf",
    "evidence/%2e%2e/%2e%2e/secret.pdf",
    "evidence/.%2E/.%2e/secret.pdf",
    "evidence/%252e%252e/%252e%252e/secret.pdf",
    "%65vidence/../../secret.pdf",
    "evidence\\..\\..\\secret.pdf",
    "evidence/%5c..%5c..%5csecret.pdf",
    "/etc/passwd",
    "//evil.example/x.pdf",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evidence",
]
NOT_LIVE_URLS = [
    "javascript:alert(document.domain)",
    " javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "file:///etc/passwd",
    "evidence/../../etc/passwd",
    "//evil.example/",
    "http:/no-host",
    "vbscript:msgbox(1)",
]


def assert_links_stay_inside(page: str, folder: Path) -> list[str]:
    """Every link of an HTML page is http(s) with a host, a #fragment, or a file inside
    folder/evidence as a browser would resolve it (percent-decoding, dot segments, '\\')."""
    hrefs = [str(a.get("href")) for a in lxml_html.fromstring(page).iter("a")]
    for href in hrefs:
        parts = urlsplit(href)
        if parts.scheme in ("http", "https"):
            assert parts.netloc, href
        elif href.startswith("#"):
            continue
        else:
            assert not parts.scheme and not parts.netloc and "\\" not in unquote(href), href
            target = (folder / unquote(parts.path)).resolve()
            assert target.is_relative_to((folder / "evidence").resolve()), href
    return hrefs


@pytest.mark.parametrize("archive", ESCAPING_ARCHIVES)
def test_lepcheck_report_refuses_an_archive_outside_evidence(tmp_path: Path, archive: str) -> None:
    crafted = tmp_path / "report.json"
    crafted.write_text(
        built_report([evidence(archive=archive)]).model_dump_json(), encoding="utf-8"
    )
    code, _, err = run_cli("report", crafted, "--format", "html,md", "--out", tmp_path / "out")
    line = assert_one_line_error(err, code)
    assert "findings[0].evidence[0].archive" in line and str(crafted) in line
    assert not (tmp_path / "out" / "report.html").exists()


def test_html_links_only_inside_evidence_whatever_the_report_holds(tmp_path: Path) -> None:
    # A report built in code (not read back from a file) still renders no escaping link.
    hostile = [evidence(archive=a) for a in ESCAPING_ARCHIVES]
    hostile += [evidence(url=u, archive=f"evidence/{SHA}.pdf") for u in NOT_LIVE_URLS]
    page = RENDERERS["html"][1](built_report(hostile, target_url="javascript:alert(1)"))
    hrefs = assert_links_stay_inside(page, tmp_path)
    assert f"evidence/{SHA}.pdf" in hrefs  # the sound archive path is still a link
    assert "https://lep.example/coi" in hrefs


def test_a_sound_report_keeps_its_links(tmp_path: Path) -> None:
    sound = built_report([evidence(archive=f"evidence/{SHA}.pdf")])
    crafted = tmp_path / "report.json"
    crafted.write_text(sound.model_dump_json(), encoding="utf-8")
    code, _, err = run_cli("report", crafted, "--format", "html", "--out", tmp_path / "out")
    assert code == 0, err
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    hrefs = assert_links_stay_inside(page, tmp_path / "out")
    assert {"https://lep.example/", "https://lep.example/coi", f"evidence/{SHA}.pdf"} <= set(hrefs)


@pytest.mark.parametrize("url", NOT_LIVE_URLS)
def test_evidence_and_target_urls_are_live_only_for_http(tmp_path: Path, url: str) -> None:
    crafted = tmp_path / "report.json"
    crafted.write_text(built_report([evidence(url=url)], target_url=url).model_dump_json())
    code, _, err = run_cli("report", crafted, "--format", "html,md", "--out", tmp_path / "out")
    assert code == 0, err
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    hrefs = assert_links_stay_inside(page, tmp_path / "out")
    assert all(href.startswith("#") for href in hrefs), hrefs  # only the page's own anchors
    assert url.strip() in lxml_html.fromstring(page).text_content()  # shown, as text
