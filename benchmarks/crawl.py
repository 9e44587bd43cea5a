"""Crawl benchmark: pages/s on a generated 2,000-page loopback site, lepcheck beside Scrapy,
and the bytes moved by an unchanged re-crawl (conditional requests against the previous
snapshot).

    PYTHONPATH=src .venv/bin/python benchmarks/crawl.py [--pages 2000] [--runs 5] [--no-scrapy]

Each figure is the median of --runs runs (lepcheck and Scrapy back to back in each), with the
range beside it.

Scrapy runs from its own virtualenv, benchmarks/.env, which this script creates on first use
(pip install scrapy==2.19.*, the version the README quotes), so it never enters lepcheck's
dependencies.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path

from lepcheck.crawl import CrawlOptions, crawl

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.timing import machine  # noqa: E402

HERE = Path(__file__).resolve().parent
SCRAPY_ENV = HERE / ".env"
SCRAPY_VERSION = "2.19.*"  # the version the README's figures quote
LINKS_PER_PAGE = 8
LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)


def page_body(number: int, pages: int) -> bytes:
    """Page n links to its children 8n+1..8n+8 (a tree), to the home page and to a PDF."""
    children = range(number * LINKS_PER_PAGE + 1, number * LINKS_PER_PAGE + 9)
    links = "".join(f'<li><a href="/page/{c}">Page {c}</a></li>' for c in children if c < pages)
    filler = "<p>Board minutes, registers of interests and papers.</p>" * 20
    return (
        f"<!doctype html><html><head><title>Page {number}</title></head><body>"
        f'<nav><a href="/">Home</a></nav><ul>{links}</ul>{filler}'
        f'<a href="/docs/{number}.pdf">Paper {number}</a></body></html>'
    ).encode()


def serve(port_queue: multiprocessing.Queue[int], sent: Synchronized[int], pages: int) -> None:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out as separate writes

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path
            if path == "/":
                path = "/page/0"
            if path.startswith("/page/") and path[6:].isdigit() and int(path[6:]) < pages:
                body, kind = page_body(int(path[6:]), pages), "text/html; charset=utf-8"
            elif path.startswith("/docs/") and path.endswith(".pdf"):
                body, kind = (
                    b"%PDF-1.4 " + hashlib.sha256(path.encode()).digest() * 64,
                    "application/pdf",
                )
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            etag = '"' + hashlib.sha1(body).hexdigest() + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            with sent.get_lock():
                sent.value += len(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port_queue.put(server.server_address[1])
    server.serve_forever()


SCRAPY_SPIDER = textwrap.dedent(
    """
    import sys, time, scrapy
    from scrapy.crawler import CrawlerProcess
    from scrapy.linkextractors import LinkExtractor

    START, LIMIT = sys.argv[1], int(sys.argv[2])
    extractor = LinkExtractor(deny_extensions=[])

    class Site(scrapy.Spider):
        name = "site"
        start_urls = [START]
        def parse(self, response):
            if not response.headers.get("Content-Type", b"").startswith(b"text/html"):
                return
            for link in extractor.extract_links(response):
                yield response.follow(link.url, self.parse)

    process = CrawlerProcess(settings={
        "ROBOTSTXT_OBEY": True, "DOWNLOAD_DELAY": 0, "CONCURRENT_REQUESTS": 8,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 4, "CLOSESPIDER_PAGECOUNT": LIMIT,
        "LOG_LEVEL": "ERROR", "TELNETCONSOLE_ENABLED": False, "DEPTH_PRIORITY": 1,
        "SCHEDULER_DISK_QUEUE": "scrapy.squeues.PickleFifoDiskQueue",
        "SCHEDULER_MEMORY_QUEUE": "scrapy.squeues.FifoMemoryQueue",
    })
    started = time.monotonic()
    crawler = process.create_crawler(Site)
    process.crawl(crawler)
    process.start()
    stats = crawler.stats.get_stats()
    print(stats.get("response_received_count", 0), time.monotonic() - started)
    """
)


def scrapy_python() -> Path:
    python = SCRAPY_ENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(SCRAPY_ENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", f"scrapy=={SCRAPY_VERSION}"], check=True
        )
    return python


def scrapy_version() -> str:
    done = subprocess.run(
        [str(scrapy_python()), "-c", "import scrapy; print(scrapy.__version__)"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def run_scrapy(start: str, limit: int) -> tuple[int, float]:
    with tempfile.TemporaryDirectory() as folder:
        # Scrapy reads its spiders' source, so the spider must live in a file.
        spider = Path(folder) / "spider.py"
        spider.write_text(SCRAPY_SPIDER, encoding="utf-8")
        done = subprocess.run(
            [str(scrapy_python()), str(spider), start, str(limit)], capture_output=True, text=True
        )
    if done.returncode != 0:
        raise SystemExit(f"scrapy failed:\n{done.stderr}")
    output = done.stdout.split()
    return int(output[-2]), float(output[-1])


def crawl_twice(options: CrawlOptions, sent: Synchronized[int]) -> dict[str, float]:
    """One first crawl and one unchanged re-crawl against it: their figures."""
    with tempfile.TemporaryDirectory() as folder:
        first, second = Path(folder) / "first", Path(folder) / "second"
        before = sent.value
        started = time.monotonic()
        info = crawl(options, first, target_id="bench")
        seconds = time.monotonic() - started
        bytes_first = sent.value - before
        warc_bytes = sum(p.stat().st_size for p in (first / "warc").glob("*.warc.gz"))
        started = time.monotonic()
        again = crawl(options.model_copy(update={"previous": first}), second, target_id="bench")
        again_seconds = time.monotonic() - started
    return {
        "responses": info.records,
        "seconds": seconds,
        "again_responses": again.records,
        "again_seconds": again_seconds,
        "bytes": bytes_first,
        "moved": sent.value - before - bytes_first,
        "warc": warc_bytes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="HTML pages on the site")
    parser.add_argument("--runs", type=int, default=5, help="runs of each; the median is quoted")
    parser.add_argument("--no-scrapy", action="store_true", help="skip the Scrapy comparison")
    args = parser.parse_args()
    total = args.pages * 2  # every page links to one PDF
    print(machine())
    if not args.no_scrapy:
        print(f"scrapy {scrapy_version()} in {SCRAPY_ENV}")

    ports: multiprocessing.Queue[int] = multiprocessing.Queue()
    sent = multiprocessing.Value("q", 0)
    server = multiprocessing.Process(target=serve, args=(ports, sent, args.pages), daemon=True)
    server.start()
    start_url = f"http://127.0.0.1:{ports.get(timeout=10)}/"
    options = CrawlOptions(
        start_url=start_url,
        allow_private_network=True,
        delay=0.0,
        max_pages=total + 10,
        max_depth=50,
        total_time=600,
        exhaustive=True,  # every page, breadth-first, as Scrapy crawls it (throughput, not economy)
    )
    ours, again, theirs, counts = [], [], [], []
    for run in range(args.runs):  # lepcheck and Scrapy back to back in each run
        figures = crawl_twice(options, sent)
        ours.append(figures["responses"] / figures["seconds"])
        again.append(figures["again_responses"] / figures["again_seconds"])
        line = (
            f"run {run + 1}: lepcheck {ours[-1]:.0f}/s, re-crawl {again[-1]:.0f}/s "
            f"({figures['moved'] / 1e6:.2f} MB of bodies moved)"
        )
        if not args.no_scrapy:
            count, seconds = run_scrapy(start_url, total + 10)
            theirs.append(count / seconds)
            counts.append(count)
            line += f", scrapy {theirs[-1]:.0f}/s ({count} responses)"
        print(line)
    print(
        f"lepcheck: {figures['responses']:.0f} responses, {rates(ours)}; bodies served "
        f"{figures['bytes'] / 1e6:.1f} MB, WARC on disk {figures['warc'] / 1e6:.1f} MB"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory of the crawling process {peak:.0f} MB")
    print(f"unchanged re-crawl: {rates(again)}, bodies moved {figures['moved'] / 1e6:.2f} MB")
    if theirs:
        print(f"scrapy: {'/'.join(str(c) for c in sorted(set(counts)))} responses, {rates(theirs)}")
    server.terminate()


def rates(per_second: list[float]) -> str:
    ordered = sorted(per_second)
    return (
        f"{statistics.median(ordered):.0f} responses/s "
        f"(median of {len(ordered)}; {ordered[0]:.0f}-{ordered[-1]:.0f})"
    )


if __name__ == "__main__":
    main()
