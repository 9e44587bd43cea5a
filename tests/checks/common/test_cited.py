"""Params that cite a named vocabulary read its patterns first; a missing list is reported."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from lepcheck.checks.agenda_items import Params as AgendaItems
from lepcheck.checks.common.selection import DocumentSelector
from lepcheck.checks.document_mentions import Topic
from lepcheck.checks.links_to import Params as LinksTo
from lepcheck.vocab.declarations import DECLARATIONS_ITEM
from lepcheck.vocab.kinds import VALUE_FOR_MONEY
from lepcheck.vocab.titles import REGISTER_TITLES
from lepcheck.vocab.web import COMMITTEE_SYSTEM_URLS


def test_a_cited_vocabulary_gives_the_patterns() -> None:
    params = AgendaItems.model_validate({"item": "Declarations", "vocabulary": "declarations_item"})
    assert params.patterns == DECLARATIONS_ITEM
    selector = DocumentSelector.model_validate({"title_vocabulary": "register_titles"})
    assert selector.title_patterns == REGISTER_TITLES
    links = LinksTo.model_validate({"description": "d", "url_vocabulary": "committee_system_urls"})
    assert links.url_patterns == COMMITTEE_SYSTEM_URLS


def test_the_rules_own_patterns_follow_the_vocabulary() -> None:
    topic = Topic.model_validate(
        {"name": "vfm", "vocabulary": "value_for_money", "patterns": ["x"]}
    )
    assert topic.patterns == (*VALUE_FOR_MONEY, "x")


def test_patterns_or_a_vocabulary_are_required_where_patterns_were() -> None:
    with pytest.raises(ValidationError, match="give patterns or a vocabulary"):
        AgendaItems.model_validate({"item": "Declarations"})
    with pytest.raises(ValidationError, match="give patterns or a vocabulary"):
        Topic.model_validate({"name": "vfm"})


def test_an_unknown_vocabulary_is_refused_with_the_known_names() -> None:
    with pytest.raises(ValidationError, match="declarations_item"):
        AgendaItems.model_validate({"item": "Declarations", "vocabulary": "declarations"})
