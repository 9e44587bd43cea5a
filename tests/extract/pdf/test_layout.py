"""PDF headings from how lines are printed: larger or bold type."""

from lepcheck.extract.document import extract_document
from tests.extract.extract_samples import record, styled_pdf_bytes


def test_headings_from_font_size_and_weight() -> None:
    body = styled_pdf_bytes(
        [
            ("Register of Interests", "B", 18),
            ("Jane Smith, Chair", "", 14),
            ("This form records the interests of board members under the code.", "", 11),
            ("Directorships", "B", 11),
            ("Acme Ltd (since 2015); Anytown Football Club Ltd.", "", 11),
            ("Land and property", "B", 11),
            ("Family home in Anytown, held since 2001 with my spouse.", "", 11),
            ("Gifts and hospitality", "B", 11),
            ("None received in the last twelve months of membership.", "", 11),
        ]
    )
    doc = extract_document(record("https://lep.example/roi.pdf", "application/pdf"), body)
    levels = {s.heading: s.level for s in doc.sections}
    assert levels == {
        "Register of Interests": 1,
        "Jane Smith, Chair": 2,
        "Directorships": 3,
        "Land and property": 3,
        "Gifts and hospitality": 3,
    }
    land = next(s for s in doc.sections if s.heading == "Land and property")
    assert land.text == "Family home in Anytown, held since 2001 with my spouse."
    person = next(s for s in doc.sections if s.heading == "Jane Smith, Chair")
    assert "Directorships\nAcme Ltd" in person.text and "None received" in person.text
