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

HTML = """<html><body><main id="checkout" class="checkout-main"><h1>Checkout</h1>
<p id="notice" class="rotate-notice">Please turn your device to portrait to continue.</p>
</main></body></html>"""
LOCK = "@media (orientation: landscape) and (max-height: 500px) { .checkout-main { display: none; } }"


def judged(rules: list[str], unreadable: Sequence[str] = ()) -> dict[str, Outcome]:
    sheets: dict[str, Any] = {
        "rules": [{"media": "", "css": css, "href": "https://shop.example/theme.css"} for css in rules],
        "unreadable": list(unreadable),
    }
    page = Page(PageRecord(url="https://shop.example/checkout"), parse_dom(HTML), {"stylesheets": sheets})
    return {fixture_key(item.element): item.verdict.outcome for item in judge_page(OrientationLock(), page)}


def test_a_lock_in_a_linked_stylesheet_fails_the_main_content() -> None:
    assert judged([LOCK]) == {"#checkout": Outcome.FAILED}


def test_a_rule_read_twice_is_judged_once() -> None:
    assert judged([LOCK, LOCK]) == {"#checkout": Outcome.FAILED}


def test_an_unreadable_sheet_matters_only_where_the_page_asks_to_turn_the_device() -> None:
    assert judged([], ["https://cdn.example/theme.css"]) == {"#notice": Outcome.CANT_TELL}
    assert judged([], []) == {}
    assert judged([LOCK], ["https://cdn.example/fonts.css"]) == {"#checkout": Outcome.FAILED}
