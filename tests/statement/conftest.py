"""Shared set-up for the annual assurance statement tests: the sample site served over
loopback, a registry entry pointing at it, and the example officer's files in examples/."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from lepcheck.cli import main
from lepcheck.demo.server import SAMPLE_SITE_ROOT, sample_target, serve_site
from tests.inputs.officer_files import ATTESTATIONS, REGISTRY, WAIVERS

AS_OF = sample_target()["as_of"]
# How the tests crawl the sample site: its as-of date, over loopback, without pauses.
LOOPBACK_CRAWL = ("--as-of", AS_OF, "--allow-private-network", "--delay", "0", "--json-log")


def run_cli(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def read_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write_yaml(path: Path, data: Any) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@dataclass(frozen=True)
class ServedDemo:
    base_url: str
    registry: Path


@pytest.fixture(scope="session")
def served_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedDemo]:
    """The sample site on a free loopback port, with a registry file naming it `amberdale`."""
    folder = tmp_path_factory.mktemp("registry")
    with serve_site(SAMPLE_SITE_ROOT) as base_url:
        entry = read_yaml(REGISTRY)
        entry["leps"][0]["website"] = base_url
        yield ServedDemo(base_url=base_url, registry=write_yaml(folder / "leps.yaml", entry))


@dataclass(frozen=True)
class StatementRun:
    result: Result
    out: Path

    def data(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.out / "statement.json").read_text())
        return data

    def rows(self) -> dict[str, dict[str, Any]]:
        return {row["rule_id"]: row for row in self.data()["requirements"]}


@pytest.fixture(scope="session")
def complete_statement(
    served_demo: ServedDemo, tmp_path_factory: pytest.TempPathFactory
) -> StatementRun:
    """`lepcheck statement` end to end: crawl and audit the demo site, apply the example
    waivers (one in force, one expired) and the complete example attestation file."""
    out = tmp_path_factory.mktemp("statement")
    result = run_cli(
        "statement",
        "amberdale",
        "--registry",
        served_demo.registry,
        "--attestations",
        ATTESTATIONS,
        "--waivers",
        WAIVERS,
        *LOOPBACK_CRAWL,
        "--out",
        out,
    )
    return StatementRun(result=result, out=out)
