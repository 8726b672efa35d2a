"""Artifact `timing` (pages/<id>/timing.json): what the page does when its long timers run
out (session time limits, delayed redirects), fired early one at a time.

Recorded by a11y_audit/browser/gatherers/timing.py (which says how); judged by the
timing-not-adjustable check.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

from a11y_audit.artifacts.shared import Described, ReadBlocked, Request

__all__ = ["FiredTimer", "TimerMessage", "Timers"]


class TimerMessage(Described):
    """A message that appeared when the timer fired (a dialog, an alert, a live region)."""

    text: str
    role: str | None
    focusInside: bool
    controls: list[str]
    """The names of the controls inside it ("Continue checkout")."""


class FiredTimer(ReadBlocked):
    """One timer fired early, in the order it would fall due, and what it did (all blocked).

    The keys after `error` are read from the page afterwards: missing when that read failed,
    and only the navigation and `left` are there when the page was gone.
    """

    kind: str
    """"timeout" or "interval"."""
    delay: int
    """ms it was set for."""
    error: str | None
    """What its callback threw (null: nothing)."""
    requests: NotRequired[list[Request]]
    nativeDialogs: NotRequired[list[str]]
    """alert/confirm/prompt calls, as written: 'confirm("Your session will expire...")'."""
    messages: NotRequired[list[TimerMessage]]
    fieldsBefore: NotRequired[int]
    fieldsAfter: NotRequired[int]
    textBefore: NotRequired[int]
    """Characters of text on the page before it fired, and after."""
    textAfter: NotRequired[int]
    left: NotRequired[bool]
    """The page was gone when read, after a navigation that could not be blocked."""


class Timers(TypedDict):
    """The artifact: the main content (what a time limit takes away) and the timers fired."""

    page: Described | None
    fired: list[FiredTimer]
