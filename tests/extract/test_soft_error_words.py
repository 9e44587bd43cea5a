"""The error-page wording (extract/soft_error_words.py) against its own examples."""

from __future__ import annotations

import pytest

from lepcheck.extract.soft_error_words import ERROR_PAGE_EXAMPLES, NOT_ERROR_PAGE_EXAMPLES
from lepcheck.extract.soft_errors import names_an_error


@pytest.mark.parametrize("title", ERROR_PAGE_EXAMPLES)
def test_error_page_titles_and_headings_are_recognised(title: str) -> None:
    assert names_an_error(title)


@pytest.mark.parametrize("title", NOT_ERROR_PAGE_EXAMPLES)
def test_documents_that_mention_errors_in_passing_are_not(title: str) -> None:
    assert not names_an_error(title)
