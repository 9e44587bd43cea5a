"""The site model of each fixture LEP website (tests/sites/<name>/) against its expected.yaml.

Every file of a fixture becomes a FetchRecord as the crawler would record it (URL on the
fixture's host, Last-Modified from manifest.json, link texts and `via` from the pages that link
to it), goes through the real extract stage, and the resulting Documents through
build_site_model. No crawl and no server: the site stage is tested alone.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from unittest.mock import patch
from urllib.parse import quote

import pytest
import yaml

from lepcheck.demo.server import StaticSite, content_type_for, load_manifest
from lepcheck.extract.classify import classify_document
from lepcheck.extract.document import extract_document
from lepcheck.models import Document, FetchRecord, SiteModel
from lepcheck.site.build import build_site_model
from lepcheck.site.names import name_match

FIXTURES = Path(__file__).resolve().parents[1] / "sites"
HOST = "http://fixture.test"
COUNCIL_HOST = "http://council.fixture.test"
SKIPPED = {"manifest.json", "expected.yaml", "robots.txt"}
SITES = sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.yaml").is_file())


def _roots(folder: Path) -> list[tuple[Path, str]]:
    if (folder / "manifest.json").is_file():
        return [(folder, HOST)]
    # modern.gov: the LEP's own site and the accountable body's committee site.
    return [(folder / "lep", HOST), (folder / "council", COUNCIL_HOST)]


def _url_of(relative: str, routes: dict[str, str]) -> str:
    for target, file in routes.items():
        if file.lstrip("/") == relative:
            return target
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative.removesuffix("index.html")
    return "/" + quote(relative)


def _records(folder: Path) -> list[tuple[FetchRecord, bytes]]:
    fetched_at = datetime.combine(_as_of(folder), datetime.min.time(), tzinfo=UTC)
    records: list[tuple[FetchRecord, bytes]] = []
    for root, host in _roots(folder):
        static = StaticSite(root, {"COUNCIL": COUNCIL_HOST})
        routes: dict[str, str] = load_manifest(root)["routes"]
        for file in sorted(p for p in root.rglob("*") if p.is_file()):
            if file.name in SKIPPED:
                continue
            relative = file.relative_to(root).as_posix()
            key = _url_of(relative, routes)
            body = static.body(file)
            record = FetchRecord(
                url=host + key,
                final_url=host + key,
                status=200,
                content_type=content_type_for(file),
                length=len(body),
                sha256=hashlib.sha256(body).hexdigest(),
                fetched_at=fetched_at,
                last_modified=static.last_modified(
                    file, key.split("?")[0] if "?" not in key else key
                ),
                first_seen=fetched_at,
            )
            records.append((record, body))
    return records


def _as_of(folder: Path) -> date:
    root = _roots(folder)[0][0]
    return date.fromisoformat(str(load_manifest(root)["as_of"]))


@cache
def site_model(site: str) -> SiteModel:
    target = expected(site)["target"]
    return model_of_folder(FIXTURES / site, target["id"], target["name"])


def model_of_folder(folder: Path, target_id: str, target_name: str) -> SiteModel:
    """The site model of a fixture folder, read as the audit would read its crawl."""
    # expected.yaml describes what a reader of text layers sees (a scan is "nothing readable");
    # whether tesseract is installed must not change the result of this test.
    with patch("lepcheck.extract.pdf.reader.ocr_available", return_value=False):
        documents = _documents(folder)
    return build_site_model(
        documents,
        target_id=target_id,
        target_name=target_name,
        target_url=HOST + "/",
        as_of=_as_of(folder),
    )


def _documents(folder: Path) -> list[Document]:
    records = _records(folder)
    first_pass = [extract_document(record, body) for record, body in records]
    texts: dict[str, list[str]] = {}
    via: dict[str, str] = {}
    for doc in first_pass:
        for link in doc.links:
            if link.text.strip():
                texts.setdefault(link.url, []).append(link.text.strip())
            via.setdefault(link.url, doc.url)
    documents: list[Document] = []
    for record, body in records:
        linked = record.model_copy(update={"via": via.get(record.url)})
        link_texts = tuple(dict.fromkeys(texts.get(record.url, [])))
        documents.append(classify_document(extract_document(linked, body, link_texts=link_texts)))
    return documents


@cache
def expected(site: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((FIXTURES / site / "expected.yaml").read_text())
    return loaded


def _same(a: str, b: str) -> bool:
    return (not a and not b) or name_match(a, b) >= 0.75


@pytest.mark.parametrize("site", SITES)
def test_board(site: str) -> None:
    model = site_model(site)
    found = [(m.name, m.role, m.organisation, m.sector) for m in model.board]
    wanted = expected(site)["board"]
    assert len(found) == len(wanted), found
    for want in wanted:
        match = [m for m in model.board if _same(m.name, want["name"])]
        assert len(match) == 1, (want, found)
        got = match[0]
        assert (got.role, got.organisation, got.sector) == (
            want["role"],
            want["organisation"],
            want["sector"],
        ), want["name"]


@pytest.mark.parametrize("site", SITES)
def test_registers(site: str) -> None:
    model = site_model(site)
    wanted = expected(site)["registers"]
    found = [(r.member_name, r.matched_member) for r in model.registers]
    assert len(model.registers) == len(wanted), found
    for want in wanted:
        match = [r for r in model.registers if _same(r.matched_member or "", want["member"])]
        assert len(match) == 1, (want["member"], found)
        got = match[0]
        assert set(got.categories) == set(want["categories"]), want["member"]
        assert (got.household, got.signed, got.dated) == (
            want["household"],
            want["signed"],
            want["dated"],
        ), want["member"]


@pytest.mark.parametrize("site", SITES)
def test_meetings(site: str) -> None:
    model = site_model(site)
    found = sorted(
        (m.body, m.date, m.agenda is not None, len(m.papers), m.minutes is not None)
        for m in model.meetings
    )
    wanted = sorted(
        (w["body"], w["date"], w["agenda"], w["papers"], w["minutes"])
        for w in expected(site)["meetings"]
    )
    assert found == wanted


@pytest.mark.parametrize("site", SITES)
def test_meeting_publication_dates_come_from_last_modified(site: str) -> None:
    model = site_model(site)
    for meeting in model.meetings:
        if meeting.agenda is not None and meeting.agenda.sha256:
            assert meeting.agenda_published is not None
            assert meeting.agenda_published.provenance == "last_modified"
            assert meeting.agenda_published.value <= meeting.date


@pytest.mark.parametrize("site", SITES)
def test_declarations(site: str) -> None:
    model = site_model(site)
    found = [(d.meeting_date, d.member, d.action) for d in model.declarations]
    wanted = expected(site)["declarations"]
    assert len(found) == len(wanted), found
    remaining = list(found)
    for want in wanted:
        match = next(
            (
                f
                for f in remaining
                if f[0] == want["meeting_date"]
                and f[2] == want["action"]
                and _same(f[1], want["member"])
            ),
            None,
        )
        assert match is not None, (want, found)
        remaining.remove(match)


@pytest.mark.parametrize("site", SITES)
def test_projects(site: str) -> None:
    model = site_model(site)
    found = Counter((p.name, p.recipient) for p in model.projects)
    wanted = Counter((w["name"], w["recipient"]) for w in expected(site)["projects"])
    assert found == wanted


@pytest.mark.parametrize("site", SITES)
def test_every_fact_cites_a_fetched_document(site: str) -> None:
    model = site_model(site)
    fetched = {d.url for d in model.documents}
    sources = [m.source for m in model.board] + [d.source for d in model.declarations]
    sources += [p.source for p in model.projects] + [r.source for r in model.registers]
    for source in sources:
        assert source.url in fetched
        assert source.quote
        assert source.sha256
