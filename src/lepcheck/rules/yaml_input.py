"""YAML files read as untrusted input: rule files, waivers, attestations, registries.

A YAML file a user hands lepcheck may be hostile or merely broken, and each way must end in
one line naming the file and what to do, never a traceback or a hang:

- size: at most MAX_BYTES (an officer's file is a few kilobytes, the bundled registry 40 KB);
- encoding: UTF-8 (a BOM is allowed), or UTF-16 with its BOM as YAML 1.1 allows; anything
  else is named with the line and byte where decoding failed;
- aliases: a file is parsed once into nodes, where an alias is the anchored node itself, so
  the "billion laughs" (nine anchors each repeating the last nine times) costs nothing yet.
  Before any value is built or validated, the values the aliases would expand to are counted
  (MAX_VALUES) and so are their characters (MAX_CHARACTERS); past either, or for an alias
  inside its own anchor, the file is refused. Messages never quote the data;
- nesting: a file nested too deeply for the parser is refused, not a RecursionError.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import yaml

from lepcheck.errors import RuleError, UsageError

MAX_BYTES = 2_000_000
MAX_VALUES = 10_000
MAX_CHARACTERS = 4_000_000
MAX_MESSAGE = 200
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def brief(message: str) -> str:
    """A message cut to MAX_MESSAGE characters: a schema error quotes the value it is about,
    which may be large."""
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"


def decode(raw: bytes, origin: str, error: type[UsageError] = RuleError) -> str:
    utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    encoding = "utf-16" if utf16 else "utf-8-sig"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise error(
            f"{origin}: line {line}: not {'UTF-16' if utf16 else 'UTF-8'} (byte "
            f"0x{raw[exc.start]:02x} at offset {exc.start} cannot be decoded); save the file "
            "as UTF-8"
        ) from None


def read_text(path: Path, error: type[UsageError] = RuleError) -> str:
    """The text of a YAML file, within MAX_BYTES and decoded, or one-line `error`."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise error(
                f"{path}: {size:,} bytes is too large for a YAML input file "
                f"(at most {MAX_BYTES:,}); is it the right file?"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise error(f"{path}: cannot read it ({exc.strerror or exc})") from exc
    return decode(raw, str(path), error)


class ExpansionError(ValueError):
    """The expansion of aliases went past a budget at `node`."""

    def __init__(self, message: str, node: yaml.Node) -> None:
        super().__init__(message)
        self.line = node.start_mark.line + 1


class ExpansionCounter:
    """Counts what a node tree would expand to, sharing the count of a node met again
    through an alias, so the count itself is linear in the file."""

    def __init__(self) -> None:
        self.sizes: dict[int, tuple[int, int]] = {}
        self.open: set[int] = set()

    def size(self, node: yaml.Node) -> tuple[int, int]:
        """(values, characters) under `node`, aliases expanded; raises ExpansionError past
        the budgets or for an alias inside its own anchor."""
        key = id(node)
        if key in self.sizes:
            return self.sizes[key]
        if key in self.open:
            raise ExpansionError("a YAML alias refers to a node that contains it", node)
        self.open.add(key)
        values, characters = 1, 0
        children: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        else:
            characters = len(str(node.value))
        for child in children:
            more_values, more_characters = self.size(child)
            values, characters = values + more_values, characters + more_characters
            if values > MAX_VALUES or characters > MAX_CHARACTERS:
                raise ExpansionError(
                    f"YAML aliases here expand to more than {MAX_VALUES:,} values or "
                    f"{MAX_CHARACTERS:,} characters; write the values out instead",
                    node,
                )
        self.open.discard(key)
        self.sizes[key] = (values, characters)
        return values, characters


def compose(
    text: str,
    origin: str,
    loader: type[yaml.SafeLoader] = yaml.SafeLoader,
    error: type[UsageError] = RuleError,
) -> yaml.Node | None:
    """The node tree of one YAML document, its alias expansion counted (see above)."""
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}:" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(brief(f"{origin}:{line} not valid YAML ({problem})")) from exc
    except RecursionError:
        raise error(f"{origin}: nested too deeply to be a lepcheck input file") from None
    if root is not None:
        try:
            ExpansionCounter().size(root)
        except ExpansionError as exc:
            raise error(f"{origin}: line {exc.line}: {exc}") from None
        except RecursionError:
            raise error(f"{origin}: nested too deeply to be a lepcheck input file") from None
    return root


def walk(root: yaml.Node) -> list[yaml.Node]:
    """Every distinct node once, aliases not followed twice."""
    seen: dict[int, yaml.Node] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen[id(node)] = node
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return list(seen.values())


def construct(
    root: yaml.Node | None,
    origin: str,
    loader: type[yaml.SafeLoader] = yaml.SafeLoader,
    error: type[UsageError] = RuleError,
) -> Any:
    """The Python values of a composed (and counted) node tree. A date written as a YAML
    timestamp that is no calendar date (2023-02-30) is named with its line."""
    if root is None:
        return None
    builder = loader("")
    try:
        return builder.construct_document(root)
    except ValueError as failure:
        for node in walk(root):
            if node.tag == TIMESTAMP_TAG and isinstance(node, yaml.ScalarNode):
                try:
                    builder.construct_yaml_timestamp(node)
                except ValueError as exc:
                    raise error(
                        f"{origin}: line {node.start_mark.line + 1}: {node.value!r} is not a "
                        f"calendar date ({exc})"
                    ) from None
        raise error(brief(f"{origin}: a value in it cannot be read ({failure})")) from None
    finally:
        builder.dispose()


def load_yaml_file(
    path: Path,
    loader: type[yaml.SafeLoader] = yaml.SafeLoader,
    error: type[UsageError] = RuleError,
) -> tuple[yaml.Node | None, Any]:
    """A YAML input file read safely (see above): its node tree and its values."""
    root = compose(read_text(path, error), str(path), loader, error)
    return root, construct(root, str(path), loader, error)
