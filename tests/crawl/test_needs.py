"""The rules' evidence needs as the crawl reads them: names matched, needs met, patterns that
select pages in general left out."""

from __future__ import annotations

import re

from lepcheck.crawl.needs import (
    DocumentNeed,
    EvidenceNeeds,
    LinkNeed,
    NeedBook,
    matcher_of,
    naming_words,
)

POLICY = DocumentNeed(
    label="whistleblowing policy",
    kinds=("whistleblowing_policy",),
    title_patterns=(r"(?s)^(?!.*\b(?:news|blogs?)\b).*\bspeak(?:ing)? up\b",),
)
REGISTERS = DocumentNeed(
    label="register of interests", kinds=("register_of_interests",), every=True
)
ANYTHING = DocumentNeed(label="a page about the Chair", title_patterns=("(?s).",))
COMMITTEES = LinkNeed(
    label="a link to the committee system", url_patterns=(r"//democracy\.",), text_patterns=()
)


def book() -> NeedBook:
    return NeedBook.of(EvidenceNeeds(documents=(POLICY, REGISTERS, ANYTHING), links=(COMMITTEES,)))


def test_a_url_is_named_by_its_link_text_and_path_words() -> None:
    words = naming_words("https://lep.example/docs/Speak-Up_Policy.pdf", "  Read  our policy ")
    assert words == "Read our policy |  docs Speak Up Policy pdf"
    needs = book()
    assert needs.matching(words) == [0]
    # The rule's own title excludes news pages; the kind's name does not.
    assert needs.matching(naming_words("https://lep.example/news/speak-up-week", "")) == [0]
    assert needs.matching(naming_words("https://lep.example/news/skills-week", "")) == []
    roi = naming_words("https://lep.example/files/ROI-Jane-Smith.pdf", "Jane Smith")
    assert needs.matching(roi) == [1]


def test_a_pattern_matching_any_page_steers_nothing() -> None:
    needs = book()
    assert [n.label for n in needs.documents] == ["whistleblowing policy", "register of interests"]
    assert needs.matching(naming_words("https://lep.example/contact-us/", "Contact us")) == []


def test_one_document_meets_a_need_but_every_register_counts() -> None:
    needs = book()
    needs.note_fetched(naming_words("https://lep.example/whistleblowing-policy.pdf", ""))
    needs.note_fetched(naming_words("https://lep.example/roi/jane-smith.pdf", "Register"))
    assert not needs.is_open(0)  # one policy is enough to know where it is
    assert needs.is_open(1)  # every member's register is still worth a fetch
    assert needs.unmet() == ["a link to the committee system"]
    assert not needs.all_met()
    needs.note_link("https://democracy.anytown.gov.uk/mgListCommittees.aspx", "Committees")
    assert needs.all_met()
    assert needs.state() == [True, True, True]
    again = book()
    again.restore(needs.state())
    assert again.all_met()


def test_without_needs_nothing_is_ever_known_to_be_met() -> None:
    needs = NeedBook.of(None)
    assert not needs.given and not needs.all_met() and needs.matching("Board minutes") == []


def test_patterns_anchored_at_the_start_are_matched_there_only() -> None:
    anchored = re.compile(r"(?s)^(?!.*news).*\bboard", re.I)
    assert matcher_of(anchored) == anchored.match
    for pattern in (r"^a|b", r"\bx|^y", r"^\|x|y", r"board"):
        compiled = re.compile(pattern)
        assert matcher_of(compiled) == compiled.search, pattern
    assert matcher_of(re.compile(r"^[|]x")) == re.compile(r"^[|]x").match
