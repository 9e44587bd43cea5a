"""Error-page titles and headings as extract/soft_errors.py reads them (vocab.soft_errors).

Whole titles, split at their separators as the reader splits them; the parts alone are pinned
in tests/vocab/soft_errors.yaml.
"""

from __future__ import annotations

import pytest

from lepcheck.extract.soft_errors import names_an_error

# Titles and headings of real error pages (many from UK council and LEP sites' CMSs).
ERROR_PAGE_TITLES = (
    "Page not found | Wyvern Vale LEP",
    "Wyvern Vale LEP - Page Not Found",
    "404 - File or directory not found.",
    "404 Not Found",
    "Error 404",
    "Error 500 - Internal Server Error",
    "HTTP Error 503. The service is unavailable.",
    "Server Error in '/' Application.",
    "Sorry, something went wrong",
    "We're sorry, but something went wrong.",
    "Oops! That page can’t be found.",
    "Sorry, we couldn't find that page",
    "The page you requested could not be found",
    "The page you are looking for is no longer available",
    "This page does not exist",
    "Nothing Found",
    "An error occurred while processing your request.",
    "An unexpected error has occurred",
    "Error establishing a database connection",
    "Runtime Error",
    "Service Unavailable",
    "Access Denied",
    "Forbidden",
    "Request Rejected",
    "Just a moment...",
    "Attention Required! | Cloudflare",
    "Website under maintenance",
    "Error",
    "Document not found - Wyvern Vale LEP",
)

# Titles and headings of documents that mention errors, absence or wrongness in passing.
NOT_ERROR_PAGE_TITLES = (
    "Governance and transparency | Wyvern Vale LEP",
    "Correcting errors in the register of interests",
    "Errors and omissions",
    "Something went wrong? Tell us how to put it right",
    "Complaints: when things go wrong",
    "Freedom of information: information not held",
    "Board meeting at 404 Business Park, 12 March 2024",
    "Access to information",
    "Lost and found property policy",
    "Finding funding for your business",
    "Service plan 2023/24",
    "Annual report 2022-23",
    "Error reporting procedure",
    "Not found what you need? Contact the Growth Hub",
    "Oops.",
    "Page not found errors on our old website have now been fixed by moving every document "
    "to the new document library",
)


@pytest.mark.parametrize("title", ERROR_PAGE_TITLES)
def test_error_page_titles_and_headings_are_recognised(title: str) -> None:
    assert names_an_error(title)


@pytest.mark.parametrize("title", NOT_ERROR_PAGE_TITLES)
def test_documents_that_mention_errors_in_passing_are_not(title: str) -> None:
    assert not names_an_error(title)
