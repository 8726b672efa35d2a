"""Artifact `element_boxes` (pages/<id>/element_boxes.json): where each element axe reported
is on the page, so the report can show it outlined.

Recorded by a11y_audit/browser/gatherers/element_boxes.py (which says how); read by the
report's element pictures (a11y_audit.reports.crops).
"""

from __future__ import annotations

from typing import TypedDict

__all__ = ["AxeTargetBoxes", "ElementBox", "PageSize"]


class PageSize(TypedDict):
    """The document's size, CSS px: the full-page screenshot's."""

    width: int
    height: int


class ElementBox(TypedDict):
    """One distinct axe target and its box [x, y, width, height] in document coordinates.

    For an element inside a frame (["iframe.chat", "button"]) the box is the frame's; null
    when the element was not found or not rendered.
    """

    target: list[str]
    box: list[int] | None


class AxeTargetBoxes(TypedDict):
    """The artifact (`page` is null when axe reported nothing to measure)."""

    page: PageSize | None
    boxes: list[ElementBox]
