"""resize-text judges the 200% zoom measurement only (never the spacing or 320 px ones)."""

from __future__ import annotations

from a11y_audit.check import Page
from a11y_audit.checks.resize_text import ResizeText
from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.engine import judge_page
from a11y_audit.model import Outcome, PageRecord
from tests.checks.test_fixtures import fixture_key

CUT = {
    "selector": "#tabs",
    "snippet": "<ul>",
    "text": "Reviews",
    "textOverflow": {"x": 0, "y": 30, "line": 18},
}


def judged(artifact: dict[str, object]) -> dict[str, tuple[Outcome, str]]:
    page = Page(
        PageRecord(url="https://shop.example/"), parse_dom("<p>x</p>"), {"layout_adaptation": artifact}
    )
    return {
        fixture_key(item.element): (item.verdict.outcome, item.verdict.message)
        for item in judge_page(ResizeText(), page)
    }


def test_text_cut_off_at_200_percent_fails_with_what_and_how_much() -> None:
    found = judged({"zoom": {"clipped": [CUT]}, "text_spacing": {"clipped": []}})
    outcome, message = found["#tabs"]
    assert outcome is Outcome.FAILED
    assert message.startswith("At 200% zoom") and "30 px" in message


def test_other_measurements_are_not_its_business() -> None:
    assert judged({"text_spacing": {"clipped": [CUT]}, "reflow": {"clipped": [CUT]}}) == {}


def test_a_cut_short_gathering_without_the_zoom_step_is_inapplicable() -> None:
    assert (
        judged({"text_spacing": {}, "incomplete": "the gatherer's time ran out before the zoom step"}) == {}
    )


def clipped(x: float = 0, y: float = 0, **style: object) -> dict[str, object]:
    """A box at 200% zoom whose text reaches x/y px beyond it, with the style that decides."""
    return {
        "selector": "#box",
        "snippet": "<p>",
        "text": "Winter sale",
        "overflow": {"x": x, "y": y},
        "textOverflow": {"x": x, "y": y, "line": 18},
        "client": {"width": 50, "height": 16},
        "style": {
            "whiteSpace": "normal",
            "textOverflow": "clip",
            "lineHeight": 18,
            "height": 40,
            "lineClamp": False,
        }
        | style,
    }


def outcome_of(item: dict[str, object], key: str = "clipped") -> Outcome:
    return judged({"zoom": {key: [item]}})["#box"][0]


def test_a_line_that_does_not_wrap_and_ends_in_an_ellipsis_is_cut_cleanly() -> None:
    assert outcome_of(clipped(x=300, whiteSpace="nowrap", textOverflow="ellipsis")) is Outcome.PASSED
    assert outcome_of(clipped(x=300, whiteSpace="nowrap")) is Outcome.FAILED
    assert outcome_of(clipped(x=300, textOverflow="ellipsis")) is Outcome.FAILED


def test_a_box_one_line_tall_shows_its_line_whole_and_a_shorter_one_cuts_its_letters() -> None:
    assert outcome_of(clipped(y=40, lineHeight=16, height=16)) is Outcome.PASSED
    assert outcome_of(clipped(y=8, lineHeight=18.4, height=10)) is Outcome.FAILED
    assert outcome_of(clipped(y=30, lineHeight=18.4, height=24)) is Outcome.FAILED


def test_a_box_cut_after_several_whole_lines_is_for_a_person() -> None:
    assert outcome_of(clipped(y=40, lineHeight=20, height=40)) is Outcome.CANT_TELL
    assert outcome_of(clipped(y=40, lineHeight=20, height=47, lineClamp=True)) is Outcome.CANT_TELL


def test_text_a_box_cut_at_100_percent_already_is_judged_too() -> None:
    assert outcome_of(clipped(x=120, whiteSpace="nowrap"), key="kept") is Outcome.FAILED
    assert (
        outcome_of(clipped(x=120, whiteSpace="nowrap", textOverflow="ellipsis"), key="kept") is Outcome.PASSED
    )
