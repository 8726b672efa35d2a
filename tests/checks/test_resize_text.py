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
