"""content-on-hover-or-focus judged over hand-written `hover` artifacts."""

from __future__ import annotations

from typing import Any, cast

from a11y_audit.artifacts.hover import HoverContent
from a11y_audit.checks.content_on_hover_or_focus import content_verdict, problems, verdicts
from a11y_audit.model import Outcome


def content(**overrides: Any) -> HoverContent:
    base: dict[str, Any] = {
        "selector": ".panel",
        "snippet": "<div class=panel>",
        "trigger": {"selector": ".menu-item"},
        "text": "Shop by colour",
        "links": 9,
        "controls": 0,
        "overlay": True,
        "dismissible": True,
        "hoverable": True,
        "hidesOnLeave": True,
        "focusable": True,
        "focusReveals": True,
        "keyboardReveals": None,
    }
    return cast(HoverContent, {**base, **overrides})


def test_well_behaved_content_passes() -> None:
    assert content_verdict(content()).outcome is Outcome.PASSED
    assert content_verdict(content(focusReveals=False, keyboardReveals=True)).outcome is Outcome.PASSED


def test_each_problem_is_named_with_its_criterion() -> None:
    assert problems(content(dismissible=False)) == [
        "Escape does not dismiss it while the pointer stays on its trigger (1.4.13)"
    ]
    assert "(1.4.13)" in problems(content(hoverable=False))[0]
    keyboard = problems(content(focusReveals=False, keyboardReveals=False))
    assert keyboard and "9 link(s)" in keyboard[0] and keyboard[0].endswith("(2.1.1)")
    tooltip = problems(content(links=0, focusable=False, focusReveals=False))
    assert "cannot take focus" in tooltip[0] and "its text" in tooltip[0]


def test_in_flow_content_need_not_be_dismissible_and_sticky_content_needs_no_keyboard_path() -> None:
    assert problems(content(overlay=False, dismissible=False)) == []
    assert problems(content(hidesOnLeave=False, focusReveals=False)) == []


def test_failures_combine_into_one_verdict_per_content() -> None:
    hover = content(dismissible=False, hoverable=False, focusReveals=False)
    found = verdicts({"contents": [hover], "candidates": 1})
    [verdict] = found.values()
    assert (
        verdict.outcome is Outcome.FAILED
        and verdict.message.count("(1.4.13)") == 2
        and "(2.1.1)" in verdict.message
    )


def test_what_the_gatherer_could_not_decide_is_left_for_review_never_failed() -> None:
    undecided = ["dismissible", "hoverable"]
    unsure = content_verdict(content(dismissible=None, hoverable=None, undecided=undecided))
    assert unsure.outcome is Outcome.CANT_TELL
    assert "whether Escape dismisses it" in unsure.message and "pointer moves onto it" in unsure.message


def test_a_certain_problem_fails_even_when_something_else_is_undecided() -> None:
    hover = content(dismissible=None, hoverable=False, undecided=["dismissible"])
    assert content_verdict(hover).outcome is Outcome.FAILED


def test_dismissal_left_undecided_does_not_matter_for_in_flow_content() -> None:
    hover = content(overlay=False, dismissible=None, undecided=["dismissible"])
    assert content_verdict(hover).outcome is Outcome.PASSED


def test_a_menu_button_opened_by_a_key_is_reached_from_the_keyboard() -> None:
    # The ARIA menu button pattern: focus alone does not open it, ArrowDown (or Enter) does.
    assert problems(content(focusReveals=False, keyboardReveals=True)) == []
