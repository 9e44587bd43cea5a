"""Registers of interests (Ney 6.1), one entry per member: `reader` finds them in a document per
member, a combined table (`rows`) or a combined text (`blocks`); `content` reads what an entry
covers (the categories, household interests, signature and date).
"""

from lepcheck.site.registers.reader import read_register_document, read_registers

__all__ = ["read_register_document", "read_registers"]
