"""Artifact `visual_structure` (pages/<id>/visual_structure.json): structure shown only by
presentation, for the checks of WCAG 1.3.1 failures F2 and F87.

Recorded by a11y_audit/browser/gatherers/visual_structure.py (which says how); judged by the
heading-not-marked-up, list-not-marked-up and css-generated-content checks.
"""

from __future__ import annotations

from typing import TypedDict

from a11y_audit.artifacts.shared import Described

__all__ = ["Generated", "HeadingStyle", "LineGroup", "StyledBlock", "TextBlock", "VisualStructure"]


class TextBlock(TypedDict):
    """A block of text as laid out: the innermost block box holding the text.

    `size` and `weight` are the smallest font size (px) and weight of its text, so a block
    counts as larger or bolder only when all its text is; `inside` names the kinds of
    ancestors it sits in ("heading", "control", "caption", "table", "list", "menu", "hidden",
    "chrome": a page header or footer, "label": it names a control by aria-labelledby).
    `top`, `bottom` and `left` are document coordinates (px).
    """

    tag: str
    text: str
    size: float
    weight: int
    inside: list[str]
    top: int
    bottom: int
    left: int


class NextBlock(TextBlock):
    """The block that follows, with its whole text's length (`text` is cut)."""

    chars: int


class StyledBlock(Described, TextBlock):
    """A short block whose text is all larger (1.2 times the body size) or bolder than body text."""

    next: NextBlock | None


class LineGroup(Described):
    """Lines of one element (split by <br>: `kind` "br") or its sibling blocks ("blocks"), three
    or more of which start like list items (a bullet character, "1.", "a)"); a block's ::before
    marker of up to three characters is written before its text."""

    kind: str
    lines: list[str]
    inside: list[str]


class Generated(Described):
    """Content a ::before or ::after pseudo-element inserts on a visible element (icon-font
    glyphs, private-use characters only, are left out: pictures, and hundreds on a listing).

    `content` is the computed CSS value ('"New"', 'counter(step) ". "', 'attr(data-label)');
    `visible`: the pseudo-element is not hidden, transparent or of size 0; `srOnly`: it is
    positioned off and clipped (text for screen readers); `text` and `label` are the element's
    own text and aria-label (or title); `requiredControl`: for a label, whether its control is
    required (null: not a label of a control).
    """

    which: str
    content: str
    visible: bool
    fontFamily: str
    srOnly: bool
    text: str
    label: str
    inside: list[str]
    requiredControl: bool | None


class HeadingStyle(TypedDict):
    """A visible marked-up heading's text and font, to compare unmarked ones with."""

    text: str
    size: float
    weight: int


class VisualStructure(TypedDict):
    """The artifact. `bodySize`/`bodyWeight`: the font size and weight carrying most text;
    `complete`: false when the walk stopped at its element or time cap (`walked` elements)."""

    bodySize: float
    bodyWeight: int
    headings: list[HeadingStyle]
    styled: list[StyledBlock]
    lists: list[LineGroup]
    generated: list[Generated]
    walked: int
    complete: bool
    ms: int
