"""Commands for one LEP's website: audit (crawl and check), crawl, check a stored snapshot,
and re-render a report."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import click

from lepcheck.cli import display
from lepcheck.cli.options import (
    CrawlFlags,
    as_of_option,
    crawl_options,
    formats_option,
    framework_option,
    lep_argument,
    out_option,
    previous_option,
    record_db_option,
    registry_option,
    waivers_option,
    writable_out,
)
from lepcheck.errors import ThresholdError, UsageError


@click.command()
@lep_argument
@out_option("Output folder (default reports/<id>/<as-of>/).")
@formats_option("json,html")
@as_of_option()
@framework_option
@click.option("--name", default=None, help="The LEP's name, when LEP is a URL.")
@previous_option
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    default=None,
    help="Exit 1 when the score is below this.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["must", "should", "any"]),
    default=None,
    help="Exit 1 when a rule of this severity (or higher) fails.",
)
@click.option(
    "--keep-snapshots",
    type=click.IntRange(min=1),
    default=None,
    help="Keep only the newest N snapshots of this target under --out (they name people).",
)
@registry_option
@record_db_option
@waivers_option
@crawl_options
def audit(
    lep: str,
    out: Path | None,
    formats: tuple[str, ...],
    as_of: date | None,
    framework: str | None,
    name: str | None,
    previous: Path | None,
    fail_under: float | None,
    fail_on: str | None,
    keep_snapshots: int | None,
    registry_file: Path | None,
    db: Path | None,
    waivers_file: Path | None,
    crawl: CrawlFlags,
) -> None:
    """Crawl LEP's website, check it and write reports.

    LEP is a registry id (`lepcheck registry` lists them) or the URL of its website."""
    from lepcheck.assess.thresholds import threshold_breach
    from lepcheck.audit import audit_and_write
    from lepcheck.inputs.registry import resolve_target
    from lepcheck.inputs.waivers import load_waivers

    target = resolve_target(
        lep, name=name, registry=registry_file, on=crawl.time_machine_day(as_of)
    )
    # Read before crawling, so a malformed waivers file costs seconds, not a crawl.
    waivers = () if waivers_file is None else load_waivers(waivers_file)
    # The default folder is checked as --out is: a crawl must not end in a write error.
    folder = out or writable_out(Path("reports") / target.id / (as_of or date.today()).isoformat())
    settings = crawl.audit_settings(
        folder,
        formats=formats,
        as_of=as_of,
        framework=framework,
        previous=previous,
        keep_snapshots=keep_snapshots,
        waivers=tuple(waivers),
    )
    with display.crawl_events(target.id, crawl.json_log) as on_event:
        if db is None:
            result, written = audit_and_write(target, settings, on_event)
        else:  # with --db the run is recorded and the last action plan carried forward
            from lepcheck.history import History
            from lepcheck.sweep import audit_and_record

            recorded = audit_and_record(target, settings, History(db), on_event=on_event)
            result, written = recorded.result, recorded.written
    for message in result.notes:
        display.warn(message)
    display.summary(result.report, written)
    breach = threshold_breach(result.report, fail_under, fail_on)
    if breach:
        raise ThresholdError(breach)


@click.command()
@click.argument("snapshot", type=click.Path(path_type=Path, exists=True, file_okay=False))
@out_option("Output folder (default: beside the snapshot).")
@formats_option("json,html")
@as_of_option()
@framework_option
@click.option(
    "--id", "target_id", default=None, help="Target id (default: from the snapshot's URL)."
)
@click.option("--name", default=None, help="The LEP's name.")
@registry_option
@click.option(
    "--require-complete",
    is_flag=True,
    help="Refuse a snapshot whose crawl did not finish (default: report on it, marked "
    "incomplete in every format).",
)
def check(
    snapshot: Path,
    out: Path | None,
    formats: tuple[str, ...],
    as_of: date | None,
    framework: str | None,
    target_id: str | None,
    name: str | None,
    registry_file: Path | None,
    require_complete: bool,
) -> None:
    """Check a stored SNAPSHOT and write reports, without any network.

    The snapshot of a crawl that did not finish (killed, interrupted, timed out) is checked
    for what it holds and the reports say INCOMPLETE; --require-complete refuses it instead."""
    from lepcheck.audit import AuditSettings, check_snapshot, write_audit
    from lepcheck.inputs.registry import resolve_target
    from lepcheck.snapshot import Snapshot

    info = Snapshot.open(snapshot).info
    target = resolve_target(info.target_url, name=name, registry=registry_file)
    if target_id:
        target = replace(target, id=target_id)
    folder = out or writable_out(snapshot.parent.parent)
    settings = AuditSettings(
        out_dir=folder,
        formats=formats,
        as_of=as_of,
        framework=framework,
        require_complete=require_complete,
    )
    result = check_snapshot(snapshot, target, settings)
    written = write_audit(result.report, snapshot, folder, formats)
    display.summary(result.report, written)


@click.command()
@lep_argument
@out_option("Folder for the snapshot.", required=True)
@click.option(
    "--resume",
    is_flag=True,
    help="Continue the latest unfinished crawl of LEP under --out, fetching nothing twice.",
)
@previous_option
@as_of_option("With --archive: the day the site is read as it stood.")
@registry_option
@crawl_options
def crawl(
    lep: str,
    out: Path,
    resume: bool,
    previous: Path | None,
    as_of: date | None,
    registry_file: Path | None,
    crawl: CrawlFlags,
) -> None:
    """Crawl LEP's website into a snapshot (WARC + index) without checking it.

    LEP is a registry id (`lepcheck registry` lists them) or the URL of its website."""
    from lepcheck.audit.needs import evidence_needs
    from lepcheck.audit.run import earlier_snapshots
    from lepcheck.crawl.crawler import crawl as run_crawl
    from lepcheck.crawl.economy import META_KEY as ECONOMY_KEY
    from lepcheck.crawl.economy import CrawlAccount
    from lepcheck.crawl.options import CrawlOptions
    from lepcheck.inputs.registry import resolve_target
    from lepcheck.rules import DEFAULT_FRAMEWORK, load_ruleset
    from lepcheck.snapshot import Snapshot, find_previous_snapshot, find_unfinished_snapshot

    archive = crawl.archive_settings(as_of)
    if archive is not None:  # what the archive answered before under --out is not asked again
        archive = archive.model_copy(update={"reuse_from": earlier_snapshots(out)})
    target = resolve_target(lep, registry=registry_file, on=crawl.time_machine_day(as_of))
    # A resumed crawl continues the frontier persisted in the unfinished snapshot folder.
    path = out / "snapshots" / datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    if resume:
        unfinished = find_unfinished_snapshot(out, target.url)
        if unfinished is None:
            raise UsageError(f"--resume: no unfinished crawl of {target.url} under {out}")
        path = unfinished
    if previous is None and not resume and not (archive and archive.time_machine):
        previous = find_previous_snapshot(out, target.url)
    options = CrawlOptions(
        start_url=target.url,
        previous=previous,
        related_sites=(*target.related_sites, *crawl.related_sites),
        allow_private_network=crawl.allow_private_network,
        delay=crawl.delay,
        max_pages=crawl.max_pages,
        render=crawl.render_mode(),
        lep_name=target.name,
        related_committees=target.related_committees,
        archive=archive,
        # Steered towards what the default framework's rules read, as an audit would be.
        needs=evidence_needs(load_ruleset(DEFAULT_FRAMEWORK)),
        exhaustive=crawl.exhaustive,
    )
    with display.crawl_events(target.id, crawl.json_log) as on_event:
        info = run_crawl(options, path, target_id=target.id, on_event=on_event, resume=resume)
    display.say(f"snapshot {info.id}: {info.records} records, {info.skipped} skipped -> {path}")
    stopped = CrawlAccount.read(Snapshot.open(path).meta().get(ECONOMY_KEY)).stopped
    if stopped:
        display.say(stopped)


@click.command(name="report")
@click.argument("source", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@formats_option("html")
@out_option("Default: beside the report.json.")
def rerender(source: Path, formats: tuple[str, ...], out: Path | None) -> None:
    """Re-render a report.json (SOURCE) in other formats, without crawling.

    Re-rendered in its own folder, the set's other formats are kept beside the new ones."""
    from lepcheck.report import write_reports
    from lepcheck.report.json_report import read_report

    folder = out or writable_out(source.parent)
    in_place = (folder / "report.json").resolve() == source.resolve()
    display.paths(write_reports(read_report(source), folder, formats, keep_others=in_place))


COMMANDS = (audit, check, crawl, rerender)
