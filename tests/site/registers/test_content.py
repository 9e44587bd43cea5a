"""What a register covers: category synonyms and signatures."""

from __future__ import annotations

import pytest

from lepcheck.site.registers.content import categories_in, signed_in


def test_signed_copy_held_on_file_counts_as_signed() -> None:
    assert signed_in("A signed copy of this declaration is held on file at the LEP office.")[0]
    assert not signed_in("Signature:\nDate:")[0]
    assert signed_in("Signature:\nJ Smith\nDate: 1 May 2023")[0]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Employment, office, trade, profession or vocation", "employment"),
        ("Remunerated directorships", "directorships"),
        ("Securities", "shareholdings"),
        ("Any beneficial interest in land", "land_property"),
        ("Contracts between you and the LEP", "related_party_transactions"),
        ("Related party transactions", "related_party_transactions"),
        ("Membership of other bodies", "memberships"),
        ("Gifts", "gifts_hospitality"),
        ("Sponsorship", "sponsorships"),
    ],
)
def test_category_synonyms(text: str, category: str) -> None:
    assert categories_in(text) == (category,)


def test_a_signature_line_that_says_the_signature_is_missing_is_not_a_signature() -> None:
    assert signed_in("Signature: awaited from member")[0] is False
    assert signed_in("Signed form outstanding")[0] is False
    assert signed_in("Signed: to follow")[0] is False
    assert signed_in("Signed: Priya Nair")[0] is True
