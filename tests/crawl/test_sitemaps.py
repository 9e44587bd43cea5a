"""Sitemaps parsed safely: no XML entities, gzip and index files read."""

from __future__ import annotations

import gzip

from lepcheck.crawl.sitemaps import parse_sitemap


def test_sitemap_parsing_refuses_entities_and_reads_gzip_indexes() -> None:
    bomb = b"""<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "aaaaaaaaaa">
    <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><urlset><url><loc>&b;</loc></url></urlset>"""
    assert parse_sitemap(bomb) == ([], [])
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://x/pages.xml</loc></sitemap></sitemapindex>"""
    assert parse_sitemap(gzip.compress(index)) == ([], ["https://x/pages.xml"])
    assert parse_sitemap(b"<html>not a sitemap") == ([], [])
