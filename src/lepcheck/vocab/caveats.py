"""Caveats: words that say a document is not the adopted, in-force one the reader wants.

A page headed "Whistleblowing policy" may say "the LEP has not yet adopted a whistleblowing
policy"; a "Code of Conduct" may be a consultation draft, a blank template ("[Name of member]"),
superseded, or a council's own policy on the accountable body's site. Checks read the opening
of a selected document for these (lepcheck.checks.common.selection) and give at most a partial
verdict, quoting the caveat. All are rule-dialect patterns (lepcheck.vocab.dialect).
"""

from __future__ import annotations

# A clause that denies what a pattern found is not evidence of it: "the LEP does not currently
# publish a register of interests", "no whistleblowing policy has been adopted", "this policy is
# not yet in force". Only denials of having, adopting or publishing something count, so that a
# code of conduct's "members must not accept gifts" is still a hit on gifts.
DENIALS: tuple[str, ...] = (
    r"\b(?:lep|partnership|company|board|organisation|we|it) (?:does|do|did) not (?:currently |yet "
    r"|at present |presently )?(?:have|hold|publish|maintain|operate|keep|produce)\b",
    r"\b(?:has|have|had) not (?:yet |currently )?(?:been )?(?:adopted|published|approved|agreed|"
    r"produced|established|developed|put in place|ratified)\b",
    r"\bnot (?:yet |currently )?(?:been )?(?:in force|in place|adopted|ratified)\b",
    r"\bnot yet (?:published|approved|agreed|available)\b",
    r"\b(?:is|are|were) not (?:currently |normally |usually )?(?:open to|held in public)\b",
    r"\b(?:is|are) not (?:currently |yet )?subject to\b",
    r"\b(?:there is|there are|lep has|partnership has|we have|it has) (?:currently |yet )?no "
    r"(?:[\w-]+ ){0,4}(?:polic(?:y|ies)|registers?|procedures?|code|statements?|framework|scheme"
    r"|arrangements|committees?|panels?)\b",
    r"\bno\b[^.;:]{0,60}\b(?:has|have) (?:yet )?been (?:adopted|published|approved|agreed|produced"
    r"|established|put in place)\b",
    r"\b(?:doesn't|don't) (?:yet |currently )?(?:have|hold|publish|maintain)\b",
    r"\b(?:hasn't|haven't) (?:yet )?(?:been )?(?:adopted|published|approved|agreed|produced"
    r"|put in place)\b",
    r"\b(?:isn't|aren't) (?:yet |currently )?(?:in force|in place|adopted|published|available)\b",
)
# A conditional states a rule, not a fact: "where a management plan is not in place, the member
# must leave the room" is a conflicts policy's content, not a denial of it.
CONDITIONAL = r"\b(?:if|where|unless|whether|until|should)\b"

# The opening of a draft: "DRAFT", "consultation draft", "this policy is subject to approval".
DRAFT_CUES: tuple[str, ...] = (
    r"^\W*draft\b",
    r"\b(?:consultation|working) draft\b",
    r"\bdraft (?:for (?:consultation|comment|approval|discussion)|(?:policy|framework|code) for)\b",
    r"\bthis (?:policy|document|framework|code|strategy|plan|statement) is subject to (?:formal "
    r"|board )?(?:approval|adoption)\b",
)
# "Draft" anywhere in a title marks a draft too.
DRAFT_TITLE = r"\bdraft\b"
# A title naming a consultation: a consultation on the document, not the document.
CONSULTATION_TITLE = r"\bconsultation\b"
# Minutes and agendas are exempt from the draft caveat: draft minutes "subject to approval" are
# the usual published record of a meeting, and archived minutes still record it.
MEETING_RECORD_NAME = r"\b(?:minutes|agenda)\b"
# Names of a document no longer in force.
RETIRED: tuple[str, ...] = (r"\b(?:superseded|withdrawn|rescinded|revoked|archived)\b",)
# The opening saying so: "This policy has been superseded by ...".
RETIRED_TEXT: tuple[str, ...] = (
    r"\bthis (?:policy|document|code|framework|statement|plan|strategy|procedure|register) "
    r"(?:has been|was|is) (?:superseded|withdrawn|replaced|rescinded|revoked|no longer in force)",
)
# A board paper titled "Item 7 - Proposed revisions to the Whistleblowing Policy (for approval)"
# is about the document; the version the board adopted may differ.
PROPOSALS: tuple[str, ...] = (
    r"\b(?:proposed|for (?:approval|decision|consideration)|revisions? to|amendments? to"
    r"|changes to|refresh of)\b",
)
# Names of a blank form.
TEMPLATE_NAMES: tuple[str, ...] = (r"\b(?:template|blank form|pro[- ]?forma)\b",)
# An unfilled placeholder of a template: "[Name of member]", "[insert date]".
PLACEHOLDER = (
    r"\[(?:name|insert|enter|date|member|organisation|details|signature|add)\b[^\]\n]{0,40}\]"
)
# A council's own policy on the accountable body's site ("Anytown Council Whistleblowing
# Policy") may or may not be the one the LEP has adopted: a reader must confirm it applies.
OTHER_BODY = r"\b(?:council|borough|county|district|combined authority|city region authority)\b"
# ... unless it names the LEP.
LEP_NAMES = r"\bLEP\b|enterprise partnership|business board|growth board"
