"""The spec format, as pydantic models: what sitespecs/README.md describes.

A site is a folder holding site.yaml, an optional layout.html and content/, where each file is
the spec of the output file at the same path: documents as `<name>.pdf.yaml`,
`<name>.docx.yaml` or `<name>.xlsx.yaml`, text files (HTML pages, robots.txt, CSV) as the file
itself under a front-matter header.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Discriminator,
    PlainValidator,
    Tag,
    field_validator,
)
from pydantic_core import PydanticCustomError


class SpecError(ValueError):
    """A spec file that cannot be read or does not fit the format: `file: field: problem`."""


class Spec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Lep(Spec):
    id: str
    name: str


class SiteSpec(Spec):
    """site.yaml: where the site is written and what its manifest.json says about it."""

    output: str  # folder the site is written to, relative to the repository root
    lep: Lep
    as_of: date
    author: str  # author of every document's metadata
    manifest: dict[str, Any] = {}  # further manifest.json keys, after as_of


class File(Spec):
    """What every content file says: when it was published (the Last-Modified date the test
    server sends, and the documents' creation date) and, only when it differs from the path
    under content/, its URL."""

    modified: AwareDatetime
    url: str | None = None
    route: str | None = None  # a URL the server answers with this file (e.g. /about-us)


class TextFile(File):
    """A text file's front matter. With a title the body is set into the site's layout.html;
    without one the file is written as it stands."""

    title: str | None = None
    crumbs: list[tuple[str, str]] = []  # breadcrumb links (href, text) the layout may show


def cell(value: Any) -> Any:
    """A table cell keeps its YAML type: openpyxl writes numbers and dates as such."""
    if value is None or isinstance(value, str | int | float | date):
        return value
    raise PydanticCustomError("cell", "a cell is text, a number, a date or empty")


Cell = Annotated[Any, PlainValidator(cell)]


class WideTable(Spec):
    rows: list[list[Cell]]
    widths: list[float]  # column widths in mm


class Heading(Spec):
    h: str


class Paragraph(Spec):
    p: str


class Signature(Spec):
    signature: str  # a line such as "Signed: ...", set with more space than a paragraph


class Bullets(Spec):
    bullets: list[str]


class Table(Spec):
    """Rows, the first set as headings; or, for a wide table, rows and column widths."""

    table: Annotated[
        Annotated[list[list[Cell]], Tag("rows")] | Annotated[WideTable, Tag("wide")],
        Discriminator(lambda value: "wide" if isinstance(value, dict | WideTable) else "rows"),
    ]


class Scan(Spec):
    scan: list[str]  # the lines of a scanned form: a picture with no text layer


NEW_PAGE = "new_page"
BLOCK_KINDS = ("h", "p", "signature", "bullets", "table", "scan")


def block_kind(value: Any) -> str | None:
    """A block is a one-key mapping naming its kind, or the word new_page."""
    if value == NEW_PAGE:
        return NEW_PAGE
    if isinstance(value, dict) and len(value) == 1:
        kind = next(iter(value))
        return kind if kind in BLOCK_KINDS else None
    if isinstance(value, Spec):
        return next(iter(type(value).model_fields))
    return None


Block = Annotated[
    Annotated[Heading, Tag("h")]
    | Annotated[Paragraph, Tag("p")]
    | Annotated[Signature, Tag("signature")]
    | Annotated[Bullets, Tag("bullets")]
    | Annotated[Table, Tag("table")]
    | Annotated[Scan, Tag("scan")]
    | Annotated[Literal["new_page"], Tag(NEW_PAGE)],
    Discriminator(
        block_kind,
        custom_error_type="block_kind",
        custom_error_message=(
            f"a block is one `kind: value` pair, the kind one of {', '.join(BLOCK_KINDS)}; "
            "or the word new_page"
        ),
    ),
]


class Document(File):
    """A PDF or DOCX: its title (metadata and first line) and its blocks in order."""

    title: str
    blocks: list[Block] = []


class PdfDocument(Document):
    landscape: bool = False


class WordDocument(Document):
    @field_validator("blocks")
    @classmethod
    def word_can_set(cls, blocks: list[Block]) -> list[Block]:
        for number, block in enumerate(blocks):
            if isinstance(block, Scan | str) or (
                isinstance(block, Table) and isinstance(block.table, WideTable)
            ):
                raise PydanticCustomError(
                    "word_block",
                    "block {number}: a DOCX takes no scan, new_page or table widths (PDF only)",
                    {"number": number},
                )
        return blocks


class Workbook(File):
    """An XLSX: sheets in order, each a list of rows; the first row is set in bold."""

    title: str
    sheets: dict[str, list[list[Cell]]]


SPEC_SUFFIXES: dict[str, type[File]] = {
    ".pdf.yaml": PdfDocument,
    ".docx.yaml": WordDocument,
    ".xlsx.yaml": Workbook,
}
