"""The LEP directory (the bundled 38 LEPs plus the user's own entries, --registry FILE), and
the targets it resolves: a registry id or a URL becomes the Target an audit crawls."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema

from lepcheck.errors import RegistryError
from lepcheck.inputs.located_yaml import StringDateLoader
from lepcheck.rules import resource_dir
from lepcheck.rules.yaml_input import brief, compose, construct, load_yaml_file


@dataclass(frozen=True)
class Target:
    id: str
    name: str
    url: str
    related_sites: tuple[str, ...] = ()
    related_committees: tuple[str, ...] = ()  # committee ids, titles or URLs (crawl/committees)


def target_from_url(url: str, name: str | None = None) -> Target:
    host = urlsplit(url).hostname or "target"
    slug = re.sub(r"[^a-z0-9]+", "-", host.lower().removeprefix("www.")).strip("-") or "target"
    return Target(id=slug, name=name or host, url=url)


@dataclass(frozen=True)
class AccountableBody:
    name: str
    start: date | None = None  # `from` in YAML
    until: date | None = None
    note: str = ""


@dataclass(frozen=True)
class LepEntry:
    id: str
    name: str
    ons_code: str | None
    website: str | None
    related_sites: tuple[str, ...]
    accountable_body: str | None  # the current (latest listed) body, for listings
    status: str
    accountable_bodies: tuple[AccountableBody, ...] = ()
    closed_on: date | None = None
    successor: str | None = None
    # The LEP's committees on its accountable body's committee system (ids, titles or committee
    # page URLs): they override the crawl's guess (crawl/committees).
    related_committees: tuple[str, ...] = ()

    def accountable_body_on(self, day: date) -> str | None:
        """The body that held the role on `day`, when the registry's dates say so."""
        for body in self.accountable_bodies:
            dated = body.start is not None or body.until is not None
            began = body.start is None or body.start <= day
            ongoing = body.until is None or day <= body.until
            if dated and began and ongoing:
                return body.name
        return self.accountable_body

    def target(self) -> Target:
        if not self.website:
            raise RegistryError(
                f"{self.id} ({self.name}) has no known website in the registry; give its URL "
                "instead, or add it with --registry FILE"
            )
        return Target(
            id=self.id,
            name=self.name,
            url=self.website,
            related_sites=self.related_sites,
            related_committees=self.related_committees,
        )


def accountable_bodies(value: Any, origin: str, where: str) -> tuple[AccountableBody, ...]:
    if isinstance(value, str):
        return (AccountableBody(name=value),)
    if not isinstance(value, list):
        return ()
    return tuple(
        AccountableBody(
            name=item["name"],
            start=optional_date(item.get("from"), origin, f"{where}.{index}.from"),
            until=optional_date(item.get("until"), origin, f"{where}.{index}.until"),
            note=item.get("note", ""),
        )
        for index, item in enumerate(value)
    )


def current_body(bodies: Sequence[AccountableBody]) -> str | None:
    """The latest listed body that has not ended: registries list bodies oldest first."""
    open_ended = [b for b in bodies if b.until is None and not b.note]
    chosen = open_ended or [b for b in bodies if b.until is None] or list(bodies)
    return chosen[-1].name if chosen else None


def optional_date(value: Any, origin: str, field: str) -> date | None:
    """A date the schema has seen written as YYYY-MM-DD, which may still be no calendar date
    (2023-02-30): that is the file's error, named with its field."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise RegistryError(
            f"{origin}: field '{field}': '{value}' is not a calendar date; write it as YYYY-MM-DD"
        ) from None


def parse_registry(data: Any, origin: str) -> list[LepEntry]:
    schema = json.loads((resource_dir("schemas") / "registry.schema.json").read_text())
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(data),
        key=lambda e: list(e.absolute_path),
    )
    if errors:
        where = ".".join(str(p) for p in errors[0].absolute_path) or "(top level)"
        raise RegistryError(f"{origin}: field '{where}': {brief(errors[0].message)}")
    entries = []
    for index, e in enumerate(data["leps"]):
        bodies = accountable_bodies(
            e.get("accountable_body"), origin, f"leps.{index}.accountable_body"
        )
        entries.append(
            LepEntry(
                id=e["id"],
                name=e["name"],
                ons_code=e.get("ons_code"),
                website=e.get("website"),
                related_sites=tuple(e.get("related_sites") or ()),
                accountable_body=current_body(bodies),
                status=e.get("status", "unknown"),
                accountable_bodies=bodies,
                closed_on=optional_date(e.get("closed_on"), origin, f"leps.{index}.closed_on"),
                successor=e.get("successor"),
                related_committees=tuple(str(c) for c in e.get("related_committees") or ()),
            )
        )
    ids = [e.id for e in entries]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise RegistryError(f"{origin}: id {repeated[0]} appears more than once; ids are unique")
    return entries


def load_registry(extra: Path | None = None) -> dict[str, LepEntry]:
    """The bundled registry, with the entries of `extra` (--registry) added or overriding.
    Both are read as untrusted YAML (rules.yaml_input), dates kept as the strings written so
    an impossible one is this module's one-line error, not the YAML loader's crash."""
    bundled = files("lepcheck") / "data" / "leps.yaml"
    root = compose(bundled.read_text(encoding="utf-8"), "bundled leps.yaml", StringDateLoader)
    entries = {
        e.id: e
        for e in parse_registry(
            construct(root, "bundled leps.yaml", StringDateLoader), "bundled leps.yaml"
        )
    }
    if extra is not None:
        _, data = load_yaml_file(extra, StringDateLoader, RegistryError)
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
                    related_committees=entry.related_committees,
                )
        return target_from_url(target, name)
    if "://" in target:
        raise RegistryError(
            f"'{target}' is not an http(s) URL; give an http:// or https:// URL or a registry id"
        )
    found = lookup(load_registry(registry), target)
    resolved = found.target()
    if name is None:
        return resolved
    return Target(found.id, name, resolved.url, found.related_sites, found.related_committees)


def unknown_id_error(wanted: str, known: Collection[str]) -> RegistryError:
    """The error for an id not in the registry, naming the nearest ids (by spelling)."""
    near = difflib.get_close_matches(wanted.lower(), list(known), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(near)}?" if near else "; `lepcheck registry` lists the ids"
    return RegistryError(f"unknown LEP id '{wanted}'{hint}")


def lookup(entries: Mapping[str, LepEntry], wanted: str) -> LepEntry:
    found = entries.get(wanted.lower())
    if found is None:
        raise unknown_id_error(wanted, entries)
    return found
