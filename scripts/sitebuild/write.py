"""Writing a site: every content file rendered under the site root, then manifest.json."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from .load import Entry, Site
from .office import render_docx, render_xlsx
from .pdf import render_pdf
from .spec import PdfDocument, SpecError, TextFile, WordDocument, Workbook

# Files in a site root the builder never overwrites: what the tests expect, what is wrong.
HAND_WRITTEN = {"expected.yaml", "DEFECTS.md"}


def write_site(site: Site, root: Path) -> None:
    """Empty `root` (keeping hand-written files), write every file and the manifest."""
    clear(root)
    files: dict[str, dict[str, str]] = {}
    routes: dict[str, str] = {}
    for entry in site.entries:
        target = root / entry.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(rendered(entry, site))
        stamp = {"last_modified": entry.spec.modified.strftime("%Y-%m-%dT%H:%M:%SZ")}
        files[entry.url] = stamp
        if entry.spec.route:
            routes[entry.spec.route] = entry.path
            files[entry.spec.route] = stamp
    manifest: dict[str, Any] = {
        "lep": site.spec.lep.model_dump(),
        "as_of": site.spec.as_of.isoformat(),
        **site.spec.manifest,
        "files": dict(sorted(files.items())),
    }
    if routes:
        manifest["routes"] = dict(sorted(routes.items()))
    (root / "manifest.json").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def rendered(entry: Entry, site: Site) -> bytes:
    spec, author = entry.spec, site.spec.author
    if isinstance(spec, PdfDocument):
        return render_pdf(spec, author)
    if isinstance(spec, WordDocument):
        return render_docx(spec, author)
    if isinstance(spec, Workbook):
        return render_xlsx(spec, author)
    assert isinstance(spec, TextFile)
    if spec.title is None:
        return entry.body.encode("utf-8")
    if site.layout is None:
        raise SpecError(
            f"{site.folder / 'content' / entry.path}: title: the site has no layout.html"
        )
    return site.layout.render(spec, entry.body).encode("utf-8")


def clear(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for child in root.iterdir():
        if child.name in HAND_WRITTEN:
            continue
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()
