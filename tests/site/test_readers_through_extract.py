"""Site readers on Documents made by the real extract stage from markup written unlike the
fixture sites: other CMS card layouts, a board table without <th>, a Word register form with
content controls, minutes as a web page."""

from __future__ import annotations

from datetime import date

from lepcheck.extract.classify import classify_document
from lepcheck.extract.document import extract_document
from lepcheck.models import Document
from lepcheck.site.board.reader import read_board
from lepcheck.site.meetings.declarations import read_declarations
from lepcheck.site.registers.reader import read_registers
from tests.extract.extract_samples import record, register_form_docx_bytes
from tests.site.site_docs import member


def _html(url: str, body: str, title: str) -> Document:
    page = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    return classify_document(extract_document(record(url), page.encode()))


def test_card_grid_with_divs_and_h4_names() -> None:
    doc = _html(
        "https://www.example-lep.co.uk/about-us/the-board/",
        """
        <nav><ul><li><a href="/">Home</a></li><li><a href="/net-zero/">Net Zero</a></li></ul></nav>
        <main>
          <h1>The Board</h1>
          <p>Our Board is made up of business leaders and local authority leaders.</p>
          <div class="grid">
            <div class="card"><h4>Sir Anthony Blake DL</h4><p class="role">Chair</p>
              <p>Chairman, Blake Engineering Group</p><a href="/board/blake/">Read more</a></div>
            <div class="card"><h4>Ms Rachel Ortiz</h4><p class="role">Vice Chair</p>
              <p>Managing Director, Ortiz Foods Ltd</p></div>
            <div class="card"><h4>Councillor Peter Dunn</h4><p>Leader, Northshire County Council</p>
              <p>Public sector</p></div>
          </div>
          <h2>Executive team</h2>
          <div class="card"><h4>Karen Hill</h4><p>Chief Executive</p></div>
        </main>
        """,
        "The Board - Example LEP",
    )
    members = {m.name: m for m in read_board([doc])}
    assert set(members) == {"Anthony Blake", "Rachel Ortiz", "Peter Dunn"}
    assert (members["Anthony Blake"].role, members["Anthony Blake"].gender) == ("chair", "male")
    assert members["Anthony Blake"].organisation == "Blake Engineering Group"
    assert members["Rachel Ortiz"].role == "deputy_chair"
    assert members["Rachel Ortiz"].sector == "private"
    assert members["Peter Dunn"].sector == "public"


def test_board_table_without_header_cells() -> None:
    doc = _html(
        "https://www.example-lep.co.uk/governance/board-membership/",
        """
        <h1>Board membership</h1>
        <table>
          <tr><td><b>Name</b></td><td><b>Representing</b></td><td><b>Category</b></td></tr>
          <tr><td>Dr Helen Marsh</td><td>Northshire College</td><td>Further Education</td></tr>
          <tr><td>Tom Reeve (Chair)</td><td>Reeve Logistics Ltd</td><td>Private Sector</td></tr>
        </table>
        """,
        "Board membership",
    )
    members = {m.name: m for m in read_board([doc])}
    assert members["Helen Marsh"].sector == "education"
    assert members["Helen Marsh"].organisation == "Northshire College"
    assert members["Tom Reeve"].role == "chair"
    assert members["Tom Reeve"].sector == "private"


def test_word_register_form_with_content_controls() -> None:
    doc = classify_document(
        extract_document(
            record(
                "https://www.example-lep.co.uk/media/roi-form.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
            register_form_docx_bytes(),
        )
    )
    [entry] = read_registers([doc], [member("Jane Smith")])
    assert entry.matched_member == "Jane Smith"
    assert set(entry.categories) >= {"directorships", "employment"}
    assert entry.signed
    assert entry.dated == date(2019, 3, 12)


def test_minutes_web_page_with_declarations_in_a_list() -> None:
    doc = _html(
        "https://www.example-lep.co.uk/meetings/board-2023-07-18/minutes/",
        """
        <h1>Minutes: Board, 18 July 2023</h1>
        <h2>1. Welcome</h2><p>The Chair welcomed members.</p>
        <h2>2. Declarations of interest</h2>
        <ul>
          <li>Cllr Peter Dunn declared an interest in item 5 (Northshire Growth Fund) as Leader
              of the County Council and took no part in the decision.</li>
          <li>Rachel Ortiz declared an interest in item 6 as her company is a supplier; she
              left the meeting for the item.</li>
        </ul>
        <h2>3. Minutes of the last meeting</h2><p>Approved.</p>
        """,
        "Minutes: Board, 18 July 2023",
    )
    found = [(d.member, d.item, d.action) for d in read_declarations(doc, date(2023, 7, 18))]
    assert found == [
        ("Peter Dunn", "item 5", "took_no_part"),
        ("Rachel Ortiz", "item 6", "left_room"),
    ]


def test_definition_list_of_names_with_roles_under_them() -> None:
    doc = _html(
        "https://www.example-lep.co.uk/who-we-are/board/",
        """
        <h1>Our board</h1>
        <dl>
          <dt>Amelia Crane</dt><dd>Chair</dd><dd>Crane Aerospace plc</dd>
          <dt>Cllr Jonah Webb</dt><dd>Leader, Eastfield Borough Council</dd>
          <dt>Professor Lena Fox</dt><dd>Vice-Chancellor, University of Eastfield</dd>
        </dl>
        """,
        "Our board",
    )
    members = {m.name: (m.role, m.organisation, m.sector) for m in read_board([doc])}
    assert members == {
        "Amelia Crane": ("chair", "Crane Aerospace plc", "private"),
        "Jonah Webb": ("member", "Eastfield Borough Council", "public"),
        "Lena Fox": ("member", "University of Eastfield", "education"),
    }


def test_meeting_listing_as_a_table_and_a_pdf_agenda_dated_by_its_text() -> None:
    from datetime import UTC, datetime

    from lepcheck.site.meetings.reader import read_meetings
    from tests.extract.extract_samples import FETCHED, pdf_bytes

    listing = _html(
        "https://www.example-lep.co.uk/about/board-meetings/",
        """
        <h1>Board meetings</h1>
        <table>
          <tr><th>Meeting</th><th>Agenda</th><th>Papers</th><th>Minutes</th></tr>
          <tr><td>Board meeting 18 July 2023</td>
              <td><a href="/media/1101/agenda.pdf">Agenda</a></td>
              <td><a href="/media/1102/papers.pdf">Papers</a></td>
              <td><a href="/media/1103/minutes.pdf">Minutes</a></td></tr>
          <tr><td>Board meeting 16 May 2023</td>
              <td><a href="/media/1001/agenda.pdf">Agenda</a></td>
              <td></td><td></td></tr>
        </table>
        """,
        "Board meetings",
    )
    agenda_pdf = pdf_bytes(
        [["Northshire LEP Board", "Tuesday 18 July 2023, 10am, County Hall", "AGENDA",
          "1. Welcome", "2. Declarations of interest"]],
        created=datetime(2023, 7, 7, 9, 0, tzinfo=UTC),
    )  # fmt: skip
    agenda = classify_document(
        extract_document(
            record(
                "https://www.example-lep.co.uk/media/1101/agenda.pdf",
                "application/pdf",
                via=listing.url,
                first_seen=FETCHED,  # first seen by this crawl: no evidence of publication
            ),
            agenda_pdf,
            link_texts=("Agenda",),
        )
    )
    meetings = read_meetings([listing, agenda], frozenset({"northshire", "lep"}))
    found = [(m.date, m.agenda is not None, len(m.papers), m.minutes is not None) for m in meetings]
    assert found == [(date(2023, 5, 16), True, 0, False), (date(2023, 7, 18), True, 1, True)]
    july = meetings[1]
    assert july.agenda is not None and july.agenda.sha256  # the fetched PDF, not the bare link
    assert july.agenda_published is not None
    assert july.agenda_published.provenance == "document_metadata"
    assert july.agenda_published.value == date(2023, 7, 7)
