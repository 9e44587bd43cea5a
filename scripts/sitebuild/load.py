"""Reading a site's spec folder into validated specs; a bad spec is one line naming it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .pages import Layout
from .spec import SPEC_SUFFIXES, File, SiteSpec, SpecError, TextFile

FRONT_MATTER = "---\n"
M = TypeVar("M", bound=BaseModel)
MISPLACED_KEY = {"missing", "extra_forbidden"}


@dataclass(frozen=True)
class Entry:
    """One output file: where it goes under the site root, its URL and its spec."""

    path: str  # relative to the site root
    url: str
    spec: File
    body: str = ""  # a text file's content after its front matter


@dataclass(frozen=True)
class Site:
    folder: Path
    spec: SiteSpec
    layout: Layout | None
    entries: list[Entry]


def load_site(folder: Path) -> Site:
    spec = validated(SiteSpec, read_yaml(folder / "site.yaml"), folder / "site.yaml")
    content = folder / "content"
    entries = [load_entry(path, content) for path in sorted(content.rglob("*")) if path.is_file()]
    layout = Layout(folder / "layout.html") if (folder / "layout.html").is_file() else None
    return Site(folder, spec, layout, entries)


def load_entry(path: Path, content: Path) -> Entry:
    relative = path.relative_to(content).as_posix()
    for suffix, model in SPEC_SUFFIXES.items():
        if relative.endswith(suffix):
            spec = validated(model, read_yaml(path), path)
            return Entry(relative.removesuffix(".yaml"), spec.url or default_url(relative), spec)
    header, body = split_front_matter(path)
    page = validated(TextFile, header, path)
    return Entry(relative, page.url or default_url(relative), page, body)


def default_url(relative: str) -> str:
    """/about/ for about/index.html, /a/b.pdf for a/b.pdf.yaml."""
    return "/" + relative.removesuffix(".yaml").removesuffix("index.html")


def read_yaml(path: Path, text: str | None = None, first_line: int = 1) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8") if text is None else text)
    except OSError as error:
        raise SpecError(f"{path}: {error.strerror}") from None
    except yaml.MarkedYAMLError as error:
        line = f"line {error.problem_mark.line + first_line}: " if error.problem_mark else ""
        raise SpecError(f"{path}: {line}{error.problem or error.context}") from None


def split_front_matter(path: Path) -> tuple[Any, str]:
    """The YAML between the first two `---` lines, and the text after them as it stands."""
    text = path.read_bytes().decode("utf-8")
    end = text.find("\n" + FRONT_MATTER, len(FRONT_MATTER) - 1)
    if not text.startswith(FRONT_MATTER) or end < 0:
        raise SpecError(f"{path}: starts with no front matter (a `---` line, YAML, a `---` line)")
    header = read_yaml(path, text[len(FRONT_MATTER) : end], first_line=2)
    return header, text[end + len(FRONT_MATTER) + 1 :]


def validated(model: type[M], data: Any, path: Path) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        raise SpecError(f"{path}: {field_path(data, first)}: {first['msg']}") from None


def field_path(data: Any, error: ErrorDetails) -> str:
    """Where the error is, as the spec spells it (blocks.3.h): pydantic's labels for the
    members of a union name no key in the file and are left out."""
    parts, loc = [], error["loc"]
    for number, part in enumerate(loc):
        in_file = (isinstance(data, dict) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        )
        if in_file:
            data = data[part]
        elif not (error["type"] in MISPLACED_KEY and number == len(loc) - 1):
            continue  # a union member's label
        parts.append(str(part))
    return ".".join(parts) or "(top level)"
