"""text-spacing's judgement of the layout_adaptation measurement, over hand-written data."""

from __future__ import annotations

from typing import Any, cast

from a11y_audit.artifacts.layout_adaptation import Measurement
from a11y_audit.check import Page, Target, cant_tell, failed
from a11y_audit.checks.text_spacing import TextSpacing
from a11y_audit.judge.commons import clipping_verdicts
from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.engine import judge_page, keep_worst
from a11y_audit.model import Outcome, PageRecord
from tests.checks.test_fixtures import fixture_key


def clipped(selector: str, *, x: int = 0, y: int = 0, line: int = 18, scroll_y: int = 0) -> dict[str, Any]:
    return {
        "selector": selector,
        "snippet": f"<h3 id='{selector[1:]}'>",
        "text": "Relaxed Linen Shirt",
        "overflow": {"x": x, "y": max(y, scroll_y)},
        "textOverflow": {"x": x, "y": y, "line": line},
    }


def outcomes(measurement: dict[str, Any]) -> dict[str, Outcome]:
    page = Page(
        PageRecord(url="https://shop.example/"),
        parse_dom("<html><body><p>x</p></body></html>"),
        {"layout_adaptation": {"text_spacing": measurement}},
    )
    return {fixture_key(item.element): item.verdict.outcome for item in judge_page(TextSpacing(), page)}


def test_letters_cut_off_at_the_side_fail() -> None:
    verdicts = clipping_verdicts(cast(Measurement, {"clipped": [clipped("#a", x=37)]}), "With spacing")
    (verdict,) = verdicts.values()
    assert verdict.outcome is Outcome.FAILED
    assert "37 px" in verdict.message and "Relaxed Linen Shirt" in verdict.message


def test_a_quarter_line_cut_at_the_bottom_fails_a_pixel_needs_review() -> None:
    assert outcomes({"clipped": [clipped("#a", y=5, line=18)]}) == {"#a": Outcome.FAILED}
    assert outcomes({"clipped": [clipped("#a", y=1, line=18)]}) == {"#a": Outcome.CANT_TELL}


def test_line_boxes_outgrowing_a_box_whose_letters_fit_need_review_not_a_failure() -> None:
    assert outcomes({"clipped": [clipped("#a", scroll_y=3)]}) == {"#a": Outcome.CANT_TELL}
    assert outcomes({"clipped": [clipped("#a", scroll_y=1)]}) == {"#a": Outcome.PASSED}


def test_boxes_that_still_fit_pass_and_overlapping_text_fails() -> None:
    measurement = {
        "fits": [{"selector": "#b", "snippet": "<p id='b'>", "text": "Delivery"}],
        "overlaps": [
            {
                "selector": "#c",
                "snippet": "<p>",
                "text": "Now is the time",
                "overlap": 12,
                "other": {"selector": "#d"},
            }
        ],
    }
    assert outcomes(measurement) == {"#b": Outcome.PASSED, "#c": Outcome.FAILED}


def test_a_measured_page_with_nothing_at_risk_passes_as_a_whole() -> None:
    assert outcomes({"clipped": [], "fits": [], "overlaps": []}) == {"html": Outcome.PASSED}


def test_a_page_without_the_measurement_is_inapplicable() -> None:
    page = Page(PageRecord(url="https://shop.example/"), parse_dom("<p>x</p>"), {"layout_adaptation": {}})
    assert judge_page(TextSpacing(), page) == []


def test_keep_worst_keeps_the_gravest_verdict_of_an_element() -> None:
    verdicts: dict[Target, Any] = {}
    target = Target("#a", "<p>")
    keep_worst(verdicts, target, failed("cut"))
    keep_worst(verdicts, target, cant_tell("maybe"))
    assert verdicts[target].outcome is Outcome.FAILED
