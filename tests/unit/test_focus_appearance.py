"""What counts as a visible focus change: computed styles (pure) and pixels (Pillow)."""

from __future__ import annotations

import io

from PIL import Image

from a11y_audit.browser.gatherers.keyboard import changed_ratio
from a11y_audit.judge.focus_appearance import style_changes, visible_changes

BASE = {
    "outline-style": "none",
    "outline-width": "0px",
    "outline-color": "rgb(0, 0, 0)",
    "outline-offset": "0px",
    "border-top-style": "none",
    "border-top-width": "0px",
    "border-top-color": "rgb(0, 0, 0)",
    "text-decoration-line": "none",
    "text-decoration-color": "rgb(0, 0, 0)",
}


def test_a_drawn_outline_is_visible_an_offset_alone_is_not() -> None:
    ring = {**BASE, "outline-style": "solid", "outline-width": "2px", "outline-offset": "2px"}
    assert visible_changes(ring, BASE) == ["outline"]
    assert style_changes({**BASE, "outline-offset": "2px"}, BASE) == ["outline-offset"]
    assert visible_changes({**BASE, "outline-offset": "2px"}, BASE) == []


def test_transparent_outline_and_undrawn_border_colour_are_not_visible() -> None:
    clear = {**BASE, "outline-style": "solid", "outline-width": "2px", "outline-color": "rgba(0, 0, 0, 0)"}
    assert visible_changes(clear, BASE) == []
    assert visible_changes({**BASE, "border-top-color": "rgb(255, 0, 0)"}, BASE) == []


def test_border_background_underline_and_pseudo_elements_are_visible() -> None:
    border = {**BASE, "border-top-style": "solid", "border-top-width": "2px"}
    assert visible_changes(border, BASE) == ["border-top"]
    assert visible_changes({**BASE, "text-decoration-line": "underline"}, BASE) == ["text-decoration-line"]
    assert visible_changes({**BASE, "::after box-shadow": "0 0 0 2px red"}, BASE) == ["::after box-shadow"]


def png(colour: str, dot: bool = False) -> bytes:
    image = Image.new("RGB", (10, 10), colour)
    if dot:
        for x in range(10):
            image.putpixel((x, 0), (0, 0, 255))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_changed_ratio_counts_visibly_different_pixels_only() -> None:
    assert changed_ratio(png("white"), png("white")) == 0
    assert changed_ratio(png("white"), png("#fdfdfd")) == 0  # below the anti-aliasing threshold
    assert changed_ratio(png("white"), png("white", dot=True)) == 0.1
