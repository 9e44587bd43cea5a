"""Reading a snapshot into documents: a document's link texts do not depend on crawl order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from lepcheck.audit.documents import read_documents
from lepcheck.snapshot import Snapshot, SnapshotWriter

SITE = "https://lep.example.org.uk"
FETCHED = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
HTML = [("Content-Type", "text/html; charset=utf-8")]


def page(title: str, links: dict[str, str], text: str = "") -> bytes:
    anchors = "".join(f'<li><a href="{url}">{words}</a></li>' for url, words in links.items())
    return (
        f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1>"
        f"<p>{text}</p><ul>{anchors}</ul></main></body></html>"
    ).encode()


def write_site(path: Path, first_parent: str) -> Path:
    """The demo's case: /about/ links the recruitment page as "Join our Board", /governance/ as
    "Board recruitment"; the record keeps whichever parent the crawler reached it from."""
    writer = SnapshotWriter(path, target_url=f"{SITE}/", target_id="demo")
    parents = {
        f"{SITE}/about/": page("About us", {"/about/board-recruitment/": "Join our Board"}),
        f"{SITE}/governance/": page(
            "Governance", {"/about/board-recruitment/": "Board recruitment"}
        ),
    }
    words = {f"{SITE}/about/": "Join our Board", f"{SITE}/governance/": "Board recruitment"}
    for offset, (url, body) in enumerate(parents.items()):
        writer.record_response(
            url=url, final_url=url, status=200, headers=HTML, body=body,
            fetched_at=FETCHED + timedelta(seconds=offset),
        )  # fmt: skip
    recruitment = page(
        "Board recruitment | Example LEP",
        {},
        "Private sector Board vacancies are advertised openly. Appointments are made on merit.",
    )
    writer.record_response(
        url=f"{SITE}/about/board-recruitment/", final_url=f"{SITE}/about/board-recruitment/",
        status=200, headers=HTML, body=recruitment, fetched_at=FETCHED + timedelta(seconds=5),
        via=first_parent, link_text=words[first_parent], depth=1,
    )  # fmt: skip
    writer.finish()
    writer.close()
    return path


def recruitment_page(path: Path) -> tuple[tuple[str, ...], str]:
    documents, _problems = read_documents(Snapshot.open(path))
    found = next(d for d in documents if d.url.endswith("/board-recruitment/"))
    return found.link_texts, found.kind


def test_link_texts_are_every_linking_pages_anchors_whoever_came_first(tmp_path: Path) -> None:
    via_about = recruitment_page(write_site(tmp_path / "a", f"{SITE}/about/"))
    via_governance = recruitment_page(write_site(tmp_path / "g", f"{SITE}/governance/"))
    assert via_about == via_governance
    assert via_about[0] == ("Join our Board", "Board recruitment")


def test_a_recruitment_page_linked_as_join_our_board_is_not_a_board_page(tmp_path: Path) -> None:
    _texts, kind = recruitment_page(write_site(tmp_path / "a", f"{SITE}/about/"))
    assert kind != "board_page"
