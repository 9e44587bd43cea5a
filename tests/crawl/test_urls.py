"""URL normalisation: the one spelling of a URL the crawl dedups on."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lepcheck.crawl.urls import normalise_url


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        (
            "HTTP://WWW.Example.ORG.uk:80/a/./b/../c?b=2&a=1#top",
            "http://www.example.org.uk/a/c?a=1&b=2",
        ),
        ("https://x.org:443", "https://x.org/"),
        ("https://x.org/p?utm_source=mail&utm_medium=e&id=4", "https://x.org/p?id=4"),
        ("https://x.org/p;jsessionid=ABC123?PHPSESSID=9&q=1", "https://x.org/p?q=1"),
        ("https://x.org/%7euser/a%2fb", "https://x.org/~user/a%2Fb"),
        ("https://x.org/caf\u00e9 menu", "https://x.org/caf%C3%A9%20menu"),
        ("https://x.org/p?flag", "https://x.org/p?flag"),
        ("https://x.org/news/?replytocom=12&share=twitter", "https://x.org/news/"),
        ("mailto:clerk@x.org", None),
        ("http://exa mple.org/", None),
        ("http://caf\u00e9.example/", "http://xn--caf-dma.example/"),
        ("javascript:void(0)", None),
    ],
)
def test_normalise_url(raw: str, normal: str | None) -> None:
    assert normalise_url(raw) == normal


def test_relative_links_resolve_against_the_page() -> None:
    assert normalise_url("../papers/m.pdf", "https://x.org/board/2024/") == (
        "https://x.org/board/papers/m.pdf"
    )


_SEGMENT = st.text(
    alphabet=st.sampled_from("abcXYZ019-._~%20é ;=+!$&'()*,:@/"), min_size=0, max_size=12
)


@settings(max_examples=300, deadline=None)
@given(
    scheme=st.sampled_from(["http", "HTTPS", "https"]),
    host=st.sampled_from(
        ["LEP.example.org.uk", "www.lep.example", "127.0.0.1:8080", "x.gov.uk:443"]
    ),
    path=st.lists(_SEGMENT, max_size=5),
    query=st.lists(st.tuples(_SEGMENT, _SEGMENT), max_size=4),
    fragment=_SEGMENT,
)
def test_normalising_is_idempotent(
    scheme: str, host: str, path: list[str], query: list[tuple[str, str]], fragment: str
) -> None:
    raw = f"{scheme}://{host}/{'/'.join(path)}"
    if query:
        raw += "?" + "&".join(f"{k}={v}" for k, v in query)
    raw += f"#{fragment}"
    once = normalise_url(raw)
    assert once is not None
    assert normalise_url(once) == once
    assert "#" not in once and " " not in once
