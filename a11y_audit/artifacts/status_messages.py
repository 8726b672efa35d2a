"""Artifact `status_messages` (pages/<id>/status_messages.json): what appeared on the page
after safe actions (add to bag, apply, copy...), and whether a live region carries it.

Recorded by a11y_audit/browser/gatherers/status_messages.py (which says how); judged by the
status-message-not-announced check.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

from a11y_audit.artifacts.shared import Described, ReadBlocked, Request

__all__ = ["Change", "StatusAction", "StatusActions"]


class Change(Described):
    """An element the action changed, with its text at that moment."""

    text: str
    visible: bool
    live: str | None
    """The live region holding it: "status", "alert", "aria-live=polite"... (null: none)."""
    liveExisted: bool
    """That live region was on the page before the action (screen readers watch it)."""
    focusInside: bool
    inControl: bool
    """Part of a control's own label (a button saying "Added")."""
    inDialog: bool


class StatusAction(Described, ReadBlocked):
    """A safe action pressed, what it changed, where focus went, what the guard blocked.

    `changes`, `focusMoved`, `focus` and the blocked attempts are read from the page after
    the action: missing when that read failed.
    """

    kind: str
    """"button" (acts in the page) or "form" (a declared-safe form's submit button)."""
    name: str
    changes: NotRequired[list[Change]]
    focusMoved: NotRequired[bool]
    focus: NotRequired[str | None]
    """The selector of the element holding focus afterwards."""
    held: list[Request]
    """Requests held back in a session whose state matters (signed in, a journey)."""


class StatusActions(TypedDict):
    """The artifact: every safe action pressed, one at a time."""

    actions: list[StatusAction]
