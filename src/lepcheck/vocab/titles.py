"""Document titles the rules select by: named lists of title patterns that several rules share.

A rule's document selector names the documents it reads by their titles, link texts and URL
words (lepcheck.checks.common.selection); where several rules read the same documents they cite
one list here (`title_vocabulary: board_appointment_documents`) instead of repeating it. The
patterns are in the rule dialect (lepcheck.vocab.dialect); most open with a negative lookahead
that leaves out news, blogs and press releases about the document.
"""

from __future__ import annotations

# Pages and papers on how the board is made up and appointed: board pages, recruitment and
# appointment, role descriptions, terms of reference, articles, the assurance framework (BOARD-07
# to BOARD-11, BOARD-14, BOARD-16); job adverts for staff are left out.
BOARD_APPOINTMENT_DOCUMENTS: tuple[str, ...] = (
    r"(?s)^(?!.*\b(?:news|blogs?|press|stories)\b).*\bboard\b",
    (
        r"(?s)^(?!.*\b(?:news|blogs?|press|stories|jobs?|careers?|salary|officer|manager|"
        r"assistant|apprentice(?:ship)?s?|co-?ordinator|analyst|administrator|graduate)"
        r"\b).*\b(?:recruitment|appointments?|vacanc(?:y|ies)|nominations?)\b"
    ),
    (
        r"(?s)^(?!.*\b(?:news|blogs?|press|stories|jobs?|careers?|salary|officer|manager|"
        r"assistant|apprentice(?:ship)?s?|co-?ordinator|analyst|administrator|graduate)"
        r"\b).*\brole (?:description|profile)"
    ),
    (
        r"(?s)^(?!.*\b(?:news|blogs?|press|stories|jobs?|careers?|salary|officer|manager|"
        r"assistant|apprentice(?:ship)?s?|co-?ordinator|analyst|administrator|graduate)"
        r"\b).*\bperson specification"
    ),
    r"(?s)^(?!.*\b(?:news|blogs?|press|stories)\b).*\bterms of (?:reference|appointment)",
    (
        r"(?s)^(?!.*\b(?:news|blogs?|press|stories|jobs?|careers?|salary|officer|manager|"
        r"assistant|apprentice(?:ship)?s?|co-?ordinator|analyst|administrator|graduate)"
        r"\b).*\bjoin (?:our|the)"
    ),
    r"(?s)^(?!.*\b(?:news|blogs?|press|stories)\b).*\barticles of association",
    r"(?s)^(?!.*\b(?:news|blogs?|press|stories)\b).*\bassurance framework",
)

# Any page of the LEP's own but news, case studies, projects, events and jobs: where a statement
# about the LEP itself is published (ASSUR-11, ASSUR-13, BOARD-17, FIN-07, POL-08, WEB-03).
LEP_OWN_PAGES: tuple[str, ...] = (
    (
        r"(?s)^(?![^|]*\b(?:news|blogs?|press|stories|case[- ]stud(?:y|ies)|projects?|"
        r"events?|vacanc(?:y|ies)|jobs?|careers?)\b)(?!.*\|[^|]*\b(?:news|blogs?|press|"
        r"stories|case[- ]stud(?:y|ies)|projects?|events?|vacanc(?:y|ies)|jobs?|careers?"
        r")\b[^|]*$)."
    ),
)

# The LEP's local assurance framework, not the national one nor a towns fund's or freeport's
# (ASSUR-03, ASSUR-04, DEC-01, DEC-04).
ASSURANCE_FRAMEWORK_TITLES: tuple[str, ...] = (
    (
        r"(?s)^(?!.*\b(?:news|blogs?|press|stories|checklist|towns? fund|town deal|shared "
        r"prosperity|UKSPF|freeports?)\b).*(?<!national\s)\blocal (?:growth )?assurance "
        r"(?:and accountability )?framework"
    ),
    (
        r"(?s)^(?!.*\b(?:news|blogs?|press|stories|national|checklist|towns? fund|town "
        r"deal|shared prosperity|UKSPF|freeports?)\b).*\bassurance (?:and accountability "
        r")?framework"
    ),
)

# A conflicts of interest policy, a declarations of interest procedure or the code of conduct
# that carries them; not a register (COI-02 to COI-05).
CONFLICTS_POLICY_TITLES: tuple[str, ...] = (
    r"(?s)^(?!.*\b(?:news|blogs?|press|stories|registers?)\b).*\bconflicts? of interests?",
    (
        r"(?s)^(?!.*\b(?:news|blogs?|press|stories)\b).*\bdeclarations? of interests? "
        r"(?:policy|procedure|protocol|guidance)"
    ),
    (
        r"(?s)^(?!.*\b(?:news|blogs?|press|stories|suppliers?|contractors?|procurement)"
        r"\b).*\bcode of conduct"
    ),
)

# A code of conduct or ethics for board members, not suppliers' or grant recipients' (COND-01,
# COND-03, COND-04).
CODE_OF_CONDUCT_TITLES: tuple[str, ...] = (
    (
        r"(?s)^(?!.*\b(?:news|blogs?|press|stories|suppliers?|contractors?|procurement|"
        r"grant recipients?)\b).*\bcode of (?:conduct|ethics)"
    ),
    r"(?s)^(?!.*\b(?:news|blogs?|press|stories)\b).*\bstandards of conduct",
    r"code of practice for board members",
)

# Registers and declarations of interests, not the policy about them (ROI-02, ROI-04).
REGISTER_TITLES: tuple[str, ...] = (
    (
        r"(?s)^(?!.*\b(?:news|blogs?|press|stories)\b).*\bregisters? of (?:members' )?"
        r"interests?"
    ),
    (
        r"(?s)^(?!.*\b(?:news|blogs?|press|stories|policy|procedure|protocol)\b).*\bdeclarations?"
        r" of interests?"
    ),
)
