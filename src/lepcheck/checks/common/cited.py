"""Params that may cite a named vocabulary (lepcheck.vocab.named) instead of repeating patterns.

A rule writes `vocabulary: declarations_item` (or `title_vocabulary`, `url_vocabulary`) beside
or instead of its patterns; when the params model is built, the vocabulary's patterns are put
before the rule's own, so a check reads one list of patterns as before.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self

from pydantic import BaseModel, Field, model_validator

from lepcheck.vocab.named import RuleVocabulary, with_cited_patterns

VOCABULARY_MEANING = "a named vocabulary of lepcheck.vocab whose patterns come first"


def vocabulary_field() -> Any:
    """The optional field naming a vocabulary (its meaning is the same everywhere)."""
    return Field(default=None, description=VOCABULARY_MEANING)


def patterns_or_vocabulary(patterns: str, vocabulary: str) -> dict[str, Any]:
    """JSON Schema saying a rule gives at least one of the two fields."""
    return {"anyOf": [{"required": [patterns]}, {"required": [vocabulary]}]}


class CitesVocabulary(BaseModel):
    """A params model with a vocabulary field: cited patterns are added when it is built."""

    # Pattern fields that must hold a pattern once vocabularies are cited.
    required_patterns: ClassVar[tuple[str, ...]] = ()

    @model_validator(mode="before")
    @classmethod
    def _cite_vocabularies(cls, data: Any) -> Any:
        return with_cited_patterns(data)

    @model_validator(mode="after")
    def _patterns_given(self) -> Self:
        for field in self.required_patterns:
            if not getattr(self, field):
                raise ValueError(f"give {field} or a vocabulary naming them")
        return self


__all__ = ["CitesVocabulary", "RuleVocabulary", "patterns_or_vocabulary", "vocabulary_field"]
