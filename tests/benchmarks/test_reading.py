"""The reading benchmark (benchmarks/reading.py): it refuses a broken corpus in the corpus test's
own words, scores each part of the split apart, and its matching rules say what they claim."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from benchmarks.reading import main
from benchmarks.reading_documents import PeriodReading
from benchmarks.reading_match import body_class, overlaps, same_item, same_person
from benchmarks.reading_scores import period_facts

from tests.corpus.corpus_files import Approval, Labels, Period, lep_ids

# Every LEP sits in one part (the corpus test's rule): lancashire held back, the rest development.
OTHER_LEPS = sorted(set(lep_ids()) - {"lancashire"})
SPLIT = f"held_back: [lancashire]\ndevelopment: [{', '.join(OTHER_LEPS)}]\n"
HEADER = """---
source_url: {url}
lep: {lep}
publisher: Example
retrieved: 2026-12-06
via: search:pages
licence: not stated
complete: true
format: pdf
title: {title}
labels:
{labels}
---
"""
MINUTES = HEADER.format(
    url="https://example.org/board-minutes-2021-03-26.pdf",
    lep="cumbria",
    title="Board Minutes 26 March 2021",
    labels="  kind: minutes\n  meeting_date: 2021-03-26\n  body: board\n"
    "  declarations:\n    - {action: none_declared}",
) + (
    "MINUTES OF THE LEP BOARD\nPresent: Jane Smith (Chair), Tom Brown\nApologies: none\n"
    "1. Declarations of Interest\nThere were no declarations of interest.\n"
    "2. Growth Deal\nIt was agreed that the board approved the programme.\n"
    "The board noted the update.\n"
)
ACCOUNTS = (
    HEADER.format(
        url="https://example.org/accounts-2022.pdf",
        lep="lancashire",
        title="Financial statements for the year ended 31 March 2022",
        labels='  kind: accounts\n  period: {text: "year ended 31 March 2022", '
        "start: 2021-04-01, end: 2022-03-31}",
    )
    + "Balance sheet\nIndependent auditor's report to the members\n"
)


def corpus(tmp_path: Path, files: dict[str, str]) -> tuple[Path, Path]:
    docs = tmp_path / "docs"
    for name, text in files.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    split = tmp_path / "split.yaml"
    split.write_text(SPLIT, encoding="utf-8")
    return docs, split


def run(docs: Path, split: Path, *args: str) -> int:
    return main(["--corpus", str(docs), "--split", str(split), *args])


def test_scores_each_part_apart_and_prints_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs, split = corpus(
        tmp_path,
        {"cumbria/board-minutes.txt": MINUTES, "lancashire/accounts-2022.txt": ACCOUNTS},
    )
    assert run(docs, split, "--json") == 0
    scores = json.loads(capsys.readouterr().out)
    dev, held = scores["development"], scores["held_back"]
    assert dev["documents"] == 1 and held["documents"] == 1
    assert dev["kind"]["accuracy"] == {"correct": 1, "total": 1, "rate": 1.0}
    assert dev["meetings"]["meeting_date"]["correct"] == 1
    assert dev["meetings"]["body"]["correct"] == 1
    assert dev["declarations"]["reader"]["recall"]["correct"] == 1
    assert held["kind"]["per_kind"]["accounts"]["support"] == 1
    assert held["periods"]["before"]["period"]["total"] == 1
    assert sum(row["count"] for row in held["reliability"]) == 1


def test_one_part_only_and_a_text_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs, split = corpus(tmp_path, {"cumbria/board-minutes.txt": MINUTES})
    assert run(docs, split, "--part", "dev") == 0
    out = capsys.readouterr().out
    assert "DEVELOPMENT part" in out and "HELD-BACK" not in out
    assert "kind accuracy" in out and "reliability" in out and "declarations" in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MINUTES OF THE BOARD\n", "docs/cumbria/no-header.txt: header: no YAML header"),
        (
            MINUTES.replace("kind: minutes", "kind: newsletter"),
            "docs/cumbria/no-header.txt: labels.kind: unknown value 'newsletter'",
        ),
    ],
)
def test_a_broken_corpus_is_refused_with_the_corpus_tests_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    docs, split = corpus(tmp_path, {"cumbria/no-header.txt": text})
    assert run(docs, split) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0]


def test_a_document_of_an_lep_outside_the_split_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs, split = corpus(tmp_path, {"cumbria/board-minutes.txt": MINUTES})
    split.write_text("held_back: []\ndevelopment: []\n", encoding="utf-8")
    assert run(docs, split) == 2
    assert "'cumbria' is in no part of split.yaml" in capsys.readouterr().err


def test_the_real_corpus_is_scored_in_its_two_parts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert set(scores) == {"development", "held_back"}
    total = scores["development"]["documents"] + scores["held_back"]["documents"]
    assert total >= 473
    for part in scores.values():
        assert part["kind"]["accuracy"]["total"] == part["documents"]
        assert sum(row["count"] for row in part["reliability"]) == part["documents"]
    # The training run's cross-validated predictions belong to the shipped weights and cover
    # every development document (none of the held-back part: it is never read in training).
    cross_validated = scores["development"]["reliability_cross_validated"]
    assert sum(row["count"] for row in cross_validated) == scores["development"]["documents"]
    assert "reliability_cross_validated" not in scores["held_back"]


def test_names_match_by_surname_and_first_initial() -> None:
    assert same_person("Councillor Phil Riley", "Phil Riley")
    assert same_person("Mr Booth", "Andrew Booth")
    assert same_person("Professor Mark E Smith", "Mark Smith OBE")
    assert not same_person("Mark Smith", "Jane Smith")
    assert not same_person("Mark Smith", "Mark Smyth")
    assert same_person("Brunel-Walker", "Councillors Brunel-Walker")
    assert not same_person("Brunel-Walker", "Walker")


def test_items_match_by_words_number_or_absence() -> None:
    assert same_item("", "anything at all")
    assert same_item("Item 13 – Growth Deal", "Growth Deal")
    assert same_item("Item 14", "14. Superfast Broadband")
    assert same_item("Lincoln Transport Hub", "the Lincoln Transport Hub scheme")
    assert not same_item("Item 9 – Broadband", "Item 7 - Growing Places Fund")


def test_quotes_overlap_when_one_holds_the_other() -> None:
    assert overlaps("Annual Report 2019/20", "annual report 2019 / 20 for the LEP")
    assert overlaps("5th edition – March 2019", "5th edition - march 2019")
    assert not overlaps("2019/20", "2020/21")
    assert not overlaps("abc", "abc")  # too short to mean anything


def test_bodies_map_to_the_label_classes() -> None:
    assert body_class("Board") == "board"
    assert body_class("Investment Panel") == "sub_board"
    assert body_class("Economy Scrutiny Committee") == "sub_board"
    assert body_class("County Council Cabinet") == "other"
    assert body_class(None) is None


def test_period_facts_need_the_labelled_dates_or_the_labelled_words() -> None:
    labels = Labels(
        kind="accounts",
        period=Period("year ended 31 March 2022", date(2021, 4, 1), date(2022, 3, 31)),
        approved=Approval("Revised March 2017"),
    )
    right = PeriodReading(
        start=date(2021, 4, 1),
        end=date(2022, 3, 31),
        approved_quote="Version 8.1 Revised March 2017",
    )
    assert period_facts(labels, right) == [("period", True), ("approved", True)]
    wrong = PeriodReading(start=date(2021, 4, 1), end=date(2022, 12, 31), approved=date(2017, 3, 1))
    assert period_facts(labels, wrong) == [("period", False), ("approved", False)]
