"""`lepcheck demo`: the whole pipeline on the bundled sample LEP site, served on 127.0.0.1."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from lepcheck.cli import display
from lepcheck.cli.options import REPORT_FORMATS, formats_option, out_option, writable_out


@click.command()
@out_option("Output folder (default reports/<id>/<as-of>/).")
@formats_option(REPORT_FORMATS)
def demo(out: Path | None, formats: tuple[str, ...]) -> None:
    """Serve the bundled sample LEP site on 127.0.0.1, audit it and print the summary."""
    from lepcheck.audit import AuditSettings, Target, audit_and_write
    from lepcheck.demo.server import SAMPLE_SITE_ROOT, sample_target, serve_site

    sample = sample_target()
    as_of = date.fromisoformat(sample["as_of"])
    folder = out or writable_out(Path("reports") / sample["id"] / as_of.isoformat())
    with serve_site(SAMPLE_SITE_ROOT) as base_url:
        display.say(f"Serving the sample site '{sample['name']}' at {base_url}")
        target = Target(id=sample["id"], name=sample["name"], url=base_url)
        settings = AuditSettings(
            out_dir=folder, formats=formats, as_of=as_of, allow_private_network=True, delay=0.0
        )
        result, written = audit_and_write(target, settings)
    display.summary(result.report, written)


COMMANDS = (demo,)
