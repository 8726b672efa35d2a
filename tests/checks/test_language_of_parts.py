"""language-of-parts: the verdict thresholds, declared languages and the text it identifies."""

from __future__ import annotations

from a11y_audit.checks.language_of_parts import Guess, declared_language, identify, language_verdict, own_text
from a11y_audit.judge.dom import parse_dom
from a11y_audit.model import Outcome


def test_thresholds() -> None:
    assert language_verdict("en", Guess("en", 0.5, 20)).outcome is Outcome.PASSED  # type: ignore[union-attr]
    assert language_verdict("en", Guess("fr", 0.995, 20)).outcome is Outcome.FAILED  # type: ignore[union-attr]
    assert language_verdict("en", Guess("fr", 0.995, 10)).outcome is Outcome.CANT_TELL  # type: ignore[union-attr]
    assert language_verdict("en", Guess("fr", 0.97, 30)).outcome is Outcome.CANT_TELL  # type: ignore[union-attr]
    assert language_verdict("en", Guess("fr", 0.9, 30)) is None  # too unsure to say anything
    assert language_verdict("no", Guess("nb", 0.999, 30)).outcome is Outcome.PASSED  # type: ignore[union-attr]


def test_declared_language_is_the_nearest_primary_subtag() -> None:
    root = parse_dom(
        '<html lang="en-GB"><body><div lang="FR_ca"><p id="a">x</p></div><p id="b">y</p></body></html>'
    )
    assert declared_language(root.get_element_by_id("a")) == "fr"
    assert declared_language(root.get_element_by_id("b")) == "en"
    bare = parse_dom("<html><body><p id='c'>z</p></body></html>")
    assert declared_language(bare.get_element_by_id("c")) == ""
    # Not a language at all: axe's valid-lang reports the tag, this check does not guess.
    odd = parse_dom("<html lang='en'><body><p id='d' lang='hidden'>z</p></body></html>")
    assert declared_language(odd.get_element_by_id("d")) == ""


def test_own_text_leaves_out_marked_hidden_and_code_parts() -> None:
    root = parse_dom(
        '<p id="p">Say <span lang="fr">bonjour</span> to <span hidden>secret</span>'
        '<span style="display: none">unseen</span><code>print()</code>everyone <b>here</b></p>'
    )
    assert own_text(root.get_element_by_id("p")) == "Say to everyone here"


def test_identification_of_clear_passages() -> None:
    french = identify(
        "Très belle chemise, le tissu est doux et la coupe est parfaite. Je la recommande vivement."
    )
    assert french.language == "fr" and french.confidence > 0.99 and french.words == 16
