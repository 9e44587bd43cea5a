"""Recording: every fetch goes into the snapshot as it happened, redirect hops, the final
response or the error, and the URLs it skipped with the reason (the snapshot is the evidence
every later verdict cites)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from lepcheck.crawl.fetch import FetchResult, RenderedPage, Response
from lepcheck.crawl.recrawl import ArchivedResponse
from lepcheck.crawl.render.account import note_render
from lepcheck.crawl.state import CrawlState
from lepcheck.crawl.urls import dedup_key
from lepcheck.models import ArchiveCapture, FetchRecord
from lepcheck.snapshot.errors import SnapshotError
from lepcheck.snapshot.index_db import FrontierEntry
from lepcheck.snapshot.warc_files import read_response


def warc_headers(response: Response) -> dict[str, str]:
    headers = {"WARC-IP-Address": response.ip_address} if response.ip_address else {}
    if response.truncated_by:
        headers["WARC-Truncated"] = response.truncated_by
    if response.capture is not None:
        headers.update(capture_headers(response.capture))
    return headers


def capture_headers(capture: ArchiveCapture) -> dict[str, str]:
    """Where a replayed response came from (issue 15): WARC-Date is the archive's capture time,
    WARC-Target-URI the original URL, and these name the archive and the capture's address.
    A revisit names the capture whose bytes it repeats, as WARC revisit records do."""
    headers = {
        "WARC-Source-URI": capture.capture_url,
        "WARC-Lepcheck-Archive": capture.archive,
        "WARC-Lepcheck-Original-URI": capture.original_url,
    }
    if capture.digest:
        headers["WARC-Lepcheck-Archive-Digest"] = f"sha1:{capture.digest}"
    if capture.revisit_of is not None:
        headers["WARC-Refers-To-Target-URI"] = capture.original_url
        headers["WARC-Refers-To-Date"] = capture.revisit_of.strftime("%Y-%m-%dT%H:%M:%SZ")
    return headers


class Recorder:
    def __init__(self, state: CrawlState) -> None:
        self.state = state
        self.writer = state.writer

    def archive_hops(self, result: FetchResult) -> None:
        """Archive each redirect hop of a fetch as fetched, and mark its URL seen."""
        for hop in result.hops:
            self.writer.record_redirect(
                url=hop.url,
                status=hop.status,
                headers=hop.headers,
                body=hop.body,
                fetched_at=hop.fetched_at,
                request_headers=hop.request_headers,
                extra_warc_headers=warc_headers(hop),
            )
            self.state.seen.add(dedup_key(hop.url))

    def archive(
        self,
        result: FetchResult,
        *,
        via: str | None,
        depth: int,
        link_text: str | None,
        previous: FetchRecord | None = None,
        carried: ArchivedResponse | None = None,
        role: str = "page",
    ) -> tuple[FetchRecord | None, bytes]:
        """Write hops and the final response (or the error) of one fetch into the snapshot.

        Returns the index record and the body it archived (after a 304, the previous body).
        """
        self.archive_hops(result)
        final = result.final
        if final is None:
            return self._failure(result, via=via, depth=depth, link_text=link_text, role=role)
        self.state.seen.add(dedup_key(final.url))
        if final.status == 304 and previous is not None and carried is not None:
            return self.carry_over(result.url, final, previous, carried, via, depth, link_text)
        digest = hashlib.sha256(final.body).hexdigest()
        unchanged = previous is not None and previous.sha256 == digest
        record = self.writer.record_response(
            url=result.url,
            final_url=final.url,
            status=final.status,
            headers=final.headers,
            body=final.body,
            fetched_at=final.fetched_at,
            request_headers=final.request_headers,
            via=via,
            link_text=link_text,
            depth=depth,
            truncated=final.truncated,
            first_seen=previous.first_seen if previous is not None and unchanged else None,
            extra_warc_headers=warc_headers(final),
            role=role,
            capture=final.capture,
        )
        if role == "page":
            self.state.note_landed(record)
        detail = f"HTTP {final.status}, {record.length} bytes"
        self.state.emit(
            "fetched", result.url, detail + (" (cut at max_bytes)" if final.truncated else "")
        )
        if result.rendered is not None:
            return self.archive_rendered(record, final.body, result.rendered)
        return record, final.body

    def archive_rendered(
        self, page: FetchRecord, body: bytes, rendered: RenderedPage
    ) -> tuple[FetchRecord, bytes]:
        """After a page's response: what a browser loaded for it (each response as fetched,
        role "subresource"), then the DOM it drew, a conversion record referring to the page's
        response. The DOM is what the crawl follows links in and the extract stage reads;
        without one, the page as the server sent it."""
        for loaded in rendered.loaded:
            if loaded.final is not None:
                self._archive_loaded(page, loaded, loaded.final)
        note_render(self.writer, page, rendered)
        if rendered.dom is None:
            self.state.emit("error", page.url, f"not rendered: {rendered.problem}")
            return page, body
        record = self.writer.record_conversion(
            original=page,
            body=rendered.dom,
            content_type="text/html; charset=utf-8",
            fetched_at=rendered.rendered_at,
            truncated_by=rendered.truncated_by,
            extra_warc_headers={"WARC-Lepcheck-Rendered": " ".join(rendered.reason.split())},
        )
        count = sum(1 for r in rendered.loaded if r.final is not None)
        self.state.emit("rendered", page.url, f"{rendered.reason}; {count} responses loaded")
        return record, rendered.dom

    def _failure(
        self, result: FetchResult, *, via: str | None, depth: int, link_text: str | None, role: str
    ) -> tuple[FetchRecord | None, bytes]:
        """A fetch with no final response: skipped on purpose, or an error."""
        if result.skip_reason:
            via_for_skip = via if result.skip_url == result.url else result.url
            self.state.skip(result.skip_url or result.url, result.skip_reason, via_for_skip)
            self.writer.mark_done(result.url)
            return None, b""
        record = self.writer.record_error(
            url=result.url,
            error=result.error or "no response",
            fetched_at=datetime.now(UTC),
            via=via,
            depth=depth,
            link_text=link_text,
            role=role,
        )
        self.state.emit("error", result.url, record.error or "")
        return record, b""

    def carry_over(
        self,
        url: str,
        final: Response,
        previous: FetchRecord,
        carried: ArchivedResponse,
        via: str | None,
        depth: int,
        link_text: str | None,
    ) -> tuple[FetchRecord, bytes]:
        """A 304: the previous body goes into this snapshot, so it stands on its own."""
        headers, body = carried
        record = self.writer.record_response(
            url=url,
            final_url=final.url,
            status=previous.status,
            headers=headers,
            body=body,
            fetched_at=final.fetched_at,
            request_headers=final.request_headers,
            via=via,
            link_text=link_text,
            depth=depth,
            first_seen=previous.first_seen,
            extra_warc_headers={
                **warc_headers(final),
                "WARC-Lepcheck-Revalidated": "304 Not Modified",
            },
        )
        self.state.emit("unchanged", url, "HTTP 304, previous copy kept")
        self.state.note_landed(record)
        return record, body

    def _archive_loaded(self, page: FetchRecord, loaded: FetchResult, final: Response) -> None:
        """One response a rendered page loaded, with its redirect hops, as fetched."""
        for hop in loaded.hops:
            self.writer.record_redirect(
                url=hop.url, status=hop.status, headers=hop.headers, body=hop.body,
                fetched_at=hop.fetched_at, request_headers=hop.request_headers,
                extra_warc_headers=warc_headers(hop),
            )  # fmt: skip
        self.writer.record_response(
            url=loaded.url, final_url=final.url, status=final.status, headers=final.headers,
            body=final.body, fetched_at=final.fetched_at, request_headers=final.request_headers,
            via=page.final_url, depth=page.depth, truncated=final.truncated, role="subresource",
            extra_warc_headers={**warc_headers(final), "WARC-Lepcheck-Loaded-By": page.final_url},
        )  # fmt: skip

    def copy_landed(
        self, entry: FrontierEntry, result: FetchResult, landed: FetchRecord
    ) -> tuple[FetchRecord, bytes] | None:
        """Index `entry.url` with the response already archived where its redirects lead.

        The redirect hops are archived as fetched; the response is written again from the
        archive (no second request), so every requested URL keeps its own index row.
        """
        try:
            headers, body = read_response(self.writer.path / landed.warc_file, landed.warc_offset)
        except SnapshotError:
            return None
        self.archive_hops(result)
        record = self.writer.record_response(
            url=entry.url,
            final_url=landed.final_url,
            status=landed.status,
            headers=headers,
            body=body,
            fetched_at=landed.fetched_at,
            via=entry.via,
            link_text=entry.link_text,
            depth=entry.depth,
            first_seen=landed.first_seen,
            extra_warc_headers={"WARC-Lepcheck-Same-As": landed.url},
        )
        self.state.emit("unchanged", entry.url, f"same as {landed.final_url}, not fetched again")
        return record, body
