"""The registry of check kinds is built from each kind module's own `KIND`, and `run_check`
never lets a pass through without evidence (design.md, "no pass without evidence")."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pydantic import BaseModel

import lepcheck.checks as checks
from lepcheck.checks import CHECK_KINDS, KIND_MODULES, CheckKind, run_check
from lepcheck.models import Evidence, SiteModel, Verdict
from lepcheck.rule_cases import make_site

NOT_KINDS = {"__init__", "describe"}


def test_every_kind_module_is_registered_under_its_own_name() -> None:
    package = Path(checks.__file__).parent
    modules = {p.stem for p in package.glob("*.py")} - NOT_KINDS
    assert {m.__name__.rsplit(".", 1)[1] for m in KIND_MODULES} == modules
    for module in KIND_MODULES:
        assert module.__name__.rsplit(".", 1)[1] == module.KIND
    assert list(CHECK_KINDS) == [m.KIND for m in KIND_MODULES]


def test_each_kind_has_params_an_evaluator_and_a_summary_naming_it() -> None:
    for name, kind in CHECK_KINDS.items():
        assert kind.name == name
        assert issubclass(kind.params, BaseModel)
        assert kind.summary.startswith(f"{name}: "), name


class _NoParams(BaseModel):
    pass


def _verdict_of(status: str, evidence: tuple[Evidence, ...]) -> CheckKind:
    def evaluate(site: SiteModel, params: object) -> Verdict:
        return Verdict(status=status, message="Looked.", evidence=evidence)

    return CheckKind(name="probe", params=_NoParams, evaluate=evaluate, summary="probe: test")


def test_a_pass_without_evidence_becomes_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(CHECK_KINDS, "probe", _verdict_of("pass", ()))
    verdict = run_check("probe", _NoParams(), make_site({}))
    assert verdict.status == "unknown"
    assert verdict.message == "Looked. (No evidence could be attached, so not passed.)"


def test_a_pass_with_evidence_and_a_fail_without_stay_as_they_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    site = make_site({})
    evidence = (Evidence(url="https://lep.test/", locator="title", quote="Home"),)
    monkeypatch.setitem(CHECK_KINDS, "probe", _verdict_of("pass", evidence))
    assert run_check("probe", _NoParams(), site).status == "pass"
    monkeypatch.setitem(CHECK_KINDS, "probe", _verdict_of("fail", ()))
    assert run_check("probe", _NoParams(), site).status == "fail"


def test_only_a_pass_is_touched_by_the_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    """An `unknown`, `manual` or `fail` without evidence is what it says: the guard leaves its
    status and message alone."""
    site = make_site({})
    for status in ("unknown", "manual", "fail", "partial", "not_applicable"):
        monkeypatch.setitem(CHECK_KINDS, "probe", _verdict_of(status, ()))
        verdict = run_check("probe", _NoParams(), site)
        assert (verdict.status, verdict.message) == (status, "Looked."), status


def test_the_registry_entries_cannot_be_changed() -> None:
    kind = CHECK_KINDS["document_published"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        kind.evaluate = lambda site, params: Verdict(status="pass", message="")  # type: ignore[misc]
