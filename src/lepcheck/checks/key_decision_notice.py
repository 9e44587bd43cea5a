"""key_decision_notice: every key decision was announced in time: on the Forward Plan at least
28 clear days before it was taken (SI 2012/2089 reg. 9(2); CA Order 2017 art. 11(3)), or under
the general exception with a notice five clear days ahead that gives reasons and says the
scrutiny chair was told (reg. 10), or under special urgency with the scrutiny chair's agreement
and a notice of the reasons (reg. 11).

The check pairs each decision record marked as a key decision (ModernGov "Is key decision?:
Yes") with the Forward Plan entry for the same matter (an issue page, or a row of the plan's
table) and takes the entry's first sighting: proved by an earlier crawl, declared by the
committee system ("first published: ..."), or suggested by Last-Modified (then `partial` at
best). Clear days follow `day_basis` (calendar for 28 days, with a working-day shortfall
`partial`; see meeting_timeliness). With `notice: general_exception` or `special_urgency` it
judges the decisions taken under that procedure instead, and is not applicable when none was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lepcheck.checks.common.matters import labelled_dates, matter_words, same_matter
from lepcheck.checks.common.publication import PROVENANCE_WORDS, bulk_stamped_dates
from lepcheck.checks.common.publication import candidate_dates as dates_of
from lepcheck.checks.common.selection import DocumentSelector, select_documents
from lepcheck.checks.common.text_search import matches_any
from lepcheck.models import Document, Evidence, PublicationDate, SiteModel, Verdict
from lepcheck.working_days import DayBasis, clear_days_between, clear_working_days_between

KIND = "key_decision_notice"

Procedure = Literal["forward_plan", "general_exception", "special_urgency"]
Result = Literal["ok", "exception", "short", "suggested", "late", "absent", "undated"]


def selector(description: str, *patterns: str) -> DocumentSelector:
    return DocumentSelector(
        title_patterns=patterns, description=description, caveats=False, committee_pages=True
    )


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    notice: Procedure = Field(
        description="forward_plan: every key decision was on the plan in time (or taken under "
        "an exception); general_exception or special_urgency: the decisions taken under that "
        "procedure had its notice"
    )
    decisions: DocumentSelector = Field(
        default=selector(
            "decision records", r"iedecisiondetails", r"^\W*(?:record of )?decision\b"
        ),
        description="the decision records",
    )
    plan: DocumentSelector = Field(
        default=selector(
            "Forward Plan entries",
            r"ieissuedetails",
            r"mglistplans",
            r"forward plan",
            r"notice of (?:key|proposed) decisions?",
        ),
        description="the Forward Plan and its entries",
    )
    exception: DocumentSelector = Field(
        default=selector("exception notices", r"general exception", r"special urgency"),
        description="general exception and special urgency notices",
    )
    key_patterns: tuple[str, ...] = Field(
        default=(r"key decision\W{0,4}yes", r"\bthis is a key decision\b"),
        description="words that mark a decision record as a key decision",
    )
    clear_days: int = Field(default=28, description="clear days of notice (forward_plan)")
    day_basis: DayBasis = Field(default="calendar", description="how the clear days count")
    working_shortfall: Literal["partial", "pass"] = Field(
        default="partial",
        description="calendar basis: on time in calendar days but short in working days",
    )
    exception_days: int = Field(
        default=5, description="clear working days a general exception notice precedes it"
    )
    window_months: int = Field(default=12, description="decisions this many months before as-of")


RANK = {"first_seen": 0, "printed": 1, "document_metadata": 2, "last_modified": 3, "unknown": 4}
DECIDED = (r"date of decision", r"decision (?:date|made|taken)", r"decided on")
PUBLISHED = (r"published", r"date of (?:notice|publication)", r"^date\b", r"issued")
PROCEDURE_WORDS = {"general_exception": r"general exception", "special_urgency": r"special urgency"}
NEEDS: dict[str, dict[str, tuple[str, ...]]] = {
    "general_exception": {
        "reasons": (r"\breasons?\b",),
        "scrutiny chair told": (r"chair\w* of (?:the )?(?:\w+ ){0,6}scrutiny",),
    },
    "special_urgency": {
        "reasons": (r"\breasons?\b", r"\burgen"),
        "chair's agreement": (r"\bagree", r"\bconsent"),
    },
}


@dataclass(frozen=True)
class KeyDecision:
    doc: Document
    matter: frozenset[str]
    decided: date | None


def key_decisions(site: SiteModel, params: Params, exclude: set[str]) -> list[KeyDecision]:
    since = site.as_of - timedelta(days=round(params.window_months * 30.44))
    found: list[KeyDecision] = []
    for doc in select_documents(site, params.decisions):
        if doc.url in exclude or not matches_any(doc.text, params.key_patterns):
            continue
        dated = labelled_dates(doc, DECIDED)
        decided = dated[0].value if dated else None
        if decided is not None and not since <= decided <= site.as_of:
            continue
        # ModernGov titles the page "Decision details" and names the matter in its subtitle.
        named = " ".join((doc.title, *doc.headings[:3]))
        found.append(KeyDecision(doc, matter_words(named), decided))
    return found


def published_dates(doc: Document, bulk: set[date]) -> list[PublicationDate]:
    """Proved, declared (printed by the committee system) and suggested dates, earliest first."""
    printed = [
        PublicationDate(value=d.value, provenance="printed") for d in labelled_dates(doc, PUBLISHED)
    ]
    return sorted(dates_of(doc, None, bulk) + printed[:1], key=lambda d: d.value)


def plan_sighting(
    decision: KeyDecision, plan: list[Document], bulk: set[date]
) -> tuple[PublicationDate, Document] | None:
    """The earliest sighting of the decision's matter on the Forward Plan."""
    sightings: list[tuple[PublicationDate, Document]] = []
    for doc in plan:
        rows = [" ".join(row) for table in doc.tables for row in table.rows]
        if same_matter(decision.matter, doc.title, *rows):
            sightings += [(d, doc) for d in published_dates(doc, bulk)]
    # The earliest; on the same day the better evidence (proved, then declared, then suggested).
    return min(sightings, key=lambda s: (s[0].value, RANK[s[0].provenance])) if sightings else None


def exception_for(
    decision: KeyDecision, notices: list[Document], procedure: str
) -> Document | None:
    for doc in notices:
        named = matches_any(f"{doc.title} {doc.text[:400]}", (PROCEDURE_WORDS[procedure],))
        if named and same_matter(decision.matter, doc.title, doc.text):
            return doc
    return None


def on_plan(decision: KeyDecision, seen: PublicationDate, params: Params) -> tuple[Result, str]:
    assert decision.decided is not None
    days = clear_days_between(seen.value, decision.decided, params.day_basis)
    unit = "clear days" if params.day_basis == "calendar" else "clear working days"
    how = PROVENANCE_WORDS[seen.provenance]
    detail = (
        f"on the Forward Plan from {seen.value} ({how}), {max(days, 0)} {unit} before the "
        f"decision on {decision.decided} (needs {params.clear_days})"
    )
    if days < params.clear_days:
        return "late", detail
    working = clear_working_days_between(seen.value, decision.decided)
    shortfall = params.day_basis == "calendar" and params.working_shortfall == "partial"
    if shortfall and working < params.clear_days:
        return "short", f"{detail}, but only {working} clear working days"
    return ("suggested" if seen.provenance == "last_modified" else "ok"), detail


def judge_plan(
    decision: KeyDecision, site: SiteModel, params: Params, parts: tuple[list[Document], ...]
) -> tuple[Result, str, Document]:
    plan, notices = parts
    if decision.decided is None:
        return "undated", "the record gives no date of decision", decision.doc
    seen = plan_sighting(decision, plan, bulk_stamped_dates(site))
    result: tuple[Result, str] = ("absent", "not found on the Forward Plan")
    if seen is not None:
        result = on_plan(decision, seen[0], params)
        if result[0] != "late":
            return result[0], result[1], seen[1]
    for procedure in PROCEDURE_WORDS:
        notice = exception_for(decision, notices, procedure)
        if notice is not None:
            words = procedure.replace("_", " ")
            return "exception", f"{result[1]}; taken under {words} ({notice.url})", notice
    return (
        result[0],
        result[1] + ", and no general exception or special urgency notice found",
        (decision.doc),
    )


def judge_exception(
    decision: KeyDecision, site: SiteModel, params: Params, notice: Document
) -> tuple[Result, str]:
    procedure = params.notice
    lacking = [
        name
        for name, patterns in NEEDS[procedure].items()
        if not matches_any(notice.text, patterns)
    ]
    detail = f"{procedure.replace('_', ' ')} notice {notice.url}"
    if procedure == "general_exception" and decision.decided is not None:
        dates = published_dates(notice, bulk_stamped_dates(site))
        if dates:
            days = clear_working_days_between(dates[0].value, decision.decided)
            detail += f" published {dates[0].value}, {max(days, 0)} clear working days before"
            if days < params.exception_days:
                return "late", f"{detail} (needs {params.exception_days})"
        else:
            return "undated", f"{detail}: publication date unknown"
    if lacking:
        return "short", f"{detail}: does not state {', '.join(lacking)}"
    return "ok", detail


def evidence_of(doc: Document, decision: KeyDecision, detail: str) -> Evidence:
    return Evidence(
        url=doc.url,
        fetched_at=doc.fetched_at,
        sha256=doc.sha256,
        locator=f"key decision: {decision.doc.title or decision.doc.url}"[:200],
        quote=detail[:240],
    )


def evaluate(site: SiteModel, params: Params) -> Verdict:
    plan = select_documents(site, params.plan)
    notices = select_documents(site, params.exception)
    decisions = key_decisions(site, params, {d.url for d in (*plan, *notices)})
    searched = tuple(d.url for d in (*plan, *notices)) or site.searched
    if not decisions:
        return Verdict(
            status="unknown",
            message=f"No key decision record dated in the {params.window_months} months before "
            f"{site.as_of} was found, so notice of key decisions cannot be assessed.",
            searched=site.searched,
            missing=("key decision records",),
        )
    results: dict[Result, list[str]] = {}
    evidence: list[Evidence] = []
    for decision in decisions:
        label = decision.doc.title or decision.doc.url
        if params.notice == "forward_plan":
            result, detail, where = judge_plan(decision, site, params, (plan, notices))
        else:
            notice = exception_for(decision, notices, params.notice)
            said = matches_any(decision.doc.text, (PROCEDURE_WORDS[params.notice],))
            if notice is None and not said:
                continue  # not taken under this procedure
            if notice is None:
                result, detail, where = (
                    "absent",
                    "the record cites the procedure, no notice found",
                    decision.doc,
                )
            else:
                result, detail = judge_exception(decision, site, params, notice)
                where = notice
        results.setdefault(result, []).append(f"{label}: {detail}")
        evidence.append(evidence_of(where, decision, detail))
    return verdict_of(results, len(decisions), tuple(evidence), searched, params)


def verdict_of(
    results: dict[Result, list[str]],
    count: int,
    evidence: tuple[Evidence, ...],
    searched: tuple[str, ...],
    params: Params,
) -> Verdict:
    judged = sum(len(v) for v in results.values())
    if judged == 0:
        words = params.notice.replace("_", " ")
        return Verdict(
            status="not_applicable",
            message=f"None of the {count} key decisions found was taken under {words}.",
            searched=searched,
        )
    failed = results.get("late", []) + results.get("absent", [])
    if failed:
        return Verdict(
            status="fail",
            message=f"{len(failed)} of {judged} key decisions without the notice due: "
            + "; ".join(failed),
            evidence=evidence,
            searched=searched,
            missing=tuple(failed),
            confidence=0.8,
        )
    good = results.get("ok", []) + results.get("exception", [])
    doubtful = results.get("short", []) + results.get("suggested", []) + results.get("undated", [])
    if not good and not results.get("short") and not results.get("suggested"):
        return Verdict(
            status="unknown",
            message="No date could establish the notice: " + "; ".join(doubtful),
            evidence=evidence,
            searched=searched,
            missing=tuple(doubtful),
        )
    notes = (
        [f"{len(results['exception'])} under an exception procedure"]
        if results.get("exception")
        else []
    )
    message = f"{len(good)} of {judged} key decisions had the notice due"
    if doubtful:
        message += "; in doubt: " + "; ".join(doubtful)
    return Verdict(
        status="partial" if doubtful else "pass",
        message=message + (f" ({'; '.join(notes)})" if notes else "") + ".",
        evidence=evidence,
        searched=searched,
        missing=tuple(doubtful),
        confidence=0.6 if doubtful else 0.85,
    )
