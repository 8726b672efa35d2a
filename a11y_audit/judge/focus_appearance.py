"""Which computed-style differences between a focused and an unfocused element can be seen.

Shared by the keyboard gatherer (it spends its few screenshots on stops whose styles show
no visible change) and the focus checks that judge its artifact. The styles are the
properties js/lib/focus_state.js reads, keyed "property" for the element and "::before
property" / "::after property" for its generated boxes.
"""

from __future__ import annotations

import re

__all__ = ["style_changes", "visible_changes"]

_TRANSPARENT = re.compile(r"^(transparent|rgba\(\s*\d+,\s*\d+,\s*\d+,\s*0(\.0+)?\s*\))$")
_ALWAYS_VISIBLE = (
    "box-shadow",
    "background-color",
    "background-image",
    "color",
    "text-decoration-line",
    "opacity",
    "transform",
    "filter",
)


def style_changes(focused: dict[str, str], unfocused: dict[str, str]) -> list[str]:
    """Every recorded property whose computed value differs between the two states."""
    return sorted(key for key in set(focused) | set(unfocused) if focused.get(key) != unfocused.get(key))


def visible_changes(focused: dict[str, str], unfocused: dict[str, str]) -> list[str]:
    """The changed properties that alter what is drawn (an outline-offset alone does not).

    An outline counts when the focused outline is drawn (a style, a width, a colour that
    is not transparent); a border side when it is drawn; a text decoration's colour or
    thickness when there is a line; generated content whenever it changes.
    """
    changed = style_changes(focused, unfocused)
    found: list[str] = []
    for prefix in ("", "::before ", "::after "):
        mine = [key[len(prefix) :] for key in changed if _prefix_of(key) == prefix]
        if not mine:
            continue
        if prefix:
            found.extend(prefix + key for key in mine)
            continue
        if _outline_drawn(focused) and any(
            key.startswith("outline-") and key != "outline-offset" for key in mine
        ):
            found.append("outline")
        for side in ("top", "bottom"):
            if any(key.startswith(f"border-{side}-") for key in mine) and _border_drawn(
                focused, unfocused, side
            ):
                found.append(f"border-{side}")
        if any(key in ("border-left-color", "border-right-color") for key in mine) and _border_drawn(
            focused, unfocused, "top"
        ):
            found.append("border-sides")
        found.extend(key for key in mine if key in _ALWAYS_VISIBLE)
        if focused.get("text-decoration-line", "none") != "none" and any(
            key in ("text-decoration-color", "text-decoration-thickness") for key in mine
        ):
            found.append("text-decoration")
    return found


def _prefix_of(key: str) -> str:
    for prefix in ("::before ", "::after "):
        if key.startswith(prefix):
            return prefix
    return ""


def _outline_drawn(style: dict[str, str]) -> bool:
    return (
        style.get("outline-style", "none") not in ("none", "hidden")
        and _px(style.get("outline-width", "0px")) > 0
        and not _TRANSPARENT.match(style.get("outline-color", "").strip())
    )


def _border_drawn(focused: dict[str, str], unfocused: dict[str, str], side: str) -> bool:
    def drawn(style: dict[str, str]) -> bool:
        return (
            style.get(f"border-{side}-style", "none") not in ("none", "hidden")
            and _px(style.get(f"border-{side}-width", "0px")) > 0
            and not _TRANSPARENT.match(style.get(f"border-{side}-color", "").strip())
        )

    return drawn(focused) or drawn(unfocused)


def _px(value: str) -> float:
    try:
        return float(value.strip().removesuffix("px") or 0)
    except ValueError:
        return 0.0
