"""Commands for the rule catalogue: list the rules, validate rule, attestation and waivers
files."""

from __future__ import annotations

from pathlib import Path

import click

from lepcheck.cli import display


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "markdown", "json"]),
    default="table",
    show_default=True,
)
@click.option("--framework", default=None, help="Only the rules of this framework.")
def rules(fmt: str, framework: str | None) -> None:
    """List the rules (the markdown format is rules/CATALOGUE.md)."""
    from lepcheck.rules import load_ruleset
    from lepcheck.rules.catalogue_doc import render_catalogue, rules_table

    ruleset = load_ruleset(framework) if framework else load_ruleset()
    selected = ruleset.selected() if framework else list(ruleset.rules)
    if fmt == "markdown":
        click.echo(render_catalogue(list(ruleset.rules)), nl=False)
    elif fmt == "json":
        display.as_json([r.model_dump(exclude={"path"}) for r in selected])
    else:
        display.say(rules_table(selected))


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, exists=True))
def validate(paths: tuple[Path, ...]) -> None:
    """Validate the rules and frameworks (or the given rule files and folders, attestation
    files and waivers files)."""
    from lepcheck.inputs.attestations import validate_officer_file
    from lepcheck.rules import load_framework, load_rule, load_rules, resource_dir

    if not paths:
        loaded = load_rules()
        for fw in sorted((resource_dir("rules") / "frameworks").glob("*.yaml")):
            load_framework(fw.stem, loaded)
        display.say(f"{len(loaded)} rules and their frameworks are valid.")
        return
    count = 0
    for path in paths:
        files = sorted(path.glob("*/*.yaml")) if path.is_dir() else [path]
        for file in files:
            officer_file = None if path.is_dir() else validate_officer_file(file)
            if officer_file:
                display.say(officer_file)
            elif file.parent.name != "frameworks":
                load_rule(file)
                count += 1
    if count:
        display.say(f"{count} rule file(s) are valid.")


COMMANDS = (rules, validate)
