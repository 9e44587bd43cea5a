from datetime import date

from lepcheck.extract.printed import printed_dates
from lepcheck.models import DatedValue, PageText


def _pages(*texts: str) -> tuple[PageText, ...]:
    return tuple(PageText(number=i + 1, text=text) for i, text in enumerate(texts))


def test_cue_words_and_cover_date() -> None:
    pages = _pages(
        "Local Assurance Framework\nMarch 2023\n"
        "The framework was approved by the Board on 14 March 2023.",
        "Version control\nVersion 4.1 | Date: 02/05/2023 | reviewed annually\n"
        "Page last updated 6 June 2023",
    )
    found = [(d.value, d.quote) for d in printed_dates(pages)]
    assert found == [
        (date(2023, 3, 1), "March 2023"),
        (date(2023, 3, 14), "approved by the Board on 14 March 2023"),
        (date(2023, 5, 2), "Date: 02/05/2023"),
        (date(2023, 6, 6), "last updated 6 June 2023"),
    ]
    assert all(d.provenance == "printed" for d in printed_dates(pages))


def test_dates_in_prose_without_cue_are_not_document_dates() -> None:
    prose = "x " * 400 + "The scheme opened on 4 April 2019 and closed on 1 May 2020."
    assert printed_dates(_pages(prose)) == ()


def test_cue_too_far_from_the_date_is_ignored() -> None:
    text = "x " * 400 + "Published in the annual report of the partnership board on 4 April 2019"
    assert printed_dates(_pages(text)) == ()


def test_marked_dates_come_first_and_duplicates_go() -> None:
    marked = (DatedValue(value=date(2024, 1, 2), provenance="printed", quote="2 Jan"),)
    pages = _pages("Last updated 2 Jan 2024\n" + "Last updated 2 Jan 2024")
    found = printed_dates(pages, marked)
    assert found[0] == marked[0]
    assert [d.quote for d in found].count("Last updated 2 Jan 2024") == 1
