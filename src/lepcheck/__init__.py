"""lepcheck: evidence-linked governance and transparency checks for LEPs."""

__version__ = "0.1.0"
