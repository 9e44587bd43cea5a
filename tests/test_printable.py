"""lepcheck.printable: escape sequences removed whole, other controls turned into spaces."""

from __future__ import annotations

from lepcheck.printable import printable, printable_data, printable_line


def test_escape_sequences_go_whole_and_words_stay_apart() -> None:
    assert printable("a\x1b[1;31mred\x1b[0m b") == "ared b"
    assert printable("\x1b]8;;https://x.example/\x07link\x1b]8;;\x1b\\") == "link"
    assert printable("x\x9b2Jy\x9d0;title\x9cz") == "xyz"
    assert printable("a\x0bb\x00c\x7fd\x85e") == "a b c d e"


def test_line_breaks_are_kept_or_folded() -> None:
    assert printable("one\r\ntwo\rthree\tfour") == "one\ntwo\nthree\tfour"
    assert printable_line(" one\r\ntwo\n\tthree ") == "one two three"


def test_text_that_is_not_utf8_and_xml_non_characters_are_replaced() -> None:
    assert printable("a\udcffb\uffffc") == "a b c"


def test_data_is_cleaned_all_the_way_down() -> None:
    data = {"k\x1b[2J": ["v\x07", ("w\x08",), 3, None]}
    assert printable_data(data) == {"k": ["v ", ["w "], 3, None]}
