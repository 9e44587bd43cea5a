"""Commands for the Section 151 officer: an attestation template, and the annual assurance
statement drafted from the audit, the attestations and any waivers."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from lepcheck.cli import display
from lepcheck.cli.options import (
    CrawlFlags,
    as_of_option,
    crawl_options,
    framework_option,
    lep_argument,
    out_option,
    registry_option,
    waivers_option,
)
from lepcheck.errors import UsageError

if TYPE_CHECKING:  # imported when a command runs, so `lepcheck --help` stays quick
    from lepcheck.audit import AuditSettings
    from lepcheck.inputs.registry import Target
    from lepcheck.models import Report


@click.group()
def attest() -> None:
    """Attestation files: the accountable body's answers to the manual requirements."""


@attest.command(name="init")
@lep_argument
@out_option("The attestation file to write (YAML).", required=True, kind="file")
@as_of_option(
    "The statement's period is the financial year (1 April to 31 March) holding this day "
    "(default today)."
)
@framework_option
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@registry_option
def attest_init(
    lep: str,
    out: Path,
    as_of: date | None,
    framework: str | None,
    force: bool,
    registry_file: Path | None,
) -> None:
    """Write an attestation template for LEP listing every manual requirement.

    LEP is a registry id (`lepcheck registry` lists them) or the URL of its website."""
    from lepcheck.inputs.attestations import render_template
    from lepcheck.inputs.registry import load_registry, resolve_target
    from lepcheck.rules import default_framework, load_ruleset

    if out.exists() and not force:
        raise UsageError(
            f"--out {out} exists; answers in it would be lost (use --force to replace it)"
        )
    target = resolve_target(lep, registry=registry_file)
    entry = load_registry(registry_file).get(target.id)
    ruleset = load_ruleset(framework or default_framework(target.body.kind))
    manual = [r for r in ruleset.selected() if r.assessment == "attest"]
    template = render_template(
        target_id=target.id,
        lep_name=target.name,
        accountable_body=entry.responsible_body if entry else None,
        rules=manual,
        as_of=as_of or date.today(),
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(template, encoding="utf-8")
    display.say(f"{out}: {len(manual)} manual requirement(s) to answer")
    display.say(f"  then: lepcheck validate {out}")


def audited_report(target: Target, settings: AuditSettings, json_log: bool) -> tuple[Report, Path]:
    """Run the audit the statement rests on; nothing is written until the statement is."""
    from lepcheck.audit import audit

    with display.crawl_events(target.id, json_log) as on_event:
        result = audit(target, settings, on_event)
    return result.report, result.snapshot_path


@click.command()
@lep_argument
@click.option(
    "--attestations",
    "attestations_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    required=True,
    help="The accountable body's attestation file (lepcheck attest init writes a template).",
)
@waivers_option
@click.option(
    "--report",
    "report_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="Reuse this report.json instead of running the audit.",
)
@out_option("Folder for the statement and the report it rests on.", required=True, kind="folder")
@as_of_option()
@framework_option
@registry_option
@crawl_options
def statement(
    lep: str,
    attestations_file: Path,
    waivers_file: Path | None,
    report_file: Path | None,
    out: Path,
    as_of: date | None,
    framework: str | None,
    registry_file: Path | None,
    crawl: CrawlFlags,
) -> None:
    """Draft the annual assurance statement for LEP (HTML and DOCX) from its audit, the
    attestation file and any waivers. A blank signatory or accountable body gives a draft
    marked not ready to sign.

    LEP is a registry id (`lepcheck registry` lists them) or the URL of its website."""
    from lepcheck.inputs.registry import load_registry, resolve_target
    from lepcheck.report.json_report import read_report
    from lepcheck.rules import default_framework
    from lepcheck.statement import (
        check_report_fits,
        load_inputs,
        prepare_statement,
        write_statement,
    )

    target = resolve_target(lep, registry=registry_file, on=crawl.time_machine_day(as_of))
    report = None if report_file is None else read_report(report_file)
    if report is not None:
        check_report_fits(report, target.id, as_of)
    # The officer's files are checked before crawling: a typo costs seconds, not a crawl.
    inputs = load_inputs(
        report.ruleset.framework if report else framework or default_framework(target.body.kind),
        attestations_file,
        waivers_file,
    )
    snapshot_path = None
    if report is None:
        settings = crawl.audit_settings(out, as_of=as_of, framework=framework)
        report, snapshot_path = audited_report(target, settings, crawl.json_log)
    entry = load_registry(registry_file).get(target.id)
    drafted, waived_report = prepare_statement(
        report,
        inputs,
        generated_at=datetime.now(UTC),
        registry_accountable_body=entry.responsible_body if entry else None,
    )
    # The statement and its report, one set; when the statement ran the audit, the report's
    # evidence comes out of the snapshot, once.
    written = write_statement(
        drafted,
        waived_report,
        out,
        evidence_root=report_file.parent if report_file else out,
        snapshot_path=snapshot_path,
    )
    for message in drafted.notes:
        display.note(message)
    if not drafted.ready_to_sign:
        display.warn(drafted.missing_line)
    display.say(f"{drafted.lep.name}, {drafted.period}: {drafted.conclusion.label}")
    for path in written.values():
        display.say(f"  {path}")


COMMANDS = (attest, statement)
