"""Related sites one hop out, conditional re-crawl against a previous snapshot, resume."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from lepcheck.crawl import crawl
from lepcheck.snapshot import Snapshot

from .crawl_site_server import Reply, Site, assert_warcs_valid, by_url, options


def test_related_site_pages_and_their_documents_one_hop(
    site: Site, other_site: Site, tmp_path: Path
) -> None:
    council = other_site.base
    site.page(
        "/",
        f"""<a href="{council}/committee/lep-board">LEP board at the council</a>
        <a href="{council}/news">Council news</a>
        <a href="{council}/files/annual-report.pdf">Annual report</a>""",
    )
    other_site.page(
        "/committee/lep-board",
        """<a href="/committee/minutes-2024.pdf">Minutes</a>
        <a href="/committee/other-board">Another committee</a>
        <a href="/elsewhere/unrelated.docx">Unrelated</a>
        <a href="/elsewhere/page">A council page</a>
        <a href="/mgConvert2PDF.aspx?ID=99">Agenda</a>""",
    )
    other_site.routes["/committee/minutes-2024.pdf"] = Reply(
        body=b"%PDF minutes", content_type="application/pdf"
    )
    other_site.routes["/files/annual-report.pdf"] = Reply(
        body=b"%PDF report", content_type="application/pdf"
    )
    related = (f"{council}/committee/",)
    crawl(options(site, related_sites=related), tmp_path / "s", target_id="t")
    records = by_url(tmp_path / "s")
    skipped = {s.url: s.reason for s in Snapshot.open(tmp_path / "s").skipped()}
    committee = records[f"{council}/committee/lep-board"]
    assert committee.status == 200 and committee.via == f"{site.base}/"
    minutes = records[f"{council}/committee/minutes-2024.pdf"]
    assert minutes.via == f"{council}/committee/lep-board" and minutes.link_text == "Minutes"
    # A document linked straight from the LEP's own page is the LEP's publication.
    assert records[f"{council}/files/annual-report.pdf"].status == 200
    assert skipped[f"{council}/news"] == "off-site"
    assert skipped[f"{council}/elsewhere/page"] == "off-site"
    assert records[f"{council}/mgConvert2PDF.aspx?ID=99"].link_text == "Agenda"
    assert skipped[f"{council}/committee/other-board"] == "depth"
    # A paper linked from the committee page is fetched even outside the committee prefix.
    paper = records[f"{council}/elsewhere/unrelated.docx"]
    assert paper.via == f"{council}/committee/lep-board"
    assert other_site.hits("/news") == 0 and other_site.hits("/committee/other-board") == 0


def conditional_site(site: Site) -> None:
    site.page("/", '<a href="/register.pdf">Register</a><a href="/news">News</a>')
    pdf = b"%PDF register " * 2000

    def register(attempt: int, headers: dict[str, str]) -> Reply:
        if headers.get("if-none-match") == '"r1"':
            return Reply(status=304, headers={"ETag": '"r1"'}, content_type="application/pdf")
        return Reply(body=pdf, content_type="application/pdf", headers={"ETag": '"r1"'})

    site.routes["/register.pdf"] = register
    site.page("/news", "<p>news</p>", **{"Last-Modified": "Mon, 02 Nov 2026 08:00:00 GMT"})


def test_conditional_recrawl_carries_unchanged_bodies(site: Site, tmp_path: Path) -> None:
    conditional_site(site)
    crawl(options(site), tmp_path / "one", target_id="t")
    first = by_url(tmp_path / "one")
    crawl(options(site, previous=tmp_path / "one"), tmp_path / "two", target_id="t")
    second = by_url(tmp_path / "two")
    url = f"{site.base}/register.pdf"
    conditional = [h for p, h in site.log if p == "/register.pdf"][-1]
    assert conditional["if-none-match"] == '"r1"'
    assert "if-modified-since" in [h for p, h in site.log if p == "/news"][-1]
    assert second[url].status == 200 and second[url].sha256 == first[url].sha256
    assert second[url].first_seen == first[url].first_seen
    assert second[url].fetched_at > first[url].fetched_at
    assert Snapshot.open(tmp_path / "two").body(second[url]) == Snapshot.open(
        tmp_path / "one"
    ).body(first[url])
    # Unchanged content keeps its first_seen even when the server answered 200 in full.
    news = f"{site.base}/news"
    assert second[news].first_seen == first[news].first_seen
    assert_warcs_valid(tmp_path / "two")


RESUMABLE_CRAWL = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from lepcheck.crawl import CrawlOptions, crawl
    opts = CrawlOptions(start_url=sys.argv[1], allow_private_network=True, delay=0.0,
                        max_pages=1000, max_depth=3)
    crawl(opts, Path(sys.argv[2]), target_id="t", resume=sys.argv[3] == "resume")
    """
)


def test_killed_crawl_resumes_without_refetching(site: Site, tmp_path: Path) -> None:
    pages = 120
    site.page("/", "".join(f'<a href="/p{n}">page {n}</a>' for n in range(pages)))
    site.fallback = lambda path: Reply(body=f"<p>{path}</p>".encode(), sleep=0.03)
    folder = tmp_path / "snap"
    env = {**os.environ, "PYTHONPATH": "src"}
    command = [sys.executable, "-c", RESUMABLE_CRAWL, f"{site.base}/", str(folder)]
    process = subprocess.Popen([*command, "new"], env=env)
    deadline = time.monotonic() + 20
    while len(site.log) < 30 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    before = {p for p, _ in site.log if p.startswith("/p")}
    assert 0 < len(before) < pages
    resumed = subprocess.run([*command, "resume"], env=env, timeout=60)
    assert resumed.returncode == 0
    records = Snapshot.open(folder).records()
    fetched = [r.url for r in records if "/p" in r.url]
    assert len(fetched) == len(set(fetched)) == pages
    # At most the requests in flight at the kill are repeated.
    refetched = [p for p in before if site.hits(p) > 1]
    assert len(refetched) <= 8
    assert Snapshot.open(folder).info.finished_at is not None
    assert_warcs_valid(folder)


def test_unreadable_previous_copy_is_fetched_in_full(site: Site, tmp_path: Path) -> None:
    conditional_site(site)
    crawl(options(site), tmp_path / "one", target_id="t")
    url = f"{site.base}/register.pdf"
    old = by_url(tmp_path / "one")[url]
    warc = tmp_path / "one" / old.warc_file
    warc.chmod(0o644)
    with warc.open("r+b") as stream:
        stream.seek(old.warc_offset + 40)
        stream.write(b"\0" * 200)
    requests_before = site.hits("/register.pdf")
    crawl(options(site, previous=tmp_path / "one"), tmp_path / "two", target_id="t")
    assert site.hits("/register.pdf") - requests_before == 2  # the 304, then the full body
    new = by_url(tmp_path / "two")[url]
    assert new.sha256 == old.sha256 and new.status == 200
    assert Snapshot.open(tmp_path / "two").body(new).startswith(b"%PDF register")


def test_hosts_are_crawled_side_by_side_each_at_its_own_pace(
    site: Site, other_site: Site, tmp_path: Path
) -> None:
    council = other_site.base
    pages = "".join(f'<a href="/p{n}">p{n}</a>' for n in range(4))
    site.page("/", f'{pages}<a href="{council}/committee">Committee</a>')
    site.fallback = lambda path: Reply(body=f'<a href="{path}/more">more</a>'.encode())
    other_site.page(
        "/committee", "".join(f'<a href="/papers/{n}.pdf">paper {n}</a>' for n in range(4))
    )
    other_site.fallback = lambda path: Reply(body=b"%PDF", content_type="application/pdf")
    started = time.monotonic()
    opts = options(site, delay=0.2, max_depth=2, related_sites=(council,))
    crawl(opts, tmp_path / "s", target_id="t")
    elapsed = time.monotonic() - started
    assert other_site.hits("/papers/3.pdf") == 1 and site.hits("/p3/more") == 1
    for host in (site, other_site):
        gaps = [b - a for a, b in zip(host.stamps, host.stamps[1:], strict=False)]
        # One request at a time per host, 0.2 s apart (less a little server-side jitter).
        assert min(gaps) >= 0.12
    # The council's papers were fetched while the LEP's own pages were still being crawled.
    assert max(other_site.stamps) < max(site.stamps)
    # One host after the other would take at least the sum of both paces.
    assert elapsed < 0.2 * (len(site.stamps) + len(other_site.stamps))
