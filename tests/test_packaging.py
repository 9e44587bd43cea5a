"""A non-editable install must find rules/ and schemas/ inside the wheel (issue 2, item 1)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_rules_schemas_and_sample_site(tmp_path: Path) -> None:
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("lepcheck-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "lepcheck/_bundled/rules/roi/ROI-01.yaml" in names
    assert "lepcheck/_bundled/rules/frameworks/nlgaf-2019.yaml" in names
    assert "lepcheck/_bundled/schemas/rule.schema.json" in names
    assert "lepcheck/_bundled/schemas/report.schema.json" in names
    assert "lepcheck/demo/site/manifest.json" in names
    assert not [name for name in names if "sitespecs" in name or name.endswith(".pdf.yaml")]
    assert "lepcheck/data/leps.yaml" in names
    assert "lepcheck/report/templates/report.html.j2" in names

    # Import the unpacked wheel, with the checkout's src/ removed from the path, from elsewhere.
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    probe = (
        "import sys; sys.path = [p for p in sys.path if not p.rstrip('/').endswith('src')]; "
        f"sys.path.insert(0, {str(unpacked)!r}); "
        "import lepcheck.rules as r; "
        "where = str(r.resource_dir('rules')); "
        f"assert where.startswith({str(unpacked)!r}), where; "
        "print(len(r.load_rules()))"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert run.returncode == 0, run.stderr
    assert int(run.stdout.strip()) >= 5
