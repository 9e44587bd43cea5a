"""A printed date is the document's own only when its sentence is about this document: the
national framework's update is not the local framework's review (ASSUR-02)."""

from __future__ import annotations

import pytest

from lepcheck.checks.common.dating import about_another_document


@pytest.mark.parametrize(
    "quote",
    [
        "DLUHC updated the National Local Growth Assurance Framework in January 2023",
        "Government guidance was revised in 2022",
    ],
)
def test_another_bodys_document_is_not_own(quote: str) -> None:
    assert about_another_document(quote)


@pytest.mark.parametrize(
    "quote",
    [
        "Approved by the LEP Board in line with the National Framework on 3 March 2023",
        "This framework was reviewed in March 2023",
        "Version 5 updated 2 October 2023",
    ],
)
def test_own_approval_is_own(quote: str) -> None:
    assert not about_another_document(quote)
