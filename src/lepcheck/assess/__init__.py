"""The verdict, in one package: rules evaluated into findings, waivers applied, scored and
rated, and the action plan; for the statement, requirements concluded.

Every function here is pure: it reads the site model, the ruleset, the waivers and the as-of
day, never a clock, a file or the network. Reports, the statement and the dashboard render
what it returns; nothing else decides a status, a score or a date to act by.
"""

from lepcheck.assess.verdict import (
    Assessment,
    assess,
    build_report,
    judge,
    printable_report,
    reassess,
)

__all__ = ["Assessment", "assess", "build_report", "judge", "printable_report", "reassess"]
