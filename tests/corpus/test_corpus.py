"""The labelled corpus is well formed: every header, label and the split (issue 13, items 1 and 8).

A broken file fails naming the file and the field, so it can be fixed without guessing.
"""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from lepcheck.models import DOCUMENT_KINDS
from tests.corpus.corpus_files import (
    CorpusDoc,
    CorpusError,
    Declaration,
    Member,
    Period,
    check_corpus,
    load_corpus,
    source_rows,
)
from tests.corpus.corpus_split import part_of, read_split, split_problems

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "corpus_sources.py"
LEPS = ("cumbria", "lancashire")

GOOD = """---
source_url: https://docslib.org/doc/9108978/20210326-clep-board-minutes
lep: cumbria
publisher: docslib.org
retrieved: 2026-12-06
via: search:pages
licence: not stated
complete: false
format: pdf
title: 20210326 CLEP Board Minutes
labels:
  kind: minutes
  meeting_date: 2021-03-26
  body: board
  period: {text: "year ended 31 March 2021", start: 2020-04-01, end: 2021-03-31}
  members:
    - {name: Jane Smith, role: chair, sector: private, organisation: Acme Ltd}
  declarations:
    - {member: Nigel Wilkinson, item: Lakes Line, interest: "a member", action: took_no_part}
  note: a judgement call
---
  MINUTES OF THE MEETING  \n\nkept   exactly
"""


def corpus_file(root: Path, text: str, lep: str = "cumbria", name: str = "doc.txt") -> Path:
    path = root / lep / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(root: Path) -> list[str]:
    return [str(p) for p in check_corpus(root, leps=LEPS)[1]]


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_sources", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- the real corpus


def test_every_corpus_file_is_valid() -> None:
    docs, problems = check_corpus()
    assert not problems, "corpus problems:\n" + "\n".join(str(p) for p in problems)
    assert docs, "the corpus is empty"
    assert {doc.labels.kind for doc in docs} <= set(DOCUMENT_KINDS)


def test_split_names_every_lep_exactly_once() -> None:
    problems = split_problems()
    assert not problems, "\n".join(str(p) for p in problems)


def test_every_corpus_lep_has_a_part_of_the_split() -> None:
    placed = {lep for ids in read_split().values() for lep in ids}
    assert {row[0] for row in source_rows()} <= placed


def test_corpus_sources_list_is_current() -> None:
    assert tuple(source_rows()) == load_script().SOURCES, (
        "scripts/corpus_sources.py is stale: run `python scripts/corpus_sources.py --write` "
        "(or `make corpus-sources`)"
    )


# --------------------------------------------------------------------------- reading a file


def test_a_valid_file_reads_as_typed_records_with_its_text_unchanged(tmp_path: Path) -> None:
    corpus_file(tmp_path, GOOD)
    (doc,) = load_corpus_from(tmp_path)
    assert doc.path == "cumbria/doc.txt" and doc.lep == "cumbria" and not doc.complete
    assert doc.retrieved == date(2026, 12, 6) and doc.format == "pdf"
    assert doc.labels.kind == "minutes" and doc.labels.meeting_date == date(2021, 3, 26)
    assert doc.labels.body == "board"
    assert doc.labels.period == Period(
        "year ended 31 March 2021", date(2020, 4, 1), date(2021, 3, 31)
    )
    assert doc.labels.members == (Member("Jane Smith", "chair", "private", "Acme Ltd"),)
    assert doc.labels.declarations == (
        Declaration("took_no_part", "Nigel Wilkinson", "Lakes Line", "a member"),
    )
    assert doc.text == "  MINUTES OF THE MEETING  \n\nkept   exactly\n"


def test_absent_labels_mean_not_labelled(tmp_path: Path) -> None:
    corpus_file(tmp_path, GOOD.split("  meeting_date")[0] + "---\ntext\n")
    (doc,) = load_corpus_from(tmp_path)
    assert doc.labels.meeting_date is None and doc.labels.body is None
    assert doc.labels.members is None and doc.labels.declarations is None


def load_corpus_from(root: Path) -> list[CorpusDoc]:
    docs, problems = check_corpus(root, leps=LEPS)
    assert not problems, problems
    return docs


# --------------------------------------------------------------------------- broken files


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        ("no header at all\n", "header", "no YAML header"),
        ("---\nsource_url: x\n", "header", "no YAML header"),
        ("---\n[unclosed: \n---\ntext\n", "header", "not valid YAML"),
        (GOOD.replace("kind: minutes", "kind: policy"), "labels.kind", "'policy'"),
        (GOOD.replace("  kind: minutes\n", ""), "labels.kind", "required key missing"),
        (GOOD.replace("2021-03-26\n", "2021-02-30\n"), "labels.meeting_date", "ISO date"),
        (GOOD.replace("2021-03-26\n", "26/03/2021\n"), "labels.meeting_date", "ISO date"),
        (GOOD.replace("retrieved: 2026-12-06", "retrieved: 2026-13-01"), "retrieved", "ISO date"),
        (GOOD.replace("end: 2021-03-31", "end: 2019-03-31"), "labels.period", "after end"),
        (GOOD.replace("lep: cumbria", "lep: atlantis"), "lep", "unknown LEP id 'atlantis'"),
        (GOOD.replace("publisher: docslib.org\n", ""), "publisher", "required key missing"),
        (GOOD.replace("format: pdf", "format: pptx"), "format", "'pptx'"),
        (GOOD.replace("complete: false", "complete: maybe"), "complete", "true or false"),
        (GOOD.replace("via: search:pages", "via: google"), "via", "search:pages"),
        (GOOD.replace("source_url: https:", "source_url: ftp:"), "source_url", "http(s) URL"),
        (GOOD.replace("body: board", "body: council"), "labels.body", "'council'"),
        (GOOD.replace("role: chair", "role: boss"), "labels.members[0].role", "'boss'"),
        (GOOD.replace("sector: private", "sector: busy"), "labels.members[0].sector", "'busy'"),
        (
            GOOD.replace("action: took_no_part", "action: fled"),
            "labels.declarations[0].action",
            "'fled'",
        ),
        (
            GOOD.replace("action: took_no_part", "action: none_declared"),
            "labels.declarations[0].action",
            "only `action`",
        ),
        (GOOD.replace("  note:", "  kinds: other\n  note:"), "labels.kinds", "unknown key"),
        (GOOD.replace("title:", "tittle:"), "tittle", "unknown key"),
        (GOOD.split("\n---\n")[0] + "\n---\n   \n", "text", "empty"),
    ],
)
def test_a_broken_file_fails_naming_the_file_and_the_field(
    tmp_path: Path, text: str, field: str, words: str
) -> None:
    corpus_file(tmp_path, text, name="broken-doc.txt")
    problems = problems_of(tmp_path)
    assert any(
        p.startswith(f"{tmp_path / 'cumbria' / 'broken-doc.txt'}: {field}: ") and words in p
        for p in problems
    ), problems
    with pytest.raises(CorpusError, match=r"broken-doc\.txt"):
        load_corpus(tmp_path, leps=LEPS)


def test_load_corpus_raises_listing_every_problem(tmp_path: Path) -> None:
    corpus_file(tmp_path, "no header\n", name="one.txt")
    corpus_file(tmp_path, GOOD.replace("kind: minutes", "kind: nonsense"), name="two.txt")
    with pytest.raises(CorpusError) as raised:
        load_corpus(tmp_path)
    message = str(raised.value)
    assert "one.txt: header: " in message and "two.txt: labels.kind: " in message


def test_the_same_document_twice_fails_naming_both_files(tmp_path: Path) -> None:
    corpus_file(tmp_path, GOOD, name="first.txt")
    corpus_file(tmp_path, GOOD, name="second.txt")
    (problem,) = problems_of(tmp_path)
    assert "second.txt: source_url: " in problem and "first.txt" in problem


def test_two_stored_versions_of_one_url_are_two_documents(tmp_path: Path) -> None:
    corpus_file(tmp_path, GOOD, name="first.txt")
    corpus_file(tmp_path, GOOD + "\nA paragraph the later version added.\n", name="second.txt")
    assert problems_of(tmp_path) == []


def test_a_file_must_sit_in_its_leps_folder_with_a_slug_name(tmp_path: Path) -> None:
    corpus_file(tmp_path, GOOD, lep="lancashire", name="Board Minutes.txt")
    problems = problems_of(tmp_path)
    assert any("Board Minutes.txt: lep: 'cumbria' but the file is in folder" in p for p in problems)
    assert any("Board Minutes.txt: path: slug" in p for p in problems)


# --------------------------------------------------------------------------- the split


def test_a_split_missing_or_repeating_an_lep_fails_naming_it(tmp_path: Path) -> None:
    split = tmp_path / "split.yaml"
    split.write_text("held_back: [cumbria, nowhere]\ndevelopment: [cumbria]\n", encoding="utf-8")
    problems = [str(p) for p in split_problems(split, leps=("cumbria", "lancashire"))]
    assert any("held_back: unknown LEP id 'nowhere'" in p for p in problems), problems
    assert any("held_back/development: LEP 'cumbria' appears 2 times" in p for p in problems)
    assert any("split: LEP 'lancashire' appears 0 times" in p for p in problems)
    assert part_of("cumbria", split) == "held_back"
    with pytest.raises(KeyError):
        part_of("lancashire", split)


# --------------------------------------------------------------------------- the sources list


def test_sources_script_writes_a_list_that_reads_back(tmp_path: Path) -> None:
    corpus_file(tmp_path, GOOD)
    rows = source_rows(tmp_path)
    assert rows == [
        (
            "cumbria",
            "cumbria/doc.txt",
            "https://docslib.org/doc/9108978/20210326-clep-board-minutes",
        )
    ]
    module = load_script()
    script = tmp_path / "copy.py"
    script.write_text(SCRIPT.read_text(encoding="utf-8"), encoding="utf-8")
    assert module.rewrite(script, rows) is True
    assert module.rewrite(script, rows) is False  # regenerating twice changes nothing
    namespace: dict[str, object] = {"__file__": str(script), "__name__": "generated"}
    exec(compile(script.read_text(encoding="utf-8"), str(script), "exec"), namespace)
    assert namespace["SOURCES"] == tuple(rows)
