"""Funded projects: the headers and labels of project lists, sums of money, total rows.

Ney 9.2 and FIN-01..03 ask LEPs to publish what they fund and whom; sites publish project
lists as HTML tables, spreadsheets and PDF tables with headers worded every way ("Scheme",
"Lead organisation", "Promoter", "Funding stream", "2021/22", "FY23", "Total LGF (£m)"), and
as cards ("Lead partner: ...", "LGF award: £2.1m").
"""

from __future__ import annotations

import re

# The column naming the project: "Scheme", "Project name", "Investment", or a bare "Name".
PROJECT_NAME_HEADER = re.compile(
    r"\bproject\b|\bscheme\b|^\s*name\s*$|project\s+name|scheme\s+name|"
    r"\bproject\s+title|^\s*title\s*$|\binvestment\b",
    re.I,
)
# The column describing it: "Description", "Summary", "Outputs".
DESCRIPTION_HEADER = re.compile(r"description|summary|purpose|about|details|outputs?", re.I)
# The column naming whom the money went to: "Lead organisation", "Promoter", "Grantee".
RECIPIENT_HEADER = re.compile(
    r"recipient|lead\s+(?:organi[sz]ation|partner|body|applicant|authority)|delivery\s+"
    r"(?:partner|body|organi[sz]ation)|promoter|applicant|beneficiary|grantee|delivered\s+by|"
    r"^\s*organi[sz]ation\s*$|^\s*partner\s*$|\blead\s*$|sponsor",
    re.I,
)
# The column naming the programme: "Funding stream", "Fund", "Source of funding".
PROGRAMME_HEADER = re.compile(
    r"programme|^\s*fund\s*$|funding\s+(?:stream|source|programme|type)|source\s+of\s+funding|"
    r"^\s*funder\s*$",
    re.I,
)
# Columns of amounts: a financial year ("2021/22", "FY23"), "Total LGF (£m)", "Grant".
AMOUNT_HEADER = re.compile(
    r"(?:19|20)\d\d\s*[/\-–]\s*\d\d|\bFY\s?\d\d|\b20\d\d\b|total|amount|£|grant|award|"
    r"allocation|funding|value|\bcost\b|\blgf\b|\bgbf\b|investment\s*\(|spend|budget",
    re.I,
)
# A sum of money, whatever its label: "£2.1m", "£ 450,000".
MONEY = re.compile(r"^\s*£\s?\d[\d,.]*\s*(?:m|k|bn|million|thousand)?\b", re.I)
# Sums of money in running text ("secured £108.5m", "£12.5m (£8.2m Local Growth Fund)",
# "a £98.5 million Local Growth Fund"): a page about funded projects quotes many.
SUM_OF_MONEY = re.compile(r"£\s?\d[\d,.]*\s*(?:m\b|bn\b|k\b|million\b|billion\b)?", re.I)
# A total row of a project table is arithmetic, not a project (the site reader's spelling).
TOTAL_ROW = re.compile(r"^\s*(?:grand\s+)?totals?\b|^\s*sub-?totals?\b", re.I)
# The classifier's evidence of a project list: a project column beside an amount column.
PROJECT_TABLE_HEADER = re.compile(r"project|scheme|programme|intervention", re.IGNORECASE)
AMOUNT_TABLE_HEADER = re.compile(
    r"£|amount|funding|allocation|grant|spend|award|value|lgf|cost|\b20\d\d\s*[/-]\s*\d\d",
    re.IGNORECASE,
)
# Summary rows ("Total", "Grand total", "Sub-total") are arithmetic, not entries: a table of
# nothing but a total row publishes no project (FIN-01's spelling, which also reads "sub total"
# and a leading bullet; kept apart from TOTAL_ROW so neither reader changes).
SUMMARY_ROW = re.compile(r"^\W*(?:grand\s+|sub[- ]?)?totals?\b", re.IGNORECASE)
# A project list says so in its name column: a generic "Name | Organisation" table is as likely
# a board or staff list.
PROJECT_WORDS = re.compile(r"project|scheme|investment", re.I)
