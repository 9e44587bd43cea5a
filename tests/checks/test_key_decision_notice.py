"""key_decision_notice: key decisions on the Forward Plan 28 clear days ahead, or under the
general exception or special urgency with their notices (SI 2012/2089 regs. 9-11)."""

from __future__ import annotations

from datetime import date
from typing import Any

from lepcheck.checks import key_decision_notice
from lepcheck.rule_cases import make_site

BASE = "https://council.test/"
PLAN = key_decision_notice.Params(notice="forward_plan")


def decision(matter: str, decided: date, ident: int, extra: str = "") -> dict[str, Any]:
    return {
        "url": f"{BASE}ieDecisionDetails.aspx?ID={ident}",
        "title": f"Decision - {matter}",
        "text": f"Decision maker: Cabinet. Is key decision?: Yes. {extra}",
        "printed_dates": [{"value": decided, "quote": f"Date of decision: {decided:%d/%m/%Y}"}],
    }


def plan_entry(
    matter: str, published: date, ident: int, provenance: str = "printed"
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "url": f"{BASE}ieIssueDetails.aspx?IId={ident}",
        "title": f"Issue - items at meetings - {matter}",
        "text": "Decision maker: Cabinet. Anticipated restriction: Open.",
    }
    if provenance == "printed":
        entry["printed_dates"] = [{"value": published, "quote": f"published: {published:%d/%m/%Y}"}]
    else:
        entry["last_modified"] = published
    return entry


def notice(kind: str, matter: str, published: date, text: str) -> dict[str, Any]:
    return {
        "url": f"{BASE}documents/{kind.replace(' ', '-')}.pdf",
        "title": f"{kind.title()} Notice - {matter}",
        "text": text,
        "printed_dates": [{"value": published, "quote": f"Date of notice: {published:%d/%m/%Y}"}],
    }


def site(*docs: dict[str, Any]) -> Any:
    return make_site({"as_of": date(2024, 12, 1), "documents": list(docs)})


QUAY = "Amberdale Quay regeneration full business case"


def test_on_the_plan_28_clear_days_ahead_passes() -> None:
    # First published Friday 3 May, decided Tuesday 11 June 2024: 38 clear days, 25 working.
    docs = site(decision(QUAY, date(2024, 6, 11), 1), plan_entry(QUAY, date(2024, 4, 20), 7))
    verdict = key_decision_notice.evaluate(docs, PLAN)
    assert verdict.status == "pass", verdict.message
    assert verdict.evidence[0].url.endswith("IId=7")


def test_on_time_in_calendar_but_not_working_days_is_partial() -> None:
    docs = site(decision(QUAY, date(2024, 6, 11), 1), plan_entry(QUAY, date(2024, 5, 3), 7))
    verdict = key_decision_notice.evaluate(docs, PLAN)
    assert verdict.status == "partial"
    assert "38 clear days" in verdict.message and "24 clear working days" in verdict.message


def test_too_late_on_the_plan_and_no_exception_fails() -> None:
    docs = site(decision(QUAY, date(2024, 6, 11), 1), plan_entry(QUAY, date(2024, 5, 28), 7))
    verdict = key_decision_notice.evaluate(docs, PLAN)
    assert verdict.status == "fail" and "13 clear days" in verdict.message


def test_a_key_decision_not_on_the_plan_fails() -> None:
    docs = site(
        decision(QUAY, date(2024, 6, 11), 1),
        plan_entry("Library service review", date(2024, 3, 1), 7),
    )
    verdict = key_decision_notice.evaluate(docs, PLAN)
    assert verdict.status == "fail" and "not found on the Forward Plan" in verdict.message


def test_a_general_exception_excuses_the_plan_and_is_judged_on_its_own() -> None:
    ge_text = (
        f"General exception notice. {QUAY}. The chairman of the Economy Overview and Scrutiny "
        "Committee has been informed in writing. Reasons: the grant offer expires on 30 June."
    )
    docs = site(
        decision(QUAY, date(2024, 6, 11), 1),
        notice("general exception", QUAY, date(2024, 6, 3), ge_text),
    )
    assert key_decision_notice.evaluate(docs, PLAN).status == "pass"
    general = key_decision_notice.Params(notice="general_exception")
    verdict = key_decision_notice.evaluate(docs, general)
    assert verdict.status == "pass", verdict.message  # 5 clear working days: 4..10 June
    late = site(
        decision(QUAY, date(2024, 6, 11), 1),
        notice("general exception", QUAY, date(2024, 6, 6), ge_text),
    )
    assert key_decision_notice.evaluate(late, general).status == "fail"


def test_exception_procedures_are_not_applicable_when_none_was_used() -> None:
    docs = site(decision(QUAY, date(2024, 6, 11), 1), plan_entry(QUAY, date(2024, 4, 20), 7))
    urgent = key_decision_notice.Params(notice="special_urgency")
    assert key_decision_notice.evaluate(docs, urgent).status == "not_applicable"


def test_special_urgency_needs_the_chairs_agreement_and_reasons() -> None:
    text = f"Special urgency notice. {QUAY}. Reasons for urgency: the contract lapses."
    docs = site(
        decision(QUAY, date(2024, 6, 11), 1, "Taken under special urgency."),
        notice("special urgency", QUAY, date(2024, 6, 10), text),
    )
    urgent = key_decision_notice.Params(notice="special_urgency")
    verdict = key_decision_notice.evaluate(docs, urgent)
    assert verdict.status == "partial" and "chair's agreement" in verdict.message


def test_no_key_decision_records_is_unknown() -> None:
    verdict = key_decision_notice.evaluate(site(plan_entry(QUAY, date(2024, 4, 20), 7)), PLAN)
    assert verdict.status == "unknown"


def test_last_modified_alone_is_at_best_partial() -> None:
    docs = site(
        decision(QUAY, date(2024, 6, 11), 1),
        plan_entry(QUAY, date(2024, 4, 20), 7, provenance="last_modified"),
    )
    verdict = key_decision_notice.evaluate(docs, PLAN)
    assert verdict.status == "partial"
