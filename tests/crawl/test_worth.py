"""A URL's worth before it is fetched: the band its names, its source page and its family give."""

from __future__ import annotations

from lepcheck.crawl.families import FamilyKey
from lepcheck.crawl.needs import naming_words
from lepcheck.crawl.worth import Band, Link, Source, link_worth, section_of, under

NEWS = FamilyKey("news", "lep.example/news/")


def worth_of(
    url: str,
    text: str = "",
    *,
    depth: int = 1,
    tier: int = 0,
    source: Source | None = None,
    open_needs: tuple[int, ...] = (),
    met_needs: tuple[int, ...] = (),
    family: FamilyKey | None = None,
    in_section: bool = False,
    document: bool = False,
) -> Band:
    link = Link(url, naming_words(url, text), depth, tier, document)
    return link_worth(
        link,
        source or Source(),
        open_needs=open_needs,
        met_needs=met_needs,
        family=family,
        in_section=in_section,
    ).band


def test_bands_from_best_to_worst() -> None:
    base = "https://lep.example"
    assert worth_of(f"{base}/x7", "Registers of interests", open_needs=(3,)) is Band.EVIDENCE
    assert worth_of(f"{base}/x7", "Registers of interests", met_needs=(3,)) is Band.GOVERNANCE
    assert worth_of(f"{base}/governance/", "Governance") is Band.GOVERNANCE
    assert worth_of(f"{base}/p/17", "Terms", in_section=True) is Band.GOVERNANCE
    assert worth_of(f"{base}/funding/", "Funding") is Band.TOPICAL
    assert worth_of(f"{base}/contact/", "Contact us") is Band.GENERAL
    assert worth_of(f"{base}/a/b/c/", "Read more", depth=3) is Band.REMOTE
    assert worth_of(f"{base}/contact/", "Contact us", tier=1) is Band.REMOTE  # sitemap only
    governance = Source(governance=True)
    assert worth_of(f"{base}/a/b/c/", "Read more", depth=3, source=governance) is Band.GENERAL
    pdf = f"{base}/files/2023-03.pdf"
    assert worth_of(pdf, "Download", document=True, source=governance) is Band.GOVERNANCE
    assert worth_of(pdf, "Download", document=True, depth=5) is Band.GENERAL


def test_a_family_member_waits_unless_named_like_evidence() -> None:
    story = "https://lep.example/news/board-approves-quay-funding/"
    assert worth_of(story, "Board approves quay funding", family=NEWS) is Band.WAITING
    named = worth_of(story, "Minutes of the AGM", family=NEWS, open_needs=(1,))
    assert named is Band.EVIDENCE


def test_governance_sections() -> None:
    assert section_of("https://lep.example/about/board/") == "lep.example/about/board/"
    assert section_of("https://lep.example/docs/code.pdf") == "lep.example/docs/"
    sections = {"lep.example/about/board/"}
    assert under("https://lep.example/about/board/jane-smith/", sections)
    assert under("https://lep.example/about/board/cv.pdf", sections)
    assert not under("https://lep.example/about/strategy/", sections)
    # The home page's folder is no section, or every page would sit in it.
    assert not under("https://lep.example/contact/", {"lep.example/"})
