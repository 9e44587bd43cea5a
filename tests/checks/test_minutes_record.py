"""minutes_record's conditional records: the grounds for excluding the public (Schedule 12A)
and for taking an urgent item (LGA 1972 s. 100B(4)(b)), judged only where minutes record one."""

from __future__ import annotations

from typing import Any

from lepcheck.checks import minutes_record
from lepcheck.rule_cases import make_site


def grounds_site(*texts: str) -> Any:
    documents = [
        {"url": f"https://council.test/minutes-{i}.pdf", "kind": "minutes", "text": text}
        for i, text in enumerate(texts)
    ]
    return make_site({"documents": documents})


EXCLUDED = (
    "RESOLVED that the press and public be excluded from the meeting for the following item "
    "on the grounds that it involves the likely disclosure of exempt information as defined "
    "in paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972."
)


def test_exclusion_grounds_cite_the_schedule_12a_paragraph() -> None:
    params = minutes_record.Params(record="exclusion_grounds")
    assert minutes_record.evaluate(grounds_site(EXCLUDED), params).status == "pass"
    bare = "Exclusion of the press and public: the committee moved into private session."
    verdict = minutes_record.evaluate(grounds_site(EXCLUDED, bare), params)
    assert verdict.status == "partial" and "minutes-1.pdf" in verdict.message


def test_minutes_without_private_business_are_not_assessed() -> None:
    params = minutes_record.Params(record="exclusion_grounds")
    verdict = minutes_record.evaluate(grounds_site("The minutes were approved."), params)
    assert verdict.status == "not_applicable"


def test_urgent_items_state_the_special_circumstances() -> None:
    params = minutes_record.Params(record="urgency_reasons")
    silent = "The Chairman agreed to take an item of urgent business on the road closure."
    assert minutes_record.evaluate(grounds_site(silent), params).status == "fail"
    stated = silent + " The special circumstances were that the contract expired on Friday."
    assert minutes_record.evaluate(grounds_site(stated), params).status == "pass"
