"""`lepcheck inspect`: what lepcheck makes of one document, and why."""

from __future__ import annotations

import click

from lepcheck.cli import display
from lepcheck.errors import UsageError


@click.command()
@click.argument("source")
@click.option(
    "--json", "as_json", is_flag=True, help="Print JSON (the default is a readable summary)."
)
@click.option("--allow-private-network", is_flag=True)
def inspect(source: str, as_json: bool, allow_private_network: bool) -> None:
    """Show what lepcheck makes of one document (FILE or URL): kind, dates, people, declarations."""
    from lepcheck.audit.inspect import inspect_source

    try:
        data = inspect_source(source, allow_private_network=allow_private_network)
    except FileNotFoundError:
        raise UsageError(
            f"{source}: no such file; give a path to a document or an http(s) URL"
        ) from None
    if as_json:
        display.as_json(data)
    else:
        display.fields(data)


COMMANDS = (inspect,)
