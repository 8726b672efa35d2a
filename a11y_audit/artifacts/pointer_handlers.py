"""Artifact `pointer_handlers` (pages/<id>/pointer_handlers.json): elements a mouse can
operate, and whether the keyboard can reach them.

Recorded by a11y_audit/browser/gatherers/pointer_handlers.py (which says how); judged by
the not-keyboard-operable check.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

from a11y_audit.artifacts.shared import Described

__all__ = ["PointerTarget", "PointerTargets", "RemovedControl"]


class PointerTarget(Described):
    """An element given a click/pointer handler by script, or one with a widget role."""

    tag: str
    role: str | None
    tabindex: str | None
    handler: bool
    """A click/mousedown/pointerdown... listener, or an on* handler."""
    focusable: bool
    """In the Tab order (tabIndex >= 0, not disabled)."""
    disabled: bool
    focusable_near: bool
    """A focusable ancestor or descendant, or a label whose control is focusable, operates it
    instead."""
    control_inside: NotRequired[bool]
    """It contains a control (a widget role, a native input, a label) that the keyboard
    operates without it, focusable or managed by its group (missing in runs before it)."""
    cursor: str
    viewport_share: float
    """Its area over the viewport's (backdrops are big)."""
    composite_managed: bool
    """A widget parent manages focus (roving tabindex, aria-activedescendant)."""


class RemovedControl(Described):
    """A native link, button or field a person can see, taken out of the Tab order by a
    negative tabindex; or a visible label whose control cannot take focus at all."""

    tag: str
    kind: str
    """"link", "button", "field", or "label" (its control is hidden or not focusable)."""
    name: str
    """Its text or label, lower-cased (to find a reachable control that does the same)."""
    readonly: bool
    composite_managed: bool
    """A widget parent manages focus among its items (roving tabindex)."""
    alternative: bool
    """A focusable link to the same address, or a focusable control of the same name, is on
    the page: the keyboard reaches what this one does."""


class PointerTargets(TypedDict):
    """The artifact; `truncated`: there were more elements than the gatherer records;
    `removed`: visible native controls with a negative tabindex (missing in runs before it)."""

    elements: list[PointerTarget]
    truncated: bool
    removed: NotRequired[list[RemovedControl]]
