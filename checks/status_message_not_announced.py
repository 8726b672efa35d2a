"""Status messages that appear without focus and outside any live region (WCAG 4.1.3).

Reads the `status_messages` artifact (a11y_audit/browser/gatherers/status_messages.py): the
elements that changed after the gatherer pressed a safe action such as "Add to bag". A
message that takes no focus is only read out when it lands in a live region that already
existed (role status/alert/log, aria-live, <output>): screen readers watch regions, not
arbitrary divs (failure F103). A region inserted together with its message is often
silent, so that is cantTell; role="alert" is announced even when inserted.
https://www.w3.org/WAI/WCAG21/Understanding/status-messages.html
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from a11y_audit.artifacts.kinds import STATUS_MESSAGES
from a11y_audit.artifacts.status_messages import Change, StatusAction, StatusActions
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.engine import keep_worst
from a11y_audit.model import Impact

MAX_MESSAGE = 150
"""Longer new text is content (more products, a review list), not a message."""
_STATUS_WORDS = re.compile(
    r"\b(added|applied|removed|saved|updated|reserved|success\w*|thank(s| you)|subscribed|sent|copied|"
    r"error|invalid|"
    r"required|sorry|fail\w*|unable|could not|(not |un)available|out of stock|in stock|results?|"
    r"items?|found|loading|please|\d+ of \d+)\b",
    re.IGNORECASE,
)


def message_verdict(change: Change, action: StatusAction) -> Verdict | None:
    """The verdict on one changed element after one action; None when it is no status message.

    Not messages: invisible or empty changes, a control's own label, content of a dialog or
    of whatever received focus (focus already tells the user), long new content.
    """
    text = str(change["text"] or "")
    selector = str(change["selector"] or "")
    focus = str(action.get("focus") or "")
    if not change.get("visible") or not text or change["inControl"] or change["inDialog"]:
        return None
    if change["focusInside"] or (focus and (focus == selector or focus.startswith(selector + " > "))):
        return None
    quoted = f"'{text[:80]}'" + ("..." if len(text) > 80 else "")
    after = f"after '{action.get('name') or 'the action'}'"
    live = change["live"]
    if live:
        if change["liveExisted"] or live == "alert":
            return passed(f"{quoted} appeared {after} in a live region ({live})")
        return cant_tell(
            f"{quoted} appeared {after} in a live region ({live}) that was inserted with it: many screen "
            "readers announce only changes to regions already on the page; check it is read out"
        )
    if len(text) > MAX_MESSAGE:
        return None
    if _STATUS_WORDS.search(text):
        return failed(
            f"{quoted} appeared {after} without focus and outside any live region, so screen readers "
            'do not announce it: put it in a container with role="status" (or role="alert" for errors) '
            "that is on the page before the message is written"
        )
    return cant_tell(
        f"{quoted} appeared {after} outside any live region: if it tells the user the result of the "
        'action, it needs role="status" or aria-live="polite"'
    )


def verdicts(artifact: StatusActions) -> dict[Target, Verdict]:
    """Each message element's verdict; the worst wins when several actions changed it."""
    found: dict[Target, Verdict] = {}
    for action in artifact.get("actions") or []:
        judged: list[str] = []
        for change in action.get("changes") or []:
            selector = str(change["selector"] or "")
            if any(selector.startswith(outer + " > ") for outer in judged):
                continue  # a part of a message already judged as a whole
            verdict = message_verdict(change, action)
            if verdict is None:
                continue
            judged.append(selector)
            target = Target(selector, str(change["snippet"] or ""))
            keep_worst(found, target, verdict)
    return found


class StatusMessageNotAnnounced(WholePageCheck):
    meta = CheckMeta(
        id="status-message-not-announced",
        title="Status messages are announced by a live region",
        failure_title="Status message appears outside any live region",
        description=(
            "A message that appears without moving focus ('Added to your bag', '24 results', 'Enter "
            "your email') is invisible to screen-reader users unless it is in a live region: they press"
            ' the button and hear nothing. Write such messages into a container with role="status" '
            '(role="alert" for errors) that is present from page load. The check presses safe actions '
            "(buttons named like 'Add to bag', 'Apply', 'Copy' that are type=\"button\" or in forms "
            "declared safe with [checks] safe_forms or data-a11y-audit-safe) on sampled pages and "
            "judges every short text that appeared; it blocks any navigation or submission the action "
            "would cause. It cannot see messages after actions it does not take (typing, filters, "
            "sending real forms) and leaves long new content alone; text outside a live region that "
            "does not read like a status is cantTell."
        ),
        wcag=("4.1.3",),
        impact=Impact.SERIOUS,
        requires=("dom", STATUS_MESSAGES),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(STATUS_MESSAGES))
