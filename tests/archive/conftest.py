"""Session fixtures: the fixture LEP site's live server and a real pywb holding its captures
(under the live server's address and under a lapsed domain), started once per test session
(pywb takes a few seconds to start)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from .captures import write_warcs
from .servers import LiveSite, build_collection, live_site, pywb

# The same site captured under a domain that has lapsed since, as most LEP domains have: .invalid
# never resolves (RFC 2606), so only an audit that asks nothing of the site itself can read it.
LAPSED = "http://amberdale-lep.invalid/"


@dataclass(frozen=True)
class FixtureArchive:
    collection: str  # the pywb collection URL: CDX at /cdx, replays at /{timestamp}id_/{url}
    site: LiveSite  # the fixture site's live server, whose URLs the captures hold
    lapsed: str = LAPSED  # the same captures under a domain that no longer resolves


@pytest.fixture(scope="session")
def fixture_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FixtureArchive]:
    root = tmp_path_factory.mktemp("pywb")
    with live_site() as site:
        warcs = write_warcs(root / "warcs", site.base)
        build_collection(root, [*warcs, *write_warcs(root / "lapsed", LAPSED)])
        with pywb(root) as collection:
            yield FixtureArchive(collection=collection, site=site)
