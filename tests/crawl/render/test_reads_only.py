"""A render only reads what a page's scripts need (crawl/render/page.py): its scripts and the
data they ask for with GET are fetched through the crawl and archived; styles, fonts, images
and media are not fetched, and a POST (a form, a beacon) is never sent but said."""

from __future__ import annotations

import json
from pathlib import Path

from lepcheck.crawl import CrawlOptions, crawl
from lepcheck.snapshot import Snapshot
from tests.fixtures.scripted.server import serve_twin


def test_a_render_reads_data_and_sends_nothing(tmp_path: Path) -> None:
    with serve_twin() as base:
        options = CrawlOptions(start_url=f"{base}bad/reads.html", allow_private_network=True,
                               delay=0.0, max_pages=1, render="always")  # fmt: skip
        crawl(options, tmp_path, target_id="reads")
    snapshot = Snapshot.open(tmp_path)
    (page,) = json.loads(snapshot.meta()["rendered_pages"])
    assert page["rendered"] is True
    assert page["loaded"] == [f"{base}api/board.json"]  # the data, read with GET
    (drawn,) = snapshot.rendered_records()
    assert b"Board papers for 10 members." in snapshot.body(drawn)
    for sent in ("api/documents.json", "api/beacon"):
        assert (
            f"a POST request to {base}{sent} was not sent (a render only reads)"
            in (page["problem"])
        )
    fetched = {r.url for r in snapshot.records()}
    for media in ("site.css", "brand.woff2", "board-photo.jpg", "welcome.mp4"):
        assert f"{base}assets/{media}" not in fetched
    assert f"{base}api/beacon" not in fetched
