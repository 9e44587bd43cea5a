"""The sample and fixture LEP websites, built from the specs in sitespecs/ (see its README).

Every document is rendered by a real library: fpdf2 (PDF), python-docx (DOCX), openpyxl (XLSX),
Pillow (scanned forms); HTML pages are set into their site's Jinja2 layout. Output is
deterministic (fixed creation dates, zip entry times and core properties), so a rebuild changes
nothing unless a spec changed.
"""

from __future__ import annotations

from pathlib import Path

from .load import Site, load_site
from .spec import SpecError
from .write import HAND_WRITTEN, write_site

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "sitespecs"

__all__ = [
    "HAND_WRITTEN",
    "REPO",
    "SPECS",
    "Site",
    "SpecError",
    "find_sites",
    "load_site",
    "write_site",
]


def find_sites(specs: Path = SPECS) -> list[Path]:
    """Every site folder (one holding a site.yaml) under `specs`."""
    return sorted(path.parent for path in specs.rglob("site.yaml"))
