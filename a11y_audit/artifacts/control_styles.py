"""Artifact `control_styles` (pages/<id>/control_styles.json): the colours that make form
controls, icon-only buttons and focus outlines visible, and what is behind them.

Recorded by a11y_audit/browser/gatherers/control_styles.py (which says how); judged by the
non-text-contrast check. Colours are computed sRGB with alpha, [r, g, b, a] (0-255, 0-1);
`behind` is the colour the page paints under the element, the ancestors' backgrounds
blended from the first opaque one (the canvas is white), null when an image or gradient is
behind.
"""

from __future__ import annotations

from typing import TypedDict

from a11y_audit.artifacts.shared import Described

__all__ = [
    "Backdrop",
    "Border",
    "Boxed",
    "ControlBox",
    "ControlColours",
    "FocusColours",
    "Frame",
    "IconBox",
    "Rgba",
]

Rgba = list[float]
"""[red, green, blue, alpha]: channels 0-255, alpha 0-1."""


class Border(TypedDict):
    """One side's border (top, right, bottom, left)."""

    width: float
    style: str
    colour: Rgba | None


class Backdrop(TypedDict):
    """An element's own fill and what is behind it."""

    background: Rgba | None
    backgroundImage: bool
    behind: Rgba | None
    opacity: float


class Boxed(Backdrop):
    """A box whose borders may show where it is."""

    borders: list[Border]


class Frame(Boxed):
    """The closest ancestor (three levels at most) drawing a border around the control and
    little else: a search box or quantity stepper whose outline is the group's."""

    selector: str


class ControlBox(Described, Boxed):
    """An enabled or disabled form control."""

    tag: str
    type: str
    disabled: bool
    appearance: str
    boxShadow: bool
    frame: Frame | None


class IconBox(Described, Backdrop):
    """A button or link showing only an SVG icon."""

    disabled: bool
    colours: list[Rgba]
    """The fills and strokes of the SVG's shapes."""
    unknownPaint: bool
    """Some shape is painted with a gradient or pattern."""


class FocusColours(TypedDict):
    """What a focusable element's focus outline is drawn against (null: an image)."""

    behind: Rgba | None
    background: Rgba | None


class ControlColours(TypedDict):
    """The artifact; `focusable` by describe() selector, for the first visible focusable
    elements (the keyboard walk records their outlines). Icons drawn as <img> or icon fonts
    are not recorded."""

    controls: list[ControlBox]
    icons: list[IconBox]
    focusable: dict[str, FocusColours]
