"""dialog-focus, expanded-state-not-updated and opener-not-keyboard-operable on hand-written
`dialogs` artifacts: fail only what is certain."""

from __future__ import annotations

from typing import Any, cast

import pytest

from a11y_audit.artifacts.dialogs import DialogProbe, Dialogs
from a11y_audit.checks import dialog_focus, expanded_state_not_updated, opener_not_keyboard_operable
from a11y_audit.model import Outcome

TRIGGER = {"selector": "#open", "snippet": "<button id='open'>", "rect": {}}
DIALOG = {"selector": "#dialog", "snippet": "<div id='dialog'>", "rect": {}}
BEHIND = {"selector": "#home", "snippet": "<a id='home'>", "rect": {}}


def probe(**fields: Any) -> DialogProbe:
    """A modal dialog opened with Enter, focus moved in and stayed, Escape closed it, focus back."""
    base: dict[str, Any] = {
        "trigger": TRIGGER, "expanded_before": None, "opened_by": "enter", "keys_confirmed": None,
        "component": DIALOG, "linked": True, "role": "dialog", "modal": "declared",
        "focus_after_open": "inside", "focus_element": DIALOG, "focusables": 2, "expanded_open": None,
        "tab_escaped_to": None, "containment_tested": True, "closer": None, "closed_by": "escape",
        "focus_after_close": "trigger", "focus_after_close_element": TRIGGER, "expanded_closed": None,
        "next_tab": None, "previous_tab": None,
    }  # fmt: skip
    return cast(DialogProbe, {**base, **fields})


def outcomes(module: Any, *probes: DialogProbe) -> list[Outcome]:
    artifact: Dialogs = {"candidates": len(probes), "probes": list(probes)}
    return [verdict.outcome for verdict in module.verdicts(artifact).values()]


def test_a_well_behaved_modal_dialog_passes() -> None:
    assert outcomes(dialog_focus, probe()) == [Outcome.PASSED]


def test_focus_left_behind_a_dialog_the_next_tab_does_not_reach_fails() -> None:
    assert outcomes(dialog_focus, probe(focus_after_open="trigger", next_tab="elsewhere")) == [Outcome.FAILED]
    non_modal = probe(focus_after_open="trigger", next_tab="elsewhere", modal=None, containment_tested=False)
    assert outcomes(dialog_focus, non_modal) == [Outcome.FAILED]


def test_a_menu_the_next_tab_does_not_reach_fails() -> None:
    menu = probe(focus_after_open="trigger", next_tab="elsewhere", modal=None, role="menu")
    menu["containment_tested"] = False
    assert outcomes(dialog_focus, menu) == [Outcome.FAILED]


def test_a_dialog_or_menu_right_after_its_trigger_is_not_failed() -> None:
    assert outcomes(dialog_focus, probe(focus_after_open="trigger", next_tab="inside")) == [Outcome.CANT_TELL]
    menu = probe(
        focus_after_open="trigger", next_tab="inside", modal=None, role="menu", containment_tested=False
    )
    assert outcomes(dialog_focus, menu) == [Outcome.PASSED]


def test_an_overlay_without_a_role_or_an_untested_tab_needs_review() -> None:
    cover = probe(focus_after_open="trigger", next_tab="elsewhere", modal="covers", role=None)
    assert outcomes(dialog_focus, cover) == [Outcome.CANT_TELL]
    assert outcomes(dialog_focus, probe(focus_after_open="trigger", next_tab=None)) == [Outcome.CANT_TELL]


def test_a_disclosure_may_keep_focus_on_its_trigger() -> None:
    disclosure = probe(focus_after_open="trigger", next_tab="elsewhere", modal=None, role=None)
    disclosure.update({"containment_tested": False, "closed_by": "trigger"})
    assert outcomes(dialog_focus, disclosure) == [Outcome.PASSED]  # closed by its trigger: focus stays there


def test_tab_reaching_the_page_behind_fails_only_a_declared_modal() -> None:
    assert outcomes(dialog_focus, probe(tab_escaped_to=BEHIND)) == [Outcome.FAILED]
    assert outcomes(dialog_focus, probe(tab_escaped_to=BEHIND, modal="covers")) == [Outcome.CANT_TELL]


def test_focus_lost_after_closing_fails_when_shift_tab_does_not_reach_the_trigger() -> None:
    assert outcomes(dialog_focus, probe(focus_after_close="body", previous_tab="elsewhere")) == [
        Outcome.FAILED
    ]
    assert outcomes(dialog_focus, probe(focus_after_close="body", previous_tab="trigger")) == [Outcome.PASSED]
    assert outcomes(dialog_focus, probe(focus_after_close="body")) == [Outcome.CANT_TELL]
    unnamed = probe(focus_after_close="body", previous_tab="elsewhere", role=None, modal=None)
    assert outcomes(dialog_focus, unnamed) == [Outcome.CANT_TELL]
    # closed by its trigger: focus is where the user pressed, nothing to judge on the way out
    assert outcomes(dialog_focus, probe(focus_after_close="body", closed_by="trigger")) == [Outcome.PASSED]


def test_what_only_a_click_opened_is_not_judged_for_focus() -> None:
    assert outcomes(dialog_focus, probe(opened_by="click", focus_after_open=None)) == []


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"expanded_before": "false", "expanded_open": "true", "expanded_closed": "false"}, [Outcome.PASSED]),
        ({"expanded_before": "false", "expanded_open": "false"}, [Outcome.FAILED]),
        ({"expanded_before": "false", "expanded_open": "true", "expanded_closed": "true"}, [Outcome.FAILED]),
        ({"expanded_before": "false", "expanded_open": "false", "linked": False}, [Outcome.CANT_TELL]),
        ({"expanded_before": None}, []),
        ({"expanded_before": "no", "expanded_open": "yes"}, []),
        ({"expanded_before": "false", "opened_by": None, "component": None}, []),
    ],
)
def test_aria_expanded_must_follow_the_component(fields: dict[str, Any], expected: list[Outcome]) -> None:
    assert outcomes(expanded_state_not_updated, probe(**fields)) == expected


def test_a_stale_state_after_a_close_that_never_happened_is_not_judged() -> None:
    unclosed = probe(expanded_before="false", expanded_open="true", expanded_closed="true", closed_by=None)
    assert outcomes(expanded_state_not_updated, unclosed) == [Outcome.PASSED]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"opened_by": "enter"}, [Outcome.PASSED]),
        ({"opened_by": "space"}, [Outcome.PASSED]),
        ({"opened_by": "click", "keys_confirmed": True}, [Outcome.FAILED]),
        ({"opened_by": "click", "keys_confirmed": None}, [Outcome.CANT_TELL]),
        ({"opened_by": "click", "keys_confirmed": False}, [Outcome.PASSED]),
        ({"opened_by": None, "component": None}, []),
    ],
)
def test_an_opener_must_work_with_a_key(fields: dict[str, Any], expected: list[Outcome]) -> None:
    assert outcomes(opener_not_keyboard_operable, probe(**fields)) == expected
