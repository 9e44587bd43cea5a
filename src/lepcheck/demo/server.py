"""A loopback web server for static LEP websites: the bundled sample site and test fixtures.

Standard library only, so the demo and the tests exercise the real crawler against a real
HTTP server without reaching outside the machine. Each site root holds its files plus a
`manifest.json`:

    {"lep": {"id": ..., "name": ...}, "as_of": "2023-11-30",
     "files": {"/documents/agenda.pdf": {"last_modified": "2023-03-01T09:00:00Z"}},
     "routes": {"/ieListDocuments.aspx?CId=123&MId=456": "ieListDocuments_456.html"}}

`files` gives the Last-Modified header of a URL path (else the file's mtime is used);
`routes` maps a path plus query string to a file, for sites whose URLs carry queries.
HTML responses have every `{{NAME}}` replaced by `substitutions["NAME"]`, so one site can
link to another whose port is only known at serve time.
"""

from __future__ import annotations

import json
import mimetypes
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

MANIFEST_NAME = "manifest.json"
SAMPLE_SITE_ROOT: Path = Path(str(files("lepcheck.demo") / "site"))

CONTENT_TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".css": "text/css; charset=utf-8",
    ".png": "image/png",
}


def load_manifest(root: Path) -> dict[str, Any]:
    """The site's manifest.json as a dict (empty sections when the file is absent)."""
    path = root / MANIFEST_NAME
    if not path.is_file():
        return {"files": {}, "routes": {}}
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    loaded.setdefault("files", {})
    loaded.setdefault("routes", {})
    return loaded


def sample_target() -> dict[str, str]:
    """The bundled sample LEP: {"id", "name", "as_of" (YYYY-MM-DD)} from its manifest."""
    manifest = load_manifest(SAMPLE_SITE_ROOT)
    return {
        "id": str(manifest["lep"]["id"]),
        "name": str(manifest["lep"]["name"]),
        "as_of": str(manifest["as_of"]),
    }


def content_type_for(path: Path) -> str:
    known = CONTENT_TYPES.get(path.suffix.lower())
    if known:
        return known
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def parse_manifest_time(value: str) -> datetime:
    """An ISO 8601 time from the manifest ("2023-03-01T09:00:00Z") as an aware UTC datetime."""
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


class StaticSite:
    """Maps request targets to files under one root, with the manifest's dates and routes."""

    def __init__(self, root: Path, substitutions: Mapping[str, str] | None = None) -> None:
        self.root = root.resolve()
        manifest = load_manifest(self.root)
        self.file_times: dict[str, Any] = manifest["files"]
        self.routes: dict[str, str] = manifest["routes"]
        self.substitutions = dict(substitutions or {})

    def locate(self, target: str) -> tuple[Path, str] | None:
        """The file a request target names and its manifest key, or None (404)."""
        split = urlsplit(target)
        with_query = f"{split.path}?{split.query}" if split.query else split.path
        if with_query in self.routes:
            return self.inside_root(self.routes[with_query].lstrip("/"), with_query)
        path = unquote(split.path)
        if not path.startswith("/") or "\\" in path or "\x00" in path:
            return None
        parts = [part for part in path.split("/") if part]
        if any(part in {".", ".."} for part in parts):
            return None
        if parts == [MANIFEST_NAME]:
            return None
        relative = "/".join(parts)
        if path.endswith("/") or not parts:
            relative = f"{relative}/index.html".lstrip("/")
        return self.inside_root(relative, path)

    def inside_root(self, relative: str, key: str) -> tuple[Path, str] | None:
        candidate = (self.root / relative).resolve()
        if not candidate.is_relative_to(self.root) or not candidate.is_file():
            return None
        if candidate == self.root / MANIFEST_NAME:
            return None
        return candidate, key

    def is_directory(self, target: str) -> bool:
        """True when the target names a folder without its trailing slash (redirect it)."""
        path = unquote(urlsplit(target).path)
        if path.endswith("/") or ".." in path.split("/"):
            return False
        candidate = (self.root / path.lstrip("/")).resolve()
        return candidate.is_relative_to(self.root) and candidate.is_dir()

    def last_modified(self, file: Path, key: str) -> datetime:
        url_path = "/" + file.relative_to(self.root).as_posix()
        for name in (key, url_path, url_path.removesuffix("index.html")):
            entry = self.file_times.get(name)
            if entry and "last_modified" in entry:
                return parse_manifest_time(str(entry["last_modified"]))
        return datetime.fromtimestamp(int(file.stat().st_mtime), tz=UTC)

    def body(self, file: Path) -> bytes:
        data = file.read_bytes()
        if self.substitutions and content_type_for(file).startswith("text/html"):
            text = data.decode("utf-8")
            for name, value in self.substitutions.items():
                text = text.replace("{{" + name + "}}", value)
            data = text.encode("utf-8")
        return data


class SiteRequestHandler(BaseHTTPRequestHandler):
    server: SiteServer
    server_version = "lepcheck-demo/1.0"

    def do_GET(self) -> None:
        self.respond(include_body=True)

    def do_HEAD(self) -> None:
        self.respond(include_body=False)

    def respond(self, *, include_body: bool) -> None:
        site = self.server.site
        found = site.locate(self.path)
        if found is None:
            if site.is_directory(self.path):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", urlsplit(self.path).path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_plain(HTTPStatus.NOT_FOUND, b"Not found\n", include_body)
            return
        file, key = found
        modified = site.last_modified(file, key)
        if self.not_modified_since(modified):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("Last-Modified", format_datetime(modified, usegmt=True))
            self.end_headers()
            return
        body = site.body(file)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type_for(file))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", format_datetime(modified, usegmt=True))
        self.end_headers()
        if include_body:
            self.wfile.write(body)

    def not_modified_since(self, modified: datetime) -> bool:
        header = self.headers.get("If-Modified-Since")
        if not header:
            return False
        try:
            since = parsedate_to_datetime(header)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return modified <= since

    def send_plain(self, status: HTTPStatus, body: bytes, include_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if include_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the demo and the tests print their own progress."""


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], site: StaticSite) -> None:
        self.site = site
        super().__init__(address, SiteRequestHandler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up early (a crawler's size cap) is normal, not worth a traceback."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve_site(
    root: Path,
    host: str = "127.0.0.1",
    port: int = 0,
    substitutions: Mapping[str, str] | None = None,
) -> Iterator[str]:
    """Serve `root` in a daemon thread; yield its base URL ("http://127.0.0.1:54321/").

    Port 0 picks a free port. The server stops when the block exits. Several sites can be
    served at once (an LEP site and its council's committee site).
    """
    server = SiteServer((host, port), StaticSite(Path(root), substitutions))
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.05},
        name="lepcheck-site",
        daemon=True,
    )
    thread.start()
    bound_host, bound_port = server.server_address[:2]
    shown_host = f"[{bound_host!s}]" if ":" in str(bound_host) else str(bound_host)
    try:
        yield f"http://{shown_host}:{bound_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
