"""An element's lang attribute names another language than its text is in (WCAG 3.1.2).

ACT rule off6ek: for an element in the body with a lang attribute whose primary subtag is a
known language, that subtag must be a most common language of the text inheriting its
language (its text and accessible names, outside descendants with their own lang). A
German review marked lang="fr" is read by a screen reader with French rules: marking a
passage wrongly is as bad as not marking it (H58). Whether unmarked passages should have a
lang is language-of-parts' question; this check judges lang attributes that are there.
Identification (a11y_audit.judge.language) fails only texts long enough and clear enough for
the declared language to be all but impossible; less certain mismatches are cantTell, and
short texts (names, single words) or closely related languages are not judged.
https://www.w3.org/WAI/WCAG21/Understanding/language-of-parts.html
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml.html import HtmlElement

from a11y_audit.check import CheckMeta, Page, Verdict, WholePageCheck
from a11y_audit.judge.language import FAIL_WORDS, MIN_WORDS, inherited_text, language_verdict, primary_subtag
from a11y_audit.model import Impact


class ElementLanguageMismatch(WholePageCheck):
    meta = CheckMeta(
        id="element-language-mismatch",
        title="Elements' lang attributes name the language of their text",
        failure_title="An element's lang attribute names another language than its text",
        description=(
            "Screen readers and braille displays switch pronunciation and contraction rules at each "
            'lang attribute; a Dutch quote marked lang="fr" is read with French rules and becomes '
            "noise. Give each marked passage the language it is written in. The check identifies the "
            "language of the text of each element with a lang attribute in the body (leaving out "
            "descendants with their own lang) with py3langid; a text of "
            f"{FAIL_WORDS}+ words identified as another language with 95% confidence while the "
            "declared one is below 0.1% fails, less certain mismatches are cantTell, and texts under "
            f"{MIN_WORDS} words or in languages the identifier confuses are not judged."
        ),
        wcag=("3.1.2",),
        impact=Impact.MODERATE,
    )

    def judge(self, page: Page) -> Mapping[HtmlElement, Verdict]:
        verdicts: dict[HtmlElement, Verdict] = {}
        for element in page.elements("//body/descendant-or-self::*[@lang]"):
            declared = primary_subtag(element.get("lang"))
            if not declared or element.tag in ("script", "style", "template"):
                continue
            subject = f'<{element.tag!s} lang="{element.get("lang")}">'
            verdict = language_verdict(declared, inherited_text(element), subject)
            if verdict is not None:
                verdicts[element] = verdict
        return verdicts
