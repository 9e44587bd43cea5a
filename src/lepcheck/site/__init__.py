"""The site model: what an LEP website says, read from its extracted Documents.

`build_site_model` (`build`) is the stage's entry point (docs/architecture.md, "site"). The readers
are families of their own: `board/` (members from cards, tables, lists, profiles),
`registers/` (one entry per member's register of interests, Ney 6.1) and `meetings/` (agenda,
papers, minutes and when each was published; declarations of interest recorded in minutes,
Ney 9.1); `projects` reads funded projects. Shared by the readers: `names` matches people's
names across pages, `labels` and `day_dates` read what documents are called and dated,
`table_header` finds a table's header row, and every fact carries a `SourceRef` built in
`source`.
"""

from lepcheck.site.board import read_board
from lepcheck.site.build import build_site_model
from lepcheck.site.meetings import read_declarations, read_meetings, read_people
from lepcheck.site.projects import read_projects
from lepcheck.site.registers import read_registers

__all__ = [
    "build_site_model",
    "read_board",
    "read_declarations",
    "read_meetings",
    "read_people",
    "read_projects",
    "read_registers",
]
