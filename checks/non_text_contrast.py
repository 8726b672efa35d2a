"""Form-control boundaries and icon-only buttons below 3:1 against what is next to them.

WCAG 1.4.11: the visual information needed to identify a user-interface component, and
graphics needed to understand content, must contrast at least 3:1 with adjacent colours.
For a text field that is its boundary (border, or a fill that differs from the page); for a
button or link whose only content is an SVG icon, the icon; for a focus indicator drawn as
an outline, the outline. The `control_styles` gatherer records computed colours; this check
blends them (alpha, opacity) over the colour behind and computes the WCAG contrast ratio.
Focus outlines come from the keyboard walk's artifact, so they are judged on the pages
where it ran (when a keyboard check is selected too; it is sampled per template).
Inactive (disabled) components are exempt, and so are controls the browser draws
unmodified (checkboxes and radios with their native appearance) and the browser's own focus
ring (`outline-style: auto`, two-tone in Chromium, of which the computed colour names one).
https://www.w3.org/WAI/WCAG21/Understanding/non-text-contrast.html
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from a11y_audit.artifacts.control_styles import Backdrop, Boxed, ControlBox, FocusColours, IconBox
from a11y_audit.artifacts.keyboard import TabStop
from a11y_audit.artifacts.kinds import CONTROL_STYLES, KEYBOARD
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.commons import CLEAR, Colour, contrast, css_colour, over, target_of
from a11y_audit.judge.engine import keep_worst
from a11y_audit.judge.focus_appearance import visible_changes
from a11y_audit.model import Impact

__all__ = ["NonTextContrast"]

MINIMUM = 3.0
"""WCAG 1.4.11's ratio for component boundaries and graphics."""
_WHITE: Colour = (255.0, 255.0, 255.0, 1.0)
_NATIVE = {"checkbox", "radio"}
_INVISIBLE_BORDERS = {"none", "hidden"}


def _colour(value: object) -> Colour | None:
    if not isinstance(value, list) or len(value) != 4:
        return None
    return (float(value[0]), float(value[1]), float(value[2]), float(value[3]))


def _opacity(box: Backdrop) -> float:
    value = box.get("opacity")
    return float(value) if isinstance(value, int | float) else 1.0


def _faded(colour: Colour, opacity: float) -> Colour:
    return (colour[0], colour[1], colour[2], colour[3] * opacity)


def _hex(colour: Sequence[float]) -> str:
    return "#" + "".join(f"{round(channel):02x}" for channel in colour[:3])


@dataclass(frozen=True, slots=True)
class _Outline:
    """What shows where a box is: its fill and its strongest border, against the colour behind."""

    behind: Colour
    fill: Colour
    fill_ratio: float
    border: tuple[float, Colour] | None
    """The highest contrast of a visible border side, and that side's colour."""

    def ratio(self) -> float:
        return max(self.fill_ratio, self.border[0] if self.border else 1.0)


def _outline(box: Boxed) -> _Outline | None:
    """The box's outline contrast; None when an image or gradient makes colours unknowable."""
    behind = _colour(box["behind"])
    if behind is None or box.get("backgroundImage"):
        return None
    behind = over(behind, _WHITE)
    opacity = _opacity(box)
    fill = over(_faded(_colour(box["background"]) or CLEAR, opacity), behind)
    borders = [
        (contrast(over(_faded(colour, opacity), behind), behind), colour)
        for side in box["borders"] or []
        if float(side["width"] or 0) >= 1
        and side["style"] not in _INVISIBLE_BORDERS
        and (colour := _colour(side["colour"])) is not None
    ]
    return _Outline(behind, fill, contrast(fill, behind), max(borders, default=None))


def _control(item: ControlBox) -> Verdict:
    own = _outline(item)
    if own is None:
        return cant_tell(
            "a background image or gradient is behind or inside the control: check that its boundary has 3:1"
        )
    if own.fill_ratio >= MINIMUM:
        return passed(
            f"its fill {_hex(own.fill)} contrasts {own.fill_ratio:.1f}:1 with {_hex(own.behind)} around it"
        )
    if own.border is not None and own.border[0] >= MINIMUM:
        return passed(
            f"its border {_hex(own.border[1])} contrasts {own.border[0]:.1f}:1 with {_hex(own.behind)}"
        )
    frame = item["frame"]
    framed = _outline(frame) if isinstance(frame, dict) else None
    if frame and framed is not None and framed.ratio() >= MINIMUM:
        return passed(
            f"the group around it ({frame.get('selector')}) is outlined with {framed.ratio():.1f}:1"
        )
    if item["boxShadow"]:
        return cant_tell("its border and fill are below 3:1 but a box-shadow may draw its boundary: check it")
    if own.border is None:
        shown_by = (
            f"a fill of {own.fill_ratio:.1f}:1 against the page"
            if own.fill_ratio > 1.05
            else "no border or fill"
        )
        return cant_tell(
            f"it has {shown_by}: check whether a surrounding element's border or other cues show where "
            "the field is, with 3:1 against the background"
        )
    border, behind = _hex(own.border[1]), _hex(own.behind)
    return failed(
        f"its border {border} contrasts only {own.border[0]:.1f}:1 with {behind} "
        "around it (3:1 needed to see where the field is): use a darker border, e.g. #767676 on white",
        cause=f"field border {border} on {behind} ({own.border[0]:.1f}:1, needs 3:1)",
    )


def _icon(item: IconBox) -> Verdict:
    behind = _colour(item["behind"])
    colours = [colour for value in item["colours"] or [] if (colour := _colour(value)) is not None]
    if behind is None or item["backgroundImage"] or item["unknownPaint"]:
        return cant_tell(
            "its icon or what is behind it uses an image or gradient: check that the icon has 3:1"
        )
    if not colours:
        return cant_tell(
            "its icon paints nothing the check can read (no fill or stroke colour): check the icon"
        )
    host = over(_colour(item["background"]) or CLEAR, over(behind, _WHITE))
    opacity = _opacity(item)
    ratio, colour = max((contrast(over(_faded(c, opacity), host), host), c) for c in colours)
    if ratio >= MINIMUM:
        return passed(f"its icon {_hex(colour)} contrasts {ratio:.1f}:1 with {_hex(host)}")
    return failed(
        f"it shows only an icon, and the icon's strongest colour {_hex(colour)} contrasts only {ratio:.1f}:1 "
        f"with {_hex(host)} behind it (3:1 needed): darken the icon or add a visible text label"
    )


class NonTextContrast(WholePageCheck):
    meta = CheckMeta(
        id="non-text-contrast",
        title="Form-control boundaries and icons have 3:1 contrast",
        failure_title="Form-control boundary or icon has less than 3:1 contrast",
        description=(
            "People with low vision cannot find a text field whose faint border melts into the page, "
            "or press a button shown only as a pale icon. The check computes, from the rendered "
            "styles, the contrast of each enabled form control's border (the strongest side) and fill "
            "with the colour behind it, blending transparency and opacity, and of the SVG icon of "
            "buttons and links that show nothing else. A control passes when its border or its fill "
            "reaches 3:1 and fails when it has a visible border below 3:1 and no fill of 3:1. "
            "Background images, gradients, box-shadows and fields without a border (a faint fill, a "
            "bordered wrapper) are cantTell. Disabled controls and native checkboxes and radios are exempt. "
            "Where the keyboard walk ran (a keyboard check selected too), a focus outline that is the "
            "only sign of focus fails below 3:1 against both the background and the element's fill. "
            "It does not judge other focus styles, icon fonts or <img> icons, charts, or states "
            "other than the page as loaded."
        ),
        wcag=("1.4.11",),
        impact=Impact.SERIOUS,
        requires=("dom", CONTROL_STYLES),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return _verdicts(page)


def _verdicts(page: Page) -> dict[Target, Verdict]:
    artifact = page.artifact(CONTROL_STYLES)
    verdicts: dict[Target, Verdict] = {}
    for item in artifact.get("controls") or []:
        if item["disabled"] or (item["type"] in _NATIVE and item["appearance"] != "none"):
            continue
        verdicts[target_of(item)] = _control(item)
    for icon in artifact["icons"] or []:
        if not icon["disabled"]:
            verdicts[target_of(icon)] = _icon(icon)
    focusable = artifact.get("focusable") or {}
    walk = page.gathered(KEYBOARD)
    for stop in walk["stops"] or [] if walk else []:
        verdict = _focus_outline(stop, focusable.get(stop["selector"]))
        if verdict is not None:
            keep_worst(verdicts, target_of(stop), verdict)
    return verdicts


def _px(value: str) -> float:
    try:
        return float((value or "0").strip().removesuffix("px") or 0)
    except ValueError:
        return 0.0


def _focus_outline(stop: TabStop, colours: FocusColours | None) -> Verdict | None:
    """The contrast of a focus outline that is the only visible sign of focus, when measurable.

    The outline must reach 3:1 against at least one colour next to it: what is behind the
    element, or (when the outline touches the element) the element's own fill. Stops whose
    indicator is something else too (a background or shadow change) are left alone.
    """
    focused, unfocused = stop["style"] or {}, stop["unfocused_style"]
    if colours is None or not isinstance(unfocused, dict) or stop["hidden"]:
        return None
    if visible_changes(focused, unfocused) != ["outline"] or _px(focused.get("outline-width", "")) < 1:
        return None
    if focused.get("outline-style") == "auto":
        # The browser's own focus ring: Chromium draws it in two tones (dark and white) so it
        # shows on any background; the computed outline-color names only one of them.
        return None
    outline, behind = css_colour(focused.get("outline-color", "")), _colour(colours["behind"])
    if outline is None or behind is None:
        return None
    behind = over(behind, _WHITE)
    painted = over(outline, behind)
    neighbours = [behind]
    own = _colour(colours["background"])
    if _px(focused.get("outline-offset", "")) <= 0 and own is not None:
        neighbours.append(over(own, behind))
    ratio, neighbour = max((contrast(painted, colour), colour) for colour in neighbours)
    if ratio >= MINIMUM:
        return passed(f"its focus outline {_hex(painted)} contrasts {ratio:.1f}:1 with {_hex(neighbour)}")
    return failed(
        f"its focus outline {_hex(painted)}, the only sign of keyboard focus, contrasts only {ratio:.1f}:1 "
        f"with {_hex(behind)} around it (3:1 needed): use an outline colour with 3:1 against the background"
    )
