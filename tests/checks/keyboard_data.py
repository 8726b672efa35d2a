"""Hand-written `keyboard` artifacts for the keyboard checks' unit tests."""

from __future__ import annotations

from typing import Any, cast

from a11y_audit.artifacts.keyboard import KeyboardWalk, TabStop

OUTLINE_NONE = {
    "outline-style": "none",
    "outline-width": "0px",
    "outline-color": "rgb(0, 0, 0)",
    "outline-offset": "0px",
    "box-shadow": "none",
    "background-color": "rgba(0, 0, 0, 0)",
    "color": "rgb(17, 17, 17)",
    "text-decoration-line": "none",
}
RING = {**OUTLINE_NONE, "outline-style": "solid", "outline-width": "3px", "outline-color": "rgb(26, 86, 219)"}


def stop(selector: str, **fields: Any) -> TabStop:
    """A Tab stop as the keyboard gatherer records it; fields override the defaults."""
    data: dict[str, Any] = {
        "selector": selector,
        "snippet": f"<a id='{selector[1:]}'>",
        "rect": {"x": 10, "y": 10, "width": 80, "height": 20},
        "tag": "a",
        "kind": "a||.link",
        "role": None,
        "tabindex": None,
        "skip": False,
        "focus_visible": True,
        "hidden": [],
        "fixed": False,
        "aria_hidden": False,
        "inert": False,
        "style": RING,
        "unfocused_style": OUTLINE_NONE,
        "pixel_ratio": None,
        "pixel_area": None,
        "dom_rank": 0,
    }
    data.update(fields)
    return cast(TabStop, data)


def artifact(*stops: TabStop, **fields: Any) -> KeyboardWalk:
    """A walk over the stops; fields override the other parts (components, skip_links...)."""
    data: dict[str, Any] = {
        "viewport": {"width": 1280, "height": 800},
        "end": "left-document",
        "presses": len(stops),
        "stops": list(stops),
        "components": [],
        "skip_links": [],
        "shortcuts": [],
        **fields,
    }
    return cast(KeyboardWalk, data)
