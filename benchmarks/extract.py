"""Speed of the extract stage on generated documents.

Measures, in one run on the same files:
  1. PDF text: pages per second for lepcheck's PDF reader (extract_document on PDFs; and
     read_pdf alone: pypdfium2 text with line styles, headings, tables and links) and for
     poppler's `pdftotext` on the same PDFs, by wall time and by CPU time (on a shared
     machine wall time measures the load as well as the work);
  2. the whole extraction stage: documents per second for extract_document + classify_document
     over a mix of HTML, PDF, DOCX, XLSX and CSV.

Run:  PYTHONPATH=src .venv/bin/python benchmarks/extract.py [--pdfs 20] [--pages 25] [--mix 200]
`pdftotext` comes from poppler-utils (apt-get install -y poppler-utils); without it that
comparison is skipped and the script says so.
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import docx
import openpyxl
from fpdf import FPDF

from lepcheck.extract.classify import classify_document
from lepcheck.extract.document import extract_document
from lepcheck.extract.pdf import read_pdf
from lepcheck.models import FetchRecord

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.timing import machine, timed  # noqa: E402

_VOCABULARY = """board agreed noted report programme funding growth deal skills transport housing
accountable body section officer risk register assurance framework decision project business
case value money delivery partners council university college"""
WORDS = _VOCABULARY.split()
NOW = datetime(2024, 3, 5, tzinfo=UTC)
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def make_pdf(rng: random.Random, pages: int) -> bytes:
    pdf = FPDF()
    pdf.set_title("Board minutes")
    for page in range(pages):
        pdf.add_page()
        pdf.set_font("helvetica", "B", 14)
        pdf.cell(0, 8, f"{page + 1}. Item {page + 1}: {rng.choice(WORDS).title()} update",
                 new_x="LMARGIN", new_y="NEXT")  # fmt: skip
        pdf.set_font("helvetica", "", 10)
        pdf.multi_cell(0, 5, " ".join(_sentence(rng) for _ in range(28)))
    return bytes(pdf.output())


def make_table_pdf(rng: random.Random, pages: int) -> bytes:
    """A register or project schedule: a ruled table of 15 rows per page."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=8)
    for _ in range(pages):
        pdf.add_page()
        with pdf.table() as table:
            for row_number in range(15):
                row = table.row()
                if row_number == 0:
                    for label in ("Name", "Employment", "Directorships", "Land", "Date"):
                        row.cell(label)
                    continue
                row.cell(f"Person {row_number}")
                row.cell(_sentence(rng)[:40])
                row.cell(f"{rng.choice(WORDS).title()} Ltd")
                row.cell("None")
                row.cell("12/03/2019")
    return bytes(pdf.output())


def make_html(rng: random.Random) -> bytes:
    cards = "".join(
        f"<div class='card'><h3>Person {i}</h3><p>Board member</p><p>Firm {i} Ltd</p></div>"
        for i in range(12)
    )
    links = "".join(
        f"<li><a href='/docs/{i}.pdf'>{_sentence(rng)[:40]}</a></li>" for i in range(40)
    )
    body = "".join(f"<p>{_sentence(rng)}</p>" for _ in range(40))
    return (
        "<html><head><title>Our Board</title></head><body><nav><ul>"
        f"{links}</ul></nav><main><h1>Our Board</h1><p>Last updated 3 March 2024</p>"
        f"<h2>Members</h2>{cards}{body}</main><footer>Footer</footer></body></html>"
    ).encode()


def make_docx(rng: random.Random) -> bytes:
    document = docx.Document()
    document.add_heading("Conflicts of Interest Policy", 0)
    for section in range(10):
        document.add_heading(f"{section + 1}. {rng.choice(WORDS).title()}", 1)
        for _ in range(4):
            document.add_paragraph(_sentence(rng))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_xlsx(rng: random.Random) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Funded projects 2023"])
    sheet.append(["Project", "Recipient", "Programme", "2022/23", "2023/24"])
    for row in range(300):
        sheet.append([f"Project {row}", rng.choice(WORDS).title(), "LGF", row * 1000, row * 900])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_csv(rng: random.Random) -> bytes:
    rows = ["Name,Organisation,Role"] + [
        f"Person {i},{rng.choice(WORDS).title()} Ltd,Board member" for i in range(200)
    ]
    return "\n".join(rows).encode()


def record(url: str, content_type: str) -> FetchRecord:
    return FetchRecord(url=url, final_url=url, status=200, content_type=content_type,
                       fetched_at=NOW, first_seen=NOW)  # fmt: skip


def _cpu_seconds() -> float:
    """CPU time of this process and of the children it has waited for (pdftotext)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


CPU_TIMES: dict[str, float] = {}


def median_of(repeats: int, run: Callable[[], None], name: str) -> float:
    """The median of several runs (benchmarks/timing.py); the README quotes it. The median CPU
    time is kept too (CPU_TIMES[name]): on a loaded machine wall time measures the load, CPU
    time still the work."""
    cpu: list[float] = []

    def counted() -> None:
        started = _cpu_seconds()
        run()
        cpu.append(_cpu_seconds() - started)

    runs = timed(repeats, counted)
    CPU_TIMES[name] = statistics.median(cpu)
    return runs.median


def bench_pdf_text(pdfs: list[bytes], pages: int, folder: Path, repeats: int) -> None:
    total_pages = len(pdfs) * pages

    def ours() -> None:
        for index, body in enumerate(pdfs):
            url = f"https://b.example/{index}.pdf"
            doc = extract_document(record(url, "application/pdf"), body)
            assert doc.readable and len(doc.pages) == pages

    elapsed = median_of(repeats, ours, "ours")
    what = "extract_document: the reader, printed dates, period and approval"
    print(f"lepcheck PDF reader : {total_pages / elapsed:8.0f} pages/s  ({what})")

    def reader() -> None:
        for index, body in enumerate(pdfs):
            read_pdf(body, base_url=f"https://b.example/{index}.pdf")

    elapsed = median_of(repeats, reader, "reader")
    what = "read_pdf: text, styles, headings, sections, tables, links"
    print(f"  reader alone      : {total_pages / elapsed:8.0f} pages/s  ({what})")
    tabular = [make_table_pdf(random.Random(index), 5) for index in range(len(pdfs))]

    def tables() -> None:
        for index, body in enumerate(tabular):
            url = f"https://b.example/t{index}.pdf"
            doc = extract_document(record(url, "application/pdf"), body)
            assert len(doc.tables) == 5

    elapsed = median_of(repeats, tables, "tables")
    print(
        f"  pages of tables   : {len(tabular) * 5 / elapsed:8.0f} pages/s  (ruled tables rebuilt)"
    )
    if shutil.which("pdftotext") is None:
        print("pdftotext           : not installed (apt-get install -y poppler-utils); skipped")
        return
    paths = []
    for index, body in enumerate(pdfs):
        path = folder / f"{index}.pdf"
        path.write_bytes(body)
        paths.append(path)

    def theirs() -> None:
        for path in paths:
            command = ["pdftotext", "-enc", "UTF-8", str(path), "-"]
            subprocess.run(command, check=True, capture_output=True)

    elapsed = median_of(repeats, theirs, "pdftotext")
    what = "text only, one process per file"
    print(f"pdftotext (poppler) : {total_pages / elapsed:8.0f} pages/s  ({what})")
    poppler = total_pages / CPU_TIMES["pdftotext"]
    for name, label in (("ours", "PDF reader"), ("reader", "reader alone")):
        per_cpu = total_pages / CPU_TIMES[name]
        print(
            f"  by CPU time       : {per_cpu:8.0f} vs {poppler:.0f} pages per CPU second "
            f"({label} {per_cpu / poppler:.2f}x pdftotext)"
        )


def bench_stage(rng: random.Random, count: int, repeats: int) -> None:
    makers: list[tuple[str, str, Callable[[], bytes]]] = [
        ("html", "text/html", lambda: make_html(rng)),
        ("pdf", "application/pdf", lambda: make_pdf(rng, 6)),
        ("docx", DOCX_TYPE, lambda: make_docx(rng)),
        ("xlsx", XLSX_TYPE, lambda: make_xlsx(rng)),
        ("csv", "text/csv", lambda: make_csv(rng)),
    ]
    # Real crawls are mostly HTML pages, then PDFs: weight the mix that way.
    weights = [0.55, 0.3, 0.06, 0.04, 0.05]
    templates = {name: (ctype, make()) for name, ctype, make in makers}
    chosen = rng.choices([m[0] for m in makers], weights=weights, k=count)
    size = sum(len(templates[name][1]) for name in chosen)

    def stage() -> None:
        for index, name in enumerate(chosen):
            ctype, body = templates[name]
            url = f"https://b.example/{index}.{name}"
            classify_document(extract_document(record(url, ctype), body))

    elapsed = median_of(repeats, stage, "stage")
    mix = ", ".join(f"{name} {chosen.count(name)}" for name, _, _ in makers)
    print(
        f"whole extract stage : {count / elapsed:8.1f} documents/s  "
        f"({count} documents, {size / 1e6:.1f} MB; {mix})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pdfs", type=int, default=20)
    parser.add_argument("--pages", type=int, default=25)
    parser.add_argument("--mix", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(2024)
    pdfs = [make_pdf(rng, args.pages) for _ in range(args.pdfs)]
    print(machine())
    print(f"{args.pdfs} PDFs x {args.pages} pages; median of {args.repeats} runs")
    with tempfile.TemporaryDirectory() as folder:
        bench_pdf_text(pdfs, args.pages, Path(folder), args.repeats)
    bench_stage(rng, args.mix, args.repeats)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory         : {peak:8.0f} MB (whole benchmark process)")


if __name__ == "__main__":
    main()
