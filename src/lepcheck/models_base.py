"""The base of every model that crosses a stage boundary (models.py and the modules beneath it)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    """Base for every cross-stage model: immutable and strict about unknown fields."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_serialization_defaults_required=True
    )
