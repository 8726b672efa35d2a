"""focus-not-visible: styles and sampled pixels decide; a measurement stands for its group."""

from __future__ import annotations

from a11y_audit.artifacts.keyboard import KeyboardWalk
from a11y_audit.check import Target
from a11y_audit.checks.focus_not_visible import verdicts
from a11y_audit.model import Outcome
from tests.checks.keyboard_data import OUTLINE_NONE, RING, artifact, stop


def outcomes(data: KeyboardWalk) -> dict[str, Outcome]:
    return {target.selector: verdict.outcome for target, verdict in verdicts(data).items()}


def test_no_style_change_and_no_pixel_change_fails_the_whole_group() -> None:
    bare = {"style": OUTLINE_NONE, "unfocused_style": OUTLINE_NONE, "kind": "a||.menu"}
    data = artifact(stop("#a", pixel_ratio=0.0, viewport_pixels=0, **bare), stop("#b", **bare), stop("#c"))
    assert outcomes(data) == {"#a": Outcome.FAILED, "#b": Outcome.FAILED, "#c": Outcome.PASSED}


def test_an_indicator_drawn_elsewhere_in_the_window_is_for_a_person() -> None:
    # ACT oj04fd: any pixel of the viewport that changes may be the indicator (a marker beside it).
    bare = {"style": OUTLINE_NONE, "unfocused_style": OUTLINE_NONE, "pixel_ratio": 0.0}
    data = artifact(stop("#a", viewport_pixels=240, **bare), stop("#b", viewport_pixels=None, **bare))
    assert outcomes(data) == {"#a": Outcome.CANT_TELL, "#b": Outcome.CANT_TELL}


def test_no_style_change_but_pixels_change_passes() -> None:
    # A parent's :focus-within ring or a sibling's style: only the pixels show it.
    data = artifact(stop("#a", style=OUTLINE_NONE, unfocused_style=OUTLINE_NONE, pixel_ratio=0.12))
    assert outcomes(data) == {"#a": Outcome.PASSED}


def test_unmeasured_stop_without_style_change_needs_review() -> None:
    data = artifact(stop("#a", style=OUTLINE_NONE, unfocused_style=OUTLINE_NONE))
    assert outcomes(data) == {"#a": Outcome.CANT_TELL}


def test_style_change_with_hardly_any_pixel_change_needs_review() -> None:
    same_colour_ring = {**RING, "outline-color": "rgb(255, 255, 255)"}
    data = artifact(stop("#a", style=same_colour_ring, pixel_ratio=0.003))
    (verdict,) = verdicts(data).values()
    assert verdict.outcome is Outcome.CANT_TELL and "outline" in verdict.message


def test_outline_offset_alone_is_no_visible_change() -> None:
    data = artifact(
        stop(
            "#a",
            style={**OUTLINE_NONE, "outline-offset": "2px"},
            unfocused_style=OUTLINE_NONE,
            pixel_ratio=0.0,
            viewport_pixels=0,
        )
    )
    assert outcomes(data) == {"#a": Outcome.FAILED}


def test_hidden_frames_and_unknown_unfocused_styles_are_not_judged_here() -> None:
    data = artifact(
        stop("#hidden", hidden=["off-screen"]),
        stop("#frame", tag="iframe"),
        stop("#last", unfocused_style=None),
    )
    assert verdicts(data) == {}


def test_pseudo_element_ring_counts_as_a_change() -> None:
    focused = {**OUTLINE_NONE, "::after box-shadow": "rgb(0, 0, 0) 0px 0px 0px 3px"}
    data = artifact(stop("#a", style=focused, unfocused_style=OUTLINE_NONE))
    assert verdicts(data)[Target("#a", "<a id='a'>")].outcome is Outcome.PASSED
