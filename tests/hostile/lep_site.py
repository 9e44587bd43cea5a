"""A small LEP website served on loopback for the hostile-input tests of issue 11, and the
command line run as a user runs it.

The site has what an audit needs to find governance content (a board, a register of
interests, two policies) in five pages, so an audit of it takes a second or two.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner

from lepcheck.cli import main
from tests.crawl.crawl_site_server import Site, serve

AS_OF = "2023-11-30"
COI_TITLE = "Conflicts of interest policy"
LOOPBACK = ("--allow-private-network", "--delay", "0")


def page(title: str, body: str) -> str:
    return (
        f"<html><head><title>{title}</title></head>"
        f"<body><main><h1>{title}</h1>{body}</main></body></html>"
    )


def lep_site(coi_title: str = COI_TITLE, *, extra_links: str = "") -> Site:
    """The five pages; `coi_title` is the title the COI-01 finding quotes as its evidence."""
    site = Site()
    site.page(
        "/",
        page(
            "Amberdale LEP",
            '<a href="/board">Our board</a> <a href="/coi">Conflicts of interest policy</a> '
            '<a href="/register">Register of interests</a> '
            f'<a href="/whistle">Whistleblowing policy</a> {extra_links}',
        ),
    )
    members = "".join(
        f"<div class='card'><h3>Jane Member{i}</h3><p>Board member, Acme Ltd{i}</p></div>"
        for i in range(8)
    )
    site.page("/board", page("Our board", "<h2>Board members</h2>" + members))
    site.page(
        "/coi",
        page(
            coi_title,
            "<p>This conflicts of interest policy sets out how board members declare "
            "interests. Members must declare any interest and leave the room. Adopted "
            "1 April 2023. Review date April 2024.</p>",
        ),
    )
    rows = "".join(f"<tr><td>Jane Member{i}</td><td>Acme</td><td>None</td></tr>" for i in range(8))
    site.page(
        "/register",
        page(
            "Register of interests",
            f"<table><tr><th>Name</th><th>Employment</th><th>Directorships</th></tr>{rows}</table>",
        ),
    )
    site.page(
        "/whistle",
        page(
            "Whistleblowing policy",
            "<p>Our whistleblowing policy: how to raise a concern confidentially.</p>",
        ),
    )
    return site


@contextmanager
def serving(site: Site) -> Iterator[str]:
    """The site on 127.0.0.1; yields its home page URL."""
    with serve(site) as running:
        yield f"{running.base}/"


def run_cli(*args: str | Path) -> tuple[int, str, str]:
    """`lepcheck ARGS` in this process: exit code, stdout, stderr."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def assert_one_line_error(stderr: str, code: int, expected: int = 2) -> str:
    """The command failed with `expected` and said why in one line, without a traceback."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert code == expected, stderr
    assert len(lines) == 1, stderr
    assert lines[0].startswith("lepcheck: error: "), stderr
    return lines[0]
