"""The page's lang attribute names another language than the page is written in (WCAG 3.1.1).

ACT rule ucwvc8: the primary subtag of <html lang> must match the default language of the
page, the most common language of the text that inherits the html element's language (its
text and accessible names outside elements with their own lang, and the page title).
Screen readers choose voice and pronunciation by <html lang>, so an English page marked
lang="da" is read with Danish rules: the failure is as bad as no lang at all (H57).
Identification (a11y_audit.judge.language) fails only texts long enough and clear enough for
the declared language to be all but impossible; less certain mismatches are cantTell, and
pages with too little text, or text in several close languages, are not judged.
https://www.w3.org/WAI/WCAG21/Understanding/language-of-page.html
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml.html import HtmlElement

from a11y_audit.check import CheckMeta, Page, Verdict, WholePageCheck
from a11y_audit.judge.language import FAIL_WORDS, inherited_text, language_verdict, primary_subtag
from a11y_audit.model import Impact


class PageLanguageMismatch(WholePageCheck):
    meta = CheckMeta(
        id="page-language-mismatch",
        title="The page's lang attribute names the language it is written in",
        failure_title="The page's lang attribute names another language than its content",
        description=(
            "Screen readers pick the voice and pronunciation rules from <html lang>; an English page "
            'marked lang="da" is read as Danish and hard to understand. Set lang to the language most '
            "of the page is written in, and mark passages in other languages with their own lang. The "
            "check identifies the language of the text inheriting the page's language (text, alt "
            "texts, labels and the title, outside elements with their own lang) with py3langid; it "
            f"fails a page of {FAIL_WORDS}+ words identified as another language with 95% confidence "
            "while the declared one is below 0.1%, reports less certain mismatches as cantTell, and "
            "does not judge very short texts or languages the identifier confuses (Danish and "
            "Norwegian, Serbian and Croatian...). Text hidden by a stylesheet is counted."
        ),
        wcag=("3.1.1",),
        impact=Impact.SERIOUS,
    )

    def judge(self, page: Page) -> Mapping[HtmlElement, Verdict]:
        """The html element's verdict; none when the page has no default language to compare."""
        root = page.root
        declared = primary_subtag(root.get("lang"))
        if root.tag != "html" or not declared:
            return {}
        text = inherited_text(root, document_title=True)
        verdict = language_verdict(declared, text, f'<html lang="{root.get("lang")}">')
        return {root: verdict} if verdict is not None else {}
