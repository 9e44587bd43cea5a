"""A document named as the sought one but saying it is not adopted, a draft, or a blank
template is at most partial evidence; an ordinary policy has no caveat."""

from __future__ import annotations

from datetime import date

from lepcheck.checks.common.selection import DocumentSelector, caveat, why_selected
from lepcheck.checks.document_published import found_confidence, out_of_date
from lepcheck.models import Document
from lepcheck.rule_cases import make_document

WHISTLEBLOWING = DocumentSelector(title_patterns=(r"\bwhistle[- ]?blowing",))


def doc(title: str, text: str) -> Document:
    return make_document({"url": "https://lep.test/doc/", "title": title, "pages": [text]})


def test_a_denial_about_the_sought_document_is_a_caveat() -> None:
    page = doc("Whistleblowing", "The LEP has not yet adopted a whistleblowing policy.")
    assert caveat(page, WHISTLEBLOWING) is not None


def test_a_denial_about_something_else_is_not() -> None:
    page = doc("Whistleblowing Policy", "The LEP does not publish the names of those who report.")
    assert caveat(page, WHISTLEBLOWING) is None


def test_drafts_and_templates_are_caveats() -> None:
    draft = doc("Whistleblowing Policy", "DRAFT for consultation\nPurpose of this policy")
    form = doc("Interests", "Name: [Name of member]\nSigned: [Signature]")
    assert caveat(draft, WHISTLEBLOWING) is not None
    assert caveat(form, WHISTLEBLOWING) is not None


def test_an_adopted_policy_has_no_caveat() -> None:
    page = doc("Whistleblowing Policy", "Adopted by the Board on 3 May 2023. Purpose.")
    assert caveat(page, WHISTLEBLOWING) is None


def test_minutes_are_selected_only_by_a_selector_naming_their_kind() -> None:
    minutes = make_document(
        {
            "url": "https://lep.test/minutes.pdf",
            "kind": "minutes",
            "title": "Minutes: whistleblowing policy approved",
        }
    )
    assert why_selected(minutes, WHISTLEBLOWING) is None
    assert why_selected(minutes, DocumentSelector(kinds=("minutes",))) is not None


def test_a_councils_own_policy_on_its_site_is_a_caveat_but_the_leps_is_not() -> None:
    council = make_document(
        {"url": "https://www.anytown.gov.uk/wb.pdf", "title": "Anytown Council Whistleblowing"}
    )
    lep = make_document(
        {"url": "https://www.anytown.gov.uk/lep-wb.pdf", "title": "Anytown LEP Whistleblowing"}
    )
    assert caveat(council, WHISTLEBLOWING, "https://lep.test/") is not None
    assert caveat(council, WHISTLEBLOWING, "https://www.anytown.gov.uk/") is None
    assert caveat(lep, WHISTLEBLOWING, "https://lep.test/") is None


def test_a_superseded_policy_is_a_caveat() -> None:
    old = doc("Whistleblowing Policy 2016 (superseded)", "How to raise a concern.")
    replaced = doc("Whistleblowing Policy", "This policy has been replaced by the 2023 policy.")
    assert caveat(old, WHISTLEBLOWING) is not None
    assert caveat(replaced, WHISTLEBLOWING) is not None


def test_a_document_naming_only_earlier_years_is_out_of_date() -> None:
    old = doc("Board Meeting Dates 2019", "12 March 2019")
    current = doc("Board Meeting Dates", "Meetings in 2023 and 2024")
    undated = doc("Board Meeting Dates", "Second Tuesday of each quarter")
    assert out_of_date(old, date(2023, 11, 30)) is not None
    assert out_of_date(current, date(2023, 11, 30)) is None
    assert out_of_date(undated, date(2023, 11, 30)) is None


def test_a_paper_proposing_changes_is_a_caveat() -> None:
    paper = doc("Item 7 - Proposed revisions to the Whistleblowing Policy", "For approval.")
    assert caveat(paper, WHISTLEBLOWING) is not None
    assert caveat(paper, DocumentSelector(title_patterns=("whistle",), caveats=False)) is None


def test_an_approval_step_inside_a_policy_is_not_a_draft_mark() -> None:
    page = doc("Whistleblowing Policy", "Any exception is subject to Board approval.")
    assert caveat(page, WHISTLEBLOWING) is None


def test_a_conditional_in_the_opening_is_not_a_denial() -> None:
    page = doc(
        "Whistleblowing Policy",
        "If the LEP does not have a whistleblowing policy officer, write to the Chair.",
    )
    assert caveat(page, WHISTLEBLOWING) is None


def test_a_pass_is_as_sure_as_the_kind_read_but_other_says_nothing() -> None:
    # kind_confidence is calibrated for the kind given: a document read as "other" with 0.9 is
    # likely none of the governance kinds. Found by its name instead, the pass keeps the 0.6 of
    # a name.
    policy = doc("Whistleblowing Policy", "How to raise a concern.")
    assert (
        found_confidence(policy.model_copy(update={"kind": "other", "kind_confidence": 0.9})) == 0.6
    )
    filed = policy.model_copy(update={"kind": "whistleblowing_policy", "kind_confidence": 0.9})
    assert found_confidence(filed) == 0.9
    assert found_confidence(filed.model_copy(update={"kind_confidence": 0.3})) == 0.6
