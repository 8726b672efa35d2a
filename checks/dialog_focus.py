"""Focus that does not move into a modal dialog, leaves it for the page behind, or is lost
when it closes (WCAG 2.4.3 Focus Order; failure F85, ARIA APG dialog pattern).

Reads the `dialogs` artifact (a11y_audit/browser/gatherers/dialogs.py): each trigger that
declares it opens something was focused and pressed with Enter (or Space); what opened was
read once focus settled, Tab and Shift+Tab were pressed from inside a modal one, and it was
closed with Escape, its close control or the trigger.

Understanding 2.4.3: when a dialog opens, focus moves into it, and focus does not return to
the page behind until it is closed; F85 fails a dialog whose content is not reached next in
the focus order. A disclosure or menu that is not modal may leave focus on its trigger (APG
disclosure and menu-button patterns), so only modal components are judged on the way in:

- failed: a component declared modal (aria-modal="true", a <dialog> opened as modal) did not
  get focus; Tab or Shift+Tab from inside reached the page behind it;
- cantTell: the same for a dialog that is modal only by covering the page, or a role="dialog"
  that is not declared modal and did not get focus; focus lost to the document when Escape or
  the close control closed a component (the user has to start again from the top);
- passed: focus moved in and stayed in; focus returned to the page after closing.

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
    place = probe["focus_after_open"]
    if place == "inside":
        return passed("focus moved into it when it opened")
    dialog = probe["role"] in _DIALOG_ROLES
    if probe["modal"] == "declared":
        return failed(
            f"it opens as a modal dialog but focus stayed {_where(probe)}: move focus into the dialog "
            "(its first control, or its heading) when it opens"
        )
    if probe["modal"] == "covers" or dialog:
        return cant_tell(
            f"it opened over the page but focus stayed {_where(probe)}: if it is modal, move focus into it "
            "when it opens"
        )
    return None  # a disclosure or menu may keep focus on its trigger


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
    if probe["closed_by"] not in ("escape", "close_control"):
        return None
    if probe["focus_after_close"] == "body":
        way = "Escape" if probe["closed_by"] == "escape" else "its close control"
        return cant_tell(
            f"after {way} closed it, focus was on no element (the document): return focus to "
            f"{probe['trigger']['selector']}, which opened it, so keyboard users go on where they were"
        )
    return passed("focus returned to the page when it closed")


def _where(probe: DialogProbe) -> str:
    place = probe["focus_after_open"]
    if place == "trigger":
        return "on the control that opened it"
    element = probe["focus_element"]
    return f"on {element['selector']}" if place == "elsewhere" and element else "on the page behind it"


class DialogFocus(WholePageCheck):
    meta = CheckMeta(
        id="dialog-focus",
        title="Focus moves into a dialog and stays there",
        failure_title="Focus does not move into a modal dialog, or leaves it for the page behind",
        description=(
            "When a modal dialog opens and focus stays on the page behind it, keyboard and screen-reader "
            "users do not know it opened and tab through content they cannot see; when Tab leaves it, "
            "they act on a page the dialog covers. Move focus into the dialog when it opens, keep Tab "
            "and Shift+Tab inside while it is open, and return focus to the control that opened it. The "
            "check opens controls that declare they open something (aria-haspopup, aria-expanded, "
            "aria-controls, same-page links to a hidden container) with Enter, and fails only dialogs "
            "declared modal (aria-modal, <dialog> showModal); dialogs modal only by covering the page and "
            "focus lost after closing are left for review. Menus and disclosures may keep focus on their "
            "trigger. It cannot open what needs a pointer, a form submission or a timer."
        ),
        wcag=("2.4.3",),
        impact=Impact.SERIOUS,
        requires=("dom", DIALOGS),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(DIALOGS))
