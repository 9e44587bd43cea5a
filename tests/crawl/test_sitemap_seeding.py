"""Sitemaps seed the crawl (crawler.CrawlRun._seed_sitemaps), on real loopback servers: those
robots.txt lists, in its order, then the site's /sitemap.xml, then the files an index names;
only the site's own; only a 2xx body is read, whatever type it is served as; at most
MAX_SITEMAP_FILES files. A sitemap is archived at depth 0 and the pages it lists are offered
at depth 1, with the sitemap as the page that led to them."""

from __future__ import annotations

from pathlib import Path

from lepcheck.crawl.sitemaps import MAX_SITEMAP_FILES

from .crawl_site_server import Reply, Site, run


def urlset(*urls: str) -> bytes:
    locs = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode()


def sitemap_requests(site: Site) -> list[str]:
    return [p for p, _ in site.log if p.startswith("/sm-") or p == "/sitemap.xml"]


def test_own_2xx_sitemaps_are_read_in_order_and_seed_pages_at_depth_one(
    site: Site, other_site: Site, tmp_path: Path
) -> None:
    """robots.txt's sitemaps in its order, /sitemap.xml last; another site's sitemap is never
    asked for; a 404 or 300 answer is not read as a sitemap, any 2xx is (203, 299 too)."""
    base = site.base
    site.page("/", "<html>home only</html>")
    site.routes["/robots.txt"] = Reply(
        body="".join(
            f"Sitemap: {u}\n"
            for u in (
                f"{other_site.base}/sitemap.xml",  # another site's: out of scope
                f"{base}/sm-404.xml",
                f"{base}/sm-300.xml",
                f"{base}/sm-203.xml",
                f"{base}/sm-299.xml",
            )
        ).encode(),
        content_type="text/plain",
    )
    other_site.routes["/sitemap.xml"] = Reply(body=urlset(f"{base}/minutes-other.html"))
    for status in (404, 300, 203, 299):
        site.routes[f"/sm-{status}.xml"] = Reply(
            status=status, body=urlset(f"{base}/minutes-{status}.html")
        )
    site.routes["/sitemap.xml"] = Reply(body=urlset(f"{base}/minutes-200.html"))
    for status in (404, 300, 203, 299, 200):
        site.page(f"/minutes-{status}.html", f"<h1>Minutes {status}</h1>")
    site.page("/minutes-other.html", "<h1>Minutes</h1>")

    _, records = run(site, tmp_path)

    assert other_site.log == []
    assert sitemap_requests(site) == [
        "/sm-404.xml",
        "/sm-300.xml",
        "/sm-203.xml",
        "/sm-299.xml",
        "/sitemap.xml",
    ]
    for status in (203, 299, 200):
        sitemap = f"{base}/sm-{status}.xml" if status != 200 else f"{base}/sitemap.xml"
        assert records[sitemap].depth == 0
        page = records[f"{base}/minutes-{status}.html"]
        assert (page.status, page.depth, page.via) == (200, 1, sitemap)
    assert site.hits("/minutes-404.html") == site.hits("/minutes-300.html") == 0
    assert site.hits("/minutes-other.html") == 0


def test_a_sitemap_is_read_whatever_type_it_is_served_as(site: Site, tmp_path: Path) -> None:
    """A sitemap served with a type the crawl skips for pages (an image type here) is read."""
    site.page("/", "<html>home only</html>")
    site.routes["/sitemap.xml"] = Reply(
        body=urlset(f"{site.base}/minutes.html"), content_type="image/x-icon"
    )
    site.page("/minutes.html", "<h1>Minutes</h1>")
    _, records = run(site, tmp_path)
    assert records[f"{site.base}/minutes.html"].via == f"{site.base}/sitemap.xml"


def test_no_more_than_the_cap_of_sitemap_files_is_read(site: Site, tmp_path: Path) -> None:
    """An index naming many sitemaps is read to MAX_SITEMAP_FILES files in all (the index and
    /sitemap.xml included), so a site cannot keep the crawl reading sitemaps."""
    site.page("/", "<html>home only</html>")
    site.routes["/robots.txt"] = Reply(
        body=f"Sitemap: {site.base}/sm-index.xml\n".encode(), content_type="text/plain"
    )
    children = "".join(
        f"<sitemap><loc>{site.base}/sm-{i}.xml</loc></sitemap>" for i in range(MAX_SITEMAP_FILES)
    )
    site.routes["/sm-index.xml"] = Reply(body=f"<sitemapindex>{children}</sitemapindex>".encode())
    for i in range(MAX_SITEMAP_FILES):
        site.routes[f"/sm-{i}.xml"] = Reply(body=urlset())
    run(site, tmp_path)
    asked = sitemap_requests(site)
    assert MAX_SITEMAP_FILES == 20 and len(asked) == 20
    # Breadth first: the index, /sitemap.xml, then the index's files in its order.
    assert asked[:3] == ["/sm-index.xml", "/sitemap.xml", "/sm-0.xml"]
    assert asked[-1] == f"/sm-{MAX_SITEMAP_FILES - 3}.xml"
