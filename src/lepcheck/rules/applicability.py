"""Whether a rule binds a body on a day: its kinds (`applies_to`), its dates (`in_force`) and,
for an upper-tier council, its conditions (executive arrangements, functions).

Two answers, both pure: `not_applicable_reason` says why a rule does not bind (the finding is
then `not_applicable` with that reason, never a silent pass); `undecided_conditions` names the
conditions the registry cannot confirm either way (the check runs, and a fail it gives is only
`unknown`, because the duty itself may not bind).
"""

from __future__ import annotations

from datetime import date

from lepcheck.bodies import BODY_KIND_WORDS, Body
from lepcheck.rules.model import LEP_REGIME_ENDS, Condition, Rule

# What each condition asks of a council, in short (the catalogue) and with its source (findings).
CONDITION_SHORT: dict[str, str] = {
    "executive_arrangements": "operates executive arrangements",
    "parking_authority": "is a parking authority",
    "waste_collection_authority": "is a waste collection authority",
    "housing_revenue_account": "keeps a Housing Revenue Account",
}
CONDITION_WORDS: dict[str, str] = {
    "executive_arrangements": "operates executive arrangements (a leader and cabinet or a "
    "mayor), which alone carry the Forward Plan and executive decision records "
    "(SI 2012/2089)",
    "parking_authority": "is a parking authority",
    "waste_collection_authority": "is a waste collection authority",
    "housing_revenue_account": "keeps a Housing Revenue Account",
}
# Where the registry says it, for the message when it does not.
CONDITION_FIELDS: dict[str, str] = {
    "executive_arrangements": "governance: executive | committee",
    "parking_authority": "functions",
    "waste_collection_authority": "functions",
    "housing_revenue_account": "functions",
}


PLURALS = {
    "lep": "Local Enterprise Partnerships",
    "upper_tier_council": "upper-tier councils",
    "combined_authority": "combined authorities",
    "combined_county_authority": "combined county authorities",
}


def kinds_text(rule: Rule) -> str:
    words = [PLURALS[kind] for kind in rule.applies_to]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def article(words: str) -> str:
    return ("an " if words[0].lower() in "aeiou" else "a ") + words


def holds(condition: Condition, body: Body) -> bool | None:
    """True or False when the registry says; None when it does not."""
    if condition == "executive_arrangements":
        return None if body.governance is None else body.governance == "executive"
    if body.functions is None:
        return None
    return condition in body.functions


def date_reason(rule: Rule, as_of: date) -> str | None:
    if rule.in_force_from is not None and as_of < rule.in_force_from:
        return f"not yet in force on {as_of}: {rule.id} binds from {rule.in_force_from}."
    if rule.in_force_until is not None and as_of > rule.in_force_until:
        ended = (
            " (the LEP regime: government sponsorship and core funding of LEPs ceased from "
            "1 April 2024)"
            if rule.in_force_until == LEP_REGIME_ENDS
            else ""
        )
        return f"no longer in force on {as_of}: {rule.id} bound until {rule.in_force_until}{ended}."
    return None


def not_applicable_reason(rule: Rule, body: Body, as_of: date) -> str | None:
    """Why the rule does not bind this body on `as_of`, or None when it does (or may)."""
    if body.kind not in rule.applies_to:
        return (
            f"Not applicable: {rule.id} binds {kinds_text(rule)}; the audited body is "
            f"{article(BODY_KIND_WORDS[body.kind])}."
        )
    by_date = date_reason(rule, as_of)
    if by_date:
        return f"Not applicable: {by_date}"
    if body.kind != "upper_tier_council":
        return None
    for condition in rule.conditions:
        if holds(condition, body) is False:
            return (
                f"Not applicable: {rule.id} binds a council only if it "
                f"{CONDITION_WORDS[condition]}; the registry says this council does not"
                + (
                    " (it operates the committee system)."
                    if body.governance == "committee"
                    else "."
                )
            )
    return None


def undecided_conditions(rule: Rule, body: Body) -> tuple[str, ...]:
    """The rule's conditions the registry neither confirms nor denies for this body."""
    if body.kind != "upper_tier_council":
        return ()
    return tuple(c for c in rule.conditions if holds(c, body) is None)


def undecided_note(conditions: tuple[str, ...]) -> str:
    what = "; and whether it ".join(CONDITION_WORDS[c] for c in conditions)
    fields = ", ".join(dict.fromkeys(CONDITION_FIELDS[c] for c in conditions))
    return (
        f" The requirement binds a council only if it {what}; the registry does not say whether "
        f"this one does (give `{fields}` in its entry), so this cannot be a failure."
    )
