"""The LEP's meetings as its accountable body's committee system declares them (issue 14).

`facts` joins the committee records of many responses meeting by meeting; `derived` makes the
agenda and minutes the web service declares into documents the rules read; `meetings` builds
each Meeting with its dates and their provenance; `join` merges them with the meetings read
from the LEP's own pages, so one meeting listed on both sides is one meeting. For a successor body
audited in its own right, `service_dates` dates the papers its own pages cite as its install's
web service declares them.
"""

from lepcheck.site.committees.join import join_meetings, read_committee_meetings

__all__ = ["join_meetings", "read_committee_meetings"]
