"""The vocabularies rules cite by name in their params, instead of repeating patterns.

A rule writes `vocabulary: declarations_item` beside (or instead of) `patterns`, and likewise
`title_vocabulary` beside a selector's `title_patterns` and `url_vocabulary` beside `url_patterns`;
the named patterns come first, then the rule's own. Each vocabulary is a constant of its family
module, with its examples in tests/vocab/<family>.yaml. `written_out` gives a rule's params with
every cited vocabulary replaced by its patterns: what the rule says in full, which the
catalogue's digest covers, so a changed vocabulary changes the digest of the rules citing it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeGuard, get_args

from lepcheck.vocab.declarations import DECLARATIONS_ITEM
from lepcheck.vocab.kinds import VALUE_FOR_MONEY
from lepcheck.vocab.meetings import DECISION_PATTERNS
from lepcheck.vocab.titles import (
    ASSURANCE_FRAMEWORK_TITLES,
    BOARD_APPOINTMENT_DOCUMENTS,
    CODE_OF_CONDUCT_TITLES,
    CONFLICTS_POLICY_TITLES,
    LEP_OWN_PAGES,
    REGISTER_TITLES,
)
from lepcheck.vocab.web import COMMITTEE_SYSTEM_URLS

RuleVocabulary = Literal[
    "assurance_framework_titles",
    "board_appointment_documents",
    "code_of_conduct_titles",
    "committee_system_urls",
    "conflicts_policy_titles",
    "decision_words",
    "declarations_item",
    "lep_own_pages",
    "register_titles",
    "value_for_money",
]
RULE_VOCABULARIES: dict[RuleVocabulary, tuple[str, ...]] = {
    "assurance_framework_titles": ASSURANCE_FRAMEWORK_TITLES,
    "board_appointment_documents": BOARD_APPOINTMENT_DOCUMENTS,
    "code_of_conduct_titles": CODE_OF_CONDUCT_TITLES,
    "committee_system_urls": COMMITTEE_SYSTEM_URLS,
    "conflicts_policy_titles": CONFLICTS_POLICY_TITLES,
    "decision_words": DECISION_PATTERNS,
    "declarations_item": DECLARATIONS_ITEM,
    "lep_own_pages": LEP_OWN_PAGES,
    "register_titles": REGISTER_TITLES,
    "value_for_money": VALUE_FOR_MONEY,
}
assert tuple(RULE_VOCABULARIES) == get_args(RuleVocabulary)

# Each params field that names a vocabulary, and the patterns field it adds to.
VOCABULARY_FIELDS: dict[str, str] = {
    "vocabulary": "patterns",
    "title_vocabulary": "title_patterns",
    "url_vocabulary": "url_patterns",
}


def with_cited_patterns(params: Any) -> Any:
    """One params mapping as a rule wrote it, with each named vocabulary's patterns put before
    the rule's own patterns (the name stays, for the record). Unknown names are left for
    validation to report; anything but a mapping is returned as it is."""
    if not isinstance(params, Mapping):
        return params
    cited = dict(params)
    for field, patterns_field in VOCABULARY_FIELDS.items():
        name = params.get(field)
        if _named(name):
            own = params.get(patterns_field) or ()
            cited[patterns_field] = (*RULE_VOCABULARIES[name], *own)
    return cited


def written_out(params: Any) -> Any:
    """Params with every cited vocabulary written out in full, at any depth: each vocabulary
    name is replaced, where it stands, by the patterns field holding its patterns and the
    rule's own."""
    if isinstance(params, list):
        return [written_out(item) for item in params]
    if not isinstance(params, Mapping):
        return params
    cited = with_cited_patterns(params)
    out: dict[str, Any] = {}
    for key, value in params.items():
        if key in VOCABULARY_FIELDS and _named(value):
            out[VOCABULARY_FIELDS[key]] = list(cited[VOCABULARY_FIELDS[key]])
        elif not (key in VOCABULARY_FIELDS.values() and _cites(params, key)):
            out[key] = written_out(value)
    return out


def _cites(params: Mapping[str, Any], patterns_field: str) -> bool:
    """Whether a vocabulary field of params adds to this patterns field."""
    return any(
        _named(params.get(field))
        for field, target in VOCABULARY_FIELDS.items()
        if target == patterns_field
    )


def _named(value: Any) -> TypeGuard[RuleVocabulary]:
    return isinstance(value, str) and value in RULE_VOCABULARIES
