"""Committees publish as the main board does: the same kinds of document, and an AGM is not a
committee (MEET-04)."""

from __future__ import annotations

from lepcheck.checks import meeting_documents
from lepcheck.rule_cases import make_site

COMMITTEES = meeting_documents.Params(require="committees")
BOARD = [
    {"body": "Board", "date": "2023-03-14", "agenda": "https://l/a1", "minutes": "https://l/m1"},
    {"body": "Board", "date": "2023-06-13", "agenda": "https://l/a2", "minutes": "https://l/m2"},
]


def test_committee_publishing_what_the_board_does_passes() -> None:
    panel = {
        "body": "Panel",
        "date": "2023-05-04",
        "agenda": "https://l/p",
        "minutes": "https://l/q",
    }
    site = make_site({"meetings": [*BOARD, panel]})
    assert meeting_documents.evaluate(site, COMMITTEES).status == "pass"


def test_committee_without_minutes_is_partial_and_named() -> None:
    panel = {"body": "Panel", "date": "2023-05-04", "agenda": "https://l/p"}
    verdict = meeting_documents.evaluate(make_site({"meetings": [*BOARD, panel]}), COMMITTEES)
    assert verdict.status == "partial"
    assert "Panel minutes" in verdict.missing


def test_an_agm_is_not_a_committee() -> None:
    agm = {
        "body": "AGM 2023",
        "date": "2023-09-20",
        "agenda": "https://l/g",
        "minutes": "https://l/h",
    }
    verdict = meeting_documents.evaluate(make_site({"meetings": [*BOARD, agm]}), COMMITTEES)
    assert verdict.status == "partial"


def test_bodies_pick_the_committees_sought_and_none_found_fails() -> None:
    scrutiny = {
        "body": "Economy Scrutiny Committee",
        "date": "2023-05-04",
        "agenda": "https://l/s",
        "minutes": "https://l/t",
    }
    params = meeting_documents.Params(require="minutes", bodies=("scrutiny",))
    found = meeting_documents.evaluate(make_site({"meetings": [*BOARD, scrutiny]}), params)
    assert found.status == "pass" and found.evidence[0].url == "https://l/t"
    verdict = meeting_documents.evaluate(make_site({"meetings": BOARD}), params)
    assert verdict.status == "fail" and "scrutiny" in verdict.message
