"""Publication proved by archive captures (issue 15 item 3): for every page and document the
crawl archived, the archive's first capture with status 200 of the same bytes (the archive's
digest against the SHA-1 of ours). A capture shows the document was public by then; a first
capture after a deadline proves nothing (the archive may simply have come late), which the
timeliness checks know. The index was read for the crawl already: this asks no more of it for
the site's own hosts."""

from __future__ import annotations

from lepcheck.crawl.archive.index import CaptureIndex
from lepcheck.crawl.archive.source import sha1_base32
from lepcheck.models import ArchiveCapture
from lepcheck.snapshot.errors import SnapshotError
from lepcheck.snapshot.store import SnapshotWriter
from lepcheck.snapshot.warc_files import read_response


async def prove_publication(index: CaptureIndex, writer: SnapshotWriter) -> int:
    """Record the first capture of each archived 2xx page and document; how many had one."""
    proved = 0
    done: set[str] = set()
    for record in writer.records(role="page"):
        if record.error or not 200 <= record.status < 300 or record.url in done:
            continue
        done.add(record.url)
        try:
            _, body = read_response(writer.path / record.warc_file, record.warc_offset)
        except SnapshotError:
            continue
        first = await index.first_capture(record.final_url, sha1_base32(body))
        if first is None:
            continue
        row = first.row
        capture = ArchiveCapture(
            archive=index.profile.name,
            captured_at=row.captured_at,
            capture_url=index.profile.replay_url(row.timestamp, row.url),
            original_url=row.url,
            digest=row.digest,
            same_bytes=bool(row.digest),
        )
        writer.record_capture(record.url, "first", capture)
        proved += 1
    return proved
