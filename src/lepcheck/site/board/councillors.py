"""A council's members, from its committee system: the register of interests the Localism Act
2011 s. 29 requires covers "members and co-opted members" of the authority, so MINT-01..04
compare registers against these, not against an advisory board's page.

ModernGov lists them on mgMemberIndex.aspx ("Councillor Jane Smith", each a link to
mgUserInfo.aspx?UID=..., a profile giving the party, the division and the term of office);
other sites title the page "Your councillors". A profile's "Elected: 2 May 2024" or "Term of
office: 02/05/2024 -" gives the day the member took office (s. 30(1): 28 days beginning with
that day to notify interests).
"""

from __future__ import annotations

from collections.abc import Sequence

from lepcheck.extract.dates import find_dates
from lepcheck.models import BoardMember, Document, SourceRef
from lepcheck.site.board.reader import merge_members
from lepcheck.site.labels import url_path
from lepcheck.site.names import display_name, looks_like_person_name
from lepcheck.vocab.councils import (
    COUNCILLOR_LISTING,
    COUNCILLOR_PROFILE,
    COUNCILLOR_TITLE,
    SITE_NAME_SUFFIX,
    TOOK_OFFICE,
)


def is_listing(doc: Document) -> bool:
    return doc.format == "html" and bool(
        COUNCILLOR_LISTING.search(url_path(doc.url)) or COUNCILLOR_LISTING.search(doc.title)
    )


def took_office(doc: Document) -> BoardMember | None:
    """A councillor's profile page: the name in its title, the day they took office."""
    named = COUNCILLOR_TITLE.match(SITE_NAME_SUFFIX.sub("", doc.title))
    if not (COUNCILLOR_PROFILE.search(url_path(doc.url)) and named):
        return None
    name = display_name(named.group("name"))
    if not looks_like_person_name(name):
        return None
    appointed = None
    for cue in TOOK_OFFICE.finditer(doc.text):
        found = find_dates(doc.text[cue.end() : cue.end() + 30])
        if found:
            appointed = found[0][0]
            break
    source = SourceRef(
        url=doc.url, sha256=doc.sha256, fetched_at=doc.fetched_at, locator="title", quote=doc.title
    )
    return BoardMember(name=name, sector="public", appointed=appointed, source=source)


def listed(doc: Document) -> list[BoardMember]:
    """The councillors a listing page links to."""
    members: list[BoardMember] = []
    for link in doc.links:
        named = COUNCILLOR_TITLE.match(link.text)
        if named is None:
            continue
        name = display_name(named.group("name"))
        if looks_like_person_name(name):
            source = SourceRef(
                url=doc.url,
                sha256=doc.sha256,
                fetched_at=doc.fetched_at,
                locator=f"link to {link.url}",
                quote=link.text,
            )
            members.append(BoardMember(name=name, sector="public", source=source))
    return members


def read_councillors(documents: Sequence[Document]) -> list[BoardMember]:
    """Each councillor once: the profiles first (they carry the day of taking office), then
    any the listing names without a profile fetched."""
    profiles = [m for doc in documents if doc.readable and (m := took_office(doc)) is not None]
    listings = [m for doc in documents if doc.readable and is_listing(doc) for m in listed(doc)]
    return merge_members([*profiles, *listings])
