"""A focusable control that opens a dialog, menu or drawer on a click but not with Enter or
Space (WCAG 2.1.1 Keyboard; failures F54 and F42: pointer-only event handlers).

Reads the `dialogs` artifact (a11y_audit/browser/gatherers/dialogs.py): each trigger that
declares it opens something was focused, Enter pressed, then Space (not on links); when
neither opened anything nor changed its aria-expanded, a scripted click (what a pointer
does) was tried, and when that opened the component, Enter was pressed once more after it
closed, with a longer wait.

- failed: the click opened it and neither key did, also the second time;
- cantTell: the click opened it, but Enter was not tried a second time (it did not close);
- passed: Enter or Space opened it (the second time too).

Controls a keyboard cannot even reach are not-keyboard-operable's (this check only judges
focusable ones), so one control is never reported twice. Not detected: components that open
on hover only (content-on-hover-or-focus), or on pointerdown without a click.
https://www.w3.org/WAI/WCAG21/Understanding/keyboard.html
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.dialogs import DialogProbe, Dialogs
from a11y_audit.artifacts.kinds import DIALOGS
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.commons import per_trigger
from a11y_audit.model import Impact


def verdicts(artifact: Dialogs) -> dict[Target, Verdict]:
    """A verdict per trigger that opened something with a key or a click."""
    return per_trigger(artifact["probes"], _judge)


def _judge(probe: DialogProbe) -> Verdict | None:
    how = probe["opened_by"]
    if how in ("enter", "space"):
        return passed(f"{'Enter' if how == 'enter' else 'Space'} opens what it controls")
    if how != "click" or probe["component"] is None:
        return None
    component = probe["component"]["selector"]
    if probe["keys_confirmed"]:
        return failed(
            f"a click opens {component}, but Enter and Space on the focused control do not: handle the "
            "keys too (a native <button> does), or use click rather than mousedown/pointer handlers"
        )
    if probe["keys_confirmed"] is False:
        return passed(f"Enter opens {component} given time")
    return cant_tell(
        f"a click opens {component} and Enter and Space did not at first: check that the keyboard opens it"
    )


class OpenerNotKeyboardOperable(WholePageCheck):
    meta = CheckMeta(
        id="opener-not-keyboard-operable",
        title="Controls that open a dialog or menu work with Enter or Space",
        failure_title="Control opens its dialog or menu on a click but not with the keyboard",
        description=(
            "A focusable control (a <div> or <a> with a click handler that checks the mouse button, "
            "mousedown handlers) that opens a menu, drawer or dialog on a click but does nothing on Enter "
            "or Space leaves keyboard users out of what it opens. Use a native <button>, or handle Enter "
            "and Space. The check focuses controls that declare they open something, presses Enter and "
            "Space, and only when neither does anything tries a click; it fails the control when the "
            "click opens the component and Enter still does not, pressed again with a longer wait."
        ),
        wcag=("2.1.1",),
        impact=Impact.CRITICAL,
        requires=("dom", DIALOGS),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(DIALOGS))
