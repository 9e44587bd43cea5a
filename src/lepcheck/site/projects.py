"""Funded projects from tables: name, description, recipient, programme and amounts by year.

Ney 9.2 and FIN-01..03 ask LEPs to publish what they fund and whom; sites publish project
lists as HTML tables, spreadsheets and PDF tables with headers worded every way ("Scheme",
"Lead organisation", "Promoter", "Funding stream", "2021/22", "FY23", "Total LGF (£m)").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lepcheck.models import Document, FundedProject, Table
from lepcheck.site.labels import pair_stacked
from lepcheck.site.source import cite, collapse
from lepcheck.site.table_header import header_and_rows
from lepcheck.vocab.kinds import PROJECTS_PAGE
from lepcheck.vocab.projects import (
    AMOUNT_HEADER,
    DESCRIPTION_HEADER,
    MONEY,
    PROGRAMME_HEADER,
    PROJECT_NAME_HEADER,
    PROJECT_WORDS,
    RECIPIENT_HEADER,
    TOTAL_ROW,
)


def _columns(header: tuple[str, ...]) -> dict[str, list[int]] | None:
    """Which column holds what; None unless a project table (a name and one more fact)."""
    columns: dict[str, list[int]] = {
        k: [] for k in ("name", "description", "recipient", "programme", "amounts")
    }
    for index, cell in enumerate(header):
        if not cell.strip():
            continue
        if RECIPIENT_HEADER.search(cell):
            columns["recipient"].append(index)
        elif DESCRIPTION_HEADER.search(cell):
            columns["description"].append(index)
        elif PROGRAMME_HEADER.search(cell) and not re.search(r"£|\d", cell):
            columns["programme"].append(index)
        elif (
            not columns["name"]
            and PROJECT_NAME_HEADER.search(cell)
            and not AMOUNT_HEADER.search(cell)
        ):
            columns["name"].append(index)
        elif AMOUNT_HEADER.search(cell):
            columns["amounts"].append(index)
    if not columns["name"]:
        return None
    if not (columns["recipient"] or columns["amounts"] or columns["programme"]):
        return None
    return columns


def _cell(row: tuple[str, ...], indexes: list[int]) -> str:
    return collapse(" ".join(row[i] for i in indexes if i < len(row)))


def _group_row(row: tuple[str, ...], name_at: list[int], width: int) -> bool:
    """ "Theme: Transport" with every other cell empty (or cut from the row): a heading that
    groups the schemes below it, not a scheme."""
    others = [row[i] if i < len(row) else "" for i in range(width) if i not in name_at]
    return len(others) >= 2 and not any(cell.strip() for cell in others)


def read_project_table(doc: Document, table: Table) -> list[FundedProject]:
    header, rows = header_and_rows(table, PROJECT_NAME_HEADER)
    columns = _columns(header) if header else None
    if columns is None:
        return []
    # "Name | Organisation" is as likely a board or staff table: a project list says so.
    generic_name = not PROJECT_WORDS.search(header[columns["name"][0]])
    has_money = bool(columns["amounts"] or columns["programme"])
    if generic_name and not has_money and doc.kind != "funded_projects":
        return []
    projects: list[FundedProject] = []
    for row in rows:
        name = _cell(row, columns["name"])
        if not name or TOTAL_ROW.match(name) or _group_row(row, columns["name"], len(header)):
            continue
        amounts = tuple(
            (collapse(header[i]), collapse(row[i]))
            for i in columns["amounts"]
            if i < len(row) and row[i].strip()
        )
        locator = f"table row '{name[:80]}'"
        if table.page:
            locator = f"page {table.page}, {locator}"
        projects.append(
            FundedProject(
                name=name,
                description=_cell(row, columns["description"]),
                recipient=_cell(row, columns["recipient"]),
                programme=_cell(row, columns["programme"]),
                amounts=amounts,
                source=cite(doc, locator, " | ".join(row)),
            )
        )
    return projects


_LABELLED = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z ()/&£\-]{1,40}?)\s*:\s*(?P<value>.+?)\s*$")


def _is_field_label(line: str) -> bool:
    text = line.strip().rstrip(":")
    return (
        0 < len(text.split()) <= _LABEL_WORDS
        and not re.search(r"\d", text.replace("£", ""))
        and bool(
            RECIPIENT_HEADER.search(text)
            or DESCRIPTION_HEADER.search(text)
            or PROGRAMME_HEADER.search(text)
            or AMOUNT_HEADER.search(text)
        )
    )


_LABEL_WORDS = 4


def _stacked_pairs(lines: Sequence[str]) -> list[str]:
    """A card's "Lead partner" / "Esk Valley University" lines as one labelled line."""

    def pairs(line: str, following: str, _after: str) -> bool:
        value = ":" not in following and (
            not _is_field_label(following) or bool(re.search(r"\d", following))
        )
        # "LEP investment" / "£2.1m": any short label over a sum of money.
        money = bool(MONEY.match(following)) and 0 < len(line.split()) <= _LABEL_WORDS
        return value and (_is_field_label(line) or money)

    return pair_stacked(lines, pairs)


def read_project_cards(doc: Document) -> list[FundedProject]:
    """Projects shown as cards: a heading per project, then "Lead partner: ...",
    "LGF award: £2.1m", "Programme: Getting Building Fund" lines."""
    projects: list[FundedProject] = []
    for index, section in enumerate(doc.sections):
        following = doc.sections[index + 1] if index + 1 < len(doc.sections) else None
        if following is not None and following.level > section.level:
            continue  # a heading over several cards holds their text too
        fields: dict[str, str] = {}
        amounts: list[tuple[str, str]] = []
        for line in _stacked_pairs(section.text.splitlines()):
            labelled = _LABELLED.match(line)
            if not labelled:
                continue
            label, value = labelled.group("label"), collapse(labelled.group("value"))
            if RECIPIENT_HEADER.search(label):
                fields.setdefault("recipient", value)
            elif DESCRIPTION_HEADER.search(label):
                fields.setdefault("description", value)
            elif PROGRAMME_HEADER.search(label) and not re.search(r"£|\d", label):
                fields.setdefault("programme", value)
            elif (AMOUNT_HEADER.search(label) and re.search(r"\d", value)) or MONEY.match(value):
                # "LEP investment: £2.1m": a sum of money is an amount whatever its label.
                amounts.append((collapse(label), value))
        if "recipient" not in fields and not amounts:
            continue
        projects.append(
            FundedProject(
                name=collapse(section.heading),
                description=fields.get("description", ""),
                recipient=fields.get("recipient", ""),
                programme=fields.get("programme", ""),
                amounts=tuple(amounts),
                source=cite(
                    doc,
                    f"section '{collapse(section.heading)[:80]}'",
                    f"{section.heading} {section.text}",
                ),
            )
        )
    return projects


def _projects_page(doc: Document) -> bool:
    """A web page whose title or address says it lists funded projects ("Our investments"),
    whatever the classifier made of its text."""
    return doc.format == "html" and bool(PROJECTS_PAGE.search(f"{doc.title} | {doc.url}"))


def read_projects(documents: Sequence[Document]) -> list[FundedProject]:
    """Projects from every table that reads as a project list (or, on a funded-projects page
    without one, from project cards), once per (name, recipient)."""
    projects: list[FundedProject] = []
    seen: set[tuple[str, str]] = set()
    for doc in sorted(documents, key=lambda d: d.url):
        if doc.kind in {"minutes", "agenda", "register_of_interests", "board_page"}:
            continue
        found = [p for table in doc.tables for p in read_project_table(doc, table)]
        if not found and (doc.kind == "funded_projects" or _projects_page(doc)):
            found = read_project_cards(doc)
        for project in found:
            key = (project.name.lower(), project.recipient.lower())
            if key not in seen:
                seen.add(key)
                projects.append(project)
    return projects
