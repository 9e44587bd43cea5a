"""The promise of the README's Safety section, held at the crawler: no private or loopback
address is fetched without --allow-private-network, whether it is reached through a link, a
redirect, a sitemap, robots.txt or a related site.

Two loopback servers: 127.0.0.1 stands in for the public LEP site (the test's address policy
calls it public) and 127.0.0.2 for a private one (loopback, as the real policy says). The
private server counts every connection it accepts, so the test proves that nothing reached
it, not merely that the crawl went on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lepcheck.crawl import BlockedAddressError, crawl
from lepcheck.crawl.addresses import IPAddress, address_problem
from lepcheck.crawl.guard import NetworkGuard
from lepcheck.crawl.options import CrawlOptions
from lepcheck.snapshot import Snapshot

from .crawl_site_server import Reply, Site, serve

PUBLIC, PRIVATE = "127.0.0.1", "127.0.0.2"


def public_policy(address: IPAddress) -> str | None:
    """The real address policy, except that the test's "public" server address is public."""
    return None if str(address) == PUBLIC else address_problem(address)


@pytest.fixture
def servers() -> Iterator[tuple[Site, Site]]:
    public, private = Site(), Site()
    private.fallback = lambda path: Reply(body=b"<p>internal admin console</p>")
    with serve(public, host=PUBLIC) as lep, serve(private, host=PRIVATE) as intranet:
        yield lep, intranet


def audit_crawl(public: Site, tmp_path: Path, **overrides: object) -> Snapshot:
    values: dict[str, object] = {"start_url": f"{public.base}/", "delay": 0.0, "timeout": 2.0}
    values.update(overrides)
    options = CrawlOptions.model_validate(values)
    # The crawl's own guard, with the one seam tests have: which addresses count as public.
    guard = NetworkGuard(allow_private_network=options.allow_private_network, policy=public_policy)
    crawl(options, tmp_path / "snap", target_id="t", guard=guard)
    return Snapshot.open(tmp_path / "snap")


def assert_untouched(private: Site) -> None:
    assert private.log == [], f"the private server was asked for {private.log}"
    assert private.connections == 0, "the private server accepted a connection"


def test_links_redirects_and_sitemaps_never_reach_a_private_address(
    servers: tuple[Site, Site], tmp_path: Path
) -> None:
    public, private = servers
    inside = private.base
    public.routes["/robots.txt"] = Reply(
        body=f"User-agent: *\nSitemap: {public.base}/sitemap-index.xml\n".encode(),
        content_type="text/plain",
    )
    public.page(
        "/",
        '<a href="/board/">Board</a>'
        f'<a href="{inside}/register.pdf">Register of interests</a>'  # a document link
        f'<a href="{inside}/committee/">Committee papers</a>'  # a page of a related site
        '<a href="/go-register">Minutes</a>',  # a redirect out
    )
    public.page("/board/", "<h1>Our Board</h1><p>Jane Marsh, Chair</p>")
    public.routes["/go-register"] = Reply(status=302, headers={"Location": f"{inside}/minutes"})
    # robots.txt names a sitemap index that moves to the private host ...
    public.routes["/sitemap-index.xml"] = Reply(
        status=301, headers={"Location": f"{inside}/sitemap.xml"}
    )
    # ... and the site's own sitemap lists a page that redirects there (named like minutes: a
    # best-first crawl leaves sitemap entries that name nothing sought unfetched, issue 17).
    public.routes["/sitemap.xml"] = Reply(
        body=(
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{public.base}/minutes-moved</loc></url></urlset>"
        ).encode(),
        content_type="application/xml",
    )
    public.routes["/minutes-moved"] = Reply(
        status=302, headers={"Location": f"{inside}/moved-here"}
    )

    snapshot = audit_crawl(public, tmp_path, related_sites=(inside,))

    assert_untouched(private)
    # The crawl itself went on over the public site, sitemaps included.
    for path in (
        "/",
        "/board/",
        "/go-register",
        "/sitemap-index.xml",
        "/sitemap.xml",
        "/minutes-moved",
    ):
        assert public.hits(path) == 1, path
    blocked = {s.url for s in snapshot.skipped() if s.reason == "blocked"}
    # Refused by the hop check before anything was asked of the host, its robots.txt included
    # (the connection guard behind it would refuse that too, but only once it is tried).
    tried = blocked | {r.url for r in snapshot.records()}
    assert f"{inside}/robots.txt" not in tried
    assert {
        f"{inside}/register.pdf",
        f"{inside}/committee/",
        f"{inside}/minutes",
        f"{inside}/sitemap.xml",
        f"{inside}/moved-here",
    } <= blocked


def test_a_start_url_on_a_private_address_is_refused_before_any_request(
    servers: tuple[Site, Site], tmp_path: Path
) -> None:
    _, private = servers
    with pytest.raises(BlockedAddressError, match=r"127\.0\.0\.2 is a loopback address"):
        audit_crawl(private, tmp_path)
    assert_untouched(private)


def test_a_start_page_that_redirects_to_a_private_address_is_refused(
    servers: tuple[Site, Site], tmp_path: Path
) -> None:
    public, private = servers
    public.routes["/"] = Reply(status=302, headers={"Location": f"{private.base}/"})
    with pytest.raises(BlockedAddressError):
        audit_crawl(public, tmp_path)
    assert_untouched(private)
    assert public.hits("/") == 1


def test_with_the_flag_the_private_server_is_crawled(
    servers: tuple[Site, Site], tmp_path: Path
) -> None:
    """The control: the same links reach the private server when the user allows it, so the
    tests above would see a request that got through."""
    public, private = servers
    public.page("/", f'<a href="{private.base}/register.pdf">Register of interests</a>')
    audit_crawl(public, tmp_path, allow_private_network=True)
    assert private.hits("/register.pdf") == 1 and private.connections >= 1
