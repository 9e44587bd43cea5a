"""What several check kinds share: choosing documents (`selection`), finding words in them with
a quotable sentence around the hit (`text_search`) and dating them (`dating`).

A helper used by one kind only stays in that kind's module; it moves here when a second kind
needs it.
"""
