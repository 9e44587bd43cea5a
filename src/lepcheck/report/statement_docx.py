"""statement.docx: the draft annual assurance statement as a Word document the officer can edit
and sign (python-docx).

It is the one module outside the extract stage that imports python-docx, to write rather than
to read (pyproject.toml says so beside the contract). The content mirrors statement.html:
facts, conclusion, declaration, the requirement table, waivers, open actions, notes and a
signature block.
"""

from __future__ import annotations

import io
import re
from datetime import UTC
from typing import Any

from docx import Document
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from lepcheck.assess.requirements import RequirementRow
from lepcheck.assess.statement import Statement
from lepcheck.report.links import archive_href, live_href

# Word's XML cannot hold C0 control characters (other than tab and newlines) or non-characters;
# crawled quotes sometimes carry them, so they are dropped rather than failing the document.
NOT_XML_SAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
LINK_BLUE = RGBColor(0x1A, 0x0D, 0xAB)
MISSING_RED = RGBColor(0xB0, 0x00, 0x20)
MAX_EVIDENCE_PER_ROW = 5
REQUIREMENT_COLUMN_WIDTHS = (Inches(1.9), Inches(0.6), Inches(1.1), Inches(2.9))


def clean(text: object) -> str:
    return NOT_XML_SAFE.sub("", "" if text is None else str(text))


def add_hyperlink(paragraph: Any, url: str, text: str) -> None:
    """A clickable run. python-docx has no API for hyperlinks, so the w:hyperlink element is
    built by hand; `url` has passed live_href or archive_href (report.links)."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), str(LINK_BLUE))
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(color)
    props.append(underline)
    run.append(props)
    text_element = OxmlElement("w:t")
    text_element.text = clean(text)
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def add_link_or_text(paragraph: Any, href: str | None, text: str) -> None:
    """A link to `href` (already judged by report.links), or the text alone when it is None."""
    if href:
        add_hyperlink(paragraph, href, text)
    else:
        paragraph.add_run(clean(text))


def add_table(document: Any, header: list[str] | None, rows: list[list[str]]) -> Any:
    """A grid table; with `header`, a bold first row, else the first column is bold labels."""
    table = document.add_table(rows=0, cols=len(header or rows[0]))
    table.style = "Table Grid"
    if header:
        for cell, title in zip(table.add_row().cells, header, strict=True):
            cell.paragraphs[0].add_run(title).bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = clean(value)
        if header is None:
            cells[0].paragraphs[0].runs[0].bold = True
    return table


def evidence_cell(cell: Any, row: RequirementRow) -> None:
    """What the requirement rests on: the attestation, waiver, note and archived evidence."""
    cell.text = ""
    first = cell.paragraphs[0]
    if row.attestation is not None and row.attestation.answered:
        first.add_run(clean(row.attested_line) + ". ").bold = True
        first.add_run(clean(row.attestation.evidence))
        if row.attestation.reference:
            first.add_run(" Reference: ")
            reference = row.attestation.reference
            add_link_or_text(first, live_href(reference), reference)
        first = cell.add_paragraph()
    if row.waiver is not None:
        w = row.waiver
        first.add_run("Waived: ").bold = True
        first.add_run(
            clean(
                f"{w.reason} Approved by {w.approved_by} on {w.approved_on}; expires {w.expires}."
            )
        )
        first = cell.add_paragraph()
    if row.note:
        first.add_run("Not evidenced: ").bold = True
        first.add_run(clean(row.note) + ".")
        first = cell.add_paragraph()
    if row.basis in ("automated", "waiver"):
        first.add_run(clean(row.message))
    for ev in row.evidence[:MAX_EVIDENCE_PER_ROW]:
        line = cell.add_paragraph(style="List Bullet")
        add_link_or_text(line, live_href(ev.url), ev.url)
        if archive_href(ev.archive):
            line.add_run(" · ")
            add_link_or_text(line, archive_href(ev.archive), "archived copy")
        fetched = f" · fetched {ev.fetched_at:%Y-%m-%d %H:%M} UTC" if ev.fetched_at else ""
        digest = f" · sha256 {ev.sha256[:12]}" if ev.sha256 else ""
        line.add_run(clean(f" · {ev.locator}{fetched}{digest}"))
        if ev.capture is not None:  # read from a web archive: which capture (issue 15)
            when = f"{ev.capture.captured_at.astimezone(UTC):%Y-%m-%d %H:%M}"
            line.add_run(clean(f" · archived by {ev.capture.archive} at {when} UTC ("))
            add_link_or_text(line, live_href(ev.capture.capture_url), "capture")
            line.add_run(")")
        if ev.quote:
            quote = line.add_run(clean(f" “{ev.quote}”"))
            quote.italic = True
    if len(row.evidence) > MAX_EVIDENCE_PER_ROW:
        cell.add_paragraph(f"and {len(row.evidence) - MAX_EVIDENCE_PER_ROW} more in report.json")


def add_front(document: Any, s: Statement) -> None:
    """Title, the draft marks, the facts, the conclusion and the declaration."""
    document.add_heading(clean(f"Annual assurance statement: {s.lep.name}"), level=0)
    draft = document.add_paragraph().add_run(
        "DRAFT for review and signature by the Section 151 officer"
    )
    draft.bold = True
    if not s.ready_to_sign:
        missing = document.add_paragraph().add_run(clean(s.missing_line))
        missing.bold = True
        missing.font.color.rgb = MISSING_RED
    add_table(
        document,
        None,
        [
            [s.body_label, f"{s.lep.name} ({s.lep.id}), {s.lep.url}"],
            ["Accountable body", s.body_shown],
            ["Period", s.period],
            ["Framework", s.framework_shown],
            [
                "Website audited as of",
                f"{s.as_of}" + (f" (snapshot {s.snapshot_id})" if s.snapshot_id else ""),
            ],
        ],
    )

    document.add_heading("Conclusion", level=1)
    verdict = document.add_paragraph().add_run(s.conclusion.label)
    verdict.bold = True
    verdict.font.size = Pt(14)
    document.add_paragraph(clean(s.conclusion.summary))

    document.add_heading("Statement", level=1)
    document.add_paragraph(clean(s.declaration))
    document.add_paragraph(s.basis_explained)


def add_requirements(document: Any, s: Statement) -> None:
    """The requirement table, waivers, open actions and notes."""
    document.add_heading("Requirements", level=1)
    table = add_table(
        document,
        ["Requirement", "Severity", "Status", "Evidence"],
        [[f"{r.rule_id} {r.title}", r.severity, r.label, ""] for r in s.requirements],
    )
    for table_row, requirement in zip(table.rows[1:], s.requirements, strict=True):
        evidence_cell(table_row.cells[3], requirement)
    # Word shares the width out evenly by default; the evidence column needs most of it.
    table.autofit = False
    for table_row in table.rows:
        for cell, width in zip(table_row.cells, REQUIREMENT_COLUMN_WIDTHS, strict=True):
            cell.width = width

    document.add_heading("Waivers", level=1)
    if s.waivers:
        add_table(
            document,
            ["Requirement", "Reason", "Approved by", "Approved on", "Expires"],
            [
                [w.rule, w.reason, w.approved_by, str(w.approved_on), str(w.expires)]
                for w in s.waivers
            ],
        )
    else:
        document.add_paragraph("No waivers are in force.")

    document.add_heading("Open actions", level=1)
    if s.open_actions:
        add_table(
            document,
            ["Requirement", "Recommendation", "Action", "Owner", "Target date", "Status"],
            [
                [a.rule_id, a.recommendation, a.action, a.owner, str(a.target_date), a.status]
                for a in s.open_actions
            ],
        )
    else:
        document.add_paragraph("No open actions.")

    if s.notes:
        document.add_heading("Notes", level=1)
        for note in s.notes:
            document.add_paragraph(clean(note), style="List Bullet")


def add_signature(document: Any, s: Statement) -> None:
    """The declaration again, a signature block and the provenance of the draft."""
    document.add_heading("Signature", level=1)
    document.add_paragraph(clean(s.declaration))
    signature = add_table(
        document,
        None,
        [
            ["Signed", ""],
            ["Name", s.signatory_name_shown],
            ["Role", f"{s.signatory_role_shown}, {s.body_shown}"],
            ["Date", ""],
        ],
    )
    # Room to sign by hand on a printed copy.
    signature.rows[0].cells[1].paragraphs[0].add_run().add_break(WD_BREAK.LINE)
    footer = document.add_paragraph(
        clean(
            f"Drafted {s.generated_at:%Y-%m-%d %H:%M} UTC by lepcheck from the audit of "
            f"{s.audit_generated_at:%Y-%m-%d %H:%M} UTC (catalogue {s.catalogue_digest[:23]}) "
            f"and the attestation file {s.attestation_file}. The archived evidence is in "
            "evidence/ beside this file."
        )
    )
    footer.runs[0].font.size = Pt(8)


def render_statement_docx(statement: Statement) -> bytes:
    document = Document()
    document.styles["Normal"].font.size = Pt(10)
    document.core_properties.title = clean(f"Annual assurance statement: {statement.lep.name}")
    document.core_properties.subject = "Draft annual assurance statement (lepcheck)"
    add_front(document, statement)
    add_requirements(document, statement)
    add_signature(document, statement)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()
