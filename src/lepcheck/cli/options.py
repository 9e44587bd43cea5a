"""Every option two commands share, declared once, and the LEP argument every command that
takes an LEP takes the same way.

An LEP is named on the command line as a registry id (`lepcheck registry` lists them; any
case) or as the URL of its website (matched to its registry entry when there is one, so
`lepcheck history https://www.example-lep.co.uk/` finds the runs of that entry's id).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload
from urllib.parse import urlsplit

import click

from lepcheck.errors import UsageError

if TYPE_CHECKING:
    from lepcheck.audit import AuditSettings
    from lepcheck.crawl.archive import ArchiveSettings

RenderMode = Literal["never", "auto", "always"]  # lepcheck.crawl.options.RenderMode

F = TypeVar("F", bound=Callable[..., Any])
REPORT_FORMATS = "json,html,md,csv,junit"
LEP_HELP = "LEP is a registry id (`lepcheck registry` lists them) or the URL of its website."


def lep_argument(func: F) -> F:
    return click.argument("lep", metavar="LEP")(func)


def is_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def lep_id(value: str, registry: Path | None) -> str:
    """The id an LEP argument names, for commands that read the history: a URL resolves as
    `audit` resolves it; an id is taken as written, in lower case as registry ids are (the
    history also knows LEPs audited by URL, which are in no registry)."""
    from lepcheck.inputs.registry import resolve_target

    if is_url(value) or "://" in value:
        return resolve_target(value, registry=registry).id
    return value.strip().lower()


def as_date(option: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"{option} '{value}' is not a date; give it as YYYY-MM-DD, e.g. 2023-11-30"
        ) from None


def as_of_option(
    help: str = "The day date rules count from (default today).",
) -> Callable[[F], F]:
    return click.option(
        "--as-of",
        "as_of",
        default=None,
        metavar="YYYY-MM-DD",
        help=help,
        callback=lambda _ctx, _param, value: as_date("--as-of", value),
    )


def parse_formats(value: str) -> tuple[str, ...]:
    from lepcheck.report import FORMATS

    formats = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise UsageError(
            f"--format '{value}': unknown format {', '.join(unknown) or '(none)'}; "
            f"choose from {','.join(FORMATS)}"
        )
    if "json" not in formats:
        formats = ("json", *formats)  # report.json is the contract every other tool reads
    return formats


def formats_option(default: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "formats",
        default=default,
        show_default=True,
        help=f"Comma-separated report formats: {REPORT_FORMATS} (report.json is always written).",
        callback=lambda _ctx, _param, value: parse_formats(value),
    )


@overload
def writable_out(path: Path, kind: Literal["folder", "file"] = "folder") -> Path: ...
@overload
def writable_out(path: None, kind: Literal["folder", "file"] = "folder") -> None: ...
def writable_out(path: Path | None, kind: Literal["folder", "file"] = "folder") -> Path | None:
    """--out as given, once it is known that lepcheck can write there: checked when the
    command line is read, before any request is sent or file written, so a typo costs
    nothing. A folder must be a folder (or not exist yet); a file must not be a folder; and
    the nearest existing folder on the way must be one this user can write in."""
    if path is None:
        return None
    if kind == "folder" and path.exists() and not path.is_dir():
        raise UsageError(f"--out {path} is a file, not a folder; give a folder for the output")
    if kind == "file" and path.is_dir():
        raise UsageError(f"--out {path} is a folder; give the path of the file to write")
    existing = path if kind == "folder" else path.parent
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise UsageError(f"--out {path}: {existing} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise UsageError(
            f"--out {path}: cannot write in {existing} (permission denied); give a folder "
            "you can write in"
        )
    return path


def out_option(
    help: str,
    *,
    required: bool = False,
    kind: Literal["folder", "file"] = "folder",
) -> Callable[[F], F]:
    return click.option(
        "--out",
        "out",
        type=click.Path(path_type=Path),
        required=required,
        default=None,
        help=help,
        callback=lambda _ctx, _param, value: writable_out(value, kind),
    )


framework_option = click.option(
    "--framework",
    default=None,
    help="Rule profile: nlgaf-2019 (the default for an LEP), successor-2024 (the default for a "
    "council or combined authority), transparency-code-2015, ney-2017, naf-2016, spot-check.",
)
registry_option = click.option(
    "--registry",
    "registry_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="Your own registry YAML (top-level key `leps`), added to and overriding the bundled one.",
)
record_db_option = click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Record this run in the history database (SQLite), e.g. reports/history.sqlite.",
)
history_db_option = click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("reports") / "history.sqlite",
    show_default=True,
    help="The history database (SQLite).",
)
waivers_option = click.option(
    "--waivers",
    "waivers_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="Waivers YAML (schemas/waivers.schema.json): approved, dated exceptions to findings.",
)
previous_option = click.option(
    "--previous",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    default=None,
    help="Previous snapshot for a conditional re-crawl (default: the latest under --out).",
)
json_flag = click.option("--json", "as_json", is_flag=True, help="Print JSON.")


@dataclass(frozen=True)
class CrawlFlags:
    """The crawl options of one command, as one value."""

    related_sites: tuple[str, ...]
    allow_private_network: bool
    delay: float
    json_log: bool
    max_pages: int
    exhaustive: bool
    # None when not given: "auto" on a live crawl, "never" in a time machine (render_mode).
    render: RenderMode | None
    archive: str | None = None
    archive_window: int = 18
    dates_from_archive: str | None = None
    archive_index_rate: float | None = None
    archive_replay_rate: float | None = None

    def time_machine_day(self, as_of: date | None) -> date | None:
        """The day the site is read as it stood (--archive with --as-of), else None."""
        return as_of if self.archive else None

    def render_mode(self) -> RenderMode:
        """--render as asked, "auto" when not given; a time-machine crawl reads pages as the
        archive captured them and draws none, so --render auto or always beside --archive is
        a usage error."""
        if self.archive is None:
            return self.render or "auto"
        if self.render not in (None, "never"):
            raise UsageError(
                f"--render {self.render} cannot be used with --archive: a time-machine crawl "
                "reads pages as the archive captured them; drop --render"
            )
        return "never"

    def archive_settings(self, as_of: date | None) -> ArchiveSettings | None:
        """--archive (the site as it stood on --as-of) or --dates-from-archive (a live crawl
        whose documents' first captures prove when they were public), or None."""
        from lepcheck.crawl.archive import ArchiveSettings

        if self.archive is None and self.dates_from_archive is None:
            return None
        if self.archive is not None:
            if as_of is None:
                raise UsageError(
                    "--archive needs --as-of: the day to see the site as it stood, "
                    "e.g. --as-of 2023-05-31"
                )
            if as_of > date.today():
                raise UsageError(f"--as-of {as_of}: an archive holds nothing after today")
        return ArchiveSettings(
            archive=self.archive or str(self.dates_from_archive),
            as_of=as_of if self.archive else None,
            window_months=self.archive_window,
            index_per_minute=self.archive_index_rate,
            replays_per_minute=self.archive_replay_rate,
        )

    def audit_settings(self, out_dir: Path, **more: Any) -> AuditSettings:
        from lepcheck.audit import AuditSettings

        return AuditSettings(
            out_dir=out_dir,
            allow_private_network=self.allow_private_network,
            delay=self.delay,
            max_pages=self.max_pages,
            exhaustive=self.exhaustive,
            related_sites=self.related_sites,
            archive=self.archive_settings(more.get("as_of")),
            render=self.render_mode(),
            **more,
        )


def archive_name(option: str, value: str | None) -> str | None:
    """An archive as given, checked now: a mistyped name costs nothing."""
    if value is None:
        return None
    from lepcheck.crawl.archive import resolve_archive

    resolve_archive(value, option)  # raises UnknownArchiveError, a usage error
    return value.strip()


CRAWL_OPTIONS = (
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
    click.option(
        "--archive",
        metavar="ARCHIVE",
        default=None,
        help="Read the site as it stood on --as-of from a web archive, never the live site: "
        "ia, ukwa, ukgwa or the URL of a Wayback-compatible collection.",
        callback=lambda _ctx, _param, value: archive_name("--archive", value),
    ),
    click.option(
        "--archive-window",
        type=click.IntRange(1, 240),
        default=18,
        show_default=True,
        metavar="MONTHS",
        help="With --archive: captures older than this before --as-of are stale, not used.",
    ),
    click.option(
        "--dates-from-archive",
        metavar="ARCHIVE",
        default=None,
        help="On a live crawl: prove when documents were public by their first capture in "
        "this web archive (always on with --archive).",
        callback=lambda _ctx, _param, value: archive_name("--dates-from-archive", value),
    ),
    click.option(
        "--archive-index-rate",
        type=click.FloatRange(min=0.1),
        default=None,
        metavar="PER_MINUTE",
        help="Index (CDX) queries a minute to the archive (default: ia 20, ukwa/ukgwa 12, "
        "other 30).",
    ),
    click.option(
        "--archive-replay-rate",
        type=click.FloatRange(min=0.1),
        default=None,
        metavar="PER_MINUTE",
        help="Captures replayed a minute from the archive (default: ia 60, ukwa/ukgwa 30, "
        "other 120).",
    ),
    click.option(
        "--exhaustive",
        is_flag=True,
        help="Crawl breadth-first over everything within --max-pages (a full archive of the "
        "site), instead of best-first towards the rules' evidence, stopping when none is left.",
    ),
    click.option(
        "--render",
        type=click.Choice(["never", "auto", "always"]),
        default=None,
        help="Draw pages in headless Chromium: auto (the default), only pages built by script "
        "(a script shell, a governance page filled by script); always; never. Not with "
        "--archive: a time machine reads pages as captured.",
    ),
)


def crawl_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The crawl options shared by audit, crawl, sweep and statement (design.md contracts),
    handed to the command as one `crawl: CrawlFlags` argument."""

    @functools.wraps(func)
    def command(*args: Any, **kwargs: Any) -> Any:
        flags = CrawlFlags(**{name: kwargs.pop(name) for name in CrawlFlags.__dataclass_fields__})
        flags.render_mode()  # --render beside --archive is refused before anything is read
        return func(*args, crawl=flags, **kwargs)

    for option in reversed(CRAWL_OPTIONS):
        command = option(command)
    return command
