"""reflow's judgement of what reaches beyond the edges at 320 CSS px, over hand-written data."""

from __future__ import annotations

from typing import Any

from a11y_audit.check import Page
from a11y_audit.checks.reflow import Reflow
from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.engine import judge_page
from a11y_audit.model import Outcome, PageRecord
from tests.checks.test_fixtures import fixture_key


def judged(reflow: dict[str, Any]) -> dict[str, tuple[Outcome, str]]:
    measurement = {"viewport": {"width": 320}, "scrollWidth": 320, **reflow}
    page = Page(
        PageRecord(url="https://shop.example/cart"),
        parse_dom("<p>x</p>"),
        {"layout_adaptation": {"reflow": measurement}},
    )
    return {
        fixture_key(item.element): (item.verdict.outcome, item.verdict.message)
        for item in judge_page(Reflow(), page)
    }


def wide(
    selector: str, *, left: int = 16, right: int = 976, needs: dict[str, str] | None = None
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "selector": selector,
        "snippet": "<div>",
        "width": right - left,
        "left": left,
        "right": right,
    }
    if needs:
        item["needs"] = needs
    return item


def test_a_fixed_width_layout_fails_and_says_the_page_scrolls_sideways() -> None:
    outcome, message = judged({"scrollWidth": 976, "offenders": [wide(".cart")]})[".cart"]
    assert outcome is Outcome.FAILED
    assert (
        "960 px wide" in message
        and "656 px beyond the right edge" in message
        and "scrolls sideways" in message
    )


def test_content_beyond_an_edge_that_cannot_scroll_is_cut_off() -> None:
    _, message = judged({"offenders": [wide(".promo")]})[".promo"]
    assert "cut off" in message
    outcome, message = judged({"offenders": [wide(".drawer", left=-120, right=200)]})[".drawer"]
    assert outcome is Outcome.FAILED and "120 px beyond the left edge" in message


def test_data_tables_and_toolbars_may_need_two_dimensions() -> None:
    table = {"tag": "table", "role": "", "selector": "#sizes"}
    toolbar = {"tag": "div", "role": "toolbar", "selector": "#editor-tools"}
    found = judged(
        {"scrollWidth": 700, "offenders": [wide("#sizes", needs=table), wide("#tools", needs=toolbar)]}
    )
    assert found["#sizes"][0] is Outcome.PASSED and found["#tools"][0] is Outcome.PASSED


def test_an_image_may_be_a_map_or_diagram_so_a_person_decides() -> None:
    image = {"tag": "img", "role": "", "selector": "#hero"}
    outcome, message = judged({"scrollWidth": 800, "offenders": [wide("#hero", needs=image)]})["#hero"]
    assert outcome is Outcome.CANT_TELL and "<img>" in message


def test_sideways_scrolling_with_no_element_to_blame_needs_review() -> None:
    assert judged({"scrollWidth": 400, "offenders": []})["html"][0] is Outcome.CANT_TELL


def test_text_newly_cut_off_at_320_px_fails_and_a_page_that_reflows_passes() -> None:
    cut = {
        "selector": "#lede",
        "snippet": "<p>",
        "text": "Summer linen",
        "textOverflow": {"x": 0, "y": 40, "line": 18},
    }
    assert judged({"clipped": [cut]})["#lede"][0] is Outcome.FAILED
    assert judged({}) == {"html": (Outcome.PASSED, "At 320 CSS px no text was clipped or overlapped")}
