"""Passages in another language than the page's, without a lang attribute (WCAG 3.1.2).

Screen readers pick pronunciation rules from the language of the page; a French product
description on an English page, read with English rules, is noise (the sufficient
technique is H58: lang on the passage). The check looks at text blocks
(paragraphs, list items, quotes, cells, headings) of the saved DOM, leaving out parts that
carry their own lang, identifies their language with py3langid (a well-kept fork of
langid.py, 97 languages, model shipped in the package) and compares it with the nearest
lang attribute. Only text that is rendered counts (a passage hidden by markup is not read),
and a lang value that is not a language subtag at all ("hidden") is left to axe-core's
valid-lang, which reports invalid tags (ACT rule de46e4). Language identification is
unreliable on short text and names, so only long passages identified with high confidence
fail; shorter or less certain mismatches are cantTell, and text too short or too uncertain
to identify is not judged.
https://www.w3.org/WAI/WCAG21/Understanding/language-of-parts.html
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from lxml.html import HtmlElement
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from a11y_audit.check import CheckMeta, Page, PageCheck, Verdict, cant_tell, failed, passed
from a11y_audit.judge.dom import is_hidden, normalise_space
from a11y_audit.model import Impact

MIN_WORDS = 8
"""Blocks shorter than this are not judged: names, prices and buttons defeat identification."""
FAIL_WORDS = 15
FAIL_CONFIDENCE = 0.99
REVIEW_CONFIDENCE = 0.95
_BLOCKS = ("p", "li", "blockquote", "dd", "dt", "td", "th", "figcaption", "caption", "h1", "h2", "h3", "h4",
           "h5", "h6", "summary", "label", "legend")  # fmt: skip
_ANY_BLOCK = " or ".join(f"self::{tag}" for tag in _BLOCKS)
_LEAF_BLOCK = f"//*[{_ANY_BLOCK}][not(.//*[{_ANY_BLOCK}])]"
_SKIPPED = frozenset({"script", "style", "noscript", "template", "code", "pre", "kbd", "samp", "svg", "math"})
_LANGUAGE_SUBTAG = re.compile(r"^[a-z]{2,3}$")
"""A primary language subtag (BCP 47): two or three letters."""
_SAME = {"nb": "no", "nn": "no", "bs": "hr", "sr": "hr"}
"""Languages the identifier cannot tell apart reliably, mapped to one."""


@dataclass(frozen=True, slots=True)
class Guess:
    language: str
    confidence: float
    words: int


@cache
def _identifier() -> LanguageIdentifier:
    """Loaded once per process, on the first page with a long passage (the model takes ~1 s)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=4096)
def identify(text: str) -> Guess:
    """The most likely language of a text, its probability, and its length in words."""
    language, confidence = _identifier().classify(text)
    return Guess(str(language), float(confidence), len(text.split()))


def own_text(element: HtmlElement) -> str:
    """The element's rendered text, minus parts that declare their own language or are hidden."""
    parts: list[str] = []

    def collect(node: HtmlElement, top: bool) -> None:
        if not isinstance(node.tag, str) or node.tag in _SKIPPED:
            return
        if not top and node.get("lang") is not None:
            return
        if not top and is_hidden(node):
            return  # hidden by markup (hidden, aria-hidden, inline display:none): not read
        parts.append(node.text or "")
        for child in node:
            collect(child, False)
            parts.append(child.tail or "")

    collect(element, True)
    return normalise_space(" ".join(parts))


def declared_language(element: HtmlElement) -> str:
    """The primary subtag of the nearest lang attribute ("" when none or empty)."""
    values = element.xpath("ancestor-or-self::*[@lang][1]/@lang")
    value = str(values[0]).strip().lower() if values else ""
    primary = re.split(r"[-_]", value)[0]  # "en_GB" is invalid (axe's valid-lang), still English
    if not _LANGUAGE_SUBTAG.match(primary):
        return ""  # not a language ("hidden", "x"): axe's valid-lang reports the tag itself
    return _SAME.get(primary, primary)


def language_verdict(declared: str, guess: Guess) -> Verdict | None:
    """The verdict on one passage; None when the identification is too weak to say anything."""
    found = _SAME.get(guess.language, guess.language)
    if found == declared:
        return passed(f"reads as the declared language '{declared}'")
    if guess.words < MIN_WORDS or guess.confidence < REVIEW_CONFIDENCE:
        return None
    certainty = f"{guess.confidence:.0%} likely"
    if guess.words >= FAIL_WORDS and guess.confidence >= FAIL_CONFIDENCE:
        return failed(
            f"this {guess.words}-word passage reads as '{found}' ({certainty}) but its language is "
            f"'{declared}': add lang=\"{found}\" to it so screen readers pronounce it correctly"
        )
    return cant_tell(
        f"this passage may be in '{found}' ({certainty}), not the declared '{declared}': if it is, add "
        f'lang="{found}"'
    )


class LanguageOfParts(PageCheck):
    meta = CheckMeta(
        id="language-of-parts",
        title="Passages in another language are marked with lang",
        failure_title="Passage in another language has no lang attribute",
        description=(
            "Screen readers and braille displays switch pronunciation and contraction rules by the lang "
            "attribute; a passage in another language read with the page's rules is hard or impossible to "
            'understand. Mark it: <p lang="fr">. The check identifies the language of each text block '
            f"(paragraphs, list items, quotes, cells, headings) of at least {MIN_WORDS} words with "
            "py3langid, leaving out parts that carry their own lang. A block of "
            f"{FAIL_WORDS}+ words identified as another language with {FAIL_CONFIDENCE:.0%} confidence "
            "fails; shorter or less certain mismatches are cantTell. Single words and phrases, proper "
            "names and text in images are not judged, and closely related languages may be confused."
        ),
        wcag=("3.1.2",),
        impact=Impact.MODERATE,
    )

    def applicable(self, page: Page) -> Iterable[HtmlElement]:
        found = []
        for element in page.elements(_LEAF_BLOCK):
            if not declared_language(element) or is_hidden(element):
                continue
            if element.xpath("ancestor::*[self::script or self::template or self::noscript]"):
                continue
            text = own_text(element)
            if len(text.split()) >= MIN_WORDS and language_verdict(
                declared_language(element), identify(text)
            ):
                found.append(element)
        return found

    def expect(self, element: HtmlElement, page: Page) -> Verdict:
        verdict = language_verdict(declared_language(element), identify(own_text(element)))
        assert verdict is not None  # applicable() kept only judged passages
        return verdict
