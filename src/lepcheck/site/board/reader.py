"""Board members from board pages: which pages list the board, and each member once.

BOARD-01..05, 10 and 13 (private-sector chair and deputy, two-thirds private sector, size,
gender balance, terms) are decided from this list, and ROI-01 (Ney 6.1: a register for each
board member) compares registers against it. Staff pages, news and headings such as "Our Board"
are not members; a member seen on several pages is one member. A page is read as tables and
cards (`tables`, `cards`), else as a profile or a list of names (`lists`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from lepcheck.models import BoardMember, Document
from lepcheck.site.board.cards import read_cards
from lepcheck.site.board.lists import read_list, read_profile
from lepcheck.site.board.tables import read_tables
from lepcheck.site.labels import url_path
from lepcheck.site.names import match_keys, name_match
from lepcheck.vocab.kinds import BOARD_PAGE_CUE, BOARD_SECTION_HEADING, NOT_BOARD_PAGE_CUE
from lepcheck.vocab.roles import PROFILE_PATH


def is_board_document(doc: Document) -> bool:
    """Board listing or profile page: the classifier's word, or a board cue in its labels.
    ("Board and Executive Team" pages count; their staff cards are left out by heading.)"""
    if doc.kind == "board_page":
        return True
    if doc.format != "html" and doc.kind not in {"governance_page", "other"}:
        return False
    name_cues = f"{doc.title} | {url_path(doc.url)} | {' | '.join(doc.link_texts)}"
    if BOARD_PAGE_CUE.search(name_cues) and not NOT_BOARD_PAGE_CUE.search(name_cues):
        return True
    # A governance page with a section headed "Our Board" or "Board members".
    return doc.format == "html" and any(BOARD_SECTION_HEADING.match(h) for h in doc.headings)


def read_board_document(doc: Document) -> list[BoardMember]:
    """Members one board document names, in reading order (tables, then cards, else a list)."""
    members = read_tables(doc) + read_cards(doc)
    if not members:
        members = read_profile(doc) or read_list(doc)
    return members


def _merge(first: BoardMember, later: BoardMember) -> BoardMember:
    """One member seen twice: keep the first source, fill what it left at its default."""
    name = first.name if len(first.name) >= len(later.name) else later.name
    # A role from another site (a council's committee page) is that committee's, not the LEP's.
    same_site = urlsplit(first.source.url).hostname == urlsplit(later.source.url).hostname
    return first.model_copy(
        update={
            "name": name,
            "role": first.role if first.role != "member" or not same_site else later.role,
            "organisation": first.organisation or later.organisation,
            "sector": first.sector if first.sector != "unknown" else later.sector,
            "appointed": first.appointed or later.appointed,
            "term_end": first.term_end or later.term_end,
            "gender": first.gender if first.gender != "unknown" else later.gender,
        }
    )


SAME_PERSON = 0.75


def merge_members(members: Iterable[BoardMember]) -> list[BoardMember]:
    """Each person once, at the place they were first seen. Only members sharing a
    `match_keys` key can be the same person, so each is compared with its few namesakes, not
    with every member before it (quadratic on a page of thousands of cards, issue 11)."""
    merged: list[BoardMember] = []
    by_key: dict[str, list[int]] = {}
    for member in members:
        keys = match_keys(member.name)
        namesakes = sorted({index for key in keys for index in by_key.get(key, ())})
        for index in namesakes:
            if name_match(merged[index].name, member.name) >= SAME_PERSON:
                merged[index] = _merge(merged[index], member)
                # The merged name may be the other spelling: findable by its keys too.
                keys = match_keys(merged[index].name)
                break
        else:
            index = len(merged)
            merged.append(member)
        for key in keys:
            by_key.setdefault(key, []).append(index)
    return merged


def read_board(documents: Sequence[Document], home_url: str = "") -> list[BoardMember]:
    """All board members across the site's board documents, each once.

    The LEP's own board page speaks first: when pages disagree (an accountable body's committee
    page may call its own chair "Chair"), the first page read keeps its role and organisation.
    """
    found: list[BoardMember] = []
    board_docs = [d for d in documents if d.readable and is_board_document(d)]
    home = urlsplit(home_url).hostname or ""

    def reading_order(doc: Document) -> tuple[bool, bool, bool, int, str]:
        return (
            bool(home) and urlsplit(doc.url).hostname != home,
            doc.kind != "board_page",
            bool(PROFILE_PATH.search(url_path(doc.url))),  # listing pages before profiles
            doc.depth,
            doc.url,
        )

    board_docs.sort(key=reading_order)
    for doc in board_docs:
        found.extend(read_board_document(doc))
    return merge_members(found)
