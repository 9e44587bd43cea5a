"""Every rule's YAML cases, run through the real rule loader and check kinds (as sqlfluff's
yaml_test_cases_test): `pytest -k COND-02` runs one rule.

The runner asserts what the case's author wrote, and the author must write enough: a `pass`
names the evidence (a URL of one of the case's own documents and a quote taken from it, which
the finding must carry with that document's hash and fetch time); a `fail`, `partial` or
`unknown` names what was searched or found missing; a `manual` or `not_applicable` case what
the message says. `test_every_case_asserts_more_than_its_status` lists the cases that do not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lepcheck.assess.findings import evaluate_rule
from lepcheck.bodies import Body
from lepcheck.models import Document, Finding, SiteModel
from lepcheck.rule_cases import CaseError, document_words, load_cases, make_site
from lepcheck.rules import Rule, load_rules

CASE_DIR = Path(__file__).parent
RULES = {rule.id: rule for rule in load_rules()}
# Check kinds whose evidence quote is the check's own reading of the case's dates ("Board
# 2023-03-14: published by 2023-03-24 ...: 7 clear working days after the meeting"), not words
# of the document: the quote a case asserts is that reading. key_decision_notice reads a key
# decision's notice the same way ("on the Forward Plan from 2024-04-20 ..., 51 clear days before
# the decision on 2024-06-11 (needs 28)").
COMPOSED_QUOTES = {"meeting_timeliness", "key_decision_notice"}


def all_cases() -> list[Any]:
    params = []
    for path in sorted(CASE_DIR.glob("*.yaml")):
        rule_id, cases = load_cases(path)
        for case in cases:
            params.append(pytest.param(rule_id, case, id=f"{rule_id}_{case['name']}"))
    return params


CASES = all_cases()


def case_site(rule_id: str, case: dict[str, Any]) -> SiteModel:
    """The case's site: a body of the rule's first kind unless the case says otherwise."""
    return make_site(case.get("site") or {}, Body(kind=RULES[rule_id].applies_to[0]))


def case_documents(rule_id: str, case: dict[str, Any]) -> dict[str, Document]:
    return {d.url: d for d in case_site(rule_id, case).documents}


def what_is_missing(rule_id: str, case: dict[str, Any]) -> str | None:
    """What a case fails to assert beyond its status, or None when it asserts enough."""
    expect = case["expect"]
    if expect == "pass":
        url, quote = case.get("evidence_url"), case.get("evidence_quote")
        if not url or not quote:
            return "a pass must name its evidence_url and evidence_quote"
        doc = case_documents(rule_id, case).get(url)
        if doc is None:
            return f"evidence_url {url} is not one of the case's documents"
        composed = RULES[rule_id].kind in COMPOSED_QUOTES
        if not composed and " ".join(quote.split()) not in document_words(doc):
            return f"evidence_quote {quote!r} is not in the text of {url}"
        return None
    if expect in ("fail", "partial", "unknown"):
        if not case.get("searched") and not case.get("missing"):
            return f"a {expect} must name what was searched or what is missing"
        return None
    if not case.get("message_contains"):
        return f"a {expect} case must say what the message contains"
    return None


@pytest.mark.parametrize(("rule_id", "case"), CASES)
def test_rule_case(rule_id: str, case: dict[str, Any]) -> None:
    rule: Rule = RULES[rule_id]
    finding = evaluate_rule(rule, case_site(rule_id, case))
    assert finding.status == case["expect"], finding.message
    if finding.status == "pass":
        assert finding.evidence, "a pass without evidence is a bug"
        assert all(ev.quote and ev.sha256 and ev.fetched_at for ev in finding.evidence)
    if "evidence_url" in case:
        assert_evidence(finding, rule_id, case)
    for url in case.get("searched", []):
        assert url in finding.searched, f"{url} not in searched: {finding.searched}"
    for words in case.get("message_contains", []):
        assert words in finding.message, finding.message
    for item in case.get("missing", []):
        assert any(item in m for m in finding.missing), f"{item} not named in {finding.missing}"


def assert_evidence(finding: Finding, rule_id: str, case: dict[str, Any]) -> None:
    """The evidence at the case's URL carries the case's quote and its document's identity."""
    url = case["evidence_url"]
    at_url = [ev for ev in finding.evidence if ev.url == url]
    assert at_url, f"{url} not in evidence: {[ev.url for ev in finding.evidence]}"
    quote = case.get("evidence_quote")
    if quote is not None:
        at_url = [ev for ev in at_url if quote in ev.quote]
        assert at_url, f"{quote!r} not quoted from {url}: {[ev.quote for ev in finding.evidence]}"
    doc = case_documents(rule_id, case).get(url)
    if doc is not None:  # the hash and time of that document, not ones the harness made up
        assert any(ev.sha256 == doc.sha256 and ev.fetched_at == doc.fetched_at for ev in at_url)


def test_every_case_asserts_more_than_its_status() -> None:
    lacking = []
    for param in CASES:
        rule_id, case = param.values
        problem = what_is_missing(rule_id, case)
        if problem:
            lacking.append(f"{rule_id} '{case['name']}': {problem}")
    assert not lacking, f"{len(lacking)} cases assert too little:\n" + "\n".join(lacking)


def test_a_mistyped_key_is_an_error_not_a_dropped_assertion(tmp_path: Path) -> None:
    path = tmp_path / "COND-02.yaml"
    path.write_text(
        "rule: COND-02\ncases:\n"
        "  - {name: typo, expect: fail, serched: [https://lep.test/], site: {}}\n"
    )
    with pytest.raises(CaseError, match="serched"):
        load_cases(path)
    with pytest.raises(CaseError, match="titel"):
        make_site({"documents": [{"url": "https://lep.test/", "titel": "Home"}]})


def test_a_fact_cites_its_document_or_is_a_bare_link() -> None:
    page = {"url": "https://lep.test/board/", "title": "Board", "text": "Jane Marsh, Chair"}
    site = make_site({"documents": [page], "board": [{"name": "Jane Marsh"}]})
    (member,) = site.board
    (doc,) = site.documents
    assert member.source.sha256 == doc.sha256 and member.source.quote == "Jane Marsh"
    bare = make_site({"board": [{"name": "Jane Marsh"}]}).board[0].source
    assert (bare.sha256, bare.fetched_at, bare.quote) == ("", None, "")
    with pytest.raises(CaseError, match="'Ann Lee' is not in the text"):
        make_site({"documents": [page], "board": [{"name": "Ann Lee"}]})
