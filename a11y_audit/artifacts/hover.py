"""Artifact `hover` (pages/<id>/hover.json): content shown on pointer hover, and whether it
can be dismissed, hovered and reached by keyboard.

Recorded by a11y_audit/browser/gatherers/hover.py (which says how); judged by the
content-on-hover-or-focus check.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

from a11y_audit.artifacts.shared import Described

__all__ = ["HoverContent", "HoverContents"]


class HoverContent(Described):
    """Content that became visible when the pointer moved onto its trigger."""

    trigger: Described
    text: str
    links: int
    controls: int
    overlay: bool
    """It covers other content (positioned over the page)."""
    dismissible: bool | None
    """Escape hid it (at some frame) with the pointer still on the trigger (null: still
    animating when the wait ended, undecided)."""
    hoverable: bool | None
    """It stayed while the pointer moved along a path from the trigger into it (null: not
    tried, or undecided)."""
    hidesOnLeave: bool
    focusable: NotRequired[bool]
    """The trigger, or something in it, can take keyboard focus. This and the keys below are
    tried only for content that hides when the pointer leaves."""
    focusReveals: NotRequired[bool]
    """Keyboard focus on the trigger (or in it) shows it."""
    keyboardReveals: NotRequired[bool | None]
    """A key the toggle's role implies (Enter, Space; ArrowDown on a control with
    aria-haspopup or aria-expanded) shows it (null: no toggle, not tried)."""
    undecided: NotRequired[list[str]]
    """Behaviours tried but not decided, because the content was still animating when the
    wait ended: "dismissible", "hoverable"."""


class HoverContents(TypedDict):
    """The artifact; `candidates`: how many elements whose hover could show something were tried."""

    contents: list[HoverContent]
    candidates: int
