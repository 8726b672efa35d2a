"""Controls a mouse can operate but a keyboard cannot reach (WCAG 2.1.1, failures F54, F59).

Reads the `pointer_handlers` artifact (a11y_audit/browser/gatherers/pointer_handlers.py):
elements given click, mousedown or pointerdown handlers by script or on* attributes, which
the DOM does not show, and elements with widget roles, each with whether it is in the Tab
order or has a focusable element around or inside it that operates it instead (event
delegation, a label, a real button inside).

- failed: a widget role (button, checkbox, tab, ...) that is not focusable and whose parent
  widget does not manage focus (roving tabindex, aria-activedescendant); or a click handler
  on an element styled as clickable (cursor: pointer) that no keyboard can reach;
- cantTell: a click handler without a pointer cursor on an unreachable element (it may be
  analytics or a convenience duplicate of a real control), or on one that wraps a control
  the keyboard operates directly (a row around a radio of a roving group, a label-like box
  around a checkbox: a larger click area, not a barrier);
- passed: the element is focusable.

Native links, buttons and fields a person can see but `tabindex="-1"` takes out of the Tab
order (failure F54's keyboard side; Understanding 2.1.1) are judged too: a link fails unless a
focusable link to the same address is on the page (a product card's image link beside its
title link is a deliberate, good de-duplication); a button or field fails unless a focusable
control of the same name is on the page or a widget parent manages focus among its items
(roving tabindex in tabs, menus, toolbars); a read-only field is cantTell (it may only
display a value other controls set). Links clipped out of view (a carousel's other slides),
1 px visually-hidden inputs and content inside aria-hidden or inert are not judged. A visible
label whose checkbox, radio or file input is hidden with display: none (a colour swatch, a
toggle switch, an "upload" button) is what a pointer user clicks, and Tab never reaches it:
it fails on the same terms.

Elements covering a quarter of the viewport or more (backdrops, page wrappers) and boxes
without width or height (an empty drag track, a collapsed wrapper) are not judged. Whether
Enter and Space actually work once an element is focused is not tested.
https://www.w3.org/WAI/WCAG21/Understanding/keyboard.html
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.kinds import POINTER_HANDLERS
from a11y_audit.artifacts.pointer_handlers import PointerTarget, PointerTargets, RemovedControl
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.model import Impact

LARGE = 0.25
"""Share of the viewport from which an element is a backdrop or wrapper, not a control."""


def verdicts(artifact: PointerTargets) -> dict[Target, Verdict]:
    """A verdict per listed element that could be a control."""
    found: dict[Target, Verdict] = {}
    for element in artifact["elements"] or []:
        verdict = _judge(element)
        if verdict is not None:
            found[Target(str(element["selector"]), str(element["snippet"] or ""))] = verdict
    for control in artifact.get("removed") or []:
        found[Target(str(control["selector"]), str(control["snippet"] or ""))] = _judge_removed(control)
    return found


def _judge_removed(control: RemovedControl) -> Verdict:
    """A visible native control with a negative tabindex."""
    kind = control["kind"]
    if control["alternative"]:
        same = "link to the same address" if kind == "link" else "control of the same name"
        return passed(f'tabindex="-1" removes a duplicate: a focusable {same} is on the page')
    if control["composite_managed"]:
        return passed("its parent widget moves focus among its items (roving tabindex)")
    if kind == "label":
        return failed(
            "clicking this label changes a control that cannot take focus (hidden with display: none, "
            'visibility: hidden or tabindex="-1"), so keyboard users cannot change it: hide the input '
            "visually but keep it focusable, and show its focus on the label"
        )
    if kind == "field" and control["readonly"]:
        return cant_tell(
            'a read-only field with tabindex="-1": check that keyboard users can read or change its value '
            "another way (the buttons that set it, say)"
        )
    return failed(
        f'a visible {kind} with tabindex="-1": Tab never reaches it, so keyboard users cannot use it and no '
        'other focusable element on the page does the same; remove tabindex="-1"'
    )


def _judge(element: PointerTarget) -> Verdict | None:
    if element["disabled"] or element["focusable_near"]:
        return None
    if element.get("focusable"):
        return passed("it is in the Tab order")
    if float(element["viewport_share"] or 0) >= LARGE or _no_area(element):
        return None
    role = element["role"]
    if role:
        if element["composite_managed"]:
            return passed(f"its parent widget manages focus among its {role}s")
        if element["tabindex"] is not None:
            return None  # tabindex="-1": a script may move focus to it; not judged here
        return failed(
            f'role="{role}" but keyboard users cannot reach it: add tabindex="0" and Enter/Space handling, '
            "or use a native <button>/<input>"
        )
    if not element["handler"]:
        return None
    if element.get("control_inside") or element["composite_managed"]:
        return cant_tell(
            f"<{element.get('tag')}> responds to clicks and is not focusable, but it wraps a control that "
            "keyboard users operate directly (a larger click area around a radio, checkbox or button): "
            "check that the control does what clicking the area does"
        )
    if element["cursor"] == "pointer":
        return failed(
            f"<{element.get('tag')}> responds to clicks and looks clickable but is not focusable: use a "
            'native <button> or <input>, or add tabindex="0", a role and key handling'
        )
    return cant_tell(
        f"<{element.get('tag')}> has a click handler but cannot be focused: check whether it does "
        "something a keyboard user cannot do another way"
    )


def _no_area(element: PointerTarget) -> bool:
    """A box without width or height is nothing a pointer user clicks (an empty drag track,
    a collapsed wrapper whose handler serves its children): not a control to judge."""
    rect = element["rect"]
    return "width" in rect and (int(rect.get("width") or 0) < 1 or int(rect.get("height") or 0) < 1)


class NotKeyboardOperable(WholePageCheck):
    meta = CheckMeta(
        id="not-keyboard-operable",
        title="Controls can be reached with the keyboard",
        failure_title="Control works with a mouse but cannot be reached with the keyboard",
        description=(
            "Clickable <div>s and <span>s (colour swatches, close icons, custom checkboxes) that are not "
            "focusable shut out keyboard, switch and voice users. Use native buttons, links and inputs, "
            'or add tabindex="0", the matching role and Enter/Space handling. The check records click, '
            "mousedown and pointer handlers as page scripts add them, and widget roles, and fails those "
            "no keyboard can reach that look clickable (pointer cursor) or claim a widget role; other "
            "click handlers on unreachable elements are left for review. Visible native links, buttons "
            'and fields taken out of the Tab order with tabindex="-1" fail too, unless a focusable link to '
            "the same address or a control of the same name is on the page, and so do visible labels of "
            "checkboxes, radios and file inputs hidden with display: none. It does not test whether keys "
            "work once an element has focus, nor handlers registered inside cross-origin frames."
        ),
        wcag=("2.1.1",),
        impact=Impact.CRITICAL,
        requires=("dom", POINTER_HANDLERS),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(POINTER_HANDLERS))
