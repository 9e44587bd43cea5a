"""The site model: what an LEP website says, read from its extracted Documents.

`build.build_site_model` is the stage's entry point (docs/stages.md, "site"). Readers:
`board` (members from cards, tables, lists, profiles), `registers` (one entry per member's
register of interests, Ney 6.1), `meetings` (agenda, papers, minutes and when each was
published), `declarations` (from minutes, Ney 9.1), `projects` (funded projects). `names`
matches people's names across pages; every fact carries a `SourceRef` built in `source`.
"""
