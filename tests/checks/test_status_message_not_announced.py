"""status-message-not-announced judged over hand-written `status_messages` artifacts."""

from __future__ import annotations

from typing import Any, cast

from a11y_audit.artifacts.status_messages import Change, StatusAction, StatusActions
from a11y_audit.check import Target
from a11y_audit.checks.status_message_not_announced import message_verdict, verdicts
from a11y_audit.model import Outcome

ACTION = cast(StatusAction, {"selector": "#add", "name": "Add to bag", "focus": "#add", "focusMoved": False})


def change(**overrides: Any) -> Change:
    base: dict[str, Any] = {
        "selector": "#toast",
        "snippet": "<div id=toast>",
        "text": "Added 1 x Linen shirt to your bag.",
        "visible": True,
        "live": None,
        "liveExisted": False,
        "focusInside": False,
        "inControl": False,
        "inDialog": False,
    }
    return cast(Change, {**base, **overrides})


def action(**overrides: Any) -> StatusAction:
    """ACTION with some parts replaced."""
    return cast(StatusAction, {**ACTION, **overrides})


def outcome(item: Change, action: StatusAction = ACTION) -> Outcome | None:
    verdict = message_verdict(item, action)
    return None if verdict is None else verdict.outcome


def test_confirmation_outside_live_region_fails_and_says_how_to_fix() -> None:
    verdict = message_verdict(change(), ACTION)
    assert verdict is not None and verdict.outcome is Outcome.FAILED
    assert 'role="status"' in verdict.message and "Add to bag" in verdict.message


def test_existing_live_region_passes_and_new_one_needs_review() -> None:
    assert outcome(change(live="status", liveExisted=True)) is Outcome.PASSED
    assert outcome(change(live="aria-live=polite", liveExisted=False)) is Outcome.CANT_TELL
    assert outcome(change(live="alert", liveExisted=False)) is Outcome.PASSED  # alerts are read when inserted


def test_text_that_does_not_read_like_a_status_is_only_cantell() -> None:
    assert outcome(change(text="Linen shirt, sage green")) is Outcome.CANT_TELL


def test_not_status_messages() -> None:
    assert outcome(change(visible=False)) is None
    assert outcome(change(text="")) is None
    assert outcome(change(inControl=True, text="Adding...")) is None  # the button's own label
    assert outcome(change(inDialog=True)) is None
    assert outcome(change(focusInside=True)) is None
    assert outcome(change(), action(focus="#toast > button")) is None  # focus moved into it
    assert outcome(change(text="Added " + "more products " * 20)) is None  # long content, not a message


def test_worst_verdict_wins_and_parts_of_a_judged_message_are_skipped() -> None:
    artifact: StatusActions = {
        "actions": [
            action(changes=[change(live="status", liveExisted=True)]),
            action(changes=[change(), change(selector="#toast > span", text="Added")]),
        ]
    }
    found = verdicts(artifact)
    assert list(found) == [Target("#toast", "<div id=toast>")]
    assert found[Target("#toast", "<div id=toast>")].outcome is Outcome.FAILED


def test_empty_artifact_is_inapplicable() -> None:
    assert verdicts(cast(StatusActions, {})) == {} and verdicts({"actions": [action(changes=[])]}) == {}
