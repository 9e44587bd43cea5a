"""Errors of the snapshot stage."""

from lepcheck.errors import UsageError


class SnapshotError(UsageError):
    """A folder is not a usable snapshot, or a finished snapshot was written to.

    The message is one line, fit to show to a user as it is.
    """


class UnfinishedSnapshotError(SnapshotError):
    """The crawl of a snapshot did not finish, and a complete one was required."""


class DamagedRecordError(SnapshotError):
    """One record's archived bytes cannot be had: the WARC is damaged or cut short there, or
    the bytes read back are not the ones indexed. The rest of the snapshot is still usable:
    readers list that record's document as unreadable, with this message as the reason."""
