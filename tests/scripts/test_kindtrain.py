"""The kind model's training (scripts/kindtrain): the fit keeps what it must keep (the held
weights, the hand-set points as floors), is deterministic, and the calibration is monotone."""

from __future__ import annotations

import math

from scripts.kindtrain.calibrate import best_temperature, isotonic_map, softmax
from scripts.kindtrain.dataset import Example
from scripts.kindtrain.fit import PRIOR_BIAS, PRIOR_SIGNALS, Penalties, design_of, fit

from lepcheck.extract.kind_model import KindModel
from lepcheck.extract.kind_signals import Signal


def _example(n: int, label: str, *signals: Signal) -> Example:
    return Example(lep=f"lep{n % 3}", path=f"{n:03}.txt", label=label, signals=signals,
                   words=frozenset())  # fmt: skip


def _misleading() -> list[Example]:
    """Documents that name 'agenda' at their top and are other, and agendas shown by their
    standing items: fitted freely, the top of the text would weigh against its kind."""
    top = Signal("agenda", "name_top", 1.0, "top mentions 'agenda'")
    standing = Signal("agenda", "standing_anywhere", 2.0, "4 standing items")
    news = Signal("other", "news", 1.0, "it reads as news")
    return [
        *(_example(i, "other", top, news) for i in range(12)),
        *(_example(20 + i, "agenda", standing) for i in range(6)),
    ]


def _weights(examples: list[Example]) -> dict[tuple[str, ...], float]:
    design = design_of(examples, [], [], Penalties(words=None))
    return dict(zip(map(tuple, design.names), fit(design), strict=True))


def test_held_weights_stay_and_hand_set_points_are_floors() -> None:
    weights = _weights(_misleading())
    assert weights[("bias", "other")] == PRIOR_BIAS["other"]
    assert weights[("signal", "name_title")] == PRIOR_SIGNALS["name_title"]
    # The data pull the top of the text below its hand-set 2 points; it stays at 2.
    assert weights[("signal", "name_top")] == PRIOR_SIGNALS["name_top"]
    # A new signal is learned: news counts for other, standing items for agenda.
    assert weights[("signal", "news")] > 0.5
    assert weights[("signal", "standing_anywhere")] > 0.5


def test_a_new_name_place_never_weighs_against_its_kind() -> None:
    opening = Signal("agenda", "name_opening", 1.0, "opening mentions 'agenda'")
    examples = [*(_example(i, "other", opening) for i in range(12)), _example(30, "agenda")]
    assert _weights(examples)[("signal", "name_opening")] == 0.0


def test_the_fit_is_deterministic() -> None:
    assert _weights(_misleading()) == _weights(_misleading())


def test_isotonic_map_rises_and_keeps_blocks_of_the_least_size() -> None:
    points = [(0.3 + 0.01 * i, float(i % 3 != 0)) for i in range(30)]
    points += [(0.9 + 0.001 * i, 1.0) for i in range(30)]
    mapped = isotonic_map(points, min_block=10)
    shares = [share for _, share in mapped]
    assert shares == sorted(shares)
    assert mapped[-1][1] == 1.0
    assert len(mapped) >= 2


def test_temperature_undoes_overconfident_scores() -> None:
    # Right 3 times in 4 with scores that claim near certainty: a temperature above 1 softens.
    scores = [[3.0, 0.0]] * 4
    labels = [0, 0, 0, 1]
    temperature = best_temperature(scores, labels)
    assert temperature > 2.5
    assert abs(softmax(scores[0], temperature)[0] - 0.75) < 0.05


def test_calibration_map_is_read_between_its_breakpoints() -> None:
    model = KindModel({}, {}, {}, {}, calibration=((0.4, 0.3), (0.8, 0.7)))
    assert model.calibrated(0.2) == 0.3
    assert math.isclose(model.calibrated(0.6), 0.5)
    assert model.calibrated(0.95) == 0.7
    assert KindModel({}, {}, {}, {}).calibrated(0.42) == 0.42


def test_words_are_evidence_for_a_kind_never_for_other() -> None:
    # Fitted on a corpus half "other", generic words became evidence of other and outweighed a
    # balance sheet: "other" gets no word weights, other kinds do.
    examples = [
        *(_example(i, "other") for i in range(6)),
        *(
            Example(
                lep=f"lep{i % 3}",
                path=f"9{i}.txt",
                label="agenda",
                signals=(),
                words=frozenset({"text:agenda"}),
            )
            for i in range(6)
        ),
    ]
    design = design_of(examples, ["text:agenda"], ["agenda", "other"], Penalties(words=4.0))
    words = [name for name in design.names if name[0] == "word"]
    assert words == [("word", "agenda", "text:agenda")]
