"""language-of-parts: its passages, the language they inherit, and its higher bars for a verdict."""

from __future__ import annotations

from a11y_audit.checks.language_of_parts import PASSAGE, passage_verdict
from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.language import inherited_text, language_verdict
from a11y_audit.model import Outcome

FRENCH = (
    "Très belle chemise, le tissu est doux et la coupe est parfaite. "
    "Je la recommande vivement à tous mes amis."
)
DUTCH = "Gratis verzending in heel Nederland bij bestellingen boven de vijftig euro."
ENGLISH = (
    "Cut from breathable linen, this relaxed shirt keeps you cool on warm days and softens with every wash."
)


def outcome(declared: str, text: str) -> Outcome | None:
    verdict = language_verdict(declared, text, '<html lang="en">', thresholds=PASSAGE, unmarked=True)
    return verdict.outcome if verdict else None


def test_passages_need_more_evidence_than_a_lang_attribute() -> None:
    assert outcome("en", FRENCH) is Outcome.FAILED  # 20 words, French near certain
    assert outcome("en", ENGLISH) is Outcome.PASSED
    assert outcome("en", DUTCH) is Outcome.CANT_TELL  # 11 words: clear, but under 15
    assert language_verdict("en", DUTCH, "<p>").outcome is Outcome.FAILED  # type: ignore[union-attr]
    assert outcome("en", "Gratis verzending in heel Nederland") is None  # under 8 words: not judged
    lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut."
    assert outcome("en", lorem) is None  # placeholder text is no language, not an unmarked Latin passage


def test_the_failure_asks_to_mark_the_passage() -> None:
    verdict = language_verdict("en", FRENCH, '<html lang="en">', thresholds=PASSAGE, unmarked=True)
    assert verdict is not None and 'add lang="fr" to the passage' in verdict.message


def test_passages_inherit_the_nearest_lang() -> None:
    root = parse_dom(
        f'<html lang="en-GB"><body><div lang="FR_ca"><p id="a">{FRENCH}</p></div><p id="b">{FRENCH}</p>'
        f'<p id="c" lang="hidden">{FRENCH}</p><p id="d" lang="">{FRENCH}</p></body></html>'
    )
    inherited = passage_verdict(root.get_element_by_id("a"))
    assert inherited is not None and inherited.outcome is Outcome.PASSED
    assert '<div lang="FR_ca">' in inherited.message
    unmarked = passage_verdict(root.get_element_by_id("b"))
    assert unmarked is not None and unmarked.outcome is Outcome.FAILED and "<html" in unmarked.message
    # Not a language at all, or unknown: axe's valid-lang reports the tag, this check does not guess.
    assert passage_verdict(root.get_element_by_id("c")) is None
    assert passage_verdict(root.get_element_by_id("d")) is None
    bare = parse_dom(f"<html><body><p id='e'>{FRENCH}</p></body></html>")
    assert passage_verdict(bare.get_element_by_id("e")) is None


def test_passage_text_leaves_out_marked_hidden_named_and_code_parts() -> None:
    root = parse_dom(
        '<p id="p">Say <span lang="fr">bonjour</span> to <span hidden>secret</span><img alt="a photo">'
        '<span style="display: none">unseen</span><code>print()</code>everyone <b>here</b></p>'
    )
    assert inherited_text(root.get_element_by_id("p"), prose=True) == "Say to everyone here"
