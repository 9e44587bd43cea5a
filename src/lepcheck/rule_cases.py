"""Rule test cases: a compact YAML description of a site, turned into a SiteModel.

Shipped in the package (as sqlfluff ships its rule-test harness) so that anyone adding a rule
tests it the same way: tests/rules/<ID>.yaml holds named cases, each with a small site and the
expected status, evidence URL, and for failures what was searched.

Case file shape:

    rule: COND-02
    cases:
      - name: code names all seven principles
        expect: pass
        evidence_url: https://lep.test/code.pdf
        site:
          as_of: 2023-11-30
          documents:
            - {url: https://lep.test/code.pdf, kind: code_of_conduct, title: Code, pages: ["..."]}
      - name: no code at all
        expect: fail
        searched: [https://lep.test/]
        site: {documents: [{url: https://lep.test/, kind: other, title: Home}]}
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from hashlib import sha256
from pathlib import Path
from typing import Any

import yaml

from lepcheck.extract.periods import read_approval, read_period
from lepcheck.models import (
    BoardMember,
    DatedValue,
    Declaration,
    Document,
    FetchProblem,
    FundedProject,
    Link,
    Meeting,
    PageText,
    PublicationDate,
    RegisterEntry,
    Section,
    SiteModel,
    SourceRef,
    Table,
)

FETCHED_AT = datetime(2023, 11, 30, 9, 0, tzinfo=UTC)


def source(url: str, quote: str = "", locator: str = "") -> SourceRef:
    return SourceRef(
        url=url,
        sha256=sha256(url.encode()).hexdigest(),
        fetched_at=FETCHED_AT,
        locator=locator or "main text",
        quote=quote or url,
    )


def as_datetime(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, 9, 0, tzinfo=UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


def make_document(spec: dict[str, Any]) -> Document:
    """A Document as the extract stage would give it: the period it covers and the approval it
    records are read from its title and pages by the real reader (extract/periods.py)."""
    url = spec["url"]
    pages = spec.get("pages", [spec["text"]] if "text" in spec else [])
    fmt = spec.get("format") or ("pdf" if url.lower().endswith(".pdf") else "html")
    page_texts = tuple(PageText(number=i + 1, text=t) for i, t in enumerate(pages))
    title = spec.get("title", "")
    return Document(
        url=url,
        final_url=url,
        fetched_at=FETCHED_AT,
        sha256=sha256(url.encode()).hexdigest(),
        content_type="application/pdf" if fmt == "pdf" else "text/html",
        format=fmt,
        title=title,
        link_texts=tuple(spec.get("link_texts", ())),
        depth=spec.get("depth", 1),
        pages=page_texts,
        headings=tuple(spec.get("headings", ())),
        sections=tuple(Section(**s) for s in spec.get("sections", ())),
        links=tuple(Link(url=lk["url"], text=lk.get("text", "")) for lk in spec.get("links", ())),
        tables=tuple(
            Table(
                header=tuple(t["header"]),
                rows=tuple(tuple(str(c) for c in r) for r in t.get("rows", ())),
                name=t.get("name"),
            )
            for t in spec.get("tables", ())
        ),
        modified=as_datetime(spec.get("modified")),
        last_modified=as_datetime(spec.get("last_modified")),
        printed_dates=tuple(
            DatedValue(
                value=d["value"], provenance=d.get("provenance", "printed"), quote=d["quote"]
            )
            for d in spec.get("printed_dates", ())
        ),
        period=read_period(title, page_texts),
        approval=read_approval(title, page_texts),
        readable=spec.get("readable", True),
        unreadable_reason=spec.get("unreadable_reason"),
        kind=spec.get("kind", "other"),
        kind_confidence=spec.get("kind_confidence", 0.9),
    )


def publication(spec: dict[str, Any] | None) -> PublicationDate | None:
    if not spec:
        return None
    return PublicationDate(
        value=spec["value"],
        provenance=spec.get("provenance", "last_modified"),
        source=spec.get("source", ""),
    )


def make_meeting(spec: dict[str, Any]) -> Meeting:
    def ref(key: str) -> SourceRef | None:
        return source(spec[key]) if spec.get(key) else None

    return Meeting(
        body=spec.get("body", "Board"),
        date=spec["date"],
        status=spec.get("status", "unknown"),
        agenda=ref("agenda"),
        papers=tuple(source(u) for u in spec.get("papers", ())),
        paper_dates=tuple(publication(d) for d in spec.get("paper_dates", ())),
        minutes=ref("minutes"),
        minutes_status=spec.get("minutes_status", "unknown"),
        agenda_published=publication(spec.get("agenda_published")),
        papers_published=publication(spec.get("papers_published")),
        minutes_published=publication(spec.get("minutes_published")),
        approved_minutes=ref("approved_minutes"),
        approved_minutes_published=publication(spec.get("approved_minutes_published")),
        minutes_approved_on=spec.get("minutes_approved_on"),
    )


def make_site(spec: dict[str, Any]) -> SiteModel:
    return SiteModel(
        target_id=spec.get("target_id", "test-lep"),
        target_name=spec.get("target_name", "Test LEP"),
        target_url=spec.get("target_url", "https://lep.test/"),
        as_of=spec.get("as_of", date(2023, 11, 30)),
        documents=tuple(make_document(d) for d in spec.get("documents", ())),
        board=tuple(
            BoardMember(
                name=m["name"],
                role=m.get("role", "member"),
                organisation=m.get("organisation", ""),
                sector=m.get("sector", "unknown"),
                appointed=m.get("appointed"),
                gender=m.get("gender", "unknown"),
                source=source(m.get("source", "https://lep.test/board/"), quote=m["name"]),
            )
            for m in spec.get("board", ())
        ),
        registers=tuple(
            RegisterEntry(
                member_name=r["member"],
                matched_member=r.get("matched", r["member"]),
                categories=tuple(r.get("categories", ())),
                household=r.get("household", False),
                signed=r.get("signed", False),
                signed_date=r.get("signed_date"),
                dated=r.get("dated"),
                source=source(r["url"], quote=r["member"]),
                link_failed=r.get("link_failed"),
            )
            for r in spec.get("registers", ())
        ),
        meetings=tuple(make_meeting(m) for m in spec.get("meetings", ())),
        declarations=tuple(
            Declaration(
                meeting_url=d["minutes"],
                meeting_date=d.get("meeting_date"),
                member=d.get("member", ""),
                item=d.get("item", ""),
                nature=d.get("nature", ""),
                action=d["action"],
                source=source(d["minutes"], quote=d.get("quote", d.get("nature", ""))),
            )
            for d in spec.get("declarations", ())
        ),
        projects=tuple(
            FundedProject(name=p["name"], recipient=p.get("recipient", ""), source=source(p["url"]))
            for p in spec.get("projects", ())
        ),
        problems=tuple(FetchProblem(**p) for p in spec.get("problems", ())),
    )


def load_cases(path: Path) -> tuple[str, list[dict[str, Any]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data["rule"], list(data["cases"])
