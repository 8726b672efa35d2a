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
