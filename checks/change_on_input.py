"""Form controls that navigate, submit or open a window when changed (WCAG 3.2.2).

Reads the `context_change` artifact (a11y_audit/browser/gatherers/context_change.py): for
each select and radio group, what one arrow key press did; for a checkbox, Space; for a text
field, one typed character and leaving the field. Keyboard users move through the options one
step at a time and every step fires `change`; a control that submits its form or navigates on
change (a currency or country switcher, "sort by", a jump menu: failures F36 and F37) takes
them away on the first key press. The same holds for a filter checkbox that reloads the
listing on every tick, and for a quantity or postcode field that submits its form as soon as
it is changed: a person who ticks two filters or corrects a typo is taken away mid-task.
3.2.2 allows it when the user is told in advance, so a label or description that warns of it
turns a failure into cantTell.
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
    """One control after one change; None when the action changed nothing."""
    what = context_change(entry)
    action = _action(entry["key"] or "")
    if not what:
        return passed(f"{action} kept the page") if entry.get("changed") else None
    instructions = str(entry["instructions"] or "")
    if _WARNS.search(instructions):
        return cant_tell(
            f"{action} {what}; its label or description may warn of this "
            f"('{instructions[:120]}'): check the warning is clear and comes before the control"
        )
    return failed(
        f"{action} {what} without warning, so keyboard users are taken away while still choosing: "
        "apply the change with a separate button (or warn before the control)"
    )


def _action(key: str) -> str:
    """The keyboard user's change in words, from the artifact's `key`."""
    if key == "Typing":
        return "typing a character into it and leaving it"
    if key == "Space":
        return "ticking it with Space"
    return f"choosing another option with {key or 'an arrow key'}"


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
        title="Changing a form control does not change the context",
        failure_title="Changing a form control navigates or submits at once",
        description=(
            "Keyboard users change a select or radio group one option at a time with the arrow keys, "
            "and each step fires a change event; a currency or country switcher, sort menu or jump menu "
            "that submits or navigates on change (F36, F37) reloads the page on the first key press and "
            "resets focus; so does a filter checkbox that reloads the listing on every tick, or a quantity "
            "field that submits the basket as soon as it is changed. Apply the choice with a button, or warn "
            "before the control. On sampled pages the check presses one arrow key on each select and radio "
            "group, Space on one checkbox per name in each form, and types one character into the first and "
            "last text field of each form, then leaves it; it records any navigation, form submission or new "
            "window (blocked, so nothing is sent). A warning in the label or description makes it cantTell. "
            "Other checkboxes and text fields of a form are assumed to behave like the ones tried, and "
            "changes that happen later than about half a second after the action are missed."
        ),
        wcag=("3.2.2",),
        impact=Impact.SERIOUS,
        requires=("dom", CONTEXT_CHANGE),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(CONTEXT_CHANGE))
