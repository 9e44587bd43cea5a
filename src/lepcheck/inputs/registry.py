"""The registry: the bundled 38 LEPs and the councils and combined authorities that took over
their functions (`bodies`), plus the user's own entries (--registry FILE); and the targets it
resolves: a registry id or a URL becomes the Target an audit crawls, with the kind of body it
is. Each LEP names its successors with the day and the source (`successors`)."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import jsonschema

from lepcheck.bodies import Body, BodyFunction, BodyKind, Governance
from lepcheck.errors import RegistryError
from lepcheck.inputs.located_yaml import StringDateLoader
from lepcheck.rules import resource_dir
from lepcheck.rules.yaml_input import brief, compose, construct, load_yaml_file

Item = TypeVar("Item")  # what one item of a registry list becomes (dated_items)


@dataclass(frozen=True)
class Target:
    id: str
    name: str
    url: str
    related_sites: tuple[str, ...] = ()
    # what kind of body, as the registry knows it (an LEP unless it says otherwise)
    body: Body = field(default_factory=Body)
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
class Successor:
    """A body that took over an LEP's functions: a registry entry (`body`), or only a name when
    it is of no kind lepcheck audits; `start` only where the source states it."""

    name: str
    source: str
    body: str | None = None  # the registry id
    start: date | None = None  # `from` in YAML
    note: str = ""


@dataclass(frozen=True)
class Website:
    """A domain the LEP used, with the days a source gives for it (issue 15 item 5): an audit
    from a web archive on a day looks up the site in use then."""

    url: str
    start: date | None = None  # `from` in YAML
    until: date | None = None
    source: str = ""
    note: str = ""

    def covers(self, day: date) -> bool:
        dated = self.start is not None or self.until is not None
        began = self.start is None or self.start <= day
        ongoing = self.until is None or day <= self.until
        return dated and began and ongoing


@dataclass(frozen=True)
class LepEntry:
    """One registry entry: an LEP, or (kind other than lep) a body that succeeded LEPs."""

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
    kind: BodyKind = "lep"
    governance: Governance | None = None
    functions: tuple[BodyFunction, ...] | None = None
    successors: tuple[Successor, ...] = ()
    # The LEP's committees on its accountable body's committee system (ids, titles or committee
    # page URLs): they override the crawl's guess (crawl/committees).
    related_committees: tuple[str, ...] = ()
    websites: tuple[Website, ...] = ()

    def website_on(self, day: date | None) -> str | None:
        """The site in use on `day` where the registry dates one, else `website`."""
        if day is not None:
            for site in self.websites:
                if site.covers(day):
                    return site.url
        return self.website or next((w.url for w in self.websites if not w.until), None)

    @property
    def responsible_body(self) -> str | None:
        """Who answers for it in the annual statement: an LEP's accountable body; a council or
        combined authority is its own."""
        return self.accountable_body if self.kind == "lep" else self.name

    @property
    def body(self) -> Body:
        return Body(kind=self.kind, governance=self.governance, functions=self.functions)

    def accountable_body_on(self, day: date) -> str | None:
        """The body that held the role on `day`, when the registry's dates say so."""
        for body in self.accountable_bodies:
            dated = body.start is not None or body.until is not None
            began = body.start is None or body.start <= day
            ongoing = body.until is None or day <= body.until
            if dated and began and ongoing:
                return body.name
        return self.accountable_body

    def target(self, on: date | None = None) -> Target:
        """What an audit crawls: the website, or (an archive audit of `on`) the one in use
        then."""
        url = self.website_on(on) if on is not None else self.website
        if not url:
            raise RegistryError(
                f"{self.id} ({self.name}) has no known website in the registry; give its URL "
                "instead, or add it with --registry FILE"
            )
        return Target(
            id=self.id,
            name=self.name,
            url=url,
            related_sites=self.related_sites,
            body=self.body,
            related_committees=self.related_committees,
        )


def accountable_bodies(value: Any, origin: str, where: str) -> tuple[AccountableBody, ...]:
    if isinstance(value, str):
        return (AccountableBody(name=value),)
    return dated_items(
        value,
        origin,
        where,
        lambda item, dated: AccountableBody(
            name=item["name"], start=dated("from"), until=dated("until"), note=item.get("note", "")
        ),
    )


@dataclass(frozen=True)
class ItemDates:
    """Reads a date field of one item of a registry list, named in errors by its place
    ("leps.3.websites.0.from")."""

    item: Mapping[str, Any]
    origin: str
    where: str

    def __call__(self, key: str) -> date | None:
        return optional_date(self.item.get(key), self.origin, f"{self.where}.{key}")


def dated_items(
    value: Any, origin: str, where: str, build: Callable[[Mapping[str, Any], ItemDates], Item]
) -> tuple[Item, ...]:
    """Each item of a registry list with dated members (accountable bodies, successors,
    websites), built by `build` from the item and a reader of its dates; none when the field
    is absent."""
    if not isinstance(value, list):
        return ()
    return tuple(
        build(item, ItemDates(item, origin, f"{where}.{index}")) for index, item in enumerate(value)
    )


def websites_of(value: Any, origin: str, where: str) -> tuple[Website, ...]:
    return dated_items(
        value,
        origin,
        where,
        lambda item, dated: Website(
            url=item["url"],
            start=dated("from"),
            until=dated("until"),
            source=item.get("source", ""),
            note=item.get("note", ""),
        ),
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


def successors_of(value: Any, origin: str, where: str) -> tuple[Successor, ...]:
    return dated_items(
        value,
        origin,
        where,
        lambda item, dated: Successor(
            name=item.get("name") or item["body"],
            source=item["source"],
            body=item.get("body"),
            start=dated("from"),
            note=item.get("note", ""),
        ),
    )


def entry_of(e: dict[str, Any], default_kind: BodyKind, origin: str, where: str) -> LepEntry:
    """One entry of the registry's `leps` or `bodies`; `where` names it in errors ("leps.3")."""
    bodies = accountable_bodies(e.get("accountable_body"), origin, f"{where}.accountable_body")
    functions = e.get("functions")
    return LepEntry(
        id=e["id"],
        name=e["name"],
        ons_code=e.get("ons_code"),
        website=e.get("website"),
        related_sites=tuple(e.get("related_sites") or ()),
        accountable_body=current_body(bodies),
        status=e.get("status", "unknown"),
        accountable_bodies=bodies,
        closed_on=optional_date(e.get("closed_on"), origin, f"{where}.closed_on"),
        successor=e.get("successor"),
        kind=e.get("kind", default_kind),
        governance=e.get("governance"),
        functions=None if functions is None else tuple(functions),
        successors=successors_of(e.get("successors"), origin, f"{where}.successors"),
        related_committees=tuple(str(c) for c in e.get("related_committees") or ()),
        websites=websites_of(e.get("websites"), origin, f"{where}.websites"),
    )


def parse_registry(data: Any, origin: str) -> list[LepEntry]:
    schema = json.loads((resource_dir("schemas") / "registry.schema.json").read_text())
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(data),
        key=lambda e: list(e.absolute_path),
    )
    if errors:
        where = ".".join(str(p) for p in errors[0].absolute_path) or "(top level)"
        raise RegistryError(f"{origin}: field '{where}': {brief(errors[0].message)}")
    entries = [
        entry_of(e, "lep", origin, f"leps.{index}") for index, e in enumerate(data.get("leps", ()))
    ]
    entries += [
        entry_of(e, e["kind"], origin, f"bodies.{index}")
        for index, e in enumerate(data.get("bodies", ()))
    ]
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
    check_successors(entries, "bundled leps.yaml" if extra is None else f"--registry {extra}")
    return {key: with_successor_names(entry, entries) for key, entry in entries.items()}


def with_successor_names(entry: LepEntry, entries: Mapping[str, LepEntry]) -> LepEntry:
    """Successors named by id take their entry's name."""
    if not entry.successors:
        return entry
    named = tuple(
        replace(s, name=entries[s.body].name) if s.body and s.body in entries else s
        for s in entry.successors
    )
    return replace(entry, successors=named)


def lep_entries(entries: Mapping[str, LepEntry]) -> list[LepEntry]:
    return [e for e in entries.values() if e.kind == "lep"]


def check_successors(entries: Mapping[str, LepEntry], origin: str) -> None:
    """Every successor named by id is a registry entry, of a kind other than an LEP."""
    for entry in entries.values():
        for index, successor in enumerate(entry.successors):
            if successor.body is None:
                continue
            found = entries.get(successor.body)
            if found is None or found.kind == "lep":
                what = "no such entry" if found is None else "an LEP, not a successor body"
                raise RegistryError(
                    f"{origin}: field '{entry.id}.successors.{index}.body': "
                    f"'{successor.body}' is {what}; successor bodies are listed under `bodies`"
                )


def resolve_target(
    target: str,
    *,
    name: str | None = None,
    registry: Path | None = None,
    on: date | None = None,
) -> Target:
    """A URL audits that site; anything else is a registry id (nearest ids suggested), whose
    site is the one in use `on` that day when given (an audit from a web archive)."""
    parts = urlsplit(target)
    if parts.scheme in ("http", "https") and parts.netloc:
        entries = load_registry(registry)
        for entry in entries.values():
            known = [entry.website, *(w.url for w in entry.websites)]
            if parts.netloc.removeprefix("www.") in {
                urlsplit(u).netloc.removeprefix("www.") for u in known if u
            }:
                return Target(
                    id=entry.id,
                    name=name or entry.name,
                    url=target,
                    related_sites=entry.related_sites,
                    body=entry.body,
                    related_committees=entry.related_committees,
                )
        return target_from_url(target, name)
    if "://" in target:
        raise RegistryError(
            f"'{target}' is not an http(s) URL; give an http:// or https:// URL or a registry id"
        )
    found = lookup(load_registry(registry), target)
    resolved = found.target(on)
    return resolved if name is None else replace(resolved, name=name)


def unknown_id_error(wanted: str, known: Collection[str]) -> RegistryError:
    """The error for an id not in the registry, naming the nearest ids (by spelling)."""
    word = wanted.lower()
    near = difflib.get_close_matches(word, list(known), n=3, cutoff=0.5)
    # get_close_matches scores each id against the word, which favours long ids ("medway-
    # council" for "new-angila"): keep only ids as close the other way round.
    near = [i for i in near if difflib.SequenceMatcher(None, word, i).ratio() >= 0.5]
    hint = f"; did you mean {', '.join(near)}?" if near else "; `lepcheck registry` lists the ids"
    return RegistryError(f"unknown LEP id '{wanted}'{hint}")


def lookup(entries: Mapping[str, LepEntry], wanted: str) -> LepEntry:
    found = entries.get(wanted.lower())
    if found is None:
        raise unknown_id_error(wanted, entries)
    return found
