"""The lepcheck command line. Only this module knows click and exit codes.

Exit codes (design.md): 0 the command ran (whatever the findings); 1 a --fail-under or
--fail-on threshold was breached; 2 usage or configuration error; 3 the target could not be
crawled at all. Every error is one line naming the input and what to do.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import click

from lepcheck import __version__

EXIT_OK, EXIT_THRESHOLD, EXIT_USAGE, EXIT_UNREACHABLE = 0, 1, 2, 3
SEVERITY_RANK = {"must": 0, "should": 1, "gp": 2}


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"lepcheck: error: {message}", err=True)
    sys.exit(code)


def parse_as_of(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--as-of '{value}' is not a date; give it as YYYY-MM-DD, e.g. 2023-11-30")


def parse_formats(value: str) -> tuple[str, ...]:
    from lepcheck.report import FORMATS

    formats = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        fail(
            f"--format '{value}': unknown format {', '.join(unknown) or '(none)'}; "
            f"choose from {','.join(FORMATS)}"
        )
    if "json" not in formats:
        formats = ("json", *formats)  # report.json is the contract every other tool reads
    return formats


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the pipeline's own errors into one-line messages and the contract's exit codes."""
    from lepcheck.audit import NoLepContentError
    from lepcheck.crawl.errors import CrawlError
    from lepcheck.history import HistoryError
    from lepcheck.registry import RegistryError
    from lepcheck.rules import RuleError
    from lepcheck.snapshot import SnapshotError

    try:
        yield
    except CrawlError as exc:
        fail(str(exc), EXIT_UNREACHABLE)
    except NoLepContentError as exc:
        fail(str(exc), EXIT_UNREACHABLE)
    except (RuleError, SnapshotError, RegistryError, HistoryError) as exc:
        fail(str(exc), EXIT_USAGE)
    except KeyboardInterrupt:
        fail("interrupted; anything already fetched is kept in the snapshot folder", 130)


def crawl_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The crawl options shared by audit, crawl, sweep and statement (design.md contracts)."""
    options = [
        click.option(
            "--related-site",
            "related_sites",
            multiple=True,
            metavar="URL",
            help="A related site (e.g. the accountable body's committee pages) to follow.",
        ),
        click.option(
            "--allow-private-network",
            is_flag=True,
            help="Allow crawling loopback and private addresses (tests, demo, intranet mirrors).",
        ),
        click.option(
            "--delay",
            type=click.FloatRange(min=0.0),
            default=1.0,
            show_default=True,
            help="Seconds between two requests to one host (a larger robots.txt Crawl-delay wins).",
        ),
        click.option(
            "--json-log",
            is_flag=True,
            help="Log one JSON line per crawl event on stderr instead of a progress display.",
        ),
        click.option(
            "--max-pages",
            type=click.IntRange(min=1),
            default=400,
            show_default=True,
            help="Stop after this many fetched pages and documents.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


as_of_option = click.option(
    "--as-of",
    "as_of",
    default=None,
    metavar="YYYY-MM-DD",
    help="The day date rules count from (default today).",
)
framework_option = click.option(
    "--framework",
    default="nlgaf-2019",
    show_default=True,
    help="Rule profile: nlgaf-2019, ney-2017, naf-2016, spot-check.",
)
registry_option = click.option(
    "--registry",
    "registry_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="Your own registry YAML (top-level key `leps`), added to and overriding the bundled one.",
)
db_option = click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Record this run in the history database (SQLite), e.g. reports/history.sqlite.",
)


@contextmanager
def crawl_events(label: str, json_log: bool) -> Iterator[Callable[[Any], None]]:
    """A progress display on a terminal, or JSON lines on stderr with --json-log."""
    from lepcheck.progress import CrawlProgress, JsonEventLog

    if json_log:
        yield JsonEventLog(target=label)
        return
    with CrawlProgress(f"crawling {label}") as progress:
        yield progress


def print_summary(result: Any, report_path: Path) -> None:
    report = result.report
    score = report.score
    counts = ", ".join(f"{k} {v}" for k, v in score.counts.model_dump().items() if v)
    overall = "n/a" if score.overall is None else f"{score.overall:.0f}/100"
    click.echo(f"{report.target.name} ({report.target.url}) as of {report.as_of}")
    click.echo(f"  score {overall}, coverage {score.coverage:.0f}%, rating {score.rating.upper()}")
    click.echo(f"  findings: {counts}")
    click.echo(f"  report: {report_path}")


def threshold_breached(report: Any, fail_under: float | None, fail_on: str | None) -> str | None:
    if fail_under is not None and (report.score.overall or 0.0) < fail_under:
        return f"score {report.score.overall} is below --fail-under {fail_under:g}"
    if fail_on:
        limit = 2 if fail_on == "any" else SEVERITY_RANK[fail_on]
        failed = [
            f.rule_id
            for f in report.findings
            if f.status == "fail" and SEVERITY_RANK[f.severity] <= limit
        ]
        if failed:
            return f"--fail-on {fail_on}: failed {', '.join(failed)}"
    return None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lepcheck")
def main() -> None:
    """Check an LEP website against its governance and transparency duties, with evidence."""


@main.command()
@click.argument("target")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Output folder (default reports/<id>/<as-of>/).",
)
@click.option(
    "--format",
    "formats",
    default="json,html",
    show_default=True,
    help="Comma-separated: json,html,md,csv,junit.",
)
@as_of_option
@framework_option
@click.option("--name", default=None, help="The LEP's name, when TARGET is a URL.")
@click.option(
    "--previous",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    default=None,
    help="Previous snapshot for a conditional re-crawl (default: the latest under --out).",
)
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
@db_option
@click.option(
    "--waivers",
    "waivers_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="Waivers YAML (schemas/waivers.schema.json): approved, dated exceptions to findings.",
)
@crawl_options
def audit(
    target: str,
    out_dir: Path | None,
    formats: str,
    as_of: str | None,
    framework: str,
    name: str | None,
    previous: Path | None,
    fail_under: float | None,
    fail_on: str | None,
    keep_snapshots: int | None,
    registry_file: Path | None,
    db: Path | None,
    waivers_file: Path | None,
    related_sites: tuple[str, ...],
    allow_private_network: bool,
    delay: float,
    json_log: bool,
    max_pages: int,
) -> None:
    """Crawl TARGET (a URL or a registry id), check it and write reports."""
    from lepcheck.audit import AuditSettings
    from lepcheck.audit import audit as run_audit
    from lepcheck.registry import resolve_target
    from lepcheck.waivers import load_waivers

    day = parse_as_of(as_of)
    fmts = parse_formats(formats)
    with user_errors():
        resolved = resolve_target(target, name=name, registry=registry_file)
        # Read before crawling, so a malformed waivers file costs seconds, not a crawl.
        waivers = None if waivers_file is None else load_waivers(waivers_file)
        folder = out_dir or Path("reports") / resolved.id / (day or date.today()).isoformat()
        settings = AuditSettings(
            out_dir=folder,
            formats=fmts,
            as_of=day,
            framework=framework,
            allow_private_network=allow_private_network,
            delay=delay,
            max_pages=max_pages,
            previous=previous,
            related_sites=related_sites,
            keep_snapshots=keep_snapshots,
            waivers=tuple(waivers or ()),
        )
        with crawl_events(resolved.id, json_log) as on_event:
            if db is None:
                result = run_audit(resolved, settings, on_event)
            else:  # with --db the run is recorded and the last action plan carried forward
                from lepcheck.history import History
                from lepcheck.sweep import audit_and_record

                history = History(db)
                result = audit_and_record(resolved, settings, history, on_event=on_event).result
    for note in result.notes:
        click.echo(f"lepcheck: warning: {note}", err=True)
    print_summary(result, result.written.get("html", result.written["json"]))
    breach = threshold_breached(result.report, fail_under, fail_on)
    if breach:
        click.echo(f"lepcheck: threshold breached: {breach}", err=True)
        sys.exit(EXIT_THRESHOLD)


@main.command()
@click.argument("snapshot", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Output folder (default: beside the snapshot).",
)
@click.option("--format", "formats", default="json,html", show_default=True)
@as_of_option
@framework_option
@click.option(
    "--id", "target_id", default=None, help="Target id (default: from the snapshot's URL)."
)
@click.option("--name", default=None, help="The LEP's name.")
def check(
    snapshot: Path,
    out_dir: Path | None,
    formats: str,
    as_of: str | None,
    framework: str,
    target_id: str | None,
    name: str | None,
) -> None:
    """Check a stored SNAPSHOT and write reports, without any network."""
    from dataclasses import replace

    from lepcheck.audit import AuditSettings, check_snapshot
    from lepcheck.registry import resolve_target
    from lepcheck.snapshot import Snapshot

    day = parse_as_of(as_of)
    fmts = parse_formats(formats)
    with user_errors():
        info = Snapshot.open(snapshot).info
        resolved = resolve_target(info.target_url, name=name)
        if target_id:
            resolved = replace(resolved, id=target_id)
        folder = out_dir or snapshot.parent.parent
        result = check_snapshot(
            snapshot,
            resolved,
            AuditSettings(out_dir=folder, formats=fmts, as_of=day, framework=framework),
        )
    print_summary(result, result.written.get("html", result.written["json"]))


@main.command()
@click.argument("target")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    required=True,
    help="Folder for the snapshot.",
)
@click.option(
    "--resume",
    is_flag=True,
    help="Continue the latest unfinished crawl of TARGET under --out, fetching nothing twice.",
)
@click.option(
    "--previous",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    default=None,
    help="Previous snapshot for a conditional re-crawl (default: the latest under --out).",
)
@crawl_options
def crawl(
    target: str,
    out_dir: Path,
    resume: bool,
    previous: Path | None,
    related_sites: tuple[str, ...],
    allow_private_network: bool,
    delay: float,
    json_log: bool,
    max_pages: int,
) -> None:
    """Crawl TARGET into a snapshot (WARC + index) without checking it."""
    from datetime import UTC, datetime

    from lepcheck.crawl.crawler import crawl as run_crawl
    from lepcheck.crawl.options import CrawlOptions
    from lepcheck.registry import resolve_target
    from lepcheck.snapshot import find_previous_snapshot, find_unfinished_snapshot

    with user_errors():
        resolved = resolve_target(target)
        # A resumed crawl continues the frontier persisted in the unfinished snapshot folder.
        path = out_dir / "snapshots" / datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        if resume:
            unfinished = find_unfinished_snapshot(out_dir, resolved.url)
            if unfinished is None:
                fail(f"--resume: no unfinished crawl of {resolved.url} under {out_dir}")
            path = unfinished
        if previous is None and not resume:
            previous = find_previous_snapshot(out_dir, resolved.url)
        options = CrawlOptions(
            start_url=resolved.url,
            previous=previous,
            related_sites=(*resolved.related_sites, *related_sites),
            allow_private_network=allow_private_network,
            delay=delay,
            max_pages=max_pages,
            lep_name=resolved.name,
            related_committees=resolved.related_committees,
        )
        with crawl_events(resolved.id, json_log) as on_event:
            info = run_crawl(options, path, target_id=resolved.id, on_event=on_event, resume=resume)
    click.echo(f"snapshot {info.id}: {info.records} records, {info.skipped} skipped -> {path}")


@main.command()
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
    from lepcheck.catalogue import render_catalogue, rules_table
    from lepcheck.rules import load_ruleset

    with user_errors():
        ruleset = load_ruleset(framework) if framework else load_ruleset()
        selected = ruleset.selected() if framework else list(ruleset.rules)
        if fmt == "markdown":
            click.echo(render_catalogue(list(ruleset.rules)), nl=False)
        elif fmt == "json":
            click.echo(
                json.dumps(
                    [r.model_dump(exclude={"path"}) for r in selected], indent=2, default=str
                )
            )
        else:
            click.echo(rules_table(selected))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, exists=True))
def validate(paths: tuple[Path, ...]) -> None:
    """Validate the rules and frameworks (or the given rule files and folders, attestation
    files and waivers files)."""
    from lepcheck.attestations import validate_officer_file
    from lepcheck.rules import RuleError, load_framework, load_rule, load_rules, resource_dir

    try:
        if not paths:
            loaded = load_rules()
            for fw in sorted((resource_dir("rules") / "frameworks").glob("*.yaml")):
                load_framework(fw.stem, loaded)
            click.echo(f"{len(loaded)} rules and their frameworks are valid.")
            return
        count = 0
        for path in paths:
            files = sorted(path.glob("*/*.yaml")) if path.is_dir() else [path]
            for file in files:
                officer_file = None if path.is_dir() else validate_officer_file(file)
                if officer_file:
                    click.echo(officer_file)
                elif file.parent.name != "frameworks":
                    load_rule(file)
                    count += 1
        if count:
            click.echo(f"{count} rule file(s) are valid.")
    except RuleError as exc:
        fail(str(exc), EXIT_USAGE)


@main.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Output folder (default reports/<id>/<as-of>/).",
)
@click.option("--format", "formats", default="json,html,md,csv,junit", show_default=True)
def demo(out_dir: Path | None, formats: str) -> None:
    """Serve the bundled sample LEP site on 127.0.0.1, audit it and print the summary."""
    from lepcheck.audit import AuditSettings, Target
    from lepcheck.audit import audit as run_audit
    from lepcheck.demo.server import SAMPLE_SITE_ROOT, sample_target, serve_site

    fmts = parse_formats(formats)
    sample = sample_target()
    as_of = date.fromisoformat(sample["as_of"])
    folder = out_dir or Path("reports") / sample["id"] / as_of.isoformat()
    with serve_site(SAMPLE_SITE_ROOT) as base_url:
        click.echo(f"Serving the sample site '{sample['name']}' at {base_url}")
        target = Target(id=sample["id"], name=sample["name"], url=base_url)
        settings = AuditSettings(
            out_dir=folder, formats=fmts, as_of=as_of, allow_private_network=True, delay=0.0
        )
        with user_errors():
            result = run_audit(target, settings)
    print_summary(result, result.written.get("html", result.written["json"]))


@main.command(name="report")
@click.argument("source", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--format", "formats", default="html", show_default=True)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Default: beside REPORT_JSON.",
)
def rerender(source: Path, formats: str, out_dir: Path | None) -> None:
    """Re-render a report.json in other formats, without crawling."""
    from pydantic import ValidationError

    from lepcheck.report import write_reports
    from lepcheck.report.json_report import read_report

    fmts = tuple(f for f in parse_formats(formats))
    try:
        report = read_report(source)
    except (ValueError, ValidationError) as exc:
        fail(f"{source} is not a lepcheck report.json ({str(exc).splitlines()[0]})")
    written = write_reports(report, out_dir or source.parent, fmts)
    for path in written.values():
        click.echo(str(path))


@main.command()
@click.argument("source")
@click.option(
    "--json", "as_json", is_flag=True, help="Print JSON (the default is a readable summary)."
)
@click.option("--allow-private-network", is_flag=True)
def inspect(source: str, as_json: bool, allow_private_network: bool) -> None:
    """Show what lepcheck makes of one document (FILE or URL): kind, dates, people, declarations."""
    from lepcheck.inspect import inspect_source

    with user_errors():
        try:
            data = inspect_source(source, allow_private_network=allow_private_network)
        except FileNotFoundError:
            fail(f"{source}: no such file; give a path to a document or an http(s) URL")
    if as_json:
        click.echo(json.dumps(data, indent=2, default=str))
        return
    for key, value in data.items():
        click.echo(f"{key}: {value}")


@main.command()
@click.option(
    "--registry",
    "registry_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="Your own registry YAML, added to (and overriding) the bundled one.",
)
def registry(registry_file: Path | None) -> None:
    """List the LEPs lepcheck knows: id, name, ONS code, website."""
    from lepcheck.registry import load_registry

    with user_errors():
        entries = load_registry(registry_file)
    for entry in entries.values():
        click.echo(
            f"{entry.id:28} {entry.ons_code or '-':10} "
            f"{entry.website or '(website unknown)':45} {entry.name}"
        )


history_db_option = click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("reports") / "history.sqlite",
    show_default=True,
    help="The history database (SQLite).",
)


@main.command()
@registry_option
@click.option(
    "--only", default=None, metavar="IDS", help="Comma-separated registry ids (default: all)."
)
@framework_option
@as_of_option
@history_db_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder for DIR/<id>/report.*, league-table.csv and sweep.json.",
)
@click.option("--format", "formats", default="json,html", show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(1, 16),
    default=4,
    show_default=True,
    help="Audits at once (a host shared by two LEPs is still crawled by one at a time).",
)
@click.option(
    "--fail-on-regression",
    is_flag=True,
    help="Exit 1 when any LEP lost a passing must-rule since its previous run.",
)
@crawl_options
def sweep(
    registry_file: Path | None,
    only: str | None,
    framework: str,
    as_of: str | None,
    db: Path,
    out_dir: Path,
    formats: str,
    workers: int,
    fail_on_regression: bool,
    related_sites: tuple[str, ...],
    allow_private_network: bool,
    delay: float,
    json_log: bool,
    max_pages: int,
) -> None:
    """Audit every LEP in the registry (or --only some), record the runs, write a league table."""
    from lepcheck.history import History
    from lepcheck.registry import load_registry
    from lepcheck.sweep import (
        SweepJsonLog,
        SweepProgressDisplay,
        SweepSettings,
        run_sweep,
        select_leps,
    )

    day = parse_as_of(as_of)
    fmts = parse_formats(formats)
    ids = tuple(i.strip() for i in (only or "").split(",") if i.strip())
    with user_errors():
        leps, skipped = select_leps(load_registry(registry_file), ids)
        settings = SweepSettings(
            out_dir=out_dir,
            as_of=day,
            framework=framework,
            formats=fmts,
            allow_private_network=allow_private_network,
            delay=delay,
            max_pages=max_pages,
            related_sites=related_sites,
            workers=workers,
        )
        history = History(db)
        with SweepJsonLog() if json_log else SweepProgressDisplay() as progress:
            result = run_sweep(
                leps, settings, history=history, skipped=skipped, on_progress=progress
            )
    click.echo("\n".join(result.summary_lines()))
    if leps and not any(e.outcome == "audited" for e in result.entries):
        fail("no LEP could be audited; see the reasons in sweep.json", EXIT_UNREACHABLE)
    if fail_on_regression and result.regressions():
        click.echo("lepcheck: regression: an LEP lost a passing must-rule", err=True)
        sys.exit(EXIT_THRESHOLD)


@main.command(name="diff")
@click.argument("runs", nargs=-1, type=int)
@click.option("--target", "target_id", default=None, help="Diff this LEP's latest two runs.")
@history_db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def diff_command(runs: tuple[int, ...], target_id: str | None, db: Path, as_json: bool) -> None:
    """Compare two runs (RUN_A RUN_B, or --target ID for its latest two): new failures,
    resolved, changed evidence and persisting failures."""
    from lepcheck.diff import diff_runs, latest_two_runs
    from lepcheck.history import History

    if (len(runs) == 2) == bool(target_id) or len(runs) not in (0, 2):
        fail("give two run ids (lepcheck diff RUN_A RUN_B) or --target ID, not both")
    with user_errors():
        history = History.open_existing(db)
        before, after = runs if runs else latest_two_runs(history, str(target_id))
        changes = diff_runs(history, before, after)
    click.echo(changes.to_json() if as_json else changes.to_text())


@main.command(name="history")
@click.argument("target_id")
@history_db_option
def history_command(target_id: str, db: Path) -> None:
    """Show TARGET_ID's runs and score over time."""
    from lepcheck.history import History, format_history

    with user_errors():
        runs = History.open_existing(db).runs_of(target_id)
    click.echo(format_history(runs))


@main.command()
@history_db_option
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), required=True)
def dashboard(db: Path, out_dir: Path) -> None:
    """Write the sector dashboard (static HTML, no scripts) from the history database."""
    from lepcheck.dashboard import write_dashboard
    from lepcheck.history import History

    with user_errors():
        pages = write_dashboard(History.open_existing(db), out_dir)
    click.echo(f"dashboard: {pages[0]} ({len(pages)} pages)")


@main.group()
def attest() -> None:
    """Attestation files: the accountable body's answers to the manual requirements."""


@attest.command(name="init")
@click.argument("target")
@click.option(
    "--out",
    "out_file",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The attestation file to write (YAML).",
)
@click.option("--as-of", "as_of", default=None, metavar="YYYY-MM-DD", help="Sets the period.")
@framework_option
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@registry_option
def attest_init(
    target: str,
    out_file: Path,
    as_of: str | None,
    framework: str,
    force: bool,
    registry_file: Path | None,
) -> None:
    """Write an attestation template for TARGET listing every manual requirement."""
    from lepcheck.attestations import render_template
    from lepcheck.registry import load_registry, resolve_target
    from lepcheck.rules import load_ruleset

    day = parse_as_of(as_of) or date.today()
    if out_file.exists() and not force:
        fail(f"--out {out_file} exists; answers in it would be lost (use --force to replace it)")
    with user_errors():
        resolved = resolve_target(target, registry=registry_file)
        entry = load_registry(registry_file).get(resolved.id)
        manual = [r for r in load_ruleset(framework).selected() if r.assessment == "attest"]
        template = render_template(
            target_id=resolved.id,
            lep_name=resolved.name,
            accountable_body=entry.accountable_body if entry else None,
            rules=manual,
            as_of=day,
        )
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(template, encoding="utf-8")
    click.echo(f"{out_file}: {len(manual)} manual requirement(s) to answer")
    click.echo(f"  then: lepcheck validate {out_file}")


@main.command()
@click.argument("target")
@click.option(
    "--attestations",
    "attestations_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    required=True,
    help="The accountable body's attestation file (lepcheck attest init writes a template).",
)
@click.option(
    "--waivers",
    "waivers_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="Waivers YAML (schemas/waivers.schema.json).",
)
@click.option(
    "--report",
    "report_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="Reuse this report.json instead of running the audit.",
)
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), required=True)
@as_of_option
@framework_option
@registry_option
@crawl_options
def statement(
    target: str,
    attestations_file: Path,
    waivers_file: Path | None,
    report_file: Path | None,
    out_dir: Path,
    as_of: str | None,
    framework: str,
    registry_file: Path | None,
    related_sites: tuple[str, ...],
    allow_private_network: bool,
    delay: float,
    json_log: bool,
    max_pages: int,
) -> None:
    """Draft the annual assurance statement for TARGET (HTML and DOCX) from its audit, the
    attestation file and any waivers."""
    from datetime import UTC, datetime

    from pydantic import ValidationError

    from lepcheck.audit import AuditSettings
    from lepcheck.audit import audit as run_audit
    from lepcheck.models import Report
    from lepcheck.registry import load_registry, resolve_target
    from lepcheck.report import write_reports
    from lepcheck.report.json_report import read_report
    from lepcheck.statement import check_report_fits, load_inputs, prepare_statement
    from lepcheck.statement import write_statement as write_statement_files

    day = parse_as_of(as_of)
    with user_errors():
        resolved = resolve_target(target, registry=registry_file)
        report: Report | None = None
        if report_file is not None:
            try:
                report = read_report(report_file)
            except (ValueError, ValidationError) as exc:
                fail(f"{report_file} is not a lepcheck report.json ({str(exc).splitlines()[0]})")
            check_report_fits(report, resolved.id, day)
        # The officer's files are checked before crawling: a typo costs seconds, not a crawl.
        inputs = load_inputs(
            report.ruleset.framework if report else framework, attestations_file, waivers_file
        )
        if report is None:
            settings = AuditSettings(
                out_dir=out_dir,
                as_of=day,
                framework=framework,
                allow_private_network=allow_private_network,
                delay=delay,
                max_pages=max_pages,
                related_sites=related_sites,
            )
            with crawl_events(resolved.id, json_log) as on_event:
                report = run_audit(resolved, settings, on_event).report
        entry = load_registry(registry_file).get(resolved.id)
        drafted, waived_report = prepare_statement(
            report,
            inputs,
            generated_at=datetime.now(UTC),
            registry_accountable_body=entry.accountable_body if entry else None,
        )
        write_reports(waived_report, out_dir, ("json", "html"))
        written = write_statement_files(
            drafted, out_dir, report_file.parent if report_file else out_dir
        )
    for note in drafted.notes:
        click.echo(f"lepcheck: note: {note}", err=True)
    click.echo(f"{drafted.lep.name}, {drafted.period}: {drafted.conclusion.label}")
    for path in written.values():
        click.echo(f"  {path}")


if __name__ == "__main__":  # pragma: no cover
    main()
