"""ArchiveSource: the `FetchSource` of a time-machine crawl. Each URL is answered by replaying
the capture the index chose (`{collection}/{timestamp}id_/{url}`: the bytes as captured), a
captured redirect is followed to the capture of its target, and a URL the archive cannot
answer is a fetch error saying why (never captured, only errors, stale, the archive down), so
it is listed with what the crawl could not read. No request goes to the target's own host.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from contextlib import suppress
from email.utils import parsedate_to_datetime

from lepcheck.crawl.archive.client import ArchiveAnswer, ArchiveClient, ArchiveError
from lepcheck.crawl.archive.index import CaptureIndex, Resolved
from lepcheck.crawl.fetch import (
    MAX_HOPS,
    REDIRECT_STATUSES,
    UNWANTED_MEDIA,
    FetchResult,
    HopCheck,
    Response,
)
from lepcheck.crawl.urls import normalise_url
from lepcheck.models import ArchiveCapture

# The Internet Archive keeps some original headers under this prefix in its replays.
_ORIGINAL_PREFIX = "x-archive-orig-"


def sha1_base32(body: bytes) -> str:
    """A payload digest as CDX indexes give it (WARC-Payload-Digest without "sha1:")."""
    return base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")  # noqa: S324 -- the archives' digest


def original_headers(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The replay's headers with the original server's restored where the archive prefixed
    them (Last-Modified is evidence of its own)."""
    present = {k.lower() for k, _ in headers}
    restored = []
    for key, value in headers:
        lower = key.lower()
        name = lower.removeprefix(_ORIGINAL_PREFIX)
        if lower.startswith(_ORIGINAL_PREFIX) and name not in present:
            restored.append((key[len(_ORIGINAL_PREFIX) :], value))
    return [*headers, *restored]


def capture_of(index: CaptureIndex, chosen: Resolved, answer: ArchiveAnswer) -> ArchiveCapture:
    captured_at = chosen.row.captured_at
    memento = answer.header("memento-datetime")
    if memento:
        with suppress(TypeError, ValueError, IndexError):
            captured_at = parsedate_to_datetime(memento)  # the capture the archive served
    return ArchiveCapture(
        archive=index.profile.name,
        captured_at=captured_at,
        capture_url=answer.url,
        original_url=chosen.row.url,
        digest=chosen.row.digest,
        revisit_of=chosen.revisit_of.captured_at if chosen.revisit_of else None,
    )


class ArchiveSource:
    def __init__(self, index: CaptureIndex, client: ArchiveClient) -> None:
        self.index = index
        self.client = client

    async def fetch(
        self,
        url: str,
        *,
        check_hop: HopCheck,
        extra_headers: dict[str, str] | None = None,  # no conditional requests to archives
        skip_unwanted_types: bool = True,
        max_bytes: int | None = None,
    ) -> FetchResult:
        """The capture of `url` as it stood on the day, its captured redirects followed."""
        result = FetchResult(url=url)
        current = url
        visits = Counter([url])
        for _ in range(MAX_HOPS + 1):
            reason = await check_hop(current)
            if reason:
                result.skip_reason, result.skip_url = reason, current
                return result
            choice = await self.index.choose(current)
            if choice.capture is None:
                result.error = choice.problem
                return result
            if skip_unwanted_types and choice.capture.mime.lower().startswith(UNWANTED_MEDIA):
                result.skip_reason, result.skip_url = "type", current
                return result
            try:
                response = await self._replay(current, choice.capture, max_bytes)
            except ArchiveError as error:
                result.error = str(error)
                return result
            target = self._redirect_target(response, current)
            if target is None:
                result.final = response
                return result
            result.hops.append(response)
            if visits[target] >= 2:
                result.error = f"redirect loop at {target} in {self.index.profile.name}'s captures"
                return result
            visits[target] += 1
            current = target
        result.error = f"more than {MAX_HOPS} captured redirects"
        return result

    def _redirect_target(self, response: Response, current: str) -> str | None:
        if response.status not in REDIRECT_STATUSES:
            return None
        location = next((v for k, v in response.headers if k.lower() == "location"), None)
        if not location:
            return None
        return normalise_url(self.index.profile.original_of(location), current)

    async def _replay(self, url: str, chosen: Resolved, max_bytes: int | None) -> Response:
        profile = self.index.profile
        answer = await self.client.get(profile.replay_url(chosen.row.timestamp, url), "replay")
        if answer.status >= 400:
            raise ArchiveError(
                f"{profile.name} could not replay its capture of {url} of "
                f"{chosen.row.captured_at:%Y-%m-%d %H:%M} UTC: HTTP {answer.status}"
            )
        capture = capture_of(self.index, chosen, answer)
        body = answer.body if max_bytes is None else answer.body[:max_bytes]
        return Response(
            url=url,
            status=answer.status,
            headers=original_headers(answer.headers),
            body=body,
            request_headers=answer.request_headers,
            fetched_at=capture.captured_at,  # the bytes are as the archive captured them then
            truncated=answer.truncated or len(body) < len(answer.body),
            truncated_by="length" if answer.truncated or len(body) < len(answer.body) else None,
            capture=capture,
        )
