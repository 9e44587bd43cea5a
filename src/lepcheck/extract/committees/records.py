"""One archived response to the committee record it carries, if it is a committee system's."""

from __future__ import annotations

from lepcheck.committee_records import CommitteeRecord
from lepcheck.crawl.committees.moderngov import urls
from lepcheck.crawl.committees.moderngov.service import READERS, ServiceAnswerError, read_answer
from lepcheck.extract.committees.moderngov import read_page
from lepcheck.models import FetchRecord


class CommitteeAnswerError(Exception):
    """A committee system's answer that cannot be read; the message says why, in one line."""


def is_service_answer(record: FetchRecord) -> bool:
    return urls.service_method(record.final_url) in READERS


def committee_record(record: FetchRecord, body: bytes) -> CommitteeRecord | None:
    """The record of a web-service answer or a ModernGov page; None for anything else.
    Raises CommitteeAnswerError for a web-service answer that cannot be used."""
    method = urls.service_method(record.final_url)
    if method in READERS:
        try:
            return read_answer(method, record.content_type, body, truncated=record.truncated)
        except ServiceAnswerError as error:
            raise CommitteeAnswerError(f"ModernGov {method}: {error}") from error
    if "html" not in record.content_type.lower():
        return None
    return read_page(body, record.final_url)
