"""The Chromium harness must be able to fail: an unprotected page's script is seen to run."""

from __future__ import annotations

from pathlib import Path

from tests.browser import HOSTILE_SNIPPETS, render_in_chromium


def test_harness_detects_a_script_that_runs(tmp_path: Path) -> None:
    page = tmp_path / "unsafe.html"
    page.write_text(
        f"<html><head><title>t</title></head><body><p>x</p>{HOSTILE_SNIPPETS[0]}</body></html>"
    )
    assert render_in_chromium(page).script_ran


def test_harness_detects_a_blank_page(tmp_path: Path) -> None:
    page = tmp_path / "blank.html"
    page.write_text("<html><head><title>blank</title></head><body></body></html>")
    render = render_in_chromium(page)
    assert not render.not_blank and not render.script_ran
