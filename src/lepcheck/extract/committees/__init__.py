"""What a committee system's responses declare, read into committee records on the Document:
the ModernGov web service's answers (read by the crawl's own reader, `crawl.committees`) and
its pages (`moderngov`, read here with bs4)."""

from lepcheck.extract.committees.records import committee_record

__all__ = ["committee_record"]
