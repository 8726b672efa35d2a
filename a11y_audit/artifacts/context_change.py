"""Artifact `context_change` (pages/<id>/context_change.json): what focusing a control, or
changing one (an arrow key on a select or radio group, Space on a checkbox, a character
typed into a text field), made the page try (navigate, submit, open a window).

Recorded by a11y_audit/browser/gatherers/context_change.py (which says how); judged by the
change-on-focus and change-on-input checks (the attempts in words: judge/commons.py).
"""

from __future__ import annotations

from typing import TypedDict, final

from a11y_audit.artifacts.shared import Blocked, Described

__all__ = ["ContextChanges", "FocusChange", "InputChange", "InputFailed"]


class FocusChange(Described, Blocked):
    """An element focused by script, and what its focus made the page try (all blocked)."""


class InputChange(Described, Blocked):
    """A control after one change made with real key presses, and what the page tried."""

    key: str
    """The change: "ArrowDown" on a select or radio group ("ArrowUp" on a select's last
    option), "Space" on a checkbox, "Typing" on a text field (one character, then left)."""
    changed: bool
    """The value changed (a `change` event fired)."""
    instructions: str
    """Its label and description: a warning there turns a failure into cantTell (3.2.2)."""


@final
class InputFailed(TypedDict):
    """A control the key press could not reach (hidden behind an overlay, detached...)."""

    error: str


class ContextChanges(TypedDict):
    """The artifact.

    `focus` lists the elements whose focus caused a change of context, and up to 40 form
    fields whose focus did not, out of `focusTried` focused; `input` every select, radio
    group, checkbox and text field tried.
    """

    focus: list[FocusChange]
    focusTried: int
    input: list[InputChange | InputFailed]
