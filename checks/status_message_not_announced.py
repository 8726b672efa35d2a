"""Status messages that appear without focus and outside any live region (WCAG 4.1.3).

Reads the `status_messages` artifact (a11y_audit/browser/gatherers/status_messages.py): the
elements that changed after the gatherer pressed a safe action such as "Add to bag". A
message that takes no focus is only read out when it lands in a live region that already
existed (role status/alert/log, aria-live, <output>): screen readers watch regions, not
arbitrary divs (failure F103). A region inserted together with its message is often
silent, so that is cantTell; role="alert" is announced even when inserted. An element that
was on the page before the action with the same text, and only had aria-hidden or inert set
around it (a modal dialog hiding the page behind it) or `hidden` toggled and restored, is no
new content and no message: the saved DOM, taken before the action, shows it.
https://www.w3.org/WAI/WCAG21/Understanding/status-messages.html
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from lxml.html import HtmlElement

from a11y_audit.artifacts.kinds import STATUS_MESSAGES
from a11y_audit.artifacts.status_messages import Change, StatusAction, StatusActions
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.dom import element_at
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


_UNSEEN = frozenset({"aria-hidden", "inert"})
"""Attributes that change what assistive technologies are told, never what is seen."""
_VALUE = r"""(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)"""
_ATTRIBUTE = re.compile(rf"""([^\s"'>/=]+)(?:\s*=\s*({_VALUE}))?""")
_OPENING_TAG = re.compile(rf"""<[a-zA-Z][\w:-]*((?:\s+[^\s"'>/=]+(?:\s*=\s*{_VALUE})?)*)\s*/?>""")
_WORD = re.compile(r"\w+")


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


def shown_before(change: Change, root: HtmlElement) -> bool:
    """Whether the changed element was already on the page, with its text, before the action.

    `root` is the DOM saved before the gatherer acted. The element is the same one when the
    selector finds it there with the same attributes, but for those that change what
    assistive technologies are told and never what is seen (aria-hidden, inert: a modal dialog
    hides the page behind it), and its text was there in the same order. Such a change is no
    new content (WCAG 4.1.3 is about changes in content), so no status message. Any other
    difference (a class, style or `hidden` that reveals it, new text) keeps it judged.
    """
    before = element_at(root, str(change["selector"] or ""))
    after = _opening_attributes(str(change["snippet"] or ""))
    if before is None or after is None:
        return False
    if _seen(after) != _seen({str(key): str(value) for key, value in before.attrib.items()}):
        return False
    shown = _WORD.findall(str(change["text"] or "").casefold())
    return _in_order(shown, before.text_content().casefold())


def _opening_attributes(snippet: str) -> dict[str, str] | None:
    """The attributes of the snippet's opening tag; None when the snippet cut it short."""
    tag = _OPENING_TAG.match(snippet)
    if tag is None:
        return None
    return {
        name.lower(): html.unescape(value[1:-1] if value[:1] in ("'", '"') else value)
        for name, value in _ATTRIBUTE.findall(tag.group(1))
    }


def _seen(attributes: Mapping[str, str]) -> dict[str, str]:
    return {name: value for name, value in attributes.items() if name not in _UNSEEN}


def _in_order(words: list[str], within: str) -> bool:
    """Every word of `words` occurs in `within`, in the same order. The saved DOM's text runs
    blocks together ("BooksClothing") where innerText separates them, so words are found as
    parts of the text, each after the one before."""
    start = 0
    for word in words:
        found = within.find(word, start)
        if found < 0:
            return False
        start = found + len(word)
    return bool(words)


def verdicts(artifact: StatusActions, root: HtmlElement) -> dict[Target, Verdict]:
    """Each message element's verdict; the worst wins when several actions changed it.
    `root`: the DOM saved before the actions (see shown_before)."""
    found: dict[Target, Verdict] = {}
    for action in artifact.get("actions") or []:
        judged: list[str] = []
        for change in action.get("changes") or []:
            selector = str(change["selector"] or "")
            if any(selector.startswith(outer + " > ") for outer in judged) or shown_before(change, root):
                continue  # a part of a message already judged as a whole, or nothing new
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
        return verdicts(page.artifact(STATUS_MESSAGES), page.root)
