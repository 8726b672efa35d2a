"""Shapes that several artifacts share: an element as the browser described it, and what
the preloaded guard blocked.

Gatherers name elements with js/lib/describe.js, so a check's verdict can point at an element
the saved DOM never held (a11y_audit.check.Target); actions that would leave the page are
blocked and recorded by the guard of a11y_audit.browser.page_hooks, in the same three lists
wherever an action was tried (focus, a changed select, a submitted form, a fired timer).
"""

from __future__ import annotations

from typing import TypedDict

__all__ = ["Blocked", "Described", "Named", "Navigation", "ReadBlocked", "Rect", "Request", "Submission"]


class Rect(TypedDict):
    """An element's box in document coordinates, CSS px (rounded)."""

    x: int
    y: int
    width: int
    height: int


class Named(TypedDict):
    """An element named as js/lib/describe.js names it, for a verdict's Target.

    `selector` starts at the nearest ancestor with a unique id ("#main > ul:nth-of-type(2) >
    a"); `snippet` is the outer HTML cut to 600 characters, as the engine cuts saved-DOM ones.
    """

    selector: str
    snippet: str


class Described(Named):
    """An element as js/lib/describe.js records it: named, and where it is."""

    rect: Rect


class Navigation(TypedDict):
    """A navigation the guard stopped; `form`: it was a form's."""

    url: str
    form: bool


class Submission(TypedDict):
    """A form submission the guard stopped; `script`: form.submit() rather than a button."""

    form: str
    script: bool


class Request(TypedDict):
    """A request the guard held back (a POST that would change the server's state)."""

    url: str
    method: str


class Blocked(TypedDict):
    """What an action tried that would have left the page, all blocked (empty lists: nothing).

    `opened` holds the addresses of windows it tried to open (null: a blank window).
    """

    navigations: list[Navigation]
    submits: list[Submission]
    opened: list[str | None]


class ReadBlocked(TypedDict, total=False):
    """Blocked, as a second script reads it after an action: all missing when that read failed
    (the page went away), so checks read these keys with .get."""

    navigations: list[Navigation]
    submits: list[Submission]
    opened: list[str | None]
