"""Field labels stacked over their values pair with them, as cards and profile boxes print them."""

from __future__ import annotations

from lepcheck.site.board.entries import pair_stacked_labels


def test_stacked_field_labels_pair_with_the_line_under_them() -> None:
    lines = ["Position", "Co-opted Member", "Representing", "Riverside Youth Project", "Bio text"]
    assert pair_stacked_labels(lines) == [
        "Position: Co-opted Member",
        "Representing: Riverside Youth Project",
        "Bio text",
    ]
    # Two labels in a row: the first has no value of its own.
    assert pair_stacked_labels(["Sector", "Company", "Acme Ltd"]) == ["Sector", "Company: Acme Ltd"]


def test_a_label_line_ending_in_a_colon_pairs_with_its_value() -> None:
    assert pair_stacked_labels(["Role:", "Vice Chair", "Organisation:", "Acme Ltd"]) == [
        "Role: Vice Chair",
        "Organisation: Acme Ltd",
    ]
