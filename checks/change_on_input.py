"""Selects and radio buttons that navigate, submit or open a window when changed (WCAG 3.2.2).

Reads the `context_change` artifact (a11y_audit/browser/gatherers/context_change.py): for
each select and radio group, what one arrow key press did. Keyboard users move through the
options one step at a time and every step fires `change`; a control that submits its form or
navigates on change (a currency or country switcher, "sort by", a jump menu: failures F36 and
F37) takes them away on the first key press. 3.2.2 allows it when the user is told in advance,
so a label or description that warns of it turns a failure into cantTell.
https://www.w3.org/WAI/WCAG21/Understanding/on-input.html
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from a11y_audit.artifacts.context_change import ContextChanges, InputChange
from a11y_audit.artifacts.kinds import CONTEXT_CHANGE
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.commons import context_change
from a11y_audit.model import Impact

_WARNS = re.compile(
    r"\b(reload|refresh|new (window|tab)|navigat|takes? you|(will|page) (update|change|open|go))",
    re.IGNORECASE,
)


def input_verdict(entry: InputChange) -> Verdict | None:
    """One select or radio group after one arrow key; None when the key changed nothing."""
    what = context_change(entry)
    key = entry["key"] or "an arrow key"
    if not what:
        return passed(f"choosing another option with {key} kept the page") if entry.get("changed") else None
    instructions = str(entry["instructions"] or "")
    if _WARNS.search(instructions):
        return cant_tell(
            f"pressing {key} on it {what}; its label or description may warn of this "
            f"('{instructions[:120]}'): check the warning is clear and comes before the control"
        )
    return failed(
        f"pressing {key} on it {what} without warning, so keyboard users cannot look through the options: "
        "apply the choice with a separate button (or warn before the control)"
    )


def verdicts(artifact: ContextChanges) -> dict[Target, Verdict]:
    found: dict[Target, Verdict] = {}
    for entry in artifact["input"] or []:
        if "selector" not in entry or not entry["selector"]:
            continue  # the key press could not reach it
        verdict = input_verdict(entry)
        if verdict is not None:
            found[Target(entry["selector"], entry["snippet"] or "")] = verdict
    return found


class ChangeOnInput(WholePageCheck):
    meta = CheckMeta(
        id="change-on-input",
        title="Changing a select or radio button does not change the context",
        failure_title="Changing a select or radio button navigates or submits at once",
        description=(
            "Keyboard users change a select or radio group one option at a time with the arrow keys, "
            "and each step fires a change event; a currency or country switcher, sort menu or jump menu "
            "that submits or navigates on change (F36, F37) reloads the page on the first key press and "
            "resets focus. Apply the choice with a button, or warn before the control. The check presses "
            "one arrow key on each select and radio group of sampled pages and records any navigation, form "
            "submission or new window (blocked, so nothing is sent). A warning in the label or description "
            "makes it cantTell. It does not type into text fields or try checkboxes, and changes that happen "
            "later than about half a second after the key press are missed."
        ),
        wcag=("3.2.2",),
        impact=Impact.SERIOUS,
        requires=("dom", CONTEXT_CHANGE),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(CONTEXT_CHANGE))
