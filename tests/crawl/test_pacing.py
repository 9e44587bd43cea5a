"""Politeness pacing on a virtual clock: each host has its own pace, a larger Crawl-delay wins,
and a late send spaces the next request from when it really went out. The clock only moves
when the pacer sleeps, so the assertions are exact and a loaded machine cannot change them."""

from __future__ import annotations

import asyncio

import pytest

from lepcheck.crawl.pacing import HostPacer

from .virtual_clock import VirtualClock, install

LEP, COUNCIL = "https://lep.test/", "https://council.test/"


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> VirtualClock:
    return install(monkeypatch)


def granted(pacer: HostPacer, clock: VirtualClock, urls: list[str]) -> list[float]:
    """When each request, made in this order one after another, is let go."""

    async def turns() -> None:
        for url in urls:
            await pacer.wait_turn(url)

    before = len(clock.grants)
    asyncio.run(turns())
    return [round(when - 100.0, 3) for _, when in clock.grants[before:]]


def test_each_host_keeps_its_own_pace_side_by_side(clock: VirtualClock) -> None:
    pacer = HostPacer(0.5)
    times = granted(pacer, clock, [LEP, COUNCIL, LEP, COUNCIL, LEP, COUNCIL])
    # The council's second request waits for the council's own slot, not behind the LEP's:
    # one host after the other would let it go only at 1.0.
    assert times == [0.0, 0.0, 0.5, 0.5, 1.0, 1.0]


def test_requests_to_one_host_are_spaced_by_the_delay(clock: VirtualClock) -> None:
    pacer = HostPacer(0.25)
    assert granted(pacer, clock, [LEP, LEP, LEP]) == [0.0, 0.25, 0.5]
    assert clock.slept == [0.25, 0.25]


def test_a_negative_delay_counts_as_none(clock: VirtualClock) -> None:
    assert granted(HostPacer(-1.0), clock, [LEP, LEP]) == [0.0, 0.0]
    assert clock.slept == []


def test_a_larger_crawl_delay_wins_and_a_smaller_one_does_not(clock: VirtualClock) -> None:
    pacer = HostPacer(1.0)
    pacer.raise_delay("council.test", 0.5)  # smaller than the configured delay: ignored
    assert pacer.delay_for("council.test") == 1.0
    assert granted(pacer, clock, [LEP]) == [0.0]  # robots.txt, at the configured delay
    pacer.raise_delay("lep.test", 3.0)
    assert pacer.delay_for("lep.test") == 3.0 and pacer.delay_for("council.test") == 1.0
    # The slot already handed out was spaced by the old delay: the next waits the new one.
    assert granted(pacer, clock, [LEP, LEP]) == [3.0, 6.0]


def test_a_send_later_than_its_slot_spaces_the_next_from_then(clock: VirtualClock) -> None:
    pacer = HostPacer(1.0)
    assert granted(pacer, clock, [LEP]) == [0.0]

    clock.oversleep = 0.75
    assert granted(pacer, clock, [LEP]) == [1.75]  # its slot was 1.0: sent late
    clock.oversleep = 0.0
    # Spaced from the late send (1.75 + 1.0), not from the slot (1.0 + 1.0).
    assert granted(pacer, clock, [LEP]) == [2.75]


def test_callers_arriving_together_queue_one_delay_apart(clock: VirtualClock) -> None:
    """Workers asking at once each reserve the next slot: the third must not slip in while the
    second still sleeps."""
    pacer = HostPacer(0.5)

    async def together() -> None:
        await asyncio.gather(*(pacer.wait_turn(LEP) for _ in range(3)))

    asyncio.run(together())
    assert sorted(clock.granted_to("lep.test")) == [0.0, 0.5, 1.0]


def test_pacing_on_a_clock_that_is_still_small(clock: VirtualClock) -> None:
    """time.monotonic counts from boot: shortly after it, slots are spaced the same."""
    clock.now = 0.5
    pacer = HostPacer(2.0)
    granted(pacer, clock, [LEP, LEP, LEP])
    assert [when for _, when in clock.grants] == [0.5, 2.5, 4.5]
