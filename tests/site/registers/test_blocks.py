"""Combined registers read as text: a section heading names its member."""

from __future__ import annotations

from lepcheck.site.registers.blocks import heading_name


def test_a_register_section_heading_may_carry_the_members_role() -> None:
    assert heading_name("A. Khan (Deputy Chair)") == "A. Khan"
    assert heading_name("Mark Lewis-Hall – Board Member") == "Mark Lewis-Hall"
    assert heading_name("Peter Okoro: Co-opted") == "Peter Okoro"
    assert heading_name("Register of Interests (2023)") is None
    assert heading_name("Gifts and hospitality – none") is None
