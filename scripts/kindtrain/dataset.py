"""The development part of the labelled corpus as training examples for the kind model.

Each corpus file becomes the Document the reading benchmark scores (benchmarks/reading_documents,
so training and measurement see the same thing), then its kind signals and words. THE
HELD-BACK PART IS NEVER READ HERE: documents are filtered by tests/corpus/split.yaml's
development list before anything is computed from them.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
for folder in (REPO, REPO / "src"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from benchmarks.reading_documents import build_document  # noqa: E402
from tests.corpus.corpus_files import DOCS_DIR, load_corpus  # noqa: E402
from tests.corpus.corpus_split import SPLIT_FILE, read_split  # noqa: E402

from lepcheck.extract.kind_signals import Signal, kind_signals, kind_words  # noqa: E402

# A word must be seen in documents of this many LEPs to be weighed: one LEP's house style
# (its name, its template's furniture) is not evidence of a kind elsewhere.
MIN_LEPS = 3
# Words of the corpus's own making, not of LEP documents: the furniture of document-sharing
# sites that hold converted copies ("Total Page:16 File Type:pdf, Size:1020Kb", "Similar
# documents"), which a live crawl of an LEP's own site never sees.
ARTEFACT_WORDS = frozenset(
    {"text:total", "text:page", "text:file", "text:type", "text:size", "text:pdf", "text:kb",
     "text:similar", "text:documents", "text:download", "text:docslib", "title:docslib"}
)  # fmt: skip


@dataclass(frozen=True)
class Example:
    """One development document: its LEP (the cross-validation group), label and features."""

    lep: str
    path: str
    label: str
    signals: tuple[Signal, ...]
    words: frozenset[str]


def development_examples(docs_dir: Path = DOCS_DIR, split_file: Path = SPLIT_FILE) -> list[Example]:
    development = set(read_split(split_file)["development"])
    examples: list[Example] = []
    for doc in load_corpus(docs_dir):
        if doc.lep not in development:
            continue  # held back: never read
        built = build_document(doc)
        examples.append(
            Example(
                lep=doc.lep,
                path=doc.path,
                label=doc.labels.kind,
                signals=tuple(kind_signals(built)),
                words=kind_words(built),
            )
        )
    return sorted(examples, key=lambda e: e.path)


def vocabulary(examples: list[Example]) -> list[str]:
    """Words seen in documents of at least MIN_LEPS LEPs, artefacts of the corpus left out."""
    leps: dict[str, set[str]] = defaultdict(set)
    for example in examples:
        for word in example.words:
            leps[word].add(example.lep)
    return sorted(
        w for w, seen in leps.items() if len(seen) >= MIN_LEPS and w not in ARTEFACT_WORDS
    )


def supported_kinds(examples: list[Example], minimum: int) -> list[str]:
    """Kinds with at least `minimum` development documents: only these get word weights."""
    counts = Counter(e.label for e in examples)
    return sorted(kind for kind, n in counts.items() if n >= minimum)
