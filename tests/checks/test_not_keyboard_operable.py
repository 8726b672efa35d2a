"""not-keyboard-operable: unreachable controls fail, delegation and backdrops are not judged."""

from __future__ import annotations

from typing import Any, cast

import pytest

from a11y_audit.artifacts.pointer_handlers import PointerTarget, PointerTargets, RemovedControl
from a11y_audit.checks.not_keyboard_operable import verdicts
from a11y_audit.model import Outcome


def element(**fields: Any) -> PointerTarget:
    data: dict[str, Any] = {
        "selector": "#x",
        "snippet": "<div id='x'>",
        "rect": {},
        "tag": "div",
        "role": None,
        "tabindex": None,
        "handler": True,
        "focusable": False,
        "disabled": False,
        "focusable_near": False,
        "cursor": "pointer",
        "viewport_share": 0.001,
        "composite_managed": False,
    }
    data.update(fields)
    return cast(PointerTarget, data)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, Outcome.FAILED),
        ({"cursor": "auto"}, Outcome.CANT_TELL),
        ({"focusable": True}, Outcome.PASSED),
        ({"role": "button", "handler": False, "cursor": "auto"}, Outcome.FAILED),
        ({"role": "tab", "handler": False, "tabindex": "-1", "composite_managed": True}, Outcome.PASSED),
        ({"role": "tab", "tabindex": "-1", "composite_managed": True}, Outcome.PASSED),
        ({"focusable_near": True}, None),
        ({"viewport_share": 0.9}, None),
        ({"rect": {"x": 0, "y": 40, "width": 1280, "height": 0}}, None),  # an empty drag track
        ({"rect": {"x": 0, "y": 40, "width": 24, "height": 24}}, Outcome.FAILED),
        ({"disabled": True}, None),
        ({"role": "option", "handler": False, "tabindex": "-1"}, None),
        # A row around a radio of a roving group (tabindex=-1 until chosen): a larger click area.
        ({"control_inside": True}, Outcome.CANT_TELL),
        ({"composite_managed": True}, Outcome.CANT_TELL),
        ({"control_inside": False}, Outcome.FAILED),
    ],
)
def test_verdicts(fields: dict[str, Any], expected: Outcome | None) -> None:
    found = [
        verdict.outcome
        for verdict in verdicts({"elements": [element(**fields)], "truncated": False}).values()
    ]
    assert found == ([expected] if expected else [])


def removed(**fields: Any) -> RemovedControl:
    data: dict[str, Any] = {
        "selector": "#r",
        "snippet": "<a id='r' tabindex='-1'>",
        "tag": "a",
        "kind": "link",
        "name": "size guide",
        "readonly": False,
        "composite_managed": False,
        "alternative": False,
    }
    data.update(fields)
    return cast(RemovedControl, data)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, Outcome.FAILED),
        ({"kind": "button", "tag": "button"}, Outcome.FAILED),
        # A product card's image link beside its focusable title link: a deliberate duplicate.
        ({"alternative": True}, Outcome.PASSED),
        # A tab of a tablist whose selected tab is focusable (roving tabindex).
        ({"kind": "button", "composite_managed": True}, Outcome.PASSED),
        ({"kind": "field", "tag": "input", "readonly": True}, Outcome.CANT_TELL),
        ({"kind": "field", "tag": "input"}, Outcome.FAILED),
        # A swatch label whose radio is display: none.
        ({"kind": "label", "tag": "label"}, Outcome.FAILED),
    ],
)
def test_visible_native_control_out_of_the_tab_order(fields: dict[str, Any], expected: Outcome) -> None:
    artifact = cast(PointerTargets, {"elements": [], "truncated": False, "removed": [removed(**fields)]})
    (verdict,) = verdicts(artifact).values()
    assert verdict.outcome is expected


def test_runs_recorded_before_removed_controls_were_gathered_still_judge() -> None:
    assert verdicts(cast(PointerTargets, {"elements": [element()], "truncated": False}))
