"""Commands for the whole sector: sweep every LEP, the history of one, what changed between
two runs, the dashboard, and the registry of LEPs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from lepcheck.cli import display
from lepcheck.cli.options import (
    CrawlFlags,
    as_of_option,
    crawl_options,
    formats_option,
    framework_option,
    history_db_option,
    json_flag,
    lep_id,
    out_option,
    registry_option,
)
from lepcheck.errors import HistoryError, TargetError, ThresholdError, UsageError

DIFF_USAGE = (
    "give an LEP (its latest two runs: lepcheck diff LEP) or two run ids "
    "(lepcheck diff RUN_A RUN_B, or lepcheck diff LEP RUN_A RUN_B)"
)


@click.command()
@registry_option
@click.option(
    "--only", default=None, metavar="IDS", help="Comma-separated registry ids (default: all)."
)
@framework_option
@as_of_option()
@history_db_option
@out_option(
    "Folder for DIR/<id>/report.*, league-table.csv and sweep.json.", required=True, kind="folder"
)
@formats_option("json,html")
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
    framework: str | None,
    as_of: date | None,
    db: Path,
    out: Path,
    formats: tuple[str, ...],
    workers: int,
    fail_on_regression: bool,
    crawl: CrawlFlags,
) -> None:
    """Audit every LEP in the registry (or --only some), record the runs, write a league table."""
    from lepcheck.history import History
    from lepcheck.inputs.registry import load_registry
    from lepcheck.rules import DEFAULT_FRAMEWORK
    from lepcheck.sweep import SweepSettings, run_sweep, select_leps

    ids = tuple(i.strip() for i in (only or "").split(",") if i.strip())
    leps, skipped = select_leps(load_registry(registry_file), ids, on=crawl.time_machine_day(as_of))
    settings = SweepSettings(
        out_dir=out,
        as_of=as_of,
        framework=framework or DEFAULT_FRAMEWORK,
        formats=formats,
        allow_private_network=crawl.allow_private_network,
        delay=crawl.delay,
        max_pages=crawl.max_pages,
        related_sites=crawl.related_sites,
        render=crawl.render_mode(),
        workers=workers,
        archive=crawl.archive_settings(as_of),
        exhaustive=crawl.exhaustive,
    )
    history = History(db)
    with display.SweepJsonLog() if crawl.json_log else display.SweepProgressDisplay() as progress:
        result = run_sweep(leps, settings, history=history, skipped=skipped, on_progress=progress)
    display.say("\n".join(result.summary_lines()))
    if leps and not any(e.outcome == "audited" for e in result.entries):
        raise TargetError("no LEP could be audited; see the reasons in sweep.json")
    if fail_on_regression and result.regressions():
        raise ThresholdError("an LEP lost a passing must-rule", label="regression")


@click.command(name="history")
@click.argument("lep", metavar="LEP")
@history_db_option
@registry_option
def history_command(lep: str, db: Path, registry_file: Path | None) -> None:
    """Show LEP's runs and score over time.

    LEP is a registry id (`lepcheck registry` lists them) or the URL of its website."""
    from lepcheck.history import History

    runs = History.open_existing(db).runs_of(lep_id(lep, registry_file))
    display.say(display.history_table(runs))


def diff_request(args: tuple[str, ...], target: str | None) -> tuple[str | None, list[int]]:
    """(LEP or None, run ids) from `lepcheck diff`'s arguments; --target is the LEP too."""
    words = [*([target] if target else []), *args]
    lep = words.pop(0) if words and not words[0].isdigit() else None
    if not all(w.isdigit() for w in words) or len(words) not in ((0, 2) if lep else (2,)):
        raise UsageError(DIFF_USAGE)
    return lep, [int(w) for w in words]


@click.command(name="diff")
@click.argument("args", nargs=-1, metavar="[LEP] [RUN_A RUN_B]")
@click.option("--target", default=None, metavar="LEP", help="The LEP, as the LEP argument.")
@history_db_option
@registry_option
@json_flag
def diff_command(
    args: tuple[str, ...], target: str | None, db: Path, registry_file: Path | None, as_json: bool
) -> None:
    """Compare two runs of one LEP: new failures, resolved, changed evidence and persisting
    failures. Give LEP for its latest two runs, or two run ids.

    LEP is a registry id (`lepcheck registry` lists them) or the URL of its website."""
    from lepcheck.history import History
    from lepcheck.history.changes import diff_runs, latest_two_runs

    lep, runs = diff_request(args, target)
    history = History.open_existing(db)
    wanted = lep_id(lep, registry_file) if lep else None
    before, after = runs if runs else latest_two_runs(history, str(wanted))
    changes = diff_runs(history, before, after)
    if wanted is not None and changes.after.target_id != wanted:
        raise HistoryError(
            f"runs {before} and {after} are of '{changes.after.target_id}', not '{wanted}'"
        )
    display.say(display.diff_json(changes) if as_json else display.diff_text(changes))


@click.command()
@history_db_option
@out_option("Folder for the dashboard's pages.", required=True, kind="folder")
def dashboard(db: Path, out: Path) -> None:
    """Write the sector dashboard (static HTML, no scripts) from the history database."""
    from lepcheck.history import History
    from lepcheck.report.dashboard import write_dashboard

    pages = write_dashboard(History.open_existing(db), out)
    display.say(f"dashboard: {pages[0]} ({len(pages)} pages)")


@click.command()
@registry_option
@click.option(
    "--successors",
    is_flag=True,
    help="For each LEP, the bodies that took over its functions, with the day and the source.",
)
def registry(registry_file: Path | None, successors: bool) -> None:
    """List the LEPs lepcheck knows (id, ONS code, website, name) and the councils and combined
    authorities that took over their functions; each can be audited by id or URL."""
    from lepcheck.inputs.registry import load_registry

    entries = list(load_registry(registry_file).values())
    if successors:
        display.registry_successors(entries)
    else:
        display.registry_entries(entries)


COMMANDS = (sweep, history_command, diff_command, dashboard, registry)
