"""Artifact `layout_adaptation` (pages/<id>/layout_adaptation.json): text clipped or overlapping
once the page is adapted, and what sticks out sideways at 320 CSS px.

Recorded by a11y_audit/browser/gatherers/layout_adaptation.py (which says how); judged by
the text-spacing, resize-text and reflow checks (what counts as cut off: judge/commons.py),
and `turned` by orientation-lock. Every list holds only what is new against the unchanged
page, except the zoom step's `kept`.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

from a11y_audit.artifacts.shared import Described

__all__ = [
    "Angles",
    "ClipStyle",
    "Clipped",
    "LayoutMeasurements",
    "Measurement",
    "Needs",
    "Offender",
    "Overflow",
    "Overlap",
    "ReflowMeasurement",
    "TextBox",
    "Turned",
    "ViewportSize",
]


class ViewportSize(TypedDict):
    """The viewport a measurement was made in: `width` without the scrollbar, CSS px."""

    width: int
    innerWidth: int
    height: int
    dpr: float


class TextBox(Described):
    """An element holding text, with its text."""

    text: str


class Overflow(TypedDict):
    """How far the box's lines reach beyond it (scroll size minus client size), CSS px."""

    x: float
    y: float


class TextOverflow(TypedDict):
    """How far the text's own glyph boxes reach beyond the box, and its line height, CSS px."""

    x: float
    y: float
    line: float


class ClientSize(TypedDict):
    width: int
    height: int


class ClipStyle(TypedDict):
    """What tells a clean cut from lost letters (ACT rule 59br37's exceptions), CSS px."""

    whiteSpace: str
    textOverflow: str
    """An ellipsis ("ellipsis", a string) shows that a line that does not wrap goes on."""
    lineHeight: float
    """The used line height (for `normal`, the height of its text's line boxes)."""
    height: float
    """The box's border-box height: as tall as one line, it shows that line whole."""
    lineClamp: bool
    """-webkit-line-clamp: the box ends on a whole line with an ellipsis."""


class Clipped(TextBox):
    """A box that hides its overflow and now cuts its text off."""

    overflow: Overflow
    textOverflow: TextOverflow
    client: ClientSize
    style: NotRequired[ClipStyle]
    """Recorded since the resize-text check judges ACT 59br37's exceptions."""


class Overlap(TextBox):
    """Text that now overlaps another text by `overlap` CSS px."""

    overlap: float
    other: TextBox


class Measurement(TypedDict):
    """One adaptation measured: boxes that clip text, could clip and did not, and overlaps."""

    viewport: ViewportSize
    clipped: list[Clipped]
    fits: list[TextBox]
    overlaps: list[Overlap]
    kept: NotRequired[list[Clipped]]
    """200% zoom only: boxes that already cut their own text at 100% and still do (the other
    lists hold only what is new); `textOverflow` counts the box's own text only."""


class Needs(TypedDict):
    """Content that may need two dimensions (a table, an image...) making an element too wide."""

    tag: str
    role: str | None
    selector: str


class Offender(Described):
    """An element reaching beyond the 320 px viewport: its width and edges, CSS px."""

    width: int
    left: int
    right: int
    position: str
    needs: NotRequired[Needs]


class ReflowMeasurement(Measurement):
    """The measurement at 320 CSS px, plus the document's width and what makes it wider."""

    scrollWidth: int
    offenders: list[Offender]


class Angles(TypedDict):
    """Degrees around the Z axis (-180 to 180], in the page's own orientation and the other;
    null: turned around another axis."""

    first: float | None
    second: float | None


class Turned(Described):
    """An element whose rotation changes when the viewport turns to the other orientation."""

    angles: Angles


class LayoutMeasurements(TypedDict):
    """The artifact: the unchanged page's viewport, then each adaptation's measurement.

    `zoom` and `reflow` are missing when a step could not be made; `incomplete` says why
    (the deadline, or a window that will not narrow without DevTools).
    """

    baseline: ViewportSize
    text_spacing: Measurement
    """WCAG 1.4.12 spacing injected at the start size."""
    method: Literal["devtools", "window"]
    """How zoom was emulated: DevTools device metrics, or a resized window."""
    zoom: NotRequired[Measurement]
    """200% zoom: a viewport half as wide and high."""
    reflow: NotRequired[ReflowMeasurement]
    """A viewport 320 CSS px wide (400% zoom on a 1280 px window)."""
    turned: NotRequired[list[Turned]]
    """Elements rotated differently in the other orientation (DevTools only)."""
    incomplete: NotRequired[str]
