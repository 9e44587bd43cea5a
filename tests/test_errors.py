"""The error tree: every error a user can see has its exit code, and errors.py lists them all."""

from __future__ import annotations

import importlib
import pkgutil

import lepcheck
from lepcheck import errors
from lepcheck.crawl.errors import BlockedAddressError, CrawlError, TargetUnreachableError
from lepcheck.snapshot.errors import SnapshotError


def all_errors() -> set[type[errors.LepcheckError]]:
    for module in pkgutil.walk_packages(lepcheck.__path__, "lepcheck."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: set[type[errors.LepcheckError]] = set()
    todo: list[type[errors.LepcheckError]] = [errors.LepcheckError]
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_each_error_knows_the_exit_code_of_its_family() -> None:
    assert errors.ThresholdError("x").exit_code == 1
    for usage in (errors.RuleError, errors.InputFileError, errors.StatementError, SnapshotError):
        assert usage("x").exit_code == 2, usage
    for registry_or_history in (errors.RegistryError, errors.HistoryError):
        assert registry_or_history("x").exit_code == 2
    for target in (CrawlError, BlockedAddressError, TargetUnreachableError):
        assert target("x").exit_code == 3, target
    assert errors.NoLepContentError("x").exit_code == 3


def test_the_docstring_lists_every_error_in_the_package() -> None:
    doc = errors.__doc__ or ""
    missing = sorted(cls.__name__ for cls in all_errors() if cls.__name__ not in doc)
    assert missing == []


def test_the_docstring_lists_every_exit_code() -> None:
    doc = errors.__doc__ or ""
    for code in (errors.EXIT_OK, errors.EXIT_THRESHOLD, errors.EXIT_USAGE, errors.EXIT_UNREACHABLE):
        assert f"\n    {code}  " in doc, code
    assert f"\n  {errors.EXIT_INTERRUPTED}  " in doc
