"""The lepcheck command line: a thin shell that parses, wires and prints (as warcio's CLI over
its small modules, with Scrapy's one module per command family).

- audit: audit, check, crawl, report (re-render) - one LEP's website;
- catalogue: rules, validate - the rule catalogue and the officer's files;
- sector: sweep, history, diff, dashboard, registry - the whole sector;
- statement: attest init, statement - the Section 151 officer's statement;
- demo: demo - the sample site, end to end;
- inspect: inspect - one document;
- options: every shared option, declared once, and the LEP argument;
- display: everything printed on a terminal.

Only this package imports click. Every error a command meets is a lepcheck.errors error: the
group prints it as one line, `lepcheck: error: ...`, and exits with the code the error knows
(the codes are listed in lepcheck.errors).
"""

from __future__ import annotations

from typing import Any

import click

from lepcheck import __version__
from lepcheck.cli import audit, catalogue, demo, display, inspect, sector, statement
from lepcheck.errors import EXIT_INTERRUPTED, LepcheckError


class LepcheckGroup(click.Group):
    """The command group that turns lepcheck's errors into one line and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LepcheckError as exc:
            display.error(exc.label, str(exc))
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            display.error(
                "error", "interrupted; anything already fetched is kept in the snapshot folder"
            )
            ctx.exit(EXIT_INTERRUPTED)


@click.group(cls=LepcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lepcheck")
def main() -> None:
    """Check an LEP website against its governance and transparency duties, with evidence."""


for family in (audit, catalogue, sector, statement, demo, inspect):
    for command in family.COMMANDS:
        main.add_command(command)


if __name__ == "__main__":  # pragma: no cover
    main()
