from __future__ import annotations

import pytest

from lepcheck.site.names import (
    best_match,
    display_name,
    looks_like_person_name,
    name_match,
    strip_titles_and_honours,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Cllr Jane Smith OBE DL", "Jane Smith"),
        ("Professor Sir John Doe CBE FRSA", "John Doe"),
        ("Rt Hon Mary Jones MP", "Mary Jones"),
        ("SMITH, Jane", "Jane SMITH"),
        ("Jane Smith, MBE", "Jane Smith"),
        ("Dr. Ann Lee PhD", "Ann Lee"),
        ("Councillor Sam Patel (Leader)", "Sam Patel"),
    ],
)
def test_titles_and_honours_are_stripped(raw: str, expected: str) -> None:
    assert strip_titles_and_honours(raw) == expected


def test_display_name_restores_capitals_of_shouted_names() -> None:
    assert display_name("JANE SMITH-JONES") == "Jane Smith-Jones"
    assert display_name("SMITH, Jane") == "Jane Smith"
    assert display_name("Cllr J. R. Hartley OBE") == "J. R. Hartley"


@pytest.mark.parametrize(
    ("left", "right", "low", "high"),
    [
        ("Jane Smith", "Cllr Jane Smith OBE", 1.0, 1.0),
        ("J. Smith", "Jane Smith", 0.7, 0.8),
        ("Jane Anne Smith", "Jane Smith", 0.9, 0.99),
        ("jane smith", "JANE SMITH", 1.0, 1.0),
        ("Jane Smith-Jones", "Jane Smith Jones", 1.0, 1.0),
        ("Chris Brown", "Christopher Brown", 0.7, 0.85),
        ("Bob Ray", "Robert Ray", 0.8, 0.9),
        ("Smith", "Jane Smith", 0.5, 0.5),
        ("Smith, Jane", "Jane Smith", 1.0, 1.0),
    ],
)
def test_same_person_written_differently(left: str, right: str, low: float, high: float) -> None:
    assert low <= name_match(left, right) <= high


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Jane Smith", "John Smith"),  # same surname, different people
        ("J. Smith", "K. Smith"),
        ("Jane Smith", "Jane Smyth"),
        ("Jane Anne Smith", "Jane Beth Smith"),
    ],
)
def test_different_people_do_not_match(left: str, right: str) -> None:
    assert name_match(left, right) == 0.0


def test_best_match_refuses_to_pick_between_two_initial_matches() -> None:
    board = ["Jane Smith", "James Smith", "Ann Lee"]
    assert best_match("J. Smith", board) is None
    assert best_match("Dr Ann Lee", board) == ("Ann Lee", 1.0)
    assert best_match("Jane Smith", board) == ("Jane Smith", 1.0)
    assert best_match("John Doe", board) is None


@pytest.mark.parametrize(
    "text",
    [
        "Jane Smith",
        "Cllr Sam Patel",
        "Mary-Ann O'Neil",
        "Jan van der Berg",
        "J. R. Hartley",
        "José Álvarez",
        "Siobhán Ó Súilleabháin",
        "Angus McDonald",
    ],
)
def test_person_names_are_recognised(text: str) -> None:
    assert looks_like_person_name(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our Board",
        "Board Members",
        "Meet the Team",
        "Private Sector Members",
        "Doe Holdings Ltd",
        "Register of Interests",
        "Latest News",
        "14 March 2023",
        "Jane",
    ],
)
def test_headings_and_organisations_are_not_names(text: str) -> None:
    assert not looks_like_person_name(text)


def test_welsh_patronymic_particles_are_part_of_a_name() -> None:
    assert looks_like_person_name("Dafydd ab Owain")
    assert name_match("D. ab Owain", "Dafydd ab Owain") >= 0.75
    assert not looks_like_person_name("Ab Initio Ltd")


def test_names_match_across_accents_hyphens_and_short_forms() -> None:
    assert name_match("José Álvarez", "Jose Alvarez") == 1.0
    assert name_match("Cllr Ann-Marie Fox", "Annmarie Fox") == 1.0
    assert name_match("Dr Chinedu Okoye-Bello", "C Okoye Bello") >= 0.75
    assert name_match("Ellie Matthews", "Eleanor Matthews") >= 0.75
    assert name_match("Anna Okoye", "Okoye Bello") == 0.0
    assert name_match("Jane Smith", "John Smith") == 0.0
