"""orientation-lock over the stylesheets artifact: linked sheets, duplicates, unreadable sheets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from a11y_audit.check import Page
from a11y_audit.checks.orientation_lock import OrientationLock
from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.engine import judge_page
from a11y_audit.model import Outcome, PageRecord
from tests.checks.test_fixtures import fixture_key

TILT = "@media (orientation: landscape) { main { transform: rotate(92.5deg); } }"

HTML = """<html><body><main id="checkout" class="checkout-main"><h1>Checkout</h1>
<p id="notice" class="rotate-notice">Please turn your device to portrait to continue.</p>
</main></body></html>"""
LOCK = "@media (orientation: landscape) and (max-height: 500px) { .checkout-main { display: none; } }"


def judged(
    rules: list[str], unreadable: Sequence[str] = (), turned: list[dict[str, Any]] | None = None
) -> dict[str, Outcome]:
    sheets: dict[str, Any] = {
        "rules": [{"media": "", "css": css, "href": "https://shop.example/theme.css"} for css in rules],
        "unreadable": list(unreadable),
    }
    artifacts: dict[str, Any] = {"stylesheets": sheets}
    if turned is not None:
        artifacts["layout_adaptation"] = {"turned": turned}
    page = Page(PageRecord(url="https://shop.example/checkout"), parse_dom(HTML), artifacts)
    return {fixture_key(item.element): item.verdict.outcome for item in judge_page(OrientationLock(), page)}


def test_a_lock_in_a_linked_stylesheet_fails_the_main_content() -> None:
    assert judged([LOCK]) == {"#checkout": Outcome.FAILED}


def test_a_rule_read_twice_is_judged_once() -> None:
    assert judged([LOCK, LOCK]) == {"#checkout": Outcome.FAILED}


def test_an_unreadable_sheet_matters_only_where_the_page_asks_to_turn_the_device() -> None:
    assert judged([], ["https://cdn.example/theme.css"]) == {"#notice": Outcome.CANT_TELL}
    assert judged([], []) == {}
    assert judged([LOCK], ["https://cdn.example/fonts.css"]) == {"#checkout": Outcome.FAILED}


def turned(first: float | None, second: float | None) -> list[dict[str, Any]]:
    """The layout_adaptation gatherer's angles of <main> in the page's orientation and the other."""
    return [{"selector": "#checkout", "snippet": "<main>", "angles": {"first": first, "second": second}}]


def test_a_quarter_turn_relative_to_the_other_orientation_locks_the_page() -> None:
    """ACT b33eff: rotate(92.5deg) over a page tilted 2.5deg everywhere is a quarter turn."""
    assert judged([TILT], turned=turned(92.5, 2.5)) == {"#checkout": Outcome.FAILED}
    assert judged([TILT], turned=turned(-90, 0)) == {"#checkout": Outcome.FAILED}


def test_a_turn_that_is_not_a_quarter_or_the_same_in_both_orientations_passes() -> None:
    assert judged([TILT], turned=turned(45, 0)) == {"#checkout": Outcome.PASSED}
    quarter = "@media (orientation: portrait) { main { rotate: 90deg; } }"
    assert judged([quarter], turned=[]) == {"#checkout": Outcome.PASSED}  # turned alike elsewhere
    assert judged([quarter]) == {"#checkout": Outcome.FAILED}  # not measured: the rule alone


def test_a_turn_around_another_axis_is_for_a_person() -> None:
    assert judged([TILT], turned=turned(None, 0)) == {"#checkout": Outcome.CANT_TELL}


def test_unmeasured_rotations_fail_only_as_a_quarter_turn_read_from_the_rule() -> None:
    """Without the angles measured in both orientations, a matrix on the main content is for a
    person; rotate(1.5708rad) reads as a quarter turn."""
    matrix = (
        "@media (orientation: landscape) { main { transform: matrix3d(0,-1,0,0,1,0,0,0,0,0,1,0,0,0,0,1); } }"
    )
    assert judged([matrix]) == {"#checkout": Outcome.CANT_TELL}
    assert judged(["@media (orientation: portrait) { main { transform: rotate(1.5708rad); } }"]) == {
        "#checkout": Outcome.FAILED
    }
