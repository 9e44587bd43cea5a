"""build_site_model: what the site says, from its Documents (docs/architecture.md, "site").

The readers run in dependency order: the board first, because registers are matched to board
members (ROI-01) and declarations are read from minutes the meetings reader has dated. The
result does not depend on the order documents arrive in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from lepcheck.bodies import Body
from lepcheck.models import (
    BoardMember,
    Declaration,
    Document,
    FetchProblem,
    RegisterEntry,
    SiteModel,
)
from lepcheck.site.board import read_board
from lepcheck.site.board.councillors import read_councillors
from lepcheck.site.committees import join_meetings, read_committee_meetings
from lepcheck.site.committees.service_dates import with_service_dates
from lepcheck.site.datasets import headerless_problems, read_datasets
from lepcheck.site.meetings import minutes_documents, read_declarations, read_meetings
from lepcheck.site.names import NameIndex, best_match, parse_name
from lepcheck.site.projects import read_projects
from lepcheck.site.registers import read_registers
from lepcheck.vocab.meetings import BODY_KIND_WORDS, COUNCIL_MAIN_BOARD_WORDS, MAIN_BOARD_WORDS


def organisation_words(target_name: str) -> frozenset[str]:
    """Words of the LEP's own name, which prefix its bodies ('Anytown LEP Board' is 'Board')."""
    words = {w.lower() for w in re.findall(r"[\w&'’\-]+", target_name)}
    return frozenset(w for w in words if w not in BODY_KIND_WORDS)


def _unreadable_problems(
    documents: Sequence[Document], known: Sequence[FetchProblem]
) -> list[FetchProblem]:
    """Documents that were fetched but could not be read, or were read only in part (a size
    or time limit, scanned pages past the OCR limit): checks say `unknown` for them."""
    reported = {p.url for p in known}
    problems: list[FetchProblem] = []
    for doc in documents:
        if doc.url in reported:
            continue
        if not doc.readable:
            reason = doc.unreadable_reason or "no text could be extracted"
            reason = reason if doc.soft_error else f"unreadable: {reason}"
        elif doc.truncated_reason:
            reason = f"read only in part: {doc.truncated_reason}"
        else:
            continue
        reported.add(doc.url)
        link_text = doc.link_texts[0] if doc.link_texts else None
        problems.append(FetchProblem(url=doc.url, reason=reason, link_text=link_text))
    return problems


def _failed_links(
    registers: Sequence[RegisterEntry], known: Sequence[FetchProblem]
) -> list[RegisterEntry]:
    """Registers seen only as links whose fetch gave no document carry the reason."""
    failed = {p.url: p.reason for p in known}
    return [
        entry.model_copy(update={"link_failed": failed[entry.source.url]})
        if not entry.source.sha256 and entry.source.url in failed
        else entry
        for entry in registers
    ]


def _unfetched_registers(
    registers: Sequence[RegisterEntry], known: Sequence[FetchProblem]
) -> list[FetchProblem]:
    """Registers seen only as links: present, but their content could not be assessed."""
    reported = {p.url for p in known}
    problems: list[FetchProblem] = []
    for entry in registers:
        if not entry.source.sha256 and entry.source.url not in reported:
            reported.add(entry.source.url)
            reason = f"register of interests {entry.source.locator}, not fetched"
            problems.append(
                FetchProblem(url=entry.source.url, reason=reason, link_text=entry.source.quote)
            )
    return problems


def _as_board_names(
    declarations: list[Declaration], board_names: Sequence[str], board: Sequence[BoardMember] = ()
) -> list[Declaration]:
    """Minutes write "J. Doe" or "Councillor Doe"; the board page "Jane Doe". Declarations name
    the member as the board page does when the match is sure, so checks can join them to that
    member's register (COI-08); the minutes' own words stay in the source quote."""
    named: list[Declaration] = []
    for declaration in declarations:
        match = best_match(declaration.member, board_names) if declaration.member else None
        board_name = (
            match[0]
            if match
            else _by_surname(declaration.member, board_names) or _by_role(declaration.member, board)
        )
        if board_name is not None and board_name != declaration.member:
            declaration = declaration.model_copy(update={"member": board_name})
        named.append(declaration)
    return named


_ROLE_PLACEHOLDERS: dict[str, str] = {"Chair": "chair", "Vice Chair": "deputy_chair"}


def _by_role(member: str, board: Sequence[BoardMember]) -> str | None:
    """ "The Chair declared ...", with no attendance list naming the Chair: the board page's
    one Chair (or Vice Chair)."""
    role = _ROLE_PLACEHOLDERS.get(member)
    holders = [m.name for m in board if role is not None and m.role == role]
    return holders[0] if len(holders) == 1 else None


def _by_surname(name: str, board_names: Sequence[str]) -> str | None:
    """ "Professor Okafor declared...": a surname alone is the one board member who has it."""
    parsed = parse_name(name) if name else None
    if parsed is None or parsed.given:
        return None
    hits = [b for b in board_names if (p := parse_name(b)) and p.surname == parsed.surname]
    return hits[0] if len(hits) == 1 else None


def build_site_model(
    documents: Sequence[Document],
    *,
    target_id: str,
    target_name: str,
    target_url: str,
    as_of: date,
    body: Body | None = None,
    problems: Sequence[FetchProblem] = (),
) -> SiteModel:
    every = sorted(documents, key=lambda d: (d.url, d.fetched_at, d.sha256))
    # A soft error (an error page or empty body where a document was linked) is no document:
    # no reader sees it, and it is listed among the problems, so findings that needed the
    # document it stands in for say unknown.
    sound = [d for d in every if not d.soft_error]
    own_words = organisation_words(target_name)
    # A committee system's meetings, and the agenda and minutes its web service declares,
    # which the rules read beside the documents fetched. They pick an LEP's committees out of
    # its accountable body's install; a council audited in its own right owns the install, whose
    # pages are read as its website (every committee, over the whole archive).
    body = body or Body()
    system_meetings, declared, installs = (
        read_committee_meetings(sound, own_words, as_of) if body.kind == "lep" else ([], [], set())
    )
    ordered = sorted([*sound, *declared], key=lambda d: (d.url, d.fetched_at, d.sha256))
    board = read_board(ordered, target_url)
    councillors = read_councillors(ordered)
    # Registers are matched to the board, and to a council's members where it lists them.
    registers = read_registers(ordered, [*board, *councillors])
    main_board = MAIN_BOARD_WORDS if body.kind == "lep" else COUNCIL_MAIN_BOARD_WORDS
    meetings = join_meetings(
        system_meetings, read_meetings(ordered, own_words, main_board), installs
    )
    if body.kind != "lep":  # its own install's web service dates the papers its pages cite
        meetings = with_service_dates(meetings, sound)
    declarations: list[Declaration] = []
    for minutes, meeting_date in minutes_documents(ordered, own_words, main_board):
        if minutes.readable:
            declarations.extend(read_declarations(minutes, meeting_date))
    declarations = _as_board_names(declarations, NameIndex(m.name for m in board), board)
    declarations.sort(key=lambda d: (d.meeting_date or date.min, d.meeting_url))
    datasets = read_datasets(ordered)
    all_problems = [*problems, *_unreadable_problems(every, problems)]
    registers = _failed_links(registers, all_problems)
    all_problems += _unfetched_registers(registers, all_problems)
    all_problems += headerless_problems(datasets, ordered)
    return SiteModel(
        target_id=target_id,
        target_name=target_name,
        target_url=target_url,
        as_of=as_of,
        body=body,
        documents=tuple(ordered),
        board=tuple(board),
        councillors=tuple(councillors),
        registers=tuple(registers),
        meetings=tuple(meetings),
        declarations=tuple(declarations),
        projects=tuple(read_projects(ordered)),
        datasets=tuple(datasets),
        problems=tuple(all_problems),
    )
