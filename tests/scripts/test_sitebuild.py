"""The sample and fixture sites are data: each committed site is, byte for byte, what its spec in
sitespecs/ builds; a rebuild keeps hand-written files; a bad spec is refused in one line naming
the file and the field."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pypdfium2
import pytest
import yaml
from scripts.sitebuild import (
    HAND_WRITTEN,
    REPO,
    SPECS,
    SpecError,
    find_sites,
    load_site,
    write_site,
)
from scripts.sitebuild.spec import PdfDocument, TextFile, Workbook

RENDERERS = ("fpdf2", "python-docx", "openpyxl", "pillow", "jinja2")
SITE_YAML = "output: out\nlep: {id: tiny, name: Tiny LEP}\nas_of: 2023-01-31\nauthor: Tiny LEP\n"


def tree(root: Path) -> dict[str, bytes]:
    """Every generated file under `root` and its bytes."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name not in HAND_WRITTEN
    }


@pytest.mark.parametrize("folder", find_sites(), ids=lambda f: f.relative_to(SPECS).as_posix())
def test_committed_site_is_what_its_spec_builds(folder: Path, tmp_path: Path) -> None:
    site = load_site(folder)
    write_site(site, tmp_path)
    built, committed = tree(tmp_path), tree(REPO / site.spec.output)
    assert sorted(built) == sorted(committed)
    differing = [name for name in built if built[name] != committed[name]]
    libraries = ", ".join(f"{name} {version(name)}" for name in RENDERERS)
    assert not differing, (
        f"built with {libraries}, these differ from the committed copy "
        f"(after changing a spec, run make sites): {differing}"
    )


def test_every_committed_site_has_a_spec() -> None:
    """A site added by hand (or left behind by a removed spec) would escape the test above."""
    outputs = {load_site(folder).spec.output for folder in find_sites()}
    committed = {
        manifest.parent.relative_to(REPO).as_posix()
        for root in (REPO / "tests" / "sites", REPO / "src" / "lepcheck" / "demo" / "site")
        for manifest in root.rglob("manifest.json")
    }
    assert outputs == committed


def test_a_rebuild_keeps_hand_written_files_and_drops_stale_ones(tmp_path: Path) -> None:
    (tmp_path / "expected.yaml").write_text("hand: written\n", encoding="utf-8")
    (tmp_path / "old-page.html").write_text("<p>gone from the spec</p>\n", encoding="utf-8")
    write_site(load_site(SPECS / "wordpress"), tmp_path)
    assert (tmp_path / "expected.yaml").read_text(encoding="utf-8") == "hand: written\n"
    assert not (tmp_path / "old-page.html").exists()
    assert (tmp_path / "manifest.json").is_file()


def spec_folder(root: Path, files: dict[str, str]) -> Path:
    folder = root / "specs" / "tiny"
    (folder / "content").mkdir(parents=True)
    (folder / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    for name, text in files.items():
        (folder / "content" / name).write_text(text, encoding="utf-8")
    return folder


DOCUMENT = "title: Minutes\nmodified: 2023-01-02T09:00:00Z\n"


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        ("a.pdf.yaml", DOCUMENT + "blocks:\n  - p: fine\n  - h: [a, list]\n", "blocks.1.h: "),
        ("a.pdf.yaml", DOCUMENT + "blocks:\n  - para: x\n", "blocks.0: a block is one `kind"),
        ("a.pdf.yaml", DOCUMENT + "blocks:\n  - p: x\n    h: y\n", "blocks.0: a block is"),
        ("a.pdf.yaml", DOCUMENT + "landscap: true\n", "landscap: Extra inputs"),
        (
            "a.pdf.yaml",
            DOCUMENT + "blocks:\n  - table: {rows: [[a]], widths: [wide]}\n",
            "blocks.0.table.widths.0: ",
        ),
        (
            "a.pdf.yaml",
            "title: Minutes\nmodified: 2023-01-02\n",
            "modified: Input should have timezone",
        ),
        ("a.pdf.yaml", "title: [Minutes\n", "line 2: "),
        ("a.docx.yaml", DOCUMENT + "blocks:\n  - p: x\n  - new_page\n", "blocks: block 1: a DOCX"),
        ("a.xlsx.yaml", DOCUMENT + "sheets:\n  S: [[a, {b: 1}]]\n", "sheets.S.0.1: a cell is"),
        ("index.html", "<p>Home</p>\n", "starts with no front matter"),
        ("index.html", "---\ntitle: Home\n---\n<p>Home</p>\n", "modified: Field required"),
    ],
)
def test_a_bad_spec_is_one_line_naming_the_file_and_the_field(
    tmp_path: Path, name: str, text: str, says: str
) -> None:
    folder = spec_folder(tmp_path, {name: text})
    with pytest.raises(SpecError) as raised:
        load_site(folder)
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(f"{folder / 'content' / name}: {says}")


def test_the_readme_examples_are_valid_specs() -> None:
    readme = (SPECS / "README.md").read_text(encoding="utf-8")
    document, workbook = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    (page,) = re.findall(r"```html\n---\n(.*?)---\n", readme, re.S)
    assert len(PdfDocument.model_validate(yaml.safe_load(document)).blocks) == 8
    assert (
        Workbook.model_validate(yaml.safe_load(workbook)).sheets["Funded projects"][1][2] == 5400000
    )
    assert TextFile.model_validate(yaml.safe_load(page)).crumbs


def test_a_titled_page_needs_a_layout(tmp_path: Path) -> None:
    page = "---\ntitle: Home\nmodified: 2023-01-02T09:00:00Z\n---\n<p>Home</p>\n"
    folder = spec_folder(tmp_path, {"index.html": page})
    with pytest.raises(SpecError, match=r"index\.html: title: the site has no layout\.html"):
        write_site(load_site(folder), tmp_path / "built")


def test_a_bad_site_yaml_is_named(tmp_path: Path) -> None:
    folder = spec_folder(tmp_path, {})
    (folder / "site.yaml").write_text(SITE_YAML.replace("as_of: 2023-01-31", "as_of: soon"))
    with pytest.raises(SpecError, match=r"site\.yaml: as_of: Input should be a valid date"):
        load_site(folder)


def build(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, REPO / "scripts" / "build_sites.py", *map(str, arguments)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_new_site_is_data(tmp_path: Path) -> None:
    folder = spec_folder(
        tmp_path,
        {
            "index.html": "---\ntitle: Tom's LEP\nmodified: 2023-01-05T10:00:00Z\n---\n<p>Hi</p>\n",
            "board.html": "---\ntitle: Board\nmodified: 2023-01-06T10:00:00Z\nroute: /board\n---\n",
            "robots.txt": "---\nmodified: 2023-01-01T09:00:00Z\n---\nUser-agent: *\n",
            "minutes.pdf.yaml": DOCUMENT + "blocks:\n  - h: Declarations\n  - p: None were made.\n",
        },
    )
    (folder / "layout.html").write_text("<title>{{ title | e }}</title>\n{{ body }}\n")
    result = build("--specs", tmp_path / "specs", "--out", tmp_path / "built", "tiny")
    assert (result.returncode, result.stderr) == (0, "")
    site = tmp_path / "built" / "out"
    assert (site / "index.html").read_text() == "<title>Tom&#x27;s LEP</title>\n<p>Hi</p>\n"
    assert (site / "robots.txt").read_text() == "User-agent: *\n"
    pdf = pypdfium2.PdfDocument(site / "minutes.pdf")
    text = " ".join(pdf[0].get_textpage().get_text_range().split())
    pdf.close()
    assert text == "Minutes Declarations None were made."
    assert json.loads((site / "manifest.json").read_text()) == {
        "lep": {"id": "tiny", "name": "Tiny LEP"},
        "as_of": "2023-01-31",
        "files": {
            "/": {"last_modified": "2023-01-05T10:00:00Z"},
            "/board": {"last_modified": "2023-01-06T10:00:00Z"},
            "/board.html": {"last_modified": "2023-01-06T10:00:00Z"},
            "/minutes.pdf": {"last_modified": "2023-01-02T09:00:00Z"},
            "/robots.txt": {"last_modified": "2023-01-01T09:00:00Z"},
        },
        "routes": {"/board": "board.html"},
    }


def test_the_build_stops_at_a_bad_spec_with_one_line(tmp_path: Path) -> None:
    folder = spec_folder(tmp_path, {"a.pdf.yaml": DOCUMENT + "blocks:\n  - h: [a, list]\n"})
    result = build("--specs", tmp_path / "specs", "--out", tmp_path / "built")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{folder / 'content' / 'a.pdf.yaml'}: blocks.0.h: Input should be a valid string"
    ]
    assert not (tmp_path / "built" / "out" / "manifest.json").exists()


def test_an_unknown_site_name_is_refused(tmp_path: Path) -> None:
    spec_folder(tmp_path, {})
    result = build("--specs", tmp_path / "specs", "--out", tmp_path / "built", "tinny")
    assert result.returncode == 2
    assert "no site tinny" in result.stderr
