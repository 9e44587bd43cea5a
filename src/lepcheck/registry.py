"""The LEP directory: the bundled 38 LEPs plus the user's own entries (--registry FILE)."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import yaml

from lepcheck.audit import Target, target_from_url
from lepcheck.rules import resource_dir


class RegistryError(Exception):
    """An unknown id or a malformed registry file; the message names it and what to do."""


@dataclass(frozen=True)
class LepEntry:
    id: str
    name: str
    ons_code: str | None
    website: str | None
    related_sites: tuple[str, ...]
    accountable_body: str | None
    status: str

    def target(self) -> Target:
        if not self.website:
            raise RegistryError(
                f"{self.id} ({self.name}) has no known website in the registry; give its URL "
                "instead, or add it with --registry FILE"
            )
        return Target(
            id=self.id, name=self.name, url=self.website, related_sites=self.related_sites
        )


def accountable_body_name(value: Any) -> str | None:
    if isinstance(value, list):
        return value[-1]["name"] if value else None
    return value if isinstance(value, str) else None


def parse_registry(data: Any, origin: str) -> list[LepEntry]:
    schema = json.loads((resource_dir("schemas") / "registry.schema.json").read_text())
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(data),
        key=lambda e: list(e.absolute_path),
    )
    if errors:
        where = ".".join(str(p) for p in errors[0].absolute_path) or "(top level)"
        raise RegistryError(f"{origin}: field '{where}': {errors[0].message}")
    return [
        LepEntry(
            id=e["id"],
            name=e["name"],
            ons_code=e.get("ons_code"),
            website=e.get("website"),
            related_sites=tuple(e.get("related_sites") or ()),
            accountable_body=accountable_body_name(e.get("accountable_body")),
            status=e.get("status", "unknown"),
        )
        for e in data["leps"]
    ]


def load_registry(extra: Path | None = None) -> dict[str, LepEntry]:
    bundled = files("lepcheck") / "data" / "leps.yaml"
    entries = {
        e.id: e for e in parse_registry(yaml.safe_load(bundled.read_text()), "bundled leps.yaml")
    }
    if extra is not None:
        try:
            data = yaml.safe_load(extra.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise RegistryError(f"--registry {extra}: cannot read it as YAML ({exc})") from exc
        for entry in parse_registry(data, f"--registry {extra}"):
            entries[entry.id] = entry  # user entries override bundled ones with the same id
    return entries


def resolve_target(target: str, *, name: str | None = None, registry: Path | None = None) -> Target:
    """A URL audits that site; anything else is a registry id (nearest ids suggested)."""
    parts = urlsplit(target)
    if parts.scheme in ("http", "https") and parts.netloc:
        entries = load_registry(registry)
        for entry in entries.values():
            if entry.website and urlsplit(entry.website).netloc.removeprefix(
                "www."
            ) == parts.netloc.removeprefix("www."):
                return Target(
                    id=entry.id,
                    name=name or entry.name,
                    url=target,
                    related_sites=entry.related_sites,
                )
        return target_from_url(target, name)
    if "://" in target:
        raise RegistryError(
            f"'{target}' is not an http(s) URL; give an http:// or https:// URL or a registry id"
        )
    entries = load_registry(registry)
    found = entries.get(target.lower())
    if found is None:
        near = difflib.get_close_matches(target.lower(), list(entries), n=3, cutoff=0.5)
        hint = (
            f"; did you mean {', '.join(near)}?" if near else "; `lepcheck registry` lists the ids"
        )
        raise RegistryError(f"unknown LEP id '{target}'{hint}")
    return (
        entry.target()
        if name is None
        else Target(entry.id, name, entry.target().url, entry.related_sites)
    )
