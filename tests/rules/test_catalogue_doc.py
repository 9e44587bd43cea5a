"""rules/CATALOGUE.md is generated from rule metadata; it must never go stale (design.md)."""

from __future__ import annotations

from click.testing import CliRunner

from lepcheck.cli import main
from lepcheck.rules import load_rules, resource_dir
from lepcheck.rules.catalogue_doc import render_catalogue


def test_catalogue_md_is_current() -> None:
    committed = (resource_dir("rules") / "CATALOGUE.md").read_text(encoding="utf-8")
    assert committed == render_catalogue(load_rules()), (
        "rules/CATALOGUE.md is stale: run `make docs`"
    )


def test_rules_markdown_command_prints_the_catalogue() -> None:
    result = CliRunner().invoke(main, ["rules", "--format", "markdown"])
    assert result.exit_code == 0
    assert result.stdout == render_catalogue(load_rules())
    assert "## ROI: Registers of interests" in result.stdout
