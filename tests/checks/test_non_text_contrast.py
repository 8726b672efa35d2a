"""non-text-contrast: colour arithmetic and the judgement of control and icon styles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from a11y_audit.check import Page, Verdict
from a11y_audit.checks.non_text_contrast import NonTextContrast
from a11y_audit.judge.commons import contrast, over
from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.engine import judge_page
from a11y_audit.model import Outcome, PageRecord
from tests.checks.test_fixtures import fixture_key

WHITE: list[float] = [255, 255, 255, 1]
CLEAR: list[float] = [0, 0, 0, 0]


def side(colour: Sequence[float], width: float = 1, style: str = "solid") -> dict[str, Any]:
    return {"width": width, "style": style, "colour": colour}


def control(border: Sequence[float] | None = None, **overrides: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "selector": "#q",
        "snippet": "<input id='q'>",
        "tag": "input",
        "type": "search",
        "disabled": False,
        "appearance": "auto",
        "borders": [side(border)] * 4 if border else [side(WHITE, 0, "none")] * 4,
        "background": WHITE,
        "backgroundImage": False,
        "boxShadow": False,
        "opacity": 1,
        "behind": WHITE,
        "frame": None,
    }
    item.update(overrides)
    return item


def judged(
    controls: Sequence[dict[str, Any]] = (), icons: Sequence[dict[str, Any]] = ()
) -> dict[str, tuple[Outcome, str]]:
    artifact = {"controls": list(controls), "icons": list(icons)}
    page = Page(PageRecord(url="https://shop.example/"), parse_dom("<p>x</p>"), {"control_styles": artifact})
    return {
        fixture_key(item.element): (item.verdict.outcome, item.verdict.message)
        for item in judge_page(NonTextContrast(), page)
    }


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        ((0, 0, 0), (255, 255, 255), 21.0),
        ((118, 118, 118), (255, 255, 255), 4.54),
        ((232, 232, 232), (255, 255, 255), 1.23),
    ],
)
def test_contrast_is_the_wcag_ratio(first: tuple[int, ...], second: tuple[int, ...], ratio: float) -> None:
    assert contrast(first, second) == pytest.approx(ratio, abs=0.01)


def test_translucent_colours_are_blended_over_what_is_behind() -> None:
    assert over((0, 0, 0, 0.5), (255, 255, 255, 1)) == pytest.approx((127.5, 127.5, 127.5, 1))


def test_a_pale_border_on_white_fails_and_names_both_colours() -> None:
    outcome, message = judged([control([232, 232, 232, 1])])["#q"]
    assert outcome is Outcome.FAILED
    assert "#e8e8e8" in message and "1.2:1" in message and "#ffffff" in message


def test_every_field_with_one_failing_border_colour_names_it_as_one_cause() -> None:
    """One CSS rule draws the border of every field: the findings share a cause, so the
    grouping makes them one issue, whatever the field (a11y_audit.judge.grouping)."""
    artifact = {"controls": [control([232, 232, 232, 1])], "icons": []}
    page = Page(PageRecord(url="https://shop.example/"), parse_dom("<p>x</p>"), {"control_styles": artifact})
    (item,) = judge_page(NonTextContrast(), page)
    assert item.verdict.cause == "field border #e8e8e8 on #ffffff (1.2:1, needs 3:1)"


def test_a_translucent_border_is_judged_as_painted() -> None:
    assert judged([control([0, 0, 0, 0.1])])["#q"][0] is Outcome.FAILED
    assert judged([control([0, 0, 0, 0.6])])["#q"][0] is Outcome.PASSED


def test_a_sufficient_fill_passes_without_a_border() -> None:
    outcome, message = judged([control(None, background=[51, 51, 51, 1])])["#q"]
    assert outcome is Outcome.PASSED and "fill" in message


def test_a_field_inside_an_outlined_group_passes_on_the_group_outline() -> None:
    frame = {
        "selector": ".stepper",
        "borders": [side([85, 85, 85, 1])] * 4,
        "background": WHITE,
        "behind": WHITE,
    }
    outcome, message = judged([control([221, 221, 221, 1], frame=frame)])["#q"]
    assert outcome is Outcome.PASSED and ".stepper" in message


@pytest.mark.parametrize(
    "overrides",
    [{"behind": None}, {"backgroundImage": True}, {"boxShadow": True}],
    ids=["image-behind", "image-inside", "box-shadow"],
)
def test_what_colours_cannot_show_needs_review(overrides: dict[str, Any]) -> None:
    assert judged([control([232, 232, 232, 1], **overrides)])["#q"][0] is Outcome.CANT_TELL


def test_a_field_without_border_or_fill_needs_review() -> None:
    assert judged([control(None, background=CLEAR)])["#q"][0] is Outcome.CANT_TELL


def test_disabled_controls_and_native_checkboxes_are_exempt() -> None:
    assert judged([control([232, 232, 232, 1], disabled=True)]) == {}
    assert judged([control([232, 232, 232, 1], type="checkbox")]) == {}
    assert (
        judged([control([232, 232, 232, 1], type="checkbox", appearance="none")])["#q"][0] is Outcome.FAILED
    )


def icon(colours: Sequence[Sequence[float]], **overrides: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "selector": "#wish",
        "snippet": "<button>",
        "disabled": False,
        "colours": colours,
        "unknownPaint": False,
        "opacity": 1,
        "background": CLEAR,
        "backgroundImage": False,
        "behind": WHITE,
    }
    item.update(overrides)
    return item


def test_icon_only_buttons_need_an_icon_of_3_to_1_against_their_fill() -> None:
    assert judged(icons=[icon([[200, 200, 200, 1]])])["#wish"][0] is Outcome.FAILED
    assert judged(icons=[icon([[51, 51, 51, 1], [240, 240, 240, 1]])])["#wish"][0] is Outcome.PASSED
    # A white icon on a dark button passes against the button's own fill, not the page.
    assert judged(icons=[icon([WHITE], background=[31, 77, 58, 1])])["#wish"][0] is Outcome.PASSED
    assert judged(icons=[icon([[51, 51, 51, 1]], opacity=0.3)])["#wish"][0] is Outcome.FAILED


def test_icons_painted_with_gradients_or_nothing_readable_need_review() -> None:
    assert judged(icons=[icon([], unknownPaint=True)])["#wish"][0] is Outcome.CANT_TELL
    assert judged(icons=[icon([])])["#wish"][0] is Outcome.CANT_TELL
    assert judged(icons=[icon([[200, 200, 200, 1]], disabled=True)]) == {}


def stop(outline: str, *, offset: str = "2px", extra: dict[str, str] | None = None) -> dict[str, Any]:
    """A keyboard-walk stop (a11y_audit.browser.gatherers.keyboard) with a focus outline."""
    unfocused = {"outline-style": "none", "outline-width": "0px", "outline-color": "rgb(0, 0, 0)"}
    focused = {
        "outline-style": "solid",
        "outline-width": "3px",
        "outline-color": outline,
        "outline-offset": offset,
    }
    return {
        "selector": "#footer-link",
        "snippet": "<a>",
        "hidden": [],
        "style": {**unfocused, **focused, **(extra or {})},
        "unfocused_style": {**unfocused, "outline-offset": offset},
    }


def judged_focus(
    stops: list[dict[str, Any]], behind: list[float] | None, background: list[float] | None = CLEAR
) -> dict[str, Verdict]:
    artifact = {
        "controls": [],
        "icons": [],
        "focusable": {"#footer-link": {"behind": behind, "background": background}},
    }
    page = Page(
        PageRecord(url="https://shop.example/"),
        parse_dom("<p>x</p>"),
        {"control_styles": artifact, "keyboard": {"stops": stops}},
    )
    return {fixture_key(item.element): item.verdict for item in judge_page(NonTextContrast(), page)}


def test_a_focus_outline_that_vanishes_on_a_dark_footer_fails() -> None:
    verdict = judged_focus([stop("rgb(26, 86, 219)")], [23, 58, 44, 1])["#footer-link"]
    assert verdict.outcome is Outcome.FAILED
    assert "#1a56db" in verdict.message and "#173a2c" in verdict.message and "2.0:1" in verdict.message


def test_a_focus_outline_passes_against_the_background_or_the_element_it_touches() -> None:
    assert (
        judged_focus([stop("rgb(255, 255, 255)")], [23, 58, 44, 1])["#footer-link"].outcome is Outcome.PASSED
    )
    touching = stop("rgb(255, 255, 255)", offset="0px")
    dark_button: list[float] = [31, 31, 31, 1]
    assert judged_focus([touching], WHITE, dark_button)["#footer-link"].outcome is Outcome.PASSED


def test_focus_shown_by_more_than_an_outline_or_measured_without_colours_is_left_alone() -> None:
    with_background = stop("rgb(26, 86, 219)", extra={"background-color": "rgb(255, 230, 0)"})
    with_background["unfocused_style"]["background-color"] = "rgba(0, 0, 0, 0)"
    assert judged_focus([with_background], [23, 58, 44, 1]) == {}
    unknown = stop("rgb(26, 86, 219)")
    unknown["unfocused_style"] = None
    assert judged_focus([unknown], [23, 58, 44, 1]) == {}
    assert judged_focus([stop("rgb(26, 86, 219)")], None) == {}


def test_the_browsers_own_two_tone_focus_ring_is_not_judged_by_its_one_computed_colour() -> None:
    ring = stop("rgb(16, 16, 16)", extra={"outline-style": "auto"})
    assert judged_focus([ring], [23, 58, 44, 1]) == {}
