"""Meetings: which papers belong to which meeting (`labels`: role, body, date), the meetings
themselves with when each paper was published (`reader`, `publication`), and what minutes
record: declarations of interest and the action taken (`declarations`, read sentence by
sentence in `declaration_sentences`) and the people present (`people`).
"""

from lepcheck.site.meetings.declarations import read_declarations
from lepcheck.site.meetings.people import read_people
from lepcheck.site.meetings.reader import minutes_documents, read_meetings

__all__ = ["minutes_documents", "read_declarations", "read_meetings", "read_people"]
