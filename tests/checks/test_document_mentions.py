"""document_mentions with `each`: every selected document covers the topics, not only one."""

from __future__ import annotations

from typing import Any

from lepcheck.checks import document_mentions
from lepcheck.checks.common.selection import DocumentSelector
from lepcheck.checks.document_mentions import Topic
from lepcheck.rule_cases import make_site

PARAMS = document_mentions.Params(
    document=DocumentSelector(title_patterns=(r"^decision",), description="decision records"),
    topics=(
        Topic(name="reasons", patterns=(r"reasons? for the decision",)),
        Topic(name="alternatives", patterns=(r"alternative options",)),
    ),
    each=True,
)
FULL = "Reasons for the decision: value for money. Alternative options considered: none."


def record(ident: int, text: str) -> dict[str, Any]:
    return {
        "url": f"https://c.test/ieDecisionDetails.aspx?ID={ident}",
        "title": f"Decision {ident}",
        "text": text,
    }


def test_every_record_covering_the_topics_passes() -> None:
    site = make_site({"documents": [record(1, FULL), record(2, FULL)]})
    assert document_mentions.evaluate(site, PARAMS).status == "pass"


def test_one_record_short_is_partial_and_named() -> None:
    site = make_site({"documents": [record(1, FULL), record(2, "Reasons for the decision: x.")]})
    verdict = document_mentions.evaluate(site, PARAMS)
    assert verdict.status == "partial" and "ID=2" in verdict.message
    assert "no alternatives" in verdict.message


def test_every_record_short_fails() -> None:
    site = make_site({"documents": [record(1, "Decided."), record(2, "Decided.")]})
    assert document_mentions.evaluate(site, PARAMS).status == "fail"
