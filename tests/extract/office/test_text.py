"""CSV and plain text: UK encodings and delimiters, inferred headings, names from the URL."""

from lepcheck.extract.document import extract_document
from lepcheck.models import Document
from tests.extract.extract_samples import record


def _read(body: bytes, url: str, content_type: str) -> Document:
    return extract_document(record(url, content_type), body)


def test_csv_in_windows_encoding_with_semicolons() -> None:
    text = (
        "Project;Recipient;Amount\r\nBridge;Anytown Council;£1,500\r\nHub;Anytown College;£250\r\n"
    )
    doc = _read(text.encode("cp1252"), "https://lep.example/p.csv", "text/csv")
    assert doc.format == "csv"
    assert doc.tables[0].header == ("Project", "Recipient", "Amount")
    assert doc.tables[0].rows[0] == ("Bridge", "Anytown Council", "£1,500")


def test_csv_with_bom_served_as_octet_stream() -> None:
    body = "\ufeffName,Organisation\nJane Smith,Acme Ltd\n".encode()
    doc = _read(body, "https://lep.example/board.csv", "application/octet-stream")
    assert doc.format == "csv"
    assert doc.tables[0].header == ("Name", "Organisation")


def test_plain_text_has_inferred_headings() -> None:
    body = b"AGENDA\n1. Apologies\n2. Declarations of Interest\n3. Minutes of the last meeting\n"
    doc = _read(body, "https://lep.example/a.txt", "text/plain")
    assert doc.format == "text" and doc.title == "AGENDA"
    assert "2. Declarations of Interest" in doc.headings
    assert doc.printed_dates == ()


def test_csv_is_named_after_its_file() -> None:
    body = b"Project,Recipient,2021-22,2022-23\nQuay,Council,100,200\n"
    doc = _read(body, "https://lep.example/files/Funded-Projects_2023.csv", "text/csv")
    assert doc.title == "Funded Projects 2023"
