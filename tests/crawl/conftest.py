from __future__ import annotations

from collections.abc import Iterator

import pytest

from .crawl_site_server import Site, serve


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(Site()) as running:
        yield running


@pytest.fixture
def other_site() -> Iterator[Site]:
    with serve(Site()) as running:
        yield running
