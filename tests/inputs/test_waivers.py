"""Waivers files: every field required, errors name file, line and field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lepcheck.inputs.waivers import load_waivers
from tests.inputs.officer_files import WAIVERS, assert_file_error

KNOWN = {"ROI-01", "COI-06", "COND-02", "ASSUR-07", "POL-02"}
VALID = """\
waivers:
  - target: test
    rule: ROI-01
    reason: New member; register due within 28 days.
    approved_by: J. Okoro, Section 151 Officer
    approved_on: 2023-11-20
    expires: 2023-12-31
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "waivers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_example_file_loads_with_dates() -> None:
    waivers = load_waivers(WAIVERS)
    assert [(w.rule, w.expires) for w in waivers] == [
        ("ROI-01", date(2023, 12, 31)),
        ("MEET-02", date(2023, 11, 15)),
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    approved_by: J. Okoro, Section 151 Officer\n",
            "",
            "line 2: field 'waivers.0.approved_by': is missing",
        ),
        (
            "reason: New member; register due within 28 days.",
            'reason: "  "',
            "line 4: field 'waivers.0.reason': must not be blank",
        ),
        (
            "expires: 2023-12-31",
            "expires: 31/12/2023",
            "line 7: field 'waivers.0.expires': '31/12/2023' is not a date",
        ),
        (
            "expires: 2023-12-31",
            "expires: 2023-02-30",
            "line 7: field 'waivers.0.expires': '2023-02-30' is not a calendar date",
        ),
        (
            "expires: 2023-12-31",
            "expires: 2023-11-01",
            "line 7: field 'waivers.0.expires': 2023-11-01 is before approved_on",
        ),
        ("rule: ROI-01", "rule: ROI-99", "line 3: field 'waivers.0.rule': unknown rule ROI-99"),
        (
            "    reason:",
            "    colour: red\n    reason:",
            "line 2: field 'waivers.0': Additional properties",
        ),
        ("  - target: test", "  - target: test\n   bad: [", "line 3:"),
    ],
)
def test_malformed_file_names_line_and_field(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in VALID
    path = write(tmp_path, VALID.replace(old, new))
    assert_file_error(lambda p: load_waivers(p, KNOWN), path, expected)


def test_a_waiver_may_expire_on_the_day_it_is_approved(tmp_path: Path) -> None:
    one_day = VALID.replace("expires: 2023-12-31", "expires: 2023-11-20")
    (waiver,) = load_waivers(write(tmp_path, one_day), KNOWN)
    assert waiver.approved_on == waiver.expires == date(2023, 11, 20)
