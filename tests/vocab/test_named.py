"""Rules cite vocabularies by name: the names, what citing one does, and the catalogue digest."""

from __future__ import annotations

import pytest

from lepcheck.checks.describe import constant_of
from lepcheck.rules import catalogue_digest, load_ruleset
from lepcheck.vocab import named
from lepcheck.vocab.declarations import DECLARATIONS_ITEM
from lepcheck.vocab.named import RULE_VOCABULARIES, with_cited_patterns, written_out
from lepcheck.vocab.titles import REGISTER_TITLES


@pytest.mark.parametrize("name", list(RULE_VOCABULARIES))
def test_every_rule_vocabulary_is_a_family_constant(name: str) -> None:
    """So its examples are in tests/vocab/<family>.yaml, pinned by test_vocab."""
    assert constant_of(RULE_VOCABULARIES[name]).startswith("`lepcheck.vocab.")


def test_citing_puts_the_vocabulary_first_and_keeps_the_name() -> None:
    cited = with_cited_patterns({"vocabulary": "declarations_item", "patterns": ["own"]})
    assert cited["patterns"] == (*DECLARATIONS_ITEM, "own")
    assert cited["vocabulary"] == "declarations_item"


def test_an_unknown_name_is_left_for_validation_to_report() -> None:
    assert with_cited_patterns({"vocabulary": "no_such_list"}) == {"vocabulary": "no_such_list"}
    assert with_cited_patterns(["not", "a", "mapping"]) == ["not", "a", "mapping"]


def test_written_out_puts_the_patterns_where_the_name_stood() -> None:
    params = {
        "item": "X",
        "document": {"kinds": ["agenda"], "title_vocabulary": "register_titles", "caveats": False},
        "topics": [{"name": "t", "vocabulary": "declarations_item", "patterns": ["own"]}],
    }
    assert written_out(params) == {
        "item": "X",
        "document": {
            "kinds": ["agenda"],
            "title_patterns": list(REGISTER_TITLES),
            "caveats": False,
        },
        "topics": [{"name": "t", "patterns": [*DECLARATIONS_ITEM, "own"]}],
    }
    assert list(written_out(params)["document"]) == ["kinds", "title_patterns", "caveats"]


def test_the_catalogue_digest_covers_the_vocabularies_rules_cite(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rules = load_ruleset().rules
    before = catalogue_digest(rules)
    changed = dict(named.RULE_VOCABULARIES, register_titles=(*REGISTER_TITLES, "extra"))
    monkeypatch.setattr(named, "RULE_VOCABULARIES", changed)
    assert catalogue_digest(rules) != before
