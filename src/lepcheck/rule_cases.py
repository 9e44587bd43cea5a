"""Rule test cases: a compact YAML description of a site, turned into a SiteModel.

Shipped in the package (as sqlfluff ships its rule-test harness) so that anyone adding a rule
tests it the same way: tests/rules/<ID>.yaml holds named cases, each with a small site and the
expected status; a `pass` names the evidence (URL and quote) taken from the case's own
documents, a `fail`, `partial` or `unknown` what was searched or found missing.

Case files are validated by `CaseFile` (unknown keys are errors, so a mistyped key cannot drop
an assertion). The harness supplies nothing a case asserts: a board member, register entry,
meeting paper, declaration or project cites the case document at its URL (that document's
hash, fetch time and words, the quote checked against its text, as the site stage quotes
verbatim), and with no such document it is a bare link, with no hash and no quote.

Case file shape:

    rule: COND-02
    cases:
      - name: code names all seven principles
        expect: pass
        evidence_url: https://lep.test/code.pdf
        evidence_quote: the seven principles
        site:
          as_of: 2023-11-30
          documents:
            - {url: https://lep.test/code.pdf, kind: code_of_conduct, title: Code, pages: ["..."]}
      - name: no code at all
        expect: fail
        searched: [https://lep.test/]
        site: {documents: [{url: https://lep.test/, kind: other, title: Home}]}

A site's `body` ({kind, governance, functions}) says what body it is; without one it is a body
of the rule's first kind (`applies_to`), with governance and functions unknown. `councillors`
are a council's members (as `board`); the datasets are read from the documents as the site
model reads them (a CSV's `tables`, its name's period). A meeting may give `private` and
`notices` ({kind, url, published}).
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from hashlib import sha256
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from lepcheck.bodies import Body
from lepcheck.extract.periods import read_approval, read_period
from lepcheck.models import (
    REGISTER_CATEGORIES,
    BoardMember,
    DatedValue,
    Declaration,
    Document,
    FetchProblem,
    FundedProject,
    Link,
    Meeting,
    MeetingNotice,
    PageText,
    PublicationDate,
    RegisterEntry,
    Section,
    SiteModel,
    SourceRef,
    Status,
    Table,
)
from lepcheck.site.datasets import read_datasets

FETCHED_AT = datetime(2023, 11, 30, 9, 0, tzinfo=UTC)


class CaseError(ValueError):
    """A case file that does not say what it means: an unknown key, a wrong type, or a quote
    its document does not contain."""


# ---------------------------------------------------------------- the case file schema


Day = date  # a field of MeetingSpec is named `date`


class Spec(BaseModel):
    """Strict about keys: a mistyped key is an error, not an assertion silently dropped."""

    model_config = ConfigDict(extra="forbid")


class TableSpec(Spec):
    header: list[str]
    rows: list[list[Any]] = []
    name: str | None = None


class SectionSpec(Spec):
    heading: str
    level: int = 2
    text: str = ""
    page: int | None = None


class LinkSpec(Spec):
    url: str
    text: str = ""


class PrintedDateSpec(Spec):
    value: date
    provenance: str = "printed"
    quote: str


class DocumentSpec(Spec):
    url: str
    kind: str = "other"
    title: str = ""
    text: str | None = None
    pages: list[str] | None = None
    format: str | None = None
    link_texts: list[str] = []
    depth: int = 1
    headings: list[str] = []
    sections: list[SectionSpec] = []
    links: list[LinkSpec] = []
    tables: list[TableSpec] = []
    modified: date | datetime | None = None
    last_modified: date | datetime | None = None
    first_seen: date | datetime | None = None
    printed_dates: list[PrintedDateSpec] = []
    readable: bool = True
    unreadable_reason: str | None = None
    kind_confidence: float = 0.9


class PublicationSpec(Spec):
    value: date
    provenance: str = "last_modified"
    source: str = ""


class NoticeSpec(Spec):
    kind: str
    url: str
    published: PublicationSpec | None = None


class MeetingSpec(Spec):
    date: date
    body: str = "Board"
    status: str = "unknown"
    agenda: str | None = None
    papers: list[str] = []
    paper_dates: list[PublicationSpec] = []
    minutes: str | None = None
    minutes_status: str = "unknown"
    agenda_published: PublicationSpec | None = None
    papers_published: PublicationSpec | None = None
    minutes_published: PublicationSpec | None = None
    approved_minutes: str | None = None
    approved_minutes_published: PublicationSpec | None = None
    minutes_approved_on: Day | None = None
    private: bool = False
    notices: list[NoticeSpec] = []


class BoardMemberSpec(Spec):
    name: str
    role: str = "member"
    organisation: str = ""
    sector: str = "unknown"
    appointed: date | None = None
    gender: str = "unknown"
    source: str = "https://lep.test/board/"


class RegisterSpec(Spec):
    member: str
    url: str
    matched: str | None = None
    categories: list[str] = []
    household: bool = False
    signed: bool = False
    signed_date: date | None = None
    dated: date | None = None
    link_failed: str | None = None


class DeclarationSpec(Spec):
    minutes: str
    action: str
    meeting_date: date | None = None
    member: str = ""
    item: str = ""
    nature: str = ""
    quote: str | None = None


class ProjectSpec(Spec):
    name: str
    url: str
    recipient: str = ""


class ProblemSpec(Spec):
    url: str
    reason: str
    link_text: str | None = None


class BodySpec(Spec):
    kind: str = "lep"
    governance: str | None = None
    functions: list[str] | None = None


class SiteSpec(Spec):
    as_of: date = date(2023, 11, 30)
    target_id: str = "test-lep"
    target_name: str = "Test LEP"
    target_url: str = "https://lep.test/"
    documents: list[DocumentSpec] = []
    body: BodySpec | None = None
    board: list[BoardMemberSpec] = []
    councillors: list[BoardMemberSpec] = []
    registers: list[RegisterSpec] = []
    meetings: list[MeetingSpec] = []
    declarations: list[DeclarationSpec] = []
    projects: list[ProjectSpec] = []
    problems: list[ProblemSpec] = []


class CaseSpec(Spec):
    """One case: the site, the status expected, and what else the finding must show."""

    name: str
    expect: Status
    site: SiteSpec | None = None
    evidence_url: str | None = None
    evidence_quote: str | None = None
    searched: list[str] = []
    missing: list[str] = []
    message_contains: list[str] = []


class CaseFile(Spec):
    rule: str
    cases: list[CaseSpec]


# ---------------------------------------------------------------- citing the case's documents


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def document_words(doc: Document) -> str:
    """Every word a document shows (title, link texts, headings, sections, pages, tables,
    links, the words around its printed dates), whitespace collapsed: what a quote taken from
    it must be found in."""
    parts = [doc.title, *doc.link_texts, *doc.headings, *(d.quote for d in doc.printed_dates)]
    parts += [f"{s.heading} {s.text}" for s in doc.sections]
    parts += [p.text for p in doc.pages]
    parts += [" | ".join(t.header) for t in doc.tables]
    parts += [" | ".join(row) for t in doc.tables for row in t.rows]
    parts += [f"{link.text} {link.url}" for link in doc.links]
    return _collapse("\n".join(parts))


class Citations:
    """The SourceRef of a site-model fact: the case document at its URL, or a bare link."""

    def __init__(self, documents: tuple[Document, ...]) -> None:
        self.by_url = {d.url: d for d in documents}

    def cite(self, url: str, quote: str | None, what: str) -> SourceRef:
        doc = self.by_url.get(url)
        if doc is None:
            return SourceRef(url=url, locator="link")
        if quote is None:  # a paper is quoted by its title or the words of the link to it
            said = _collapse(doc.title or next(iter(doc.link_texts), ""))
        else:
            said = _collapse(quote)
            if not said or said not in document_words(doc):
                raise CaseError(f"{what}: {said!r} is not in the text of its document {url}")
        return SourceRef(
            url=url,
            sha256=doc.sha256,
            fetched_at=doc.fetched_at,
            locator="main text",
            quote=said,
        )


def as_datetime(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, 9, 0, tzinfo=UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


def make_document(spec: dict[str, Any], fetched_at: datetime = FETCHED_AT) -> Document:
    """A Document as the extract stage would give it: the period it covers and the approval it
    records are read from its title and pages by the real reader (extract/periods.py)."""
    url = spec["url"]
    # The document's own hash: of everything the case says it holds, so two documents differ.
    digest = sha256(json.dumps(spec, sort_keys=True, default=str).encode()).hexdigest()
    pages = spec.get("pages", [spec["text"]] if "text" in spec else [])
    fmt = spec.get("format") or ("pdf" if url.lower().endswith(".pdf") else "html")
    page_texts = tuple(PageText(number=i + 1, text=t) for i, t in enumerate(pages))
    title = spec.get("title", "")
    return Document(
        url=url,
        final_url=url,
        fetched_at=fetched_at,
        sha256=digest,
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
        first_seen=as_datetime(spec.get("first_seen")),
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


def make_meeting(spec: dict[str, Any], citations: Citations) -> Meeting:
    what = f"meeting of {spec['date']}"

    def ref(key: str) -> SourceRef | None:
        return citations.cite(spec[key], None, f"{what} {key}") if spec.get(key) else None

    return Meeting(
        body=spec.get("body", "Board"),
        date=spec["date"],
        status=spec.get("status", "unknown"),
        agenda=ref("agenda"),
        papers=tuple(citations.cite(u, None, f"{what} papers") for u in spec.get("papers", ())),
        paper_dates=tuple(publication(d) for d in spec.get("paper_dates", ())),
        minutes=ref("minutes"),
        minutes_status=spec.get("minutes_status", "unknown"),
        agenda_published=publication(spec.get("agenda_published")),
        papers_published=publication(spec.get("papers_published")),
        minutes_published=publication(spec.get("minutes_published")),
        private=spec.get("private", False),
        notices=tuple(
            MeetingNotice(
                kind=n["kind"],
                source=citations.cite(n["url"], None, f"{what} {n['kind']}"),
                published=publication(n.get("published")),
            )
            for n in spec.get("notices", ())
        ),
        approved_minutes=ref("approved_minutes"),
        approved_minutes_published=publication(spec.get("approved_minutes_published")),
        minutes_approved_on=spec.get("minutes_approved_on"),
    )


def make_member(m: dict[str, Any], page: str, citations: Citations) -> BoardMember:
    return BoardMember(
        name=m["name"],
        role=m.get("role", "member"),
        organisation=m.get("organisation", ""),
        sector=m.get("sector", "unknown"),
        appointed=m.get("appointed"),
        gender=m.get("gender", "unknown"),
        source=citations.cite(m.get("source", page), m["name"], f"member {m['name']}"),
    )


def make_site(spec: dict[str, Any], default_body: Body | None = None) -> SiteModel:
    """The SiteModel a case's `site` describes (validated against `SiteSpec` first). Its `body`
    (kind, governance, functions) defaults to `default_body`: the rule's first kind, so a case
    of a council's rule is a council's site."""
    try:
        SiteSpec.model_validate(spec)
    except ValidationError as error:
        raise CaseError(str(error)) from None
    body = Body(**spec["body"]) if "body" in spec else (default_body or Body())
    as_of = spec.get("as_of", date(2023, 11, 30))
    # Documents are fetched on the as-of day (a site described after 30 November 2023 was
    # crawled then), so their Last-Modified dates before it are evidence.
    fetched = max(FETCHED_AT, datetime(as_of.year, as_of.month, as_of.day, 9, 0, tzinfo=UTC))
    documents = tuple(make_document(d, fetched) for d in spec.get("documents", ()))
    citations = Citations(documents)
    return SiteModel(
        target_id=spec.get("target_id", "test-lep"),
        target_name=spec.get("target_name", "Test LEP"),
        target_url=spec.get("target_url", "https://lep.test/"),
        as_of=as_of,
        body=body,
        documents=documents,
        board=tuple(
            make_member(m, "https://lep.test/board/", citations) for m in spec.get("board", ())
        ),
        councillors=tuple(
            make_member(m, "https://lep.test/mgMemberIndex.aspx", citations)
            for m in spec.get("councillors", ())
        ),
        registers=tuple(
            RegisterEntry(
                member_name=r["member"],
                matched_member=r.get("matched", r["member"]),
                categories=tuple(c for c in r.get("categories", ()) if c in REGISTER_CATEGORIES),
                dpi_categories=tuple(
                    c for c in r.get("categories", ()) if c not in REGISTER_CATEGORIES
                ),
                household=r.get("household", False),
                signed=r.get("signed", False),
                signed_date=r.get("signed_date"),
                dated=r.get("dated"),
                source=citations.cite(r["url"], r["member"], f"register of {r['member']}"),
                link_failed=r.get("link_failed"),
            )
            for r in spec.get("registers", ())
        ),
        meetings=tuple(make_meeting(m, citations) for m in spec.get("meetings", ())),
        declarations=tuple(
            Declaration(
                meeting_url=d["minutes"],
                meeting_date=d.get("meeting_date"),
                member=d.get("member", ""),
                item=d.get("item", ""),
                nature=d.get("nature", ""),
                action=d["action"],
                source=citations.cite(
                    d["minutes"], d.get("quote", d.get("nature") or None), "declaration"
                ),
            )
            for d in spec.get("declarations", ())
        ),
        projects=tuple(
            FundedProject(
                name=p["name"],
                recipient=p.get("recipient", ""),
                source=citations.cite(p["url"], p["name"], f"project {p['name']}"),
            )
            for p in spec.get("projects", ())
        ),
        datasets=tuple(read_datasets(documents)),
        problems=tuple(FetchProblem(**p) for p in spec.get("problems", ())),
    )


def load_cases(path: Path) -> tuple[str, list[dict[str, Any]]]:
    """A case file's rule and cases, validated against `CaseFile`; CaseError names the file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    try:
        CaseFile.model_validate(data)
    except ValidationError as error:
        raise CaseError(f"{path.name}: {error}") from None
    return data["rule"], list(data["cases"])
