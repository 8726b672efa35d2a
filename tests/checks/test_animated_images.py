"""Animated images: decoding (timing, loops, flashes) and the two checks' judgements, no browser."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from PIL import Image

from a11y_audit.artifacts.animated_images import AnimatedImage, Animation
from a11y_audit.check import Verdict
from a11y_audit.judge.animation import measure, sniff
from a11y_audit.judge.flashes import FIELD, THRESHOLD_AREA, CellSeries, transition_times
from a11y_audit.model import Outcome
from checks.animated_image_no_pause import image_verdict as pause_verdict
from checks.flashing_image import image_verdict as flash_verdict
from tests.animated_images import BLACK, GREY, RED, WHITE, animation, moving_block, save


def measured(data: bytes, rendered: tuple[float, float] = (200, 150)) -> Animation:
    result = measure(data, rendered)
    assert result is not None
    return result


def test_sniff_knows_formats_that_can_animate_by_their_bytes() -> None:
    still = BytesIO()
    Image.new("RGB", (4, 4)).save(still, "PNG")
    assert sniff(animation([BLACK, WHITE])) == "gif"
    assert sniff(moving_block(3, fmt="PNG")) == "png"
    assert sniff(moving_block(3, fmt="WEBP")) == "webp"
    assert sniff(still.getvalue()) is None
    assert sniff(b"<svg></svg>") is None


def test_loop_counts_follow_browsers() -> None:
    forever = measured(moving_block(10))
    assert (forever["plays"], forever["playsAtMost"], forever["loopMs"]) == (None, None, 1000)
    once = measured(moving_block(10, loop=None))
    assert (once["plays"], once["playsAtMost"]) == (1, 1)
    repeats = measured(moving_block(10, loop=2))
    assert (repeats["plays"], repeats["playsAtMost"]) == (2, 3)
    apng = measured(moving_block(10, loop=3, fmt="PNG"))
    assert (apng["format"], apng["plays"], apng["playsAtMost"]) == ("png", 3, 3)


def test_tiny_delays_show_for_100_ms_as_in_browsers() -> None:
    assert measured(moving_block(10, duration=0))["loopMs"] == 1000


def test_single_frame_and_invisible_changes() -> None:
    one = BytesIO()
    Image.new("RGB", (4, 4)).save(one, "GIF")
    assert measure(one.getvalue(), (4, 4)) is None
    assert measured(animation([GREY, (204, 204, 204)] * 3))["moving"] is False


def test_undecodable_bytes_are_a_value_error() -> None:
    with pytest.raises(ValueError, match="cannot decode"):
        measure(b"GIF89a" + b"\0" * 40, (10, 10))


def test_strobe_flashes_over_its_rendered_area() -> None:
    strobe = measured(animation([BLACK, WHITE] * 10), (200, 150))
    assert strobe["general"]["certain"] == 200 * 150
    assert strobe["red"]["certain"] == 0
    red = measured(animation([BLACK, RED] * 10), (200, 150))
    assert red["red"]["certain"] == 200 * 150


def test_flashing_area_is_counted_within_one_10_degree_field() -> None:
    big = measured(animation([BLACK, WHITE] * 10, size=(64, 64)), (1024, 768))
    assert big["general"]["certain"] <= FIELD[0] * FIELD[1]
    assert big["general"]["certain"] > 0.85 * FIELD[0] * FIELD[1]  # whole cells of 32 x 24 px fit


def test_three_flashes_a_second_or_fewer_pass() -> None:
    slow = measured(animation([BLACK, WHITE] * 6, duration=170), (400, 300))
    assert slow["general"]["certain"] == 0 and slow["general"]["possible"] == 0


def test_small_or_bright_changes_are_not_flashes() -> None:
    faint = measured(animation([(120, 120, 120), (135, 135, 135)] * 10), (400, 300))
    assert faint["general"]["possible"] == 0
    bright = measured(animation([(240, 240, 240), WHITE] * 10), (400, 300))
    assert bright["general"]["possible"] == 0


def test_transparent_frames_flash_surely_only_over_every_backdrop() -> None:
    white = Image.new("RGBA", (20, 20), (255, 255, 255, 255))
    clear = Image.new("RGBA", (20, 20), (255, 255, 255, 0))
    data = save([white, clear] * 10, fmt="PNG")
    result = measured(data, (300, 200))
    assert result["general"]["certain"] == 0
    assert result["general"]["possible"] == 300 * 200


def test_slow_drift_is_one_transition_not_many() -> None:
    steps = [i / 20 for i in range(21)]
    series = CellSeries(steps, [0.0] * 21, [False] * 21)
    assert len(transition_times(series, list(range(0, 2100, 100)), red=False)) == 1


def test_red_transitions_need_saturated_red() -> None:
    values = [0.0, 40.0] * 5
    saturated = CellSeries([0.0] * 10, values, [False, True] * 5)
    pinkish = CellSeries([0.0] * 10, values, [False] * 10)
    starts = list(range(0, 1000, 100))
    assert len(transition_times(saturated, starts, red=True)) == 9
    assert transition_times(pinkish, starts, red=True) == []


def image(animation_data: Animation | None, **fields: Any) -> AnimatedImage:
    item: dict[str, Any] = {
        "selector": "#banner",
        "snippet": '<img id="banner" src="/sale.gif">',
        "rect": {"x": 0, "y": 0, "width": 240, "height": 160},
        "url": "https://shop.example/static/sale.gif?v=3",
        "alt": "Sale",
        "hints": "banner",
        "control": None,
        "reducedMotion": False,
        "busy": False,
        "animation": animation_data,
        "unread": None,
    }
    item.update(fields)
    return item  # type: ignore[return-value]


def outcome(verdict: Verdict | None) -> Outcome | None:
    return verdict.outcome if verdict else None


FOREVER = measure(moving_block(20), (240, 160))


def test_a_gif_looping_forever_without_control_fails_with_its_file_as_cause() -> None:
    verdict = pause_verdict(image(FOREVER))
    assert verdict is not None and verdict.outcome is Outcome.FAILED
    assert verdict.cause == "animated image /static/sale.gif"
    assert "plays forever" in verdict.message


def test_what_stops_it_or_may_excuse_it() -> None:
    assert outcome(pause_verdict(image(FOREVER, control="#pause"))) is Outcome.PASSED
    assert outcome(pause_verdict(image(measure(moving_block(20, loop=None), (240, 160))))) is Outcome.PASSED
    tiny = image(FOREVER, rect={"x": 0, "y": 0, "width": 24, "height": 24})
    assert outcome(pause_verdict(tiny)) is Outcome.CANT_TELL
    assert outcome(pause_verdict(image(FOREVER, hints="loading-spinner"))) is Outcome.CANT_TELL
    assert outcome(pause_verdict(image(FOREVER, busy=True))) is Outcome.CANT_TELL
    assert outcome(pause_verdict(image(FOREVER, reducedMotion=True))) is Outcome.CANT_TELL
    ambiguous = measure(moving_block(30, loop=1), (240, 160))
    assert outcome(pause_verdict(image(ambiguous))) is Outcome.CANT_TELL
    assert outcome(pause_verdict(image(measure(moving_block(30, loop=2), (240, 160))))) is Outcome.FAILED


def test_unread_still_and_pixel_images_are_not_judged() -> None:
    assert pause_verdict(image(None, unread="cross-origin")) is None
    assert pause_verdict(image(measure(animation([GREY, (204, 204, 204)] * 3), (240, 160)))) is None
    pixel = image(FOREVER, rect={"x": 0, "y": 0, "width": 1, "height": 1})
    assert pause_verdict(pixel) is None
    assert flash_verdict(image(None, unread="cross-origin")) is None


def test_flashing_fails_clearly_above_the_threshold_and_asks_near_it() -> None:
    strobe = animation([BLACK, WHITE] * 10)
    assert outcome(flash_verdict(image(measure(strobe, (200, 150))))) is Outcome.FAILED
    near = measure(strobe, (160, 150))
    assert near is not None and near["general"]["certain"] < 1.25 * THRESHOLD_AREA
    assert outcome(flash_verdict(image(near))) is Outcome.CANT_TELL
    assert outcome(flash_verdict(image(measure(strobe, (60, 60))))) is Outcome.PASSED
    assert outcome(flash_verdict(image(FOREVER))) is Outcome.PASSED


def test_a_pause_control_does_not_excuse_flashing() -> None:
    verdict = flash_verdict(image(measure(animation([BLACK, RED] * 10), (250, 150)), control="#pause"))
    assert verdict is not None and verdict.outcome is Outcome.FAILED and "red flashes" in verdict.message
