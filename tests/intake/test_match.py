"""Matching a complaint's words and method to issues."""

from __future__ import annotations

from typing import Any

from a11y_audit.intake.match import match_issues
from a11y_audit.intake.understand import understand
from tests.tickets.samples import issue, typed


def _issue(
    fingerprint: str, rule: str, wcag: tuple[str, ...], snippet: str, selector: str, **extra: Any
) -> dict[str, Any]:
    data = issue(fingerprint, rule=rule, wcag=wcag, snippet=snippet, **extra)
    data["instances"][0]["selector"] = selector
    data["title"] = rule
    return data


SWATCH = _issue(
    "1" * 16,
    "not-keyboard-operable",
    ("2.1.1",),
    '<div class="swatch is-selected" data-js="swatch" data-label="White" title="White"></div>',
    "form > div:nth-of-type(1) > div:nth-of-type(2)",
)
SIZE_GUIDE_TRAP = _issue(
    "2" * 16,
    "keyboard-trap",
    ("2.1.2",),
    '<div class="modal" id="size-guide" role="dialog"><p>sizes</p></div>',
    "#size-guide",
)
SWATCH_CONTRAST = _issue(
    "3" * 16,
    "color-contrast",
    ("1.4.3",),
    '<div class="swatch" title="Blue"></div>',
    ".swatch",
    priority="P1",
)
CHAT_NAME = _issue(
    "4" * 16,
    "button-name",
    ("4.1.2",),
    '<button class="chat__launcher"></button>',
    "iframe >>> .chat__launcher",
)
REFLOW = _issue("5" * 16, "reflow", ("1.4.10",), "<main>", "main")
ISSUES = [SIZE_GUIDE_TRAP, SWATCH_CONTRAST, CHAT_NAME, REFLOW, SWATCH]


def _best(text: str) -> str | None:
    matches = match_issues(map(typed, ISSUES), understand(text))
    return matches[0].issue.fingerprint if matches else None


def test_keyboard_complaint_about_size_buttons_is_the_swatch_keyboard_finding() -> None:
    assert _best("I can't select the size buttons with my keyboard") == SWATCH["fingerprint"]


def test_french_and_spanish_component_words_match_too() -> None:
    assert _best("je ne peux pas choisir les boutons de taille au clavier") == SWATCH["fingerprint"]
    assert _best("no puedo elegir los botones de talla con el teclado") == SWATCH["fingerprint"]


def test_screen_reader_complaint_about_the_chat_is_the_name_finding() -> None:
    assert _best("NVDA says nothing on the chat button") == CHAT_NAME["fingerprint"]


def test_zoom_complaint_without_component_uses_the_method_family() -> None:
    assert _best("when I zoom in, the page scrolls sideways") == REFLOW["fingerprint"]


def test_method_alone_does_not_match_other_families() -> None:
    assert match_issues([typed(REFLOW), typed(SWATCH)], understand("VoiceOver does not work well")) == []
    assert _best("in high contrast mode it is unreadable") == SWATCH_CONTRAST["fingerprint"]
    assert _best("the colours are weird") is None  # no component, no method


def test_words_match_whole_words_of_the_element_not_its_attribute_names() -> None:
    """`data-label` and `is-selected` are no form label or select: only the swatch is about sizes."""
    found = match_issues([typed(SWATCH)], understand("the size options with the keyboard"))
    assert [item.score for item in found] == [8]
    assert found[0].why == (
        "it is about the size and colour options",
        "it affects people using the keyboard only",
    )
