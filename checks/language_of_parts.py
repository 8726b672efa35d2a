"""Passages in another language than the page's, without a lang attribute (WCAG 3.1.2).

Screen readers pick pronunciation rules from the language of the page; a French product
description on an English page, read with English rules, is noise (the sufficient
technique is H58: lang on the passage). The check looks at text blocks
(paragraphs, list items, quotes, cells, headings) of the saved DOM, leaving out parts that
carry their own lang, code and notation, and compares the language of their text with the
nearest lang attribute, through the identifier and verdict of a11y_audit.judge.language
(shared with element-language-mismatch and page-language-mismatch). Only text that is
rendered counts (a passage hidden by markup is not read), and a lang value that names no
language ("hidden") is left to axe-core's valid-lang, which reports invalid tags (ACT rule
de46e4). Unlike those checks, this one judges every block of every page against a language
the passage inherited rather than one its author chose for it, so its bars are higher
(`PASSAGE`): only long passages identified with near certainty fail; shorter or less certain
mismatches are cantTell, and text too short or too uncertain to identify is not judged.
https://www.w3.org/WAI/WCAG21/Understanding/language-of-parts.html
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml.html import HtmlElement

from a11y_audit.check import CheckMeta, Page, PageCheck, Verdict
from a11y_audit.judge.dom import is_hidden
from a11y_audit.judge.language import Thresholds, inherited_text, language_verdict, primary_subtag
from a11y_audit.model import Impact

PASSAGE = Thresholds(min_words=8, fail_words=15, fail_confidence=0.99, review_confidence=0.95)
"""Higher bars than for a lang attribute's text, as every block of every page is judged: blocks
under 8 words are not (names, prices and buttons defeat identification); a failure needs 15+
words at 99%, a cantTell 95%."""
_BLOCKS = ("p", "li", "blockquote", "dd", "dt", "td", "th", "figcaption", "caption", "h1", "h2", "h3", "h4",
           "h5", "h6", "summary", "label", "legend")  # fmt: skip
_ANY_BLOCK = " or ".join(f"self::{tag}" for tag in _BLOCKS)
_LEAF_BLOCK = f"//*[{_ANY_BLOCK}][not(.//*[{_ANY_BLOCK}])]"


def _declaring(element: HtmlElement) -> HtmlElement | None:
    """The nearest element with a lang attribute: the one the passage's language comes from."""
    found = element.xpath("ancestor-or-self::*[@lang][1]")
    return found[0] if found else None


def passage_verdict(element: HtmlElement) -> Verdict | None:
    """The verdict on one block's own text; None when it is not a passage this check can judge."""
    declaring = _declaring(element)
    if declaring is None or not (declared := primary_subtag(declaring.get("lang"))):
        return None  # no language, or none the identifier knows ("hidden": axe's valid-lang)
    subject = f'<{declaring.tag!s} lang="{declaring.get("lang")}">'
    text = inherited_text(element, prose=True)
    return language_verdict(declared, text, subject, thresholds=PASSAGE, unmarked=declaring is not element)


class LanguageOfParts(PageCheck):
    meta = CheckMeta(
        id="language-of-parts",
        title="Passages in another language are marked with lang",
        failure_title="Passage in another language has no lang attribute",
        description=(
            "Screen readers and braille displays switch pronunciation and contraction rules by the lang "
            "attribute; a passage in another language read with the page's rules is hard or impossible to "
            'understand. Mark it: <p lang="fr">. The check identifies the language of each text block '
            f"(paragraphs, list items, quotes, cells, headings) of at least {PASSAGE.min_words} words with "
            "py3langid, leaving out parts that carry their own lang. A block of "
            f"{PASSAGE.fail_words}+ words identified as another language with "
            f"{PASSAGE.fail_confidence:.0%} confidence fails; shorter or less certain mismatches are "
            "cantTell. Single words and phrases, proper names and text in images are not judged, nor "
            "closely related languages the identifier confuses (Danish and Norwegian, Spanish and "
            "Portuguese...)."
        ),
        wcag=("3.1.2",),
        impact=Impact.MODERATE,
    )

    def applicable(self, page: Page) -> Iterable[HtmlElement]:
        return [
            element
            for element in page.elements(_LEAF_BLOCK)
            if not is_hidden(element)
            and not element.xpath("ancestor::*[self::script or self::template or self::noscript]")
            and passage_verdict(element) is not None
        ]

    def expect(self, element: HtmlElement, page: Page) -> Verdict:
        verdict = passage_verdict(element)
        assert verdict is not None  # applicable() kept only judged passages
        return verdict
