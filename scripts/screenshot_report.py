"""Take the README's screenshot of the demo report with the same headless Chromium the tests use.

Usage: .venv/bin/python scripts/screenshot_report.py  (writes docs/report-screenshot.png)
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import render_in_chromium  # noqa: E402

from lepcheck.audit import AuditSettings, Target, audit_and_write  # noqa: E402
from lepcheck.demo.server import SAMPLE_SITE_ROOT, sample_target, serve_site  # noqa: E402


def main() -> None:
    sample = sample_target()
    with tempfile.TemporaryDirectory() as tmp, serve_site(SAMPLE_SITE_ROOT) as base_url:
        _, written = audit_and_write(
            Target(id=sample["id"], name=sample["name"], url=base_url),
            AuditSettings(
                out_dir=Path(tmp),
                formats=("json", "html"),
                as_of=date.fromisoformat(sample["as_of"]),
                allow_private_network=True,
                delay=0.0,
            ),
        )
        render = render_in_chromium(written["html"])
    target = ROOT / "docs" / "report-screenshot.png"
    target.write_bytes(render.screenshot)
    print(f"wrote {target} ({len(render.screenshot)} bytes)")


if __name__ == "__main__":
    main()
