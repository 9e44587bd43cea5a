"""Web archives as a fetch source (issue 15): a site as it stood on a day, read from the captures
of a Wayback-compatible archive, and archive captures as proof of when a document was public.

`profiles` names the archives (bundled ia, ukwa, ukgwa, or any collection URL); `settings` is
what one crawl asks of them; `cdx` reads both CDX dialects; `rates` and `client` keep to each
archive's limits; `cache` keeps index answers in the snapshot folder; `index` turns a handful
of CDX queries per site into the capture each URL needs; `source` is the `FetchSource` that
replays them; `proof` finds each document's first capture; `session` wires them for one crawl.
"""

from lepcheck.crawl.archive.profiles import ArchiveProfile, UnknownArchiveError, resolve_archive
from lepcheck.crawl.archive.settings import ArchiveSettings

__all__ = ["ArchiveProfile", "ArchiveSettings", "UnknownArchiveError", "resolve_archive"]
