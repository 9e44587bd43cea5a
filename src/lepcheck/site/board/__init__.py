"""The board: who sits on it, read from board pages (`reader`), each page as tables, cards,
lists or a profile (`tables`, `cards`, `lists`), each member from the lines that describe them
(`entries`, `member_lines`).
"""

from lepcheck.site.board.reader import is_board_document, read_board, read_board_document

__all__ = ["is_board_document", "read_board", "read_board_document"]
