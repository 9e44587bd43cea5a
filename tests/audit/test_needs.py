"""The crawl's evidence needs come from the rule catalogue: the active rules' selectors, the
documents check kinds read of their own choosing, and the links links_to rules look for."""

from __future__ import annotations

from lepcheck.audit.needs import evidence_needs
from lepcheck.crawl.needs import NeedBook
from lepcheck.rules import load_ruleset


def test_needs_name_the_rules_that_select_them() -> None:
    needs = evidence_needs(load_ruleset("nlgaf-2019"))
    by_rules = {rule: need for need in needs.documents for rule in need.rules}
    assert by_rules["POL-02"].kinds == ("whistleblowing_policy",)
    assert by_rules["POL-02"].title_patterns  # the rule's own titles, as it selects
    assert not by_rules["POL-02"].every
    # member_registers reads each member's register, of its own choosing (READS).
    registers = by_rules["ROI-01"]
    assert registers.kinds == ("register_of_interests",) and registers.every
    assert set(registers.rules) >= {"ROI-01", "ROI-05", "ROI-09"}
    assert by_rules["MEET-01"].kinds == ("agenda", "minutes") and by_rules["MEET-01"].every
    assert {r for link in needs.links for r in link.rules} == {"WEB-02", "SCRUT-02"}
    # Attestations read nothing from the site.
    assert "ASSUR-07" not in by_rules


def test_a_smaller_framework_needs_less() -> None:
    full = evidence_needs(load_ruleset("nlgaf-2019"))
    spot = evidence_needs(load_ruleset("spot-check"))
    assert 0 < len(spot.documents) < len(full.documents)


def test_selectors_of_pages_in_general_do_not_steer_the_crawl() -> None:
    needs = evidence_needs(load_ruleset("nlgaf-2019"))
    chair = next(n for n in needs.documents if "BOARD-06" in n.rules)
    assert chair.title_patterns == ("(?s).",)
    book = NeedBook.of(needs)
    assert chair.label not in [n.label for n in book.documents]
    assert len(book.documents) < len(needs.documents)
