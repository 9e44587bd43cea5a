"""Which documents a check looks at.

A selector names document kinds (from the classifier) and/or title patterns (matched against
the title, the text of the links that led to the document and the URL path). Rules use both,
because real sites title things freely: a "Board Code of Conduct" may be classified as such,
while a "Diversity Statement" has no kind of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import unquote, urlsplit

from pydantic import ConfigDict, Field

from lepcheck.checks.common.blocked import blocked_meetings
from lepcheck.checks.common.cited import CitesVocabulary, RuleVocabulary, vocabulary_field
from lepcheck.checks.common.text_search import (
    clause_around,
    compile_pattern,
    matches_any,
)
from lepcheck.models import Document, DocumentFormat, DocumentKind, FetchProblem, SiteModel, Verdict
from lepcheck.vocab.caveats import (
    CONDITIONAL,
    CONSULTATION_TITLE,
    DENIALS,
    DRAFT_CUES,
    DRAFT_TITLE,
    LEP_NAMES,
    MEETING_RECORD_NAME,
    OTHER_BODY,
    PLACEHOLDER,
    PROPOSALS,
    RETIRED,
    RETIRED_TEXT,
    TEMPLATE_NAMES,
)


class DocumentSelector(CitesVocabulary):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kinds: tuple[DocumentKind, ...] = Field(
        default=(), description="documents the classifier files under any of these kinds"
    )
    title_patterns: tuple[str, ...] = Field(
        default=(),
        description="or documents whose title, link text or URL words match one of these",
    )
    title_vocabulary: RuleVocabulary | None = vocabulary_field()
    body_patterns: tuple[str, ...] = Field(
        default=(), description="if given, a selected document must also mention one of these"
    )
    min_confidence: float = Field(
        default=0.0, description="a classified kind counts from this confidence (0 to 1) up"
    )
    max_depth: int | None = Field(default=None, description="clicks from the start page")
    formats: tuple[DocumentFormat, ...] = Field(
        default=(), description="only documents of these formats (e.g. html for a web page)"
    )
    committee_pages: bool = Field(
        default=False,
        description="a committee system's own pages (its decision and issue pages) count when "
        "their title matches: they are what is sought (decision records, Forward Plan entries)",
    )
    description: str = Field(default="", description="what is sought, in words, for messages")
    caveats: bool = Field(
        default=True,
        description="doubt a draft, consultation, template, superseded or another body's "
        "document; false when the selector looks at pages in general, not for one document",
    )

    def label(self) -> str:
        if self.description:
            return self.description
        if self.kinds:
            return " or ".join(k.replace("_", " ") for k in self.kinds)
        return "a matching document"


def url_words(url: str) -> str:
    """The URL path as words: '/docs/Whistleblowing-Policy.pdf' matches 'whistleblowing policy'."""
    path = unquote(urlsplit(url).path)
    for char in "/-_.+":
        path = path.replace(char, " ")
    return path


# Hub and listing pages are linked with compound texts ("Board meetings, agendas and minutes")
# that describe what they lead to, not what they are.
HUB_KINDS = frozenset({"governance_page", "board_page"})


def naming_text(doc: Document) -> str:
    link_texts = () if doc.kind in HUB_KINDS else doc.link_texts
    return " | ".join((doc.title, *link_texts, url_words(doc.url)))


# Minutes and agendas discuss policies, plans and registers ("Item 6: Whistleblowing policy
# review") without being them; a selector picks a meeting record only when it names its kind.
MEETING_KINDS = frozenset({"minutes", "agenda"})
MEETING_CONFIDENCE = 0.5


def naming_reason(doc: Document, patterns: tuple[str, ...]) -> str:
    """Which of the document's names matched, in the words a reader sees (not the regex)."""
    link_texts = () if doc.kind in HUB_KINDS else doc.link_texts
    for field, text in (
        ("title", doc.title),
        *(("link text", t) for t in link_texts),
        ("URL", url_words(doc.url)),
    ):
        if text and matches_any(text, patterns):
            return f"its {field} reads '{' '.join(text.split())[:80]}'"
    return "its title, link text or URL names it"


def why_selected(doc: Document, selector: DocumentSelector) -> str | None:
    """The reason a document is selected, or None. Body patterns narrow, never widen."""
    if selector.max_depth is not None and doc.depth > selector.max_depth:
        return None
    if selector.formats and doc.format not in selector.formats:
        return None
    if (
        doc.kind in MEETING_KINDS
        and doc.kind_confidence >= MEETING_CONFIDENCE
        and doc.kind not in selector.kinds
    ):
        return None
    system_page = doc.committee is not None and not selector.committee_pages
    if system_page and doc.kind not in (*selector.kinds, *MEETING_KINDS):
        # The committee system says what its page is (a decision notice, a list of meetings):
        # a title that names minutes or an agenda does not make it one.
        return None
    reason: str | None = None
    if doc.kind in selector.kinds and doc.kind_confidence >= selector.min_confidence:
        reason = f"classified as {doc.kind.replace('_', ' ')}"
    elif selector.title_patterns and matches_any(naming_text(doc), selector.title_patterns):
        reason = naming_reason(doc, selector.title_patterns)
    if reason and selector.body_patterns and not matches_any(doc.text, selector.body_patterns):
        return None
    return reason


# A document can be named as the sought one and still not be it: a page headed "Whistleblowing
# policy" that says "the LEP has not yet adopted a whistleblowing policy", a draft for
# consultation, or a blank template ("[Name of member]"). Its opening is read for such a caveat;
# a caveated document supports at most a partial verdict, with the caveat quoted.
OPENING_CHARS = 1500


def other_body(doc: Document, home: str) -> str | None:
    """Why a document from another host, named for a council, may not be the LEP's own."""
    host = urlsplit(doc.url).hostname or ""
    if not home or host == (urlsplit(home).hostname or ""):
        return None
    name = naming_text(doc)
    if matches_any(name, (OTHER_BODY,)) and not matches_any(name, (LEP_NAMES,)):
        return f"it is another body's document ({host}), which may not be the one the LEP adopted"
    return None


def caveat(
    doc: Document, selector: DocumentSelector, home: str = "", denials: bool = True
) -> str | None:
    """Why a selected document may not be the sought, adopted one, quoted; None if no doubt.
    `home` is the LEP's own site, against which another body's document is told apart.
    `denials` reads the opening for a denial of the sought document; checks that search topics
    pass False, since a denied topic is already no hit (text_search.DENIALS)."""
    if not selector.caveats:
        return None
    foreign = other_body(doc, home)
    if foreign:
        return foreign
    opening = doc.pages[0].text[:OPENING_CHARS] if doc.pages else ""
    for pattern in DENIALS if denials else ():
        for match in compile_pattern(pattern).finditer(opening):
            clause = " ".join(clause_around(opening, match.start(), match.end()).split())
            if matches_any(clause, (CONDITIONAL,)):
                continue
            if not selector.title_patterns or matches_any(clause, selector.title_patterns):
                return f'it says "{clause[:160]}"'
    # Draft minutes "subject to approval" are the usual published record of a meeting.
    record = doc.kind in MEETING_KINDS or matches_any(naming_text(doc), (MEETING_RECORD_NAME,))
    draft = matches_any(opening, DRAFT_CUES) or matches_any(doc.title, (DRAFT_TITLE,))
    if draft and not record:
        return "it is marked as a draft, not an adopted version"
    if matches_any(doc.title, (CONSULTATION_TITLE,)) and not record:
        return "it is a consultation on the document, not the adopted document"
    if matches_any(doc.title, PROPOSALS) and not record:
        return "it is a paper proposing the document or changes to it, not the adopted version"
    retired = matches_any(naming_text(doc), RETIRED) or matches_any(opening, RETIRED_TEXT)
    if retired and not record:  # archived minutes are still the record of their meeting
        return "it is marked as superseded, withdrawn or archived"
    if matches_any(naming_text(doc), TEMPLATE_NAMES):
        return "it is a template or blank form"
    if len(compile_pattern(PLACEHOLDER).findall(opening)) >= 2:
        return "it is a template with unfilled placeholders such as [Name of member]"
    return None


def select_documents(site: SiteModel, selector: DocumentSelector) -> list[Document]:
    return [doc for doc in site.documents if why_selected(doc, selector) is not None]


def unfetched_matches(site: SiteModel, selector: DocumentSelector) -> list[FetchProblem]:
    """Links that look like the sought document but could not be fetched: grounds for unknown."""
    if not selector.title_patterns:
        return []
    found: list[FetchProblem] = []
    for problem in site.problems:
        text = " | ".join((problem.link_text or "", url_words(problem.url)))
        if matches_any(text, selector.title_patterns):
            found.append(problem)
    return found


def searched_urls(docs: Sequence[Document]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(doc.url for doc in docs))


def required_by_field() -> Any:
    """The field of a rule that judges documents' content naming the rules that require them."""
    return Field(
        default=(),
        description="the rules whose failure a missing document is (one defect, one finding): "
        "with none to judge, this rule is unknown naming them, not a second fail",
    )


def nothing_selected(
    site: SiteModel,
    selector: DocumentSelector,
    consequence: str = "",
    required_by: tuple[str, ...] = (),
) -> Verdict:
    """The verdict when no document matches: `unknown` when a link that looks like it could not
    be fetched (it may well exist), otherwise `fail` with everything that was searched.

    `required_by` names the rules whose failure a missing document is, for a rule that judges
    the content of documents (declarations in minutes, items on agendas): with nothing to judge
    it is `unknown` with that reason, never a second `fail` for the same defect (one defect,
    one finding: issue 13 item 7)."""
    label = selector.label()
    if MEETING_KINDS & set(selector.kinds):
        blocked = blocked_meetings(site, label)
        if blocked is not None:
            return blocked
    unfetched = unfetched_matches(site, selector)
    if unfetched:
        first = unfetched[0]
        return Verdict(
            status="unknown",
            message=f"A link that looks like {label} could not be read "
            f"({first.url}: {first.reason}).",
            searched=site.searched,
            missing=(label,),
        )
    if required_by:
        return Verdict(
            status="unknown",
            message=f"No {label} found to judge among {len(site.documents)} documents and pages "
            f"fetched: their absence is the failure of {', '.join(required_by)}, not counted "
            "again here.",
            searched=site.searched,
            missing=(label,),
        )
    return Verdict(
        status="fail",
        message=f"No {label} found among {len(site.documents)} documents and pages fetched"
        + (f", {consequence}." if consequence else "."),
        searched=site.searched,
        missing=(label,),
    )
