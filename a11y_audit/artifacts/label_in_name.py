"""Artifact `label_in_name` (pages/<id>/label_in_name.json): controls named by aria-label or
aria-labelledby whose visible text is their label.

Recorded by a11y_audit/browser/gatherers/label_in_name.py (which says how); judged by the
label-in-name check.
"""

from __future__ import annotations

from typing import TypedDict

from a11y_audit.artifacts.shared import Described

__all__ = ["LabelledControl", "LabelledControls"]


class LabelledControl(Described):
    """A control with a widget role that takes its name from content (ACT rule 2ee8b8)."""

    role: str
    name: str
    """Its accessible name as axe-core computes it."""
    label: str
    """Its visible inner text: the text nodes a person sees, words of separate boxes on
    separate lines."""
    iconFont: bool
    """Some of that text is drawn in an icon font (its characters are pictures)."""
    lang: str
    """The language of the element (its own or an ancestor's lang), '' when none."""


class LabelledControls(TypedDict):
    """The artifact; `looked`: elements with aria-label or aria-labelledby on the page."""

    controls: list[LabelledControl]
    looked: int
