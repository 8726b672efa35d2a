"""judge/language.py: lang values, the text a lang covers, and when a mismatch is certain."""

from __future__ import annotations

from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.language import identify, inherited_text, language_verdict, primary_subtag, word_count
from a11y_audit.model import Outcome

ENGLISH = "Cut from breathable European linen, our relaxed shirts keep you cool on warm days."
DUTCH_PHRASE = '"Hij ging met de kippen op stok"'


def outcome(declared: str, text: str) -> Outcome | None:
    verdict = language_verdict(declared, text, "<p>")
    return verdict.outcome if verdict else None


def test_primary_subtag_is_a_known_language_or_nothing() -> None:
    assert primary_subtag("EN-gb") == "en"
    assert primary_subtag("de-hello") == "de"  # not RFC 5646, still German to browsers
    assert primary_subtag("fr_CA") == "fr"
    assert primary_subtag("nb-NO") == primary_subtag("nn") == "no"
    assert primary_subtag("zh-Hant-TW") == "zh"
    for unknown in ("eng", "i-lux", "invalid", "", None, "  ", "zxx"):
        assert primary_subtag(unknown) == ""


def test_word_count_skips_numbers_and_counts_unspaced_scripts() -> None:
    assert word_count("Nike Air Max 90 - 129,95 €") == 3
    assert word_count("我们的夹克由再生羊毛制成") == 6


def test_clear_mismatches_fail_and_matches_pass() -> None:
    assert outcome("da", ENGLISH) is Outcome.FAILED
    assert outcome("fr", DUTCH_PHRASE) is Outcome.FAILED  # 7 words, 97% Dutch, French ~0%
    assert outcome("en", ENGLISH) is Outcome.PASSED


def test_short_ambiguous_named_or_close_texts_never_fail() -> None:
    assert outcome("nl", "Fireworks over Paris") is None  # English, but Dutch is 14% likely
    assert outcome("en", "Gratis verzending in heel Nederland") is Outcome.CANT_TELL  # 5 words
    assert outcome("fr", "Paul put dire comment on tape") is None  # English and French
    assert outcome("de", "Samsung Galaxy S24 Ultra") is None
    assert outcome("fr", "Deutsch") is None
    assert outcome("da", "Jakkene våre er laget av resirkulert ull og holder deg varm hele vinteren.") is None
    lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor."
    assert outcome("en", lorem) is None  # placeholder text is no language


def test_inherited_text_follows_the_act_definition() -> None:
    root = parse_dom(
        '<html lang="nl"><head><title>Paris</title><script>var x = "code";</script></head><body>'
        '<img src="f.jpg" aria-labelledby="cap"><p lang="en" id="cap" hidden>Fireworks over Paris!</p>'
        '<div id="d" lang="fr">Bonjour <span lang="de">Hallo</span><span aria-hidden="true">caché</span>'
        '<input type="submit" value="Envoyer"><img alt="Tour Eiffel"><b lang="">tout</b></div></body></html>'
    )
    assert inherited_text(root, document_title=True) == "Paris Fireworks over Paris!"
    assert inherited_text(root.get_element_by_id("d")) == "Bonjour Envoyer Tour Eiffel tout"
    assert inherited_text(root.get_element_by_id("cap")) == ""  # hidden: nothing inherits from it


def test_a_language_picker_and_other_lists_of_choices_are_not_the_pages_words() -> None:
    """Each language named in itself would outvote the page's own words (a store's footer)."""
    names = "Afrikaans العربيّة asturianu Azərbaycanca български বাংলা brezhoneg bosanski català česky Cymraeg"
    options = "".join(f"<option>{name}</option>" for name in names.split())
    root = parse_dom(
        f'<html lang="en"><body><p>{ENGLISH}</p><select name="language">{options}</select>'
        '<datalist id="c"><option value="Deutschland">Deutschland</option></datalist></body></html>'
    )
    assert inherited_text(root) == ENGLISH


def test_identify_folds_macrolanguage_codes() -> None:
    norwegian = identify("Jakkene våre er laget av resirkulert ull og holder deg varm hele vinteren.")
    assert norwegian.language == "no"
    assert norwegian.probability("no") >= norwegian.confidence
