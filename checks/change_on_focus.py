"""Controls that navigate, submit or open a window as soon as they receive focus (WCAG 3.2.1).

Reads the `context_change` artifact (a11y_audit/browser/gatherers/context_change.py): the
elements whose focus made the page try to leave. Tabbing through a page must never take the
user elsewhere (failure F55's cousin: a focus handler that submits, redirects or pops up a
window); unlike 3.2.2 no warning excuses it. The gatherer focuses each focusable element with
script; elements that changed the context fail and form fields that did not pass (other
quiet elements are not recorded). Focus moved by a handler is the keyboard checks' business.
https://www.w3.org/WAI/WCAG21/Understanding/on-focus.html
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.context_change import ContextChanges
from a11y_audit.artifacts.kinds import CONTEXT_CHANGE
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, failed, passed
from a11y_audit.judge.commons import context_change
from a11y_audit.model import Impact


def verdicts(artifact: ContextChanges) -> dict[Target, Verdict]:
    found: dict[Target, Verdict] = {}
    for entry in artifact["focus"] or []:
        if not entry["selector"]:
            continue
        what = context_change(entry)
        target = Target(str(entry["selector"]), str(entry["snippet"] or ""))
        found[target] = (
            failed(
                f"focusing it {what}: moving focus must never change the context; act on a click or key press"
            )
            if what
            else passed("focusing it kept the page")
        )
    return found


class ChangeOnFocus(WholePageCheck):
    meta = CheckMeta(
        id="change-on-focus",
        title="Focusing a control does not change the context",
        failure_title="Focusing a control navigates, submits or opens a window",
        description=(
            "Someone moving through the page with Tab, or a screen reader following focus, is taken to "
            "another page, sends a form or gets a new window just by reaching a control. Start such actions "
            "only on an explicit click, Enter or Space. The check focuses every visible focusable element of "
            "sampled pages (up to 150) and records navigations, form submissions and new windows, all "
            "blocked. It does not judge focus moved elsewhere by a handler, dialogs opened on focus or "
            "changes that happen after a delay."
        ),
        wcag=("3.2.1",),
        impact=Impact.SERIOUS,
        requires=("dom", CONTEXT_CHANGE),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(CONTEXT_CHANGE))
