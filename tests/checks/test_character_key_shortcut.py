"""character-key-shortcut: single keys fail unless the page mentions a shortcut setting."""

from __future__ import annotations

from a11y_audit.check import Page
from a11y_audit.checks.character_key_shortcut import CharacterKeyShortcut, verdicts
from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.engine import judge_page
from a11y_audit.model import Outcome, PageRecord
from tests.checks.keyboard_data import artifact

SEARCH = {"selector": "#q", "snippet": "<input id='q'>", "rect": {}}
SLASH = {"key": "/", "modifier": False, "focus": SEARCH, "navigated": False}


def outcomes(shortcuts: list[dict[str, object]], *, mentions: bool) -> list[Outcome]:
    found = verdicts(artifact(shortcuts=shortcuts), mentions_shortcuts=mentions)
    return [verdict.outcome for verdict in found.values()]


def test_single_key_without_any_setting_fails() -> None:
    assert outcomes([SLASH], mentions=False) == [Outcome.FAILED]


def test_single_key_on_a_page_that_mentions_shortcuts_needs_review() -> None:
    assert outcomes([SLASH], mentions=True) == [Outcome.CANT_TELL]


def test_review_asks_whether_the_setting_can_be_found() -> None:
    # ACT ffbc54 Failed Example 2: a real setting behind a control that does not identify it
    # ("Open modal") still fails 2.1.4; only a person can judge the control's name.
    (verdict,) = verdicts(artifact(shortcuts=[SLASH]), mentions_shortcuts=True).values()
    assert "a control named for it leads there" in verdict.message


def test_modifier_shortcut_passes_but_does_not_hide_a_single_key_one() -> None:
    ctrl_k = {**SLASH, "key": "ctrl+k", "modifier": True}
    assert outcomes([ctrl_k], mentions=False) == [Outcome.PASSED]
    assert outcomes([SLASH, ctrl_k], mentions=False) == [Outcome.FAILED]


def test_the_page_text_decides_whether_shortcuts_are_mentioned() -> None:
    html = "<html><body><input id='q'><a href='/settings'>Keyboard shortcuts</a></body></html>"
    page = Page(
        PageRecord(url="https://s.example/"), parse_dom(html), {"keyboard": artifact(shortcuts=[SLASH])}
    )
    (judged,) = judge_page(CharacterKeyShortcut(), page)
    assert judged.verdict.outcome is Outcome.CANT_TELL


def test_a_page_in_a_language_the_check_cannot_read_asks_a_person() -> None:
    """Silence about shortcuts proves nothing where the check cannot read the words for them."""

    def judged(lang: str) -> Outcome:
        html = (
            f"<html lang='{lang}'><body><input id='q'><a href='/settei'>ショートカット設定</a></body></html>"
        )
        page = Page(
            PageRecord(url="https://s.example/"), parse_dom(html), {"keyboard": artifact(shortcuts=[SLASH])}
        )
        (found,) = judge_page(CharacterKeyShortcut(), page)
        return found.verdict.outcome

    assert judged("ja") is Outcome.CANT_TELL
    assert judged("en-GB") is Outcome.FAILED
    assert judged("") is Outcome.FAILED  # undeclared: judged as before (b5c3f8 fails the page anyway)


def test_no_shortcuts_is_inapplicable() -> None:
    assert verdicts(artifact(), mentions_shortcuts=False) == {}


def test_single_key_changing_the_content_fails() -> None:
    # ACT ffbc54: a printable key that changes the content with no control focused.
    plus = {"key": "+", "modifier": False, "focus": None, "navigated": False, "changes": 2}
    assert outcomes([plus], mentions=False) == [Outcome.FAILED]


def test_content_changes_on_a_page_that_changes_by_itself_are_not_judged() -> None:
    plus = {"key": "+", "modifier": False, "focus": None, "navigated": False, "changes": None}
    assert outcomes([plus], mentions=False) == []
