"""How a pattern written in a rule (rules/*/*.yaml) or a rule vocabulary is read.

Rule patterns are case-insensitive regular expressions in which a space matches any run of
whitespace, so "register of interests" also finds "Register of\\nInterests" in PDF text. Checks
compile every rule pattern here, and so do the vocabulary tests, so the two cannot disagree.
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=4096)
def compile_rule_pattern(pattern: str) -> re.Pattern[str]:
    """Rule patterns are case-insensitive regular expressions; whitespace matches any run."""
    return re.compile(pattern.replace(" ", r"\s+"), re.IGNORECASE)
