"""What the audit's rules will look for, as the crawl is told it: data, so that the crawl stage
never imports the rules (issue 17).

The audit reads the active rules' document selectors (the document kinds and title patterns a
rule selects by) and the links some rules look for, and passes them in `CrawlOptions.needs`.
The crawl matches them against what it knows of a URL before fetching it, its link text and
the words of its path, as the checks later match a document's title, link texts and URL words:
a link named like a sought document is worth fetching first, and once every need has been met
the crawl stops exploring pages that name nothing sought.

A title pattern that also matches a page named for nothing in particular (NEUTRAL_PAGE_NAMES:
"Contact us") selects pages in general, such as BOARD-06's "(?s)." or the lep_own_pages
vocabulary: it cannot say which link to follow, so it steers nothing; its rule reads whatever
the crawl brings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from lepcheck.models import DocumentKind, Frozen
from lepcheck.vocab.dialect import compile_rule_pattern
from lepcheck.vocab.kinds import KIND_NAMES
from lepcheck.vocab.web import NEUTRAL_PAGE_NAMES


class DocumentNeed(Frozen):
    """Documents some rules select: by kind (the names each kind goes by) or by title."""

    label: str
    rules: tuple[str, ...] = ()
    kinds: tuple[DocumentKind, ...] = ()
    title_patterns: tuple[str, ...] = ()  # rule dialect (lepcheck.vocab.dialect)
    # Every matching document counts (each meeting's papers, each member's register), not one.
    every: bool = False


class LinkNeed(Frozen):
    """A link some rules look for on the LEP's pages (links_to: the committee system)."""

    label: str
    rules: tuple[str, ...] = ()
    url_patterns: tuple[str, ...] = ()
    text_patterns: tuple[str, ...] = ()
    require_both: bool = False


class EvidenceNeeds(Frozen):
    documents: tuple[DocumentNeed, ...] = ()
    links: tuple[LinkNeed, ...] = ()


def url_words(url: str) -> str:
    """A URL's path as words: '/docs/Whistleblowing-Policy.pdf' reads 'whistleblowing policy'
    (as the checks read a document's URL)."""
    path = unquote(urlsplit(url).path)
    for char in "/-_.+":
        path = path.replace(char, " ")
    return path


def naming_words(url: str, text: str) -> str:
    """What names a URL before it is fetched: the link text and the words of its path."""
    return f"{' '.join(text.split())} | {url_words(url)}"


def focused(pattern: re.Pattern[str]) -> bool:
    """Whether a pattern picks some pages out: one that matches a neutral page name does not."""
    return not any(pattern.search(name) for name in NEUTRAL_PAGE_NAMES)


_LEADING_FLAGS = re.compile(r"^(?:\(\?[aiLsux]+\))*")


def matcher_of(pattern: re.Pattern[str]) -> Callable[[str], object]:
    """`pattern.search`, or `match` for a pattern anchored at the start ("(?s)^(?!.*news)..."),
    which finds the same and does not retry at every position (a hundred times faster)."""
    body = _LEADING_FLAGS.sub("", pattern.pattern, count=1)
    anchored = body.startswith("^") and not pattern.flags & re.MULTILINE
    return pattern.match if anchored and not _branches(body) else pattern.search


def _branches(body: str) -> bool:
    """Whether a pattern is an alternation at its top level ("^a|b" is anchored only in part)."""
    depth, in_class, escaped = 0, False, False
    for char in body:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


KIND_PATTERNS = frozenset(KIND_NAMES.values())
# Any kind's names at all: one search that rules most names out before each kind is tried.
ANY_KIND_NAME = re.compile("|".join(f"(?:{p.pattern})" for p in KIND_NAMES.values()), re.I)


@dataclass
class _Need:
    label: str
    patterns: tuple[re.Pattern[str], ...]
    every: bool
    met: bool = False
    tests: tuple[int, ...] = ()  # indices into the book's distinct tests
    kind_tests: tuple[int, ...] = ()  # those of its kinds' names alone


def _compiled(need: DocumentNeed) -> _Need | None:
    patterns = [KIND_NAMES[kind] for kind in need.kinds if kind in KIND_NAMES]
    patterns += [compile_rule_pattern(p) for p in need.title_patterns]
    kept = tuple(p for p in patterns if focused(p))
    return _Need(need.label, kept, need.every) if kept else None


@dataclass
class _LinkNeed:
    label: str
    urls: tuple[re.Pattern[str], ...]
    texts: tuple[re.Pattern[str], ...]
    require_both: bool
    met: bool = False

    def matches(self, url: str, text: str) -> bool:
        by_url = any(p.search(url) for p in self.urls)
        by_text = any(p.search(text) for p in self.texts)
        return by_url and by_text if self.require_both else by_url or by_text


@dataclass
class NeedBook:
    """The needs of one crawl, compiled, and which of them the crawl has met so far.

    Without needs (a crawl run on its own, `lepcheck crawl`), nothing is ever known to be met,
    so the crawl explores as far as its other rules let it.
    """

    given: bool
    documents: list[_Need] = field(default_factory=list)
    links: list[_LinkNeed] = field(default_factory=list)
    # Each distinct pattern once (needs share many): tried once per name, whatever uses it.
    tests: list[Callable[[str], object]] = field(default_factory=list)

    def __post_init__(self) -> None:
        index: dict[re.Pattern[str], int] = {}
        for need in self.documents:
            for pattern in need.patterns:
                if pattern not in index:
                    index[pattern] = len(self.tests)
                    self.tests.append(matcher_of(pattern))
            need.tests = tuple(index[p] for p in need.patterns)
            need.kind_tests = tuple(index[p] for p in need.patterns if p in KIND_PATTERNS)

    @classmethod
    def of(cls, needs: EvidenceNeeds | None) -> NeedBook:
        if needs is None:
            return cls(given=False)
        documents = [c for c in map(_compiled, needs.documents) if c is not None]
        links = [
            _LinkNeed(
                link.label,
                tuple(compile_rule_pattern(p) for p in link.url_patterns),
                tuple(compile_rule_pattern(p) for p in link.text_patterns),
                link.require_both,
            )
            for link in needs.links
        ]
        return cls(given=True, documents=_merged(documents), links=links)

    def matching(self, words: str, *, kinds_only: bool = False) -> list[int]:
        """The document needs (by index) a URL named so would meet. `kinds_only` reads only
        the names of document kinds: enough for a member of a family of look-alike pages to
        stand out ("Minutes of the AGM" among news stories; the rules' own title patterns
        mostly exclude news pages), and ten times quicker over a sitemap of thousands."""
        if kinds_only and not ANY_KIND_NAME.search(words):
            return []
        results: dict[int, bool] = {}

        def hit(test: int) -> bool:
            if test not in results:
                results[test] = self.tests[test](words) is not None
            return results[test]

        return [
            i
            for i, need in enumerate(self.documents)
            if any(map(hit, need.kind_tests if kinds_only else need.tests))
        ]

    def is_open(self, index: int) -> bool:
        """Still worth a fetch: not met, or one of which every document counts."""
        need = self.documents[index]
        return need.every or not need.met

    def note_fetched(self, words: str) -> list[int]:
        """A page or document named so was fetched: the needs it matches are met."""
        matched = self.matching(words)
        for index in matched:
            self.documents[index].met = True
        return matched

    def note_link(self, url: str, text: str) -> None:
        for need in self.links:
            if not need.met and need.matches(url, text):
                need.met = True

    def every_need(self) -> list[_Need | _LinkNeed]:
        return [*self.documents, *self.links]

    def all_met(self) -> bool:
        return self.given and all(n.met for n in self.every_need())

    def unmet(self) -> list[str]:
        return [n.label for n in self.every_need() if not n.met]

    def state(self) -> list[bool]:
        return [n.met for n in self.every_need()]

    def restore(self, met: list[bool]) -> None:
        for need, was_met in zip(self.every_need(), met, strict=False):
            need.met = was_met


def _merged(needs: list[_Need]) -> list[_Need]:
    """Needs with the same patterns are one (ASSUR-03 and ASSUR-04 select the same framework)."""
    merged: dict[tuple[str, ...], _Need] = {}
    for need in needs:
        key = tuple(p.pattern for p in need.patterns)
        if key in merged:
            merged[key].every = merged[key].every or need.every
        else:
            merged[key] = need
    return list(merged.values())
