"""Session fixtures: the fixture LEP site's live server and a real pywb holding its captures,
started once per test session (pywb takes a few seconds to start)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from .captures import write_warcs
from .servers import LiveSite, build_collection, live_site, pywb


@dataclass(frozen=True)
class FixtureArchive:
    collection: str  # the pywb collection URL: CDX at /cdx, replays at /{timestamp}id_/{url}
    site: LiveSite  # the fixture site's live server, whose URLs the captures hold


@pytest.fixture(scope="session")
def fixture_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FixtureArchive]:
    root = tmp_path_factory.mktemp("pywb")
    with live_site() as site:
        warcs = write_warcs(root / "warcs", site.base)
        build_collection(root, warcs)
        with pywb(root) as collection:
            yield FixtureArchive(collection=collection, site=site)
