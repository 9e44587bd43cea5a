"""Read the labelled corpus (tests/corpus/docs) as typed records, and say what is wrong with a file.

Used by tests/corpus/test_corpus.py, scripts/corpus_sources.py and the reading benchmark. The
header keys and label vocabularies are those defined in tests/corpus/README.md; every problem is
reported as `<file>: <field>: <what is wrong>` so a broken file can be fixed without guessing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, get_args

import yaml

from lepcheck.inputs.registry import load_registry
from lepcheck.models import DOCUMENT_KINDS, DocumentFormat

CORPUS_DIR = Path(__file__).resolve().parent
DOCS_DIR = CORPUS_DIR / "docs"
REPO_ROOT = CORPUS_DIR.parents[1]

# The closed vocabularies of tests/corpus/README.md ("Labels").
BODIES = ("board", "sub_board", "other")
ROLES = ("chair", "deputy_chair", "member", "co_opted")
SECTORS = ("private", "public", "education", "voluntary", "unknown")
ACTIONS = ("left_room", "took_no_part", "no_action_stated", "none_declared", "nothing_recorded")
# "none_declared" and "nothing_recorded" are given as a single entry with only `action`.
BARE_ACTIONS = ("none_declared", "nothing_recorded")
FORMATS: tuple[str, ...] = get_args(DocumentFormat)

REQUIRED_KEYS = (
    "source_url", "lep", "publisher", "retrieved", "via", "licence", "complete", "format", "title",
    "labels",
)  # fmt: skip
LABEL_KEYS = (
    "kind", "meeting_date", "body", "period", "approved", "members", "declarations", "note",
)  # fmt: skip
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.txt$")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_TAG = "tag:yaml.org,2002:timestamp"


# The libyaml parser when PyYAML has it (reading every header is then ~10x faster); safe either way.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _HeaderLoader(_SafeLoader):
    """Safe YAML that leaves dates as text, so a bad date is reported, not raised by PyYAML."""


_HeaderLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != DATE_TAG]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one corpus file (or split.yaml), naming the file and the field."""

    path: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.field}: {self.message}"


class CorpusError(Exception):
    """The corpus has problems; the message lists every one, a line each."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Member:
    name: str
    role: str
    sector: str
    organisation: str


@dataclass(frozen=True)
class Declaration:
    action: str
    member: str = ""
    item: str = ""
    interest: str = ""


@dataclass(frozen=True)
class Period:
    text: str
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class Approval:
    text: str
    date: date | None = None


@dataclass(frozen=True)
class Labels:
    """The hand labels. None means "not labelled" (README: absent is not "none")."""

    kind: str
    meeting_date: date | None = None
    body: str | None = None
    period: Period | None = None
    approved: Approval | None = None
    members: tuple[Member, ...] | None = None
    declarations: tuple[Declaration, ...] | None = None
    note: str = ""


@dataclass(frozen=True)
class CorpusDoc:
    """One corpus file: its header, its labels and its text exactly as the source gave it."""

    path: str  # relative to tests/corpus/docs, e.g. "cumbria/board-minutes-2021-03-26.txt"
    source_url: str
    lep: str
    publisher: str
    retrieved: date
    via: str
    licence: str
    complete: bool
    format: str
    title: str
    labels: Labels
    text: str


def lep_ids() -> list[str]:
    """The LEPs of the registry: the corpus is theirs, not their successors' (issue 18)."""
    return [lep_id for lep_id, entry in load_registry().items() if entry.kind == "lep"]


def shown(path: Path) -> str:
    """The path as a reader would look for it: relative to the repository when inside it."""
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


class _Checker:
    """Collects the problems of one file while reading typed values out of its header."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def fail(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.path, field, message))

    def string(self, data: Mapping[str, Any], key: str, field: str, *, empty_ok: bool) -> str:
        value = data.get(key)
        if value is None and key not in data:
            return ""  # required keys are checked once, by the caller
        if not isinstance(value, str):
            self.fail(field, f"must be text, not {value!r}")
            return ""
        if not empty_ok and not value.strip():
            self.fail(field, "must not be empty")
        return value

    def choice(
        self, data: Mapping[str, Any], key: str, field: str, options: Collection[str]
    ) -> str:
        value = self.string(data, key, field, empty_ok=True)
        if key in data and value not in options:
            self.fail(field, f"unknown value {data.get(key)!r} (one of: {', '.join(options)})")
        return value

    def day(self, data: Mapping[str, Any], key: str, field: str) -> date | None:
        if key not in data:
            return None
        raw = data[key]
        if isinstance(raw, str) and ISO_DATE.fullmatch(raw):
            try:
                return date.fromisoformat(raw)
            except ValueError:
                pass  # e.g. 2021-02-30: well formed, but no such day
        self.fail(field, f"not a valid ISO date YYYY-MM-DD: {raw!r}")
        return None

    def mapping(self, value: Any, field: str, allowed: Collection[str]) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            self.fail(field, f"must be a mapping, not {value!r}")
            return {}
        for key in value:
            if key not in allowed:
                self.fail(f"{field}.{key}", f"unknown key (expected one of: {', '.join(allowed)})")
        return value


def split_header(raw: str) -> tuple[str, str] | None:
    """(header YAML, text) of a corpus file, or None when there is no closed `---` header."""
    if not raw.startswith("---\n"):
        return None
    end = raw.find("\n---\n", 3)
    if end != -1:
        return raw[4 : end + 1], raw[end + 5 :]
    if raw.endswith("\n---"):
        return raw[4:-3], ""
    return None


def read_header(check: _Checker, raw: str) -> tuple[Mapping[str, Any], str] | None:
    parts = split_header(raw)
    if parts is None:
        check.fail(
            "header",
            "no YAML header: the file must start with a '---' line and the "
            "header end with another '---' line",
        )
        return None
    try:
        data = yaml.load(parts[0], Loader=_HeaderLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        check.fail("header", f"not valid YAML ({' '.join(str(exc).split())})")
        return None
    if not isinstance(data, dict):
        check.fail("header", f"must be a mapping of keys, not {data!r}")
        return None
    for key in data:
        if key not in REQUIRED_KEYS:
            check.fail(str(key), f"unknown key (expected: {', '.join(REQUIRED_KEYS)})")
    for key in REQUIRED_KEYS:
        if key not in data:
            check.fail(key, "required key missing")
    header: Mapping[str, Any] = data
    return header, parts[1]


def read_members(check: _Checker, value: Any) -> tuple[Member, ...]:
    if not isinstance(value, list):
        check.fail("labels.members", "must be a list")
        return ()
    members = []
    for i, entry in enumerate(value):
        field = f"labels.members[{i}]"
        data = check.mapping(entry, field, ("name", "role", "sector", "organisation"))
        for key in ("name", "role", "sector", "organisation"):
            if data and key not in data:
                check.fail(f"{field}.{key}", "required key missing")
        members.append(
            Member(
                name=check.string(data, "name", f"{field}.name", empty_ok=False),
                role=check.choice(data, "role", f"{field}.role", ROLES),
                sector=check.choice(data, "sector", f"{field}.sector", SECTORS),
                organisation=check.string(
                    data, "organisation", f"{field}.organisation", empty_ok=True
                ),
            )
        )
    return tuple(members)


def read_declarations(check: _Checker, value: Any) -> tuple[Declaration, ...]:
    if not isinstance(value, list):
        check.fail("labels.declarations", "must be a list")
        return ()
    found = []
    for i, entry in enumerate(value):
        field = f"labels.declarations[{i}]"
        data = check.mapping(entry, field, ("member", "item", "interest", "action"))
        if data and "action" not in data:
            check.fail(f"{field}.action", "required key missing")
        action = check.choice(data, "action", f"{field}.action", ACTIONS)
        if action in BARE_ACTIONS and (len(value) > 1 or set(data) != {"action"}):
            check.fail(f"{field}.action", f"'{action}' is a single entry with only `action`")
        elif action and action not in BARE_ACTIONS:
            for key in ("member", "item", "interest"):
                if key not in data:
                    check.fail(
                        f"{field}.{key}", "required key missing (use '' if the text has none)"
                    )
        found.append(
            Declaration(
                action=action,
                member=check.string(data, "member", f"{field}.member", empty_ok=True),
                item=check.string(data, "item", f"{field}.item", empty_ok=True),
                interest=check.string(data, "interest", f"{field}.interest", empty_ok=True),
            )
        )
    return tuple(found)


def read_period(check: _Checker, value: Any) -> Period:
    data = check.mapping(value, "labels.period", ("text", "start", "end"))
    if data and "text" not in data:
        check.fail("labels.period.text", "required key missing")
    start = check.day(data, "start", "labels.period.start")
    end = check.day(data, "end", "labels.period.end")
    if start and end and start > end:
        check.fail("labels.period", f"start {start} is after end {end}")
    text = check.string(data, "text", "labels.period.text", empty_ok=False)
    return Period(text=text, start=start, end=end)


def read_approval(check: _Checker, value: Any) -> Approval:
    data = check.mapping(value, "labels.approved", ("text", "date"))
    if data and "text" not in data:
        check.fail("labels.approved.text", "required key missing")
    text = check.string(data, "text", "labels.approved.text", empty_ok=False)
    return Approval(text=text, date=check.day(data, "date", "labels.approved.date"))


def read_labels(check: _Checker, value: Any) -> Labels:
    data = check.mapping(value, "labels", LABEL_KEYS)
    if "kind" not in data:
        check.fail("labels.kind", "required key missing")
    return Labels(
        kind=check.choice(data, "kind", "labels.kind", DOCUMENT_KINDS),
        meeting_date=check.day(data, "meeting_date", "labels.meeting_date"),
        body=check.choice(data, "body", "labels.body", BODIES) if "body" in data else None,
        period=read_period(check, data["period"]) if "period" in data else None,
        approved=read_approval(check, data["approved"]) if "approved" in data else None,
        members=read_members(check, data["members"]) if "members" in data else None,
        declarations=(
            read_declarations(check, data["declarations"]) if "declarations" in data else None
        ),
        note=check.string(data, "note", "labels.note", empty_ok=False) if "note" in data else "",
    )


def read_source(
    check: _Checker, header: Mapping[str, Any], leps: Collection[str]
) -> tuple[str, str, str]:
    """(source_url, lep, via), each checked against its rule."""
    url = check.string(header, "source_url", "source_url", empty_ok=False)
    if url and not url.startswith(("https://", "http://")):
        check.fail("source_url", f"must be an http(s) URL: {url!r}")
    lep = check.string(header, "lep", "lep", empty_ok=False)
    if lep and lep not in leps:
        check.fail("lep", f"unknown LEP id {lep!r} (ids are those of src/lepcheck/data/leps.yaml)")
    via = check.string(header, "via", "via", empty_ok=False)
    if via and via != "search:pages" and not via.startswith("github:"):
        check.fail("via", f"must be search:pages or github:<owner>/<repo>@<commit>:<path>: {via!r}")
    if "complete" in header and not isinstance(header["complete"], bool):
        check.fail("complete", f"must be true or false, not {header['complete']!r}")
    return url, lep, via


def read_doc(
    path: Path, docs_dir: Path, leps: Collection[str]
) -> tuple[CorpusDoc | None, list[Problem]]:
    """The file as a record, or None with the reasons; problems are listed even when it reads."""
    check = _Checker(shown(path))
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        check.fail("file", "not UTF-8 text")
        return None, check.problems
    parsed = read_header(check, raw)
    if parsed is None:
        return None, check.problems
    header, text = parsed
    url, lep, via = read_source(check, header, leps)
    if not text.strip():
        check.fail("text", "the document text after the header is empty")
    doc = CorpusDoc(
        path=path.relative_to(docs_dir).as_posix() if path.is_relative_to(docs_dir) else str(path),
        source_url=url,
        lep=lep,
        publisher=check.string(header, "publisher", "publisher", empty_ok=False),
        retrieved=check.day(header, "retrieved", "retrieved") or date.min,
        via=via,
        licence=check.string(header, "licence", "licence", empty_ok=False),
        complete=header.get("complete") is True,
        format=check.choice(header, "format", "format", FORMATS),
        title=check.string(header, "title", "title", empty_ok=True),
        labels=read_labels(check, header.get("labels")) if "labels" in header else Labels(kind=""),
        text=text,
    )
    return (None if check.problems else doc), check.problems


def corpus_paths(docs_dir: Path = DOCS_DIR) -> Iterator[Path]:
    """Every file under docs/, in a stable order (hidden files are editors' droppings)."""
    for path in sorted(docs_dir.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            yield path


def place_problems(path: Path, doc: CorpusDoc, docs_dir: Path) -> list[Problem]:
    """A file belongs at docs/<lep>/<slug>.txt with the header's LEP as its folder."""
    problems = []
    relative = path.relative_to(docs_dir)
    if len(relative.parts) != 2:
        problems.append(Problem(shown(path), "path", "must be docs/<lep-id>/<slug>.txt"))
    elif relative.parts[0] != doc.lep:
        problems.append(
            Problem(
                shown(path),
                "lep",
                f"{doc.lep!r} but the file is in folder "
                f"{relative.parts[0]!r}: the folder is the LEP id",
            )
        )
    if not SLUG.match(path.name):
        problems.append(
            Problem(
                shown(path), "path", "slug must be lower-case words joined by hyphens, ending .txt"
            )
        )
    return problems


def check_corpus(
    docs_dir: Path = DOCS_DIR, leps: Collection[str] | None = None
) -> tuple[list[CorpusDoc], list[Problem]]:
    """All readable documents and every problem of every file, including repeated source URLs."""
    known = set(lep_ids()) if leps is None else set(leps)
    docs: list[CorpusDoc] = []
    problems: list[Problem] = []
    # Two stored versions of one page (the same URL read at different times) are two documents;
    # the same URL with the same text twice is a copy made by mistake.
    first_seen: dict[tuple[str, str], str] = {}
    for path in corpus_paths(docs_dir):
        doc, found = read_doc(path, docs_dir, known)
        problems += found
        if doc is None:
            continue
        problems += place_problems(path, doc, docs_dir)
        key = (doc.source_url, doc.text.strip())
        if key in first_seen:
            problems.append(
                Problem(
                    shown(path),
                    "source_url",
                    f"{doc.source_url} with the same text is already {first_seen[key]}; "
                    "a document is in the corpus once",
                )
            )
        first_seen.setdefault(key, shown(path))
        docs.append(doc)
    return docs, problems


def load_corpus(docs_dir: Path = DOCS_DIR, leps: Collection[str] | None = None) -> list[CorpusDoc]:
    """Every corpus document; raises CorpusError listing the problems if any file is wrong."""
    docs, problems = check_corpus(docs_dir, leps)
    if problems:
        raise CorpusError(problems)
    return docs


def source_rows(docs_dir: Path = DOCS_DIR) -> list[tuple[str, str, str]]:
    """(LEP, file under docs/, source URL) of every file whose header gives both; sorted by file.

    Read leniently: a file with wrong labels still names its source. The corpus test reports
    the labels.
    """
    rows = []
    for path in corpus_paths(docs_dir):
        parts = split_header(path.read_text(encoding="utf-8", errors="replace"))
        try:
            header = yaml.load(parts[0], Loader=_HeaderLoader) if parts else None
        except yaml.YAMLError:
            continue
        if isinstance(header, dict) and isinstance(header.get("source_url"), str):
            lep = header.get("lep") if isinstance(header.get("lep"), str) else ""
            rows.append((str(lep), path.relative_to(docs_dir).as_posix(), header["source_url"]))
    return rows
