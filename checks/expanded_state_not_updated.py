"""aria-expanded that does not follow the component its trigger opens (WCAG 4.1.2 Name,
Role, Value: states set by the author must be updated when they change; ARIA APG disclosure
and menu-button patterns).

Reads the `dialogs` artifact (a11y_audit/browser/gatherers/dialogs.py): each trigger was
pressed with Enter (or Space), the component that became visible was read, then it was closed
(Escape, its close control or the trigger) and the trigger's aria-expanded read each time.
Screen readers announce aria-expanded as "collapsed" or "expanded": one left at "false" while
the menu is open tells the user nothing opened.

- failed: the trigger names the component (aria-controls, its #fragment) and its
  aria-expanded was not "true" while it was open, or stayed "true" once it was closed;
- cantTell: the same for a component the trigger does not name (it opened when the trigger
  was pressed, but may be another script's);
- passed: aria-expanded followed the component both ways.

Triggers without aria-expanded are not judged (a button opening a modal dialog need not
have it), nor those whose value is not "true" or "false" (axe-core's aria-valid-attr-value).
Not detected: components opened by hover or by a key other than Enter and Space.
https://www.w3.org/WAI/WCAG21/Understanding/name-role-value.html
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.dialogs import DialogProbe, Dialogs
from a11y_audit.artifacts.kinds import DIALOGS
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.commons import per_trigger
from a11y_audit.model import Impact


def verdicts(artifact: Dialogs) -> dict[Target, Verdict]:
    """A verdict per trigger with aria-expanded whose component opened with a key."""
    return per_trigger(artifact["probes"], _judge)


def _judge(probe: DialogProbe) -> Verdict | None:
    if (
        probe["expanded_before"] not in ("true", "false")  # absent, or axe's aria-valid-attr-value
        or probe["opened_by"] not in ("enter", "space")
        or probe["component"] is None
    ):
        return None
    component = probe["component"]["selector"]
    stale: list[str] = []
    if probe["expanded_open"] != "true":
        stale.append(f'it stayed aria-expanded="{probe["expanded_open"]}" while {component} was open')
    if probe["closed_by"] is not None and probe["expanded_closed"] == "true":
        stale.append(f'it stayed aria-expanded="true" after {component} closed')
    if not stale:
        return passed("aria-expanded followed the component it opens")
    message = " and ".join(stale) + ": set aria-expanded to match whether the component is shown"
    if probe["linked"]:
        return failed(message)
    return cant_tell(f"{message} (if {component} is the component this control opens)")


class ExpandedStateNotUpdated(WholePageCheck):
    meta = CheckMeta(
        id="expanded-state-not-updated",
        title="aria-expanded follows the component a control opens",
        failure_title="aria-expanded does not change when the component opens or closes",
        description=(
            'A menu or disclosure button whose aria-expanded stays "false" while its menu is open (or '
            '"true" once it closed) tells screen-reader users the opposite of what happened. Update '
            "aria-expanded whenever the component is shown or hidden. The check presses each control "
            "with aria-expanded with Enter (or Space), reads the attribute while its component is open "
            "and after it closed, and fails it only when the control names that component "
            "(aria-controls or its #fragment); otherwise it is left for review."
        ),
        wcag=("4.1.2",),
        impact=Impact.SERIOUS,
        requires=("dom", DIALOGS),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(DIALOGS))
