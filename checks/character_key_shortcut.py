"""Single printable keys that trigger something while no control has focus (WCAG 2.1.4, F99).

Reads the `keyboard` artifact: with focus on the page itself, the gatherer pressed a few
printable keys that sites commonly bind ("/", "?", "s", "f", "+", "-", "j", "k") and Ctrl+K,
and recorded those that moved focus, navigated, or changed the content (elements shown,
hidden, added or rewritten: ACT ffbc54's changes in content; not counted on a page that
changes by itself). Speech-input users say words that contain
these characters and set such shortcuts off by accident. A shortcut meets 2.1.4 when it
can be turned off or remapped, or works only while its component has focus.

- failed: a single printable key works anywhere on the page and nothing on the page
  mentions keyboard shortcuts, so there is no way to learn about or turn it off there;
- cantTell: the page mentions shortcuts (a setting may turn them off: check it), or it is
  declared in a language other than English, German, French or Spanish, whose words for
  shortcuts the check cannot read;
- passed: a shortcut that needs a modifier (Ctrl+K).

Keys not in the list, and a setting on another page of the site are not detected. A
setting the page mentions stays a person's to check even when it sits in hidden content
(a dialog): 2.1.4's mechanism must be findable (ACT ffbc54's "clearly labeled location"),
and whether the control that opens it identifies it ("Settings", a gear icon, "Open modal")
is a judgement of its words that pressing it would not settle, and pressing arbitrary
controls of a store is what the audit never does.
https://www.w3.org/WAI/WCAG21/Understanding/character-key-shortcuts.html
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from a11y_audit.artifacts.keyboard import KeyboardWalk
from a11y_audit.artifacts.kinds import KEYBOARD
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.dom import text_of
from a11y_audit.model import Impact

_MENTION = re.compile(r"shortcut|hot ?key|access ?key|tastenk[uü]rzel|raccourci|atajo", re.IGNORECASE)
_MENTION_LANGUAGES = frozenset({"en", "de", "fr", "es"})
"""The languages _MENTION can read: on a page declared in another, silence proves nothing."""


def verdicts(
    artifact: KeyboardWalk, *, mentions_shortcuts: bool, readable: bool = True
) -> dict[Target, Verdict]:
    """One verdict per element a shortcut moved focus to (or the page, when it navigated).

    `readable`: the page is in a language whose words for shortcuts the check knows; on
    another a mention it cannot read may offer the setting, so it asks a person instead."""
    found: dict[Target, Verdict] = {}
    for shortcut in artifact["shortcuts"] or []:
        focus = shortcut["focus"]
        key = shortcut["key"]
        if isinstance(focus, dict):
            target = Target(str(focus["selector"]), str(focus["snippet"] or ""))
            effect = "moves focus here"
        elif shortcut["navigated"]:
            target = Target("html", "<html>")
            effect = "leaves the page"
        elif shortcut.get("changes"):
            target = Target("html", "<html>")
            effect = "changes the page's content"
        else:
            continue
        if shortcut["modifier"]:
            found.setdefault(target, passed(f"{key} {effect}: it needs a modifier key"))
        elif mentions_shortcuts or not readable:
            found[target] = cant_tell(
                f"pressing {key!r} anywhere on the page {effect}: check the shortcut setting the page "
                "mentions turns it off or remaps it, and that a control named for it leads there"
            )
        else:
            found[target] = failed(
                f"pressing {key!r} anywhere on the page {effect}, and nothing on the page offers to turn "
                "it off: require Ctrl/Alt, add a setting, or listen only while its control has focus"
            )
    return found


def _verdicts(page: Page) -> dict[Target, Verdict]:
    declared = (page.root.get("lang") or "").strip().lower().split("-")[0]
    return verdicts(
        page.artifact(KEYBOARD),
        mentions_shortcuts=bool(_MENTION.search(text_of(page.root))),
        readable=not declared or declared in _MENTION_LANGUAGES,
    )


class CharacterKeyShortcut(WholePageCheck):
    meta = CheckMeta(
        id="character-key-shortcut",
        title="No single-key shortcuts that cannot be turned off",
        failure_title="Single printable key triggers a shortcut",
        description=(
            'A shortcut bound to one printable key ("/" to search) fires when a speech-input user '
            "dictates text or a command containing it, moving focus, changing the page or leaving it "
            "unexpectedly. Require a modifier (Ctrl, Alt), offer a setting to turn it off or remap it, or "
            "listen only while the control has focus. The check presses a few common shortcut keys with "
            "focus on the page and fails those that move focus, change the content or navigate when "
            "nothing on the page mentions keyboard shortcuts; where the page does, a person checks the "
            "setting. It cannot see a setting on another page, nor shortcuts on other keys."
        ),
        wcag=("2.1.4",),
        impact=Impact.MODERATE,
        requires=("dom", KEYBOARD),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return _verdicts(page)
