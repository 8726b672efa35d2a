"""Artifact `text_backgrounds` (pages/<id>/text_backgrounds.json): what is behind each character
of the text axe-core could not judge for contrast (background images, gradients, overlaps).

Recorded by a11y_audit/browser/gatherers/text_backgrounds.py (which says how); judged by
a11y_audit.judge.text_contrast when axe's results become findings (a11y_audit.judge.axe_results).
"""

from __future__ import annotations

from typing import Any, TypedDict

__all__ = ["CharacterBackground", "TextBackground", "TextBackgrounds"]


class CharacterBackground(TypedDict):
    """The background pixels of one character's box, its text made transparent (sRGB 0-255)."""

    char: str
    darkest: list[int]
    """The pixel of lowest WCAG relative luminance."""
    lightest: list[int]
    """The pixel of highest relative luminance."""
    low: list[int]
    """The lowest red, green and blue of any pixel (bounds what translucent text becomes)."""
    high: list[int]
    """The highest red, green and blue of any pixel."""
    covered: bool
    """Another element is on top of the character's middle: its pixels may not be the text's."""


class TextBackground(TypedDict):
    """One element of an incomplete axe color-contrast result and its own text's characters."""

    target: list[Any]
    """axe's target of the node."""
    colour: str
    """The computed CSS color, rgb() or rgba()."""
    font_px: float
    font_weight: int
    composited: bool
    """The painted text is not its colour over the background (opacity, a filter, a mask or
    blending on it or an ancestor; a text fill, stroke or background-clip: text; a first letter
    or line of another colour): the colour does not tell its pixels."""
    loading: bool
    """An image under the text had not loaded: the pixels may show a placeholder."""
    text: str
    """The element's own visible characters (text nodes that are its children), spaces left out."""
    characters: list[CharacterBackground]
    """The first characters of `text` (all of them unless the gatherer's limit cut it)."""


class TextBackgrounds(TypedDict):
    """The artifact: one entry per element measured, in axe's order."""

    texts: list[TextBackground]
