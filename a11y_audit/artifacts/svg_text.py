"""Artifact `svg_text` (pages/<id>/svg_text.json): words drawn inside same-origin SVG images.

Recorded by a11y_audit/browser/gatherers/svg_text.py (which says how); judged by the
images-of-text check.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

from a11y_audit.artifacts.shared import Described

__all__ = ["SvgImage", "SvgTexts"]


class SvgImage(Described):
    """An SVG shown by <img>, <input type=image>, <object>, a CSS background, or inline."""

    kind: str
    """"img", "object", "background" or "inline"."""
    source: str | None
    """Its address (null: inline SVG)."""
    texts: list[str]
    """The words of its <text> elements."""
    unread: NotRequired[bool]
    """Its fetch failed or it was too big."""
    alt: str
    hints: str
    """Its id and classes ("promo-banner__img"), for telling a logo."""
    homeLink: bool
    inBanner: bool
    hidden: bool


class SvgTexts(TypedDict):
    """The artifact; `looked`: SVGs read; `siteNames`: the site's names (text in logos is exempt)."""

    images: list[SvgImage]
    looked: int
    siteNames: list[str]
