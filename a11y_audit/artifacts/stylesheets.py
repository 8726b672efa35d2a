"""Artifact `stylesheets` (pages/<id>/stylesheets.json): the @media rules that name the
orientation, from every stylesheet the page could read.

Recorded by a11y_audit/browser/gatherers/stylesheets.py (which says how); judged by the
orientation-lock check.
"""

from __future__ import annotations

from typing import TypedDict

__all__ = ["MediaRule", "OrientationRules"]


class MediaRule(TypedDict):
    """One @media rule whose condition names the orientation."""

    media: str
    """Its condition: "(orientation: landscape) and (max-height: 500px)"."""
    css: str
    """The whole rule, as the CSS object model serialises it."""
    href: str | None
    """The sheet it came from (null: a <style> element)."""


class OrientationRules(TypedDict):
    """The artifact: the orientation rules, the sheets looked at, and those that could not be read."""

    rules: list[MediaRule]
    unreadable: list[str]
    """Addresses of cross-origin sheets served without CORS: browsers hide their rules."""
    sheets: int
    """How many stylesheets were looked at."""
