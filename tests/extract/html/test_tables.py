"""Web-page tables with merged cells read as a reader sees them."""

from __future__ import annotations

from lepcheck.extract.document import extract_document
from tests.extract.extract_samples import record

_TABLE = """<html><head><title>Growth Deal schemes</title></head><body><main>
<h1>Growth Deal schemes</h1>
<table>
<tr><th rowspan="2">Scheme</th><th colspan="2">Funding (£m)</th><th rowspan="2">Status</th></tr>
<tr><th>Capital</th><th>Revenue</th></tr>
<tr><td rowspan="2">Harbour Quay</td><td>2.1</td><td>0.2</td><td>Complete</td></tr>
<tr><td>0.5</td><td>0</td><td>Phase 2</td></tr>
<tr><td>Skills Hub</td><td>1.4</td><td>0.3</td><td>In delivery</td></tr>
</table>
</main></body></html>"""


def test_stacked_header_rows_become_one_row_of_combined_labels() -> None:
    doc = extract_document(record("https://lep.example/schemes/"), _TABLE.encode())
    (table,) = doc.tables
    assert table.header == ("Scheme", "Funding (£m) Capital", "Funding (£m) Revenue", "Status")
    assert table.rows[0] == ("Harbour Quay", "2.1", "0.2", "Complete")


def test_a_cell_spanning_rows_fills_each_row_it_covers() -> None:
    doc = extract_document(record("https://lep.example/schemes/"), _TABLE.encode())
    (table,) = doc.tables
    assert table.rows[1] == ("Harbour Quay", "0.5", "0", "Phase 2")
    assert table.rows[2] == ("Skills Hub", "1.4", "0.3", "In delivery")
