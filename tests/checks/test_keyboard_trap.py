"""keyboard-trap: a component fails only when no standard way gets focus out."""

from __future__ import annotations

from typing import Any

from a11y_audit.checks.keyboard_trap import verdicts
from a11y_audit.model import Outcome
from tests.checks.keyboard_data import artifact

DIALOG = {"selector": "#size-guide", "snippet": "<div id='size-guide'>", "rect": {}}


def component(escapes: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {
        "source": "opener",
        "opener": None,
        "opened": True,
        "component": DIALOG,
        "modal": True,
        "focus_moved_in": True,
        "focusables": 2,
        "escapes": escapes,
        "close_control": None,
        **fields,
    }


def outcome(*components: dict[str, Any]) -> list[Outcome]:
    return [verdict.outcome for verdict in verdicts(artifact(components=list(components))).values()]


def test_nothing_gets_out_fails() -> None:
    assert outcome(component({"tab": False, "shift_tab": False, "escape": False, "close_control": None})) == [
        Outcome.FAILED
    ]


def test_a_close_button_that_works_passes() -> None:
    closer = {"selector": "#close", "snippet": "<button>", "rect": {}}
    escapes = {"tab": False, "shift_tab": False, "escape": False, "close_control": True}
    assert outcome(component(escapes, close_control=closer)) == [Outcome.PASSED]


def test_escape_closing_a_modal_passes() -> None:
    assert outcome(component({"tab": False, "shift_tab": False, "escape": True, "close_control": None})) == [
        Outcome.PASSED
    ]


def test_components_that_did_not_open_are_not_judged() -> None:
    assert outcome(component({}, opened=False), component({}, component=None)) == []


TRAPPED = {"tab": False, "shift_tab": False, "escape": False, "close_control": None}


def test_the_key_the_help_text_advises_getting_out_passes() -> None:
    # WCAG 2.1.2: a non-standard way out is fine when the user is told about it (ACT 80af7b).
    assert outcome(component({**TRAPPED, "advised": True}, advised_keys=["Ctrl+M"])) == [Outcome.PASSED]


def test_an_advised_key_that_does_not_get_out_fails() -> None:
    advised = component({**TRAPPED, "advised": False}, advised_keys=["Ctrl+M"])
    [verdict] = verdicts(artifact(components=[advised])).values()
    assert verdict.outcome == Outcome.FAILED and "the advised Ctrl+M" in verdict.message


def test_a_help_control_that_showed_no_key_is_for_a_person() -> None:
    helper = {"selector": "#help", "snippet": "<a id='help'>", "rect": {}}
    assert outcome(component(TRAPPED, advised_keys=[], help_control=helper)) == [Outcome.CANT_TELL]


def test_a_script_taking_focus_back_fails() -> None:
    refocus = component({"tab": False, "shift_tab": False, "escape": False}, source="refocus")
    [verdict] = verdicts(artifact(components=[refocus])).values()
    assert verdict.outcome == Outcome.FAILED and "takes focus back" in verdict.message


def test_stops_holding_focus_against_tab_and_shift_tab_fail_naming_both() -> None:
    # ACT 80af7b Failed Example 2: one stop takes focus back after Tab, another after Shift+Tab.
    other = {"selector": "#last", "snippet": "<button id='last'>", "rect": {}}
    held = component(
        {"tab": False, "escape": False, "shift_tab": False}, source="refocus", held_by=[DIALOG, other]
    )
    [verdict] = verdicts(artifact(components=[held])).values()
    assert verdict.outcome == Outcome.FAILED
    assert "either way" in verdict.message and "#last" in verdict.message
    assert "Shift+Tab, and" not in verdict.message
