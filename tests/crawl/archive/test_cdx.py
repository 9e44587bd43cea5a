from __future__ import annotations

import pytest

from lepcheck.crawl.archive.cdx import NotCdxError, parse_cdx

# Real answers are one capture a line, longer than the style's 100 columns.
# ruff: noqa: E501
# The Internet Archive's output=json, cut at limit with showResumeKey=true.
IA_ANSWER = """[["urlkey","timestamp","original","mimetype","statuscode","digest","length"],
["uk,co,lep)/", "20230303090000", "https://www.lep.co.uk/", "text/html", "200", "AAAA", "100"],
["uk,co,lep)/agenda.pdf", "20230612090000", "https://lep.co.uk/agenda.pdf", "warc/revisit", "-", "BBBB", "80"],
[],
["uk,co,lep)/agenda.pdf 20230612090001"]]"""

# pywb's output=json: JSON lines with its own names; a revisit has no status.
PYWB_ANSWER = """{"urlkey": "uk,co,lep)/", "timestamp": "20230303090000", "url": "https://www.lep.co.uk/", "mime": "text/html", "status": "200", "digest": "sha1:AAAA"}
{"urlkey": "uk,co,lep)/agenda.pdf", "timestamp": "20230612090000", "url": "https://lep.co.uk/agenda.pdf", "mime": "warc/revisit", "digest": "BBBB"}"""


def test_both_dialects_give_the_same_rows() -> None:
    ia, pywb = parse_cdx(IA_ANSWER), parse_cdx(PYWB_ANSWER)
    assert ia.rows == pywb.rows
    home, revisit = ia.rows
    assert (home.status, home.mime, home.digest) == (200, "text/html", "AAAA")
    assert revisit.is_revisit and revisit.status is None
    assert f"{home.captured_at:%Y-%m-%d %H:%M %Z}" == "2023-03-03 09:00 UTC"
    assert ia.resume_key == "uk,co,lep)/agenda.pdf 20230612090001"
    assert pywb.resume_key is None and ia.malformed == pywb.malformed == 0


def test_plain_text_and_cdxj_lines_are_read_too() -> None:
    text = parse_cdx("uk,co,lep)/ 20230303090000 https://lep.co.uk/ text/html 301 CCCC 12\n")
    assert text.rows[0].status == 301
    cdxj = parse_cdx('uk,co,lep)/ 20230303090000 {"url": "https://lep.co.uk/", "status": "200"}')
    assert cdxj.rows[0].url == "https://lep.co.uk/"


def test_malformed_lines_are_counted_and_the_rest_kept() -> None:
    broken = PYWB_ANSWER + '\n{"url": "https://lep.co.uk/x", "timestamp": "2023"}\n{not json\n'
    page = parse_cdx(broken)
    assert len(page.rows) == 2
    assert page.malformed == 2
    ia = IA_ANSWER.replace('["uk,co,lep)/", "2023', '["uk,co,lep)/", 2023, "2023', 1)
    assert parse_cdx(ia).malformed == 1


@pytest.mark.parametrize(
    "answer",
    [
        "<!DOCTYPE html><html><title>Not Found</title></html>",
        '{"error": "Invalid collection"}',
        "this is not an index\nnor is this\n",
    ],
)
def test_an_answer_that_is_no_cdx_is_refused(answer: str) -> None:
    with pytest.raises(NotCdxError):
        parse_cdx(answer)


def test_an_empty_answer_has_no_captures() -> None:
    assert parse_cdx("").rows == [] and parse_cdx("[]").rows == []
