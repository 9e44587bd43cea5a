"""A clause that denies what a topic pattern found is not evidence of it, while rules stated in
the negative ("members must not accept gifts") still are."""

from __future__ import annotations

import pytest

from lepcheck.checks.common.text_search import find_in_document
from lepcheck.rule_cases import make_document


def hit(text: str, pattern: str) -> str | None:
    doc = make_document({"url": "https://lep.test/p/", "pages": [text]})
    found = find_in_document(doc, (pattern,))
    return found.quote if found else None


@pytest.mark.parametrize(
    "text",
    [
        "The LEP does not currently publish a register of interests.",
        "No whistleblowing policy has yet been adopted by the Board.",
        "This whistleblowing policy is not yet in force.",
        "There is currently no whistleblowing policy.",
        "The partnership hasn't adopted a whistleblowing policy.",
        "The LEP is not currently subject to a scrutiny committee.",
        "There is no joint scrutiny panel for the area.",
    ],
)
def test_denials_are_not_hits(text: str) -> None:
    assert (
        hit(text, r"register of interests|whistleblowing policy|scrutiny (?:committee|panel)")
        is None
    )


@pytest.mark.parametrize(
    "text",
    [
        "Members must not accept gifts or hospitality over £50.",
        "The Board has adopted a whistleblowing policy.",
        "Papers containing exempt information are not published.",
        "Meetings are not webcast, but members of the public may attend.",
        "Where a management plan is not in place, the member must leave the room.",
        "Members who haven't been inducted must complete the induction programme.",
    ],
)
def test_negative_rules_and_other_clauses_still_count(text: str) -> None:
    topics = r"gifts|whistleblowing policy|exempt information|may attend|leave the room|induction"
    assert hit(text, topics) is not None


def test_a_later_affirmed_hit_is_found_after_a_denied_one() -> None:
    text = "The LEP does not have a gifts register.\nThe gifts register for 2023 is below."
    assert hit(text, "gifts register") == "The gifts register for 2023 is below."


def test_a_line_of_link_labels_is_not_content() -> None:
    spec = {
        "url": "https://lep.test/p/",
        "pages": ["Freedom of Information | Publication scheme\nRead our publication scheme."],
        "links": [
            {"url": "https://lep.test/foi/", "text": "Freedom of Information"},
            {"url": "https://lep.test/ps/", "text": "Publication scheme"},
        ],
    }
    found = find_in_document(make_document(spec), ("freedom of information",))
    assert found is None
    again = find_in_document(make_document(spec), ("publication scheme",))
    assert again is not None and again.quote == "Read our publication scheme."
