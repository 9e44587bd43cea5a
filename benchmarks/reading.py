"""How well lepcheck reads real LEP documents: every reader scored against the labelled corpus.

The corpus is tests/corpus (473 real documents, hand-labelled; label definitions in its
README), split by LEP in tests/corpus/split.yaml into a development part and a held-back part,
fixed before anything was measured. THE HELD-BACK PART IS NEVER USED TO TUNE ANYTHING: no rule,
word list, pattern, weight or threshold is chosen by looking at its figures or its documents.
Improve readers against the development part; quote the held-back figures as they come.

Each corpus file becomes the Document the crawler would hand on (reading_documents: built
directly, the text as one page, headings inferred from its lines), then the real readers run on
it: `lepcheck.extract.classify_document`, then `lepcheck.site` read_meetings, read_board and
read_declarations, and the period readers. What is scored, per part:

- kind: accuracy, precision/recall/support per kind, confusion pairs (label -> read) by count;
  reliability tables of kind_confidence (bins of 0.2: count, mean stated confidence, share
  right): on the held-back part for the shipped weights; on the development part for the
  predictions cross-validated by LEP that the training run wrote (benchmarks/kind_model_cv.json,
  each LEP read by a model trained without it; the calibration map was fitted on these same
  predictions), and for the shipped weights in-sample.
- meeting date: on documents labelled with one, the date of the meeting read_meetings places
  the document at equals the label ("answered" counts documents placed at any meeting).
- body: on documents labelled with one, that meeting's body in the label's classes: "Board" is
  board; a council, cabinet, county, borough or combined authority body is other; any other
  body is sub_board. A document placed at no meeting is wrong.
- period: on documents labelled with `period` or `approved`, each labelled fact is read right
  when the reader gives the same dates (each date the label fixes), or, for a label of words
  alone, when a quote the reader gives contains those words or is contained in them (case,
  dashes and spacing made uniform). "before" is today's document_current (its one printed or
  metadata date, scored as its answer to both facts); each other column is a period reader.
- board members: names matched one to one (same surname; same first initial when both names
  give one; titles such as Cllr and honours such as OBE dropped): precision over names read,
  recall over names labelled, then role and sector accuracy on the matched names. Read from
  each document labelled with members by read_board, as on a site of one page.
- declarations: from each document labelled with declarations, read_declarations reads it when
  the site model would take it as minutes (its role, from the classifier or its labels), dated
  by read_meetings when it can. MATCHING RULE: a labelled declaration and a read one match
  when the action is the same and, unless the entry is a bare `none_declared` or
  `nothing_recorded` (then the action alone decides), the member is the same person (the rule
  for board members) and the item is the same: the label gives no item, or one item text
  contains the other, or both give the same item number ("Item 13", "13."), or they share at
  least half the words of the shorter (beyond "item", "the", "of"...). Matching is one to one,
  labels in order; precision is over declarations read, recall over declarations labelled.

Run:  PYTHONPATH=src .venv/bin/python benchmarks/reading.py [--part dev|held-back|both] [--json]
A broken corpus (a file without a header, an unknown kind...) is refused with the corpus
test's own message, one line per problem, and exit status 2. Takes a few seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from importlib.resources import files
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # run as a script: the corpus loader lives in tests/
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.reading_documents import Reading, read_document  # noqa: E402
from benchmarks.reading_scores import Score, reliability_of, score_part  # noqa: E402
from benchmarks.reading_table import render  # noqa: E402
from tests.corpus.corpus_files import DOCS_DIR, CorpusError, Problem, load_corpus  # noqa: E402
from tests.corpus.corpus_split import SPLIT_FILE, read_split, split_problems  # noqa: E402

from lepcheck.extract.kind_model import MODEL_FILE  # noqa: E402
from lepcheck.inputs.registry import load_registry  # noqa: E402

# Written by scripts/train_kind_model.py: the development part's cross-validated predictions.
CV_FILE = REPO_ROOT / "benchmarks" / "kind_model_cv.json"
PARTS = {"dev": ("development",), "held-back": ("held_back",), "both": ("development", "held_back")}


class BrokenCorpusError(Exception):
    """The corpus or its split has problems: one line each, as tests/corpus reports them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def read_corpus(docs_dir: Path, split_file: Path) -> list[Reading]:
    """Every document read by every reader, with its part; refuses a broken corpus."""
    registry = load_registry()
    try:
        docs = load_corpus(docs_dir)
    except CorpusError as error:
        raise BrokenCorpusError(error.problems) from None
    problems = split_problems(split_file)
    part_of = {lep: part for part, leps in read_split(split_file).items() for lep in leps}
    problems += [
        Problem(doc.path, "lep", f"{doc.lep!r} is in no part of {split_file.name}")
        for doc in docs
        if doc.lep not in part_of
    ]
    if problems:
        raise BrokenCorpusError(problems)
    return [read_document(doc, part_of[doc.lep], registry.get(doc.lep)) for doc in docs]


def cross_validated_reliability(readings: list[Reading]) -> list[Score] | None:
    """The development part's reliability table from the training run's cross-validated
    predictions (each LEP's documents read by a model trained without that LEP), or None when
    the file is missing or was written beside other weights than the shipped ones."""
    if not CV_FILE.exists():
        return None
    cv = json.loads(CV_FILE.read_text(encoding="utf-8"))
    shipped = (files("lepcheck") / "data" / MODEL_FILE).read_bytes()
    if cv["model_sha256"] != hashlib.sha256(shipped).hexdigest():
        print(f"{CV_FILE.name} is not the shipped weights': retrain to refresh it", file=sys.stderr)
        return None
    predicted = cv["predictions"]
    return reliability_of(
        [
            (
                predicted[r.doc.path]["confidence"],
                predicted[r.doc.path]["kind"] == r.doc.labels.kind,
            )
            for r in readings
            if r.doc.path in predicted
        ]
    )


def run(docs_dir: Path, split_file: Path, part: str) -> dict[str, Score]:
    readings = read_corpus(docs_dir, split_file)
    scores = {name: score_part([r for r in readings if r.part == name]) for name in PARTS[part]}
    if "development" in scores:
        table = cross_validated_reliability([r for r in readings if r.part == "development"])
        if table is not None:
            scores["development"]["reliability_cross_validated"] = table
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--part", choices=sorted(PARTS), default="both")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--corpus", type=Path, default=DOCS_DIR, help=argparse.SUPPRESS)
    parser.add_argument("--split", type=Path, default=SPLIT_FILE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        scores = run(args.corpus, args.split, args.part)
    except BrokenCorpusError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(scores, indent=2, sort_keys=True))
    else:
        print(render(scores, time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
