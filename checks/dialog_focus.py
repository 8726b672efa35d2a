"""Focus that does not move into a dialog or menu, leaves a modal dialog for the page behind,
or is lost when it closes (WCAG 2.4.3 Focus Order; failure F85, ARIA APG dialog pattern).

Reads the `dialogs` artifact (a11y_audit/browser/gatherers/dialogs.py): each trigger that
declares it opens something was focused and pressed with Enter (or Space); what opened was
read once focus settled, Tab and Shift+Tab were pressed from inside a modal one, and it was
closed with Escape, its close control or the trigger.

Understanding 2.4.3 and F85: when a dialog or menu opens, focus is set to it, or it is next
in the focus order after its trigger; when it is dismissed, focus is on the trigger, or the
trigger is just before it; a modal dialog keeps Tab inside until it is closed. A disclosure
may leave focus on its trigger (APG disclosure pattern), and so may a menu or dialog that
the next Tab reaches. "Dialog" is what is declared modal (aria-modal="true", a <dialog> opened
as modal) or has role dialog or alertdialog; "menu" has role menu, menubar or listbox.

- failed: focus did not move into a dialog or menu and one Tab does not reach it; Tab or
  Shift+Tab from inside a dialog declared modal reached the page behind it; Escape or the
  close control closed a dialog or menu, focus was on no element and one Shift+Tab does not
  reach the trigger;
- cantTell: the same for what only covers the page (no dialog role), Tab reaching the page
  behind a dialog that is modal only by covering it, a dialog declared modal that only the
  next Tab reaches (assistive technologies treat the trigger behind it as hidden), focus on
  no element after a component without a role closed;
- passed: focus moved in, or the next Tab reaches it; Tab stayed inside; focus returned to
  the page after closing, or Shift+Tab reaches the trigger.

Not detected: dialogs opened by something other than their trigger (timers, form results),
dialogs in cross-origin frames, focus order inside a dialog. Traps (no way out) are
keyboard-trap's.
https://www.w3.org/WAI/WCAG21/Understanding/focus-order.html
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.dialogs import DialogProbe, Dialogs
from a11y_audit.artifacts.kinds import DIALOGS
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.commons import target_of
from a11y_audit.judge.engine import keep_worst
from a11y_audit.model import Impact

_DIALOG_ROLES = ("dialog", "alertdialog")


def verdicts(artifact: Dialogs) -> dict[Target, Verdict]:
    """A verdict per component opened with the keyboard (the worst of its ways in, around, out)."""
    found: dict[Target, Verdict] = {}
    for probe in artifact["probes"]:
        component = probe["component"]
        if probe["opened_by"] not in ("enter", "space") or component is None:
            continue
        for verdict in (_way_in(probe), _around(probe), _way_out(probe)):
            if verdict is not None:
                keep_worst(found, target_of(component), verdict)
    return found


def _way_in(probe: DialogProbe) -> Verdict | None:
    """F85: focus set to the dialog or menu, or it next in the focus order."""
    if probe["focus_after_open"] == "inside":
        return passed("focus moved into it when it opened")
    if not probe["focusables"]:
        return None  # nothing in it to reach
    kind = _kind(probe)
    if probe["next_tab"] == "inside":
        if probe["modal"] == "declared":
            return cant_tell(
                f"focus stayed {_where(probe)} when this modal dialog opened (the next Tab reaches it): "
                "move focus into it, since assistive technologies treat the page behind it as hidden"
            )
        return passed(f"focus stayed {_where(probe)}, and the next Tab reaches the {kind}")
    if kind in ("dialog", "menu") and probe["next_tab"] is not None:
        return failed(
            f"focus stayed {_where(probe)} when the {kind} opened and the next Tab does not reach it "
            f"(it went {_place(probe['next_tab'])}): move focus into the {kind} when it opens, or put it "
            "right after the control that opens it"
        )
    if kind == "dialog" or probe["modal"] == "covers":
        return cant_tell(
            f"it opened over the page but focus stayed {_where(probe)}: if it is a dialog, move focus into "
            "it when it opens"
        )
    return None  # a disclosure may keep focus on its trigger


def _kind(probe: DialogProbe) -> str:
    """ "dialog" when it says it is one, "menu" for a menu or listbox popup, else "component"."""
    if probe["modal"] == "declared" or probe["role"] in _DIALOG_ROLES:
        return "dialog"
    if probe["role"] in ("menu", "menubar", "listbox"):
        return "menu"
    return "component"


def _place(place: str | None) -> str:
    return {"trigger": "back to the control", "body": "nowhere on the page"}.get(
        str(place), "to the page behind"
    )


def _around(probe: DialogProbe) -> Verdict | None:
    escaped = probe["tab_escaped_to"]
    if not probe["containment_tested"]:
        return None
    if escaped is None:
        return passed("Tab and Shift+Tab stay inside it while it is open")
    message = (
        f"while it is open, Tab or Shift+Tab moves focus to {escaped['selector']} on the page behind it: "
        "keep focus inside the dialog until it is closed"
    )
    return (
        failed(message) if probe["modal"] == "declared" else cant_tell(f"it covers the page, and {message}")
    )


def _way_out(probe: DialogProbe) -> Verdict | None:
    """F85: after dismissing, focus on the trigger, or the trigger just before it."""
    if probe["closed_by"] not in ("escape", "close_control") or probe["focus_after_close"] != "body":
        return passed("focus returned to the page when it closed") if probe["closed_by"] else None
    way = "Escape" if probe["closed_by"] == "escape" else "its close control"
    trigger = probe["trigger"]["selector"]
    if probe["previous_tab"] == "trigger":
        return passed(f"after {way} closed it, Shift+Tab reaches {trigger}, which opened it")
    tested = probe["previous_tab"] is not None
    message = (
        f"after {way} closed it, focus was on no element (the document)"
        + (" and Shift+Tab does not go back to the control that opened it" if tested else "")
        + f": return focus to {trigger} when it closes, so keyboard users go on where they were"
    )
    if tested and _kind(probe) != "component":
        return failed(message)
    return cant_tell(message)


def _where(probe: DialogProbe) -> str:
    place = probe["focus_after_open"]
    if place == "trigger":
        return "on the control that opened it"
    element = probe["focus_element"]
    return f"on {element['selector']}" if place == "elsewhere" and element else "on the page behind it"


class DialogFocus(WholePageCheck):
    meta = CheckMeta(
        id="dialog-focus",
        title="Focus moves into a dialog or menu, stays in a modal one and returns",
        failure_title="Focus does not reach an opened dialog or menu, leaves a modal one, or is lost",
        description=(
            "When a dialog or menu opens and focus stays behind it, keyboard and screen-reader users do not "
            "know it opened and must tab through the page to reach it; when Tab leaves a modal dialog, they "
            "act on a page it covers; when focus is lost as it closes, they start again from the top. Move "
            "focus into it when it opens (or put it right after its control), keep Tab inside a modal "
            "dialog, and return focus to the control that opened it (F85). The check opens controls that "
            "declare they open something (aria-haspopup, aria-expanded, aria-controls, same-page links to a "
            "hidden container) with Enter, tries one Tab and, after Escape or the close control, one "
            "Shift+Tab; it fails dialogs (role or aria-modal) and menus (role), and leaves overlays without "
            "a role for review. Disclosures may keep focus on their control. It cannot open what needs a "
            "pointer, a form submission or a timer."
        ),
        wcag=("2.4.3",),
        impact=Impact.SERIOUS,
        requires=("dom", DIALOGS),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(DIALOGS))
