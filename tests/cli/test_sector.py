"""`lepcheck registry`: the LEPs, the bodies that succeeded them, and who succeeded whom."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from lepcheck.cli import main


def test_registry_lists_the_leps_then_the_successor_bodies_by_kind() -> None:
    result = CliRunner().invoke(main, ["registry"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("black-country ")
    devon = next(line for line in lines if line.startswith("devon-county-council "))
    assert "upper-tier council" in devon and "https://democracy.devon.gov.uk/" in devon


def test_registry_successors_names_each_body_with_its_day_and_source() -> None:
    result = CliRunner().invoke(main, ["registry", "--successors"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    block = text.split("lancashire (Lancashire Enterprise Partnership)\n", 1)[1].split("\n", 2)
    assert block[0] == (
        "  -> lancashire-county-council: Lancashire County Council [upper-tier council] "
        "from 2024-05-15"
    )
    assert block[1].startswith("     source: https://")
    assert (
        "cornwall-ios (Cornwall and Isles of Scilly LEP)\n  no successor named in a source" in text
    )
    assert "-> -: Greater London Authority [not audited] (date not in the source)" in text


def test_an_unknown_kind_in_a_user_registry_is_one_line_naming_file_and_field(
    tmp_path: Path,
) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("bodies:\n- {id: x-council, name: X Council, kind: parish_council}\n")
    result = CliRunner().invoke(main, ["registry", "--registry", str(mine)])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(mine) in lines[0] and "field 'bodies.0.kind'" in lines[0]
