"""The shared vocabulary: word lists and patterns the readers, checks and rules use, by family.

Heuristics are data here, not regexes scattered through the stages. Each module is one family
and each constant has a one-line comment saying why it exists and where its words come from;
tests/vocab/<family>.yaml gives every constant phrases it must match and phrases it must not,
taken from the labelled corpus (development part) and the fixture sites.

Families: `people` (titles, honours, short forms, the shapes of names, gender words), `roles`
(board roles, members and non-members, the fields of a member's entry), `sectors` (sector labels
and organisations' names),
`dates` (month and weekday names, the cues that say what a date dates), `caveats`
(denials, drafts, templates, superseded and other bodies' documents, soft 404 pages), `files`
(file-name, URL and link-text cues).

This package sits at the bottom of the layers: it imports nothing of lepcheck but `models`.
How rule patterns are read (a space matches any whitespace, case does not matter) is defined
once, in `dialect`.
"""
