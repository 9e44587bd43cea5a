"""Errors of the snapshot stage."""

from lepcheck.errors import UsageError


class SnapshotError(UsageError):
    """A folder is not a usable snapshot, or a finished snapshot was written to.

    The message is one line, fit to show to a user as it is.
    """
