"""The annual assurance statement, as a command runs it: the officer's files read and checked
before any crawl, the waivers applied to the audit report, the statement built
(lepcheck.assess.statement) and written as statement.json, statement.html and statement.docx
beside the report it rests on.
"""

from lepcheck.statement.draft import (
    StatementInputs,
    check_report_fits,
    load_inputs,
    prepare_statement,
)
from lepcheck.statement.files import STATEMENT_FILES, write_statement

__all__ = [
    "STATEMENT_FILES",
    "StatementInputs",
    "check_report_fits",
    "load_inputs",
    "prepare_statement",
    "write_statement",
]
