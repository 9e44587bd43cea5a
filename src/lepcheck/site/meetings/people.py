"""The people a meeting document names (attendance lines, titled names, names that act), for
`lepcheck inspect`.
"""

from __future__ import annotations

import re

from lepcheck.models import Document
from lepcheck.site.names import looks_like_person_name, strip_titles_and_honours
from lepcheck.vocab.meetings import ATTENDANCE_LINE
from lepcheck.vocab.people import PERSON, PERSON_VERB, TITLED


def read_people(doc: Document) -> list[str]:
    """Person names a document mentions, in first-seen order (for `lepcheck inspect`): from
    attendance lines, titled names, and names that declare, say or do something."""
    people: list[str] = []
    seen: set[str] = set()

    def add(candidate: str) -> None:
        name = strip_titles_and_honours(candidate)
        if looks_like_person_name(name) and name.lower() not in seen:
            seen.add(name.lower())
            people.append(name)

    text = doc.text
    for match in ATTENDANCE_LINE.finditer(text):
        names = match.group("names")
        if not names.strip():  # "Present" as a heading, the names on the next line
            names = text[match.end() :].lstrip("\n").split("\n", 1)[0]
        for part in re.split(r",|;|\band\b", names):
            add(re.sub(r"\([^)]*\)", "", part).strip(" .\t"))
    for match in PERSON.finditer(text):
        name = match.group(0)
        if TITLED.match(name) or PERSON_VERB.match(text, match.end()):
            add(name)
    for table in doc.tables:
        for row in table.rows:
            for cell in row:
                if looks_like_person_name(cell):
                    add(cell)
    return people
