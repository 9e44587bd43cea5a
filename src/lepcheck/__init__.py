"""lepcheck: evidence-linked governance and transparency checks for Local Enterprise Partnerships."""

__version__ = "0.1.0"
