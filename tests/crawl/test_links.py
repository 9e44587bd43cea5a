"""Links read from HTML: base href, frames, meta refresh; garbage gives none."""

from __future__ import annotations

from lepcheck.crawl.links import extract_links


def test_links_follow_base_frames_and_meta_refresh() -> None:
    html = b"""<html><head><base href="https://lep.example/papers/">
    <meta http-equiv="Refresh" content="0; URL='/new-home'"></head><body>
    <a href="minutes.pdf">Minutes</a><iframe src="viewer.html"></iframe>
    <area href="/map-area" alt="x"><a href="https://lep.example/papers/minutes.pdf">again</a>
    <a href="#top">top</a><a href="data:text/plain,hi">data</a></body></html>"""
    found = {link.url: link.text for link in extract_links(html, "https://lep.example/x")}
    assert found == {
        "https://lep.example/papers/minutes.pdf": "Minutes",
        "https://lep.example/papers/viewer.html": "",
        "https://lep.example/map-area": "",
        "https://lep.example/papers/": "top",
        "https://lep.example/new-home": "",
    }


def test_links_of_garbage_are_empty() -> None:
    assert extract_links(b"", "https://x/") == []
    assert extract_links(b"\x00\xff\xfe" * 100, "https://x/") == []
