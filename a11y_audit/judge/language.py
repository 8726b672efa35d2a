"""Which human language a text is in, and whether a lang attribute says so (WCAG 3.1.1, 3.1.2).

The ACT rules "HTML page language subtag matches default language" (ucwvc8) and "HTML element
language subtag matches language" (off6ek) compare the primary subtag of a lang attribute with
the most common language of the text that inherits it. That text
(`inherited_text`) is the text nodes of the element and of descendants without a lang of
their own, plus their accessible names from markup (alt, aria-label, aria-labelledby,
aria-describedby, button values), plus the document title for the html element, leaving out
what is hidden by markup. The saved DOM has no computed styles, so text hidden by a
stylesheet is counted: one more reason to fail only when the evidence is overwhelming.

Languages are identified with py3langid (a maintained fork of langid.py: BSD, 4.6 MB, its
model inside the package, ~90 MB in memory, ~2 ms a text). Compared on store phrases and
sentences in 16 languages, it was as accurate as lingua in high-accuracy mode (which needs
~1 GB of memory with every language) and better than lingua's low-accuracy mode, langdetect
and pycld2 on 2-5 word texts, and its probabilities stay low on text that fits several
languages or none (product names), where langdetect and pycld2 claim certainty.

`language_verdict` fails only a text of `FAIL_WORDS`+ words that the identifier places in
another language with `FAIL_CONFIDENCE` while giving the declared language at most 0.1%:
short or name-heavy texts never reach that. `Thresholds` names each bar, so that a check
needing higher ones (language-of-parts) raises them rather than judging on its own.
Languages the identifier confuses with each other (Norwegian and Danish,
Serbian/Croatian/Bosnian, Malay and Indonesian, Czech and Slovak, Dutch and Afrikaans, ...)
are never a mismatch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from lxml.html import HtmlElement
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from a11y_audit.check import Verdict, cant_tell, failed, passed
from a11y_audit.judge.dom import hidden_by_markup, is_hidden, normalise_space

__all__ = [
    "FAIL_CONFIDENCE",
    "FAIL_WORDS",
    "MIN_WORDS",
    "Guess",
    "Thresholds",
    "identify",
    "inherited_text",
    "language_verdict",
    "primary_subtag",
    "word_count",
]

MIN_WORDS = 3
"""Texts shorter than this are not judged at all: single words and names defeat identification."""
FAIL_WORDS = 6
FAIL_CONFIDENCE = 0.95

_EQUAL = {"nb": "no", "nn": "no", "sh": "sr", "yue": "zh", "wuu": "zh"}
"""Codes of one macrolanguage or written language, folded to one (zh-Hant, zh-yue: Chinese)."""
_CLOSE = (
    frozenset({"no", "da"}),
    frozenset({"sr", "hr", "bs", "me"}),
    frozenset({"ms", "id"}),
    frozenset({"cs", "sk"}),
    frozenset({"nl", "af", "fy"}),
    frozenset({"es", "gl", "ca", "pt", "an", "ast", "ext", "oc"}),
    frozenset({"fr", "oc", "wa", "ht", "gcf", "gcr"}),
    frozenset({"en", "pcm", "sco"}),
    frozenset({"de", "lb", "gsw"}),
    frozenset({"it", "vec", "lij"}),
    frozenset({"ru", "uk", "be"}),
    frozenset({"bg", "mk"}),
    frozenset({"hi", "ur", "mr", "ne"}),
    frozenset({"fa", "tg", "ps"}),
    frozenset({"ar", "ary", "arz"}),
    frozenset({"tl", "fil"}),
)
"""Languages close enough for the identifier to confuse on ordinary text: never a mismatch."""
_NOT_EVIDENCE = frozenset({"zxx", "la", "grc", "hbo", "sa", "eo", "vo"})
"""No language, or dead and constructed ones: what lorem ipsum and code look like to the model."""
_NOT_TEXT = frozenset({"script", "style", "template", "noscript", "head", "select", "datalist"})
"""Not text in the element's language: code, and a control's list of choices (a language
picker names every language in itself, a country list is names), which would outvote the
page's own words."""
_NOT_PROSE = _NOT_TEXT | {"code", "pre", "kbd", "samp", "svg", "math"}
"""Computer text and notation: no human language to identify in a passage."""
_NAMED_BY_VALUE = frozenset({"button", "submit", "reset"})
_WORD = re.compile(r"\w*[^\W\d_]\w*")
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
"""Thai, kana and Han: scripts written without spaces between words."""


@dataclass(frozen=True, slots=True)
class Thresholds:
    """How much evidence each verdict of `language_verdict` needs.

    The defaults judge the text a lang attribute covers (ACT off6ek, ucwvc8): the author made
    a claim about that text, so a few clear words can refute it. A check that looks for
    passages with no lang at all (language-of-parts) judges every block of every page
    against an inherited language nobody chose for it, so it asks for more.
    """

    min_words: int = MIN_WORDS
    """Texts shorter than this get no verdict at all (not even passed)."""
    fail_words: int = FAIL_WORDS
    fail_confidence: float = FAIL_CONFIDENCE
    """A failure needs this many words, identified as another language with this probability..."""
    declared_at_most: float = 0.001
    """...while the declared language is all but impossible, not merely less likely."""
    review_confidence: float = 0.7
    review_declared_at_most: float = 0.05
    """A cantTell needs another language this likely and the declared one at most this likely."""


@dataclass(frozen=True, slots=True)
class Guess:
    """The identifier's ranking of a text: most likely language first, with probabilities."""

    ranking: tuple[tuple[str, float], ...]
    words: int

    @property
    def language(self) -> str:
        return self.ranking[0][0]

    @property
    def confidence(self) -> float:
        return self.ranking[0][1]

    def probability(self, language: str) -> float:
        """How likely the text is in a language (summed over its codes: nb and nn are no)."""
        return sum(share for code, share in self.ranking if _EQUAL.get(code, code) == language)


@cache
def _identifier() -> LanguageIdentifier:
    """Loaded once per process, on the first text to identify (the model takes a second)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=4096)
def identify(text: str) -> Guess:
    """The identifier's ranking of a text's language, and the text's length in words."""
    ranking = tuple(
        (_EQUAL.get(str(code), str(code)), float(share)) for code, share in _identifier().rank(text)
    )
    return Guess(ranking, word_count(text))


def word_count(text: str) -> int:
    """Words with a letter (not prices or sizes); unspaced scripts count two characters a word."""
    count = 0
    for word in _WORD.findall(text):
        unspaced = len(_UNSPACED.findall(word))
        count += max(1, unspaced // 2) if unspaced else 1
    return count


def primary_subtag(value: str | None) -> str:
    """The language a lang attribute names: its primary subtag, lower-cased and folded.

    "" when the value names none the identifier knows: empty, a grandfathered tag (i-lux), an
    ISO 639-2 code such as "eng" that the subtag registry does not list, or nonsense. Then
    the rules do not apply. Underscores are read as hyphens ("en_GB" is still English).
    """
    primary = re.split(r"[-_]", (value or "").strip().lower())[0]
    code = _EQUAL.get(primary, primary)
    return code if code in _known() else ""


@cache
def _known() -> frozenset[str]:
    return frozenset(_EQUAL.get(str(code), str(code)) for code in _identifier().nb_classes) - _NOT_EVIDENCE


def _close(one: str, other: str) -> bool:
    return one == other or any(one in group and other in group for group in _CLOSE)


def inherited_text(element: HtmlElement, *, document_title: bool = False, prose: bool = False) -> str:
    """The text inheriting its programmatic language from an element (ACT's definition).

    Text nodes and markup-given accessible names of the element and of descendants with no
    lang of their own, skipping hidden parts; text that names an element through
    aria-labelledby counts for that element even when hidden or in another lang, as
    assistive technologies read it there. With `document_title`, the page title too. With
    `prose`, only the passage as written: its text nodes, without names from markup (alt
    text, labels pulled from elsewhere) or code, preformatted text and notation.
    """
    root = element.getroottree().getroot()
    parts: list[str] = []
    if document_title:
        parts.extend(str(title) for title in root.xpath("/html/head/title[1]//text()"))
    skipped = _NOT_PROSE if prose else _NOT_TEXT

    def collect(node: HtmlElement, top: bool) -> None:
        if not isinstance(node.tag, str) or node.tag in skipped or hidden_by_markup(node):
            return
        if not top and (node.get("lang") or "").strip():
            return
        if not prose:
            parts.extend(_markup_names(node, root))
        parts.append(node.text or "")
        for child in node:
            collect(child, False)
            parts.append(child.tail or "")

    if not is_hidden(element):
        collect(element, True)
    return normalise_space(" ".join(parts))


def _markup_names(node: HtmlElement, root: HtmlElement) -> list[str]:
    """Accessible name and description that markup gives (content-given names are text nodes)."""
    names = [node.get("aria-label") or ""]
    if node.tag in ("img", "area") or (node.tag == "input" and node.get("type") == "image"):
        names.append(node.get("alt") or "")
    if node.tag == "input" and (node.get("type") or "").lower() in _NAMED_BY_VALUE:
        names.append(node.get("value") or "")
    for attribute in ("aria-labelledby", "aria-describedby"):
        for ident in (node.get(attribute) or "").split():
            referenced = root.xpath("//*[@id=$ident]", ident=ident)
            if referenced:
                names.extend(str(text) for text in referenced[0].xpath(".//text()[not(ancestor::script)]"))
    return names


def language_verdict(
    declared: str, text: str, subject: str, *, thresholds: Thresholds = Thresholds(), unmarked: bool = False
) -> Verdict | None:
    """Whether a text is in the declared language; None when the text cannot tell.

    `subject` names what declares the language in messages ('<html lang="da">'). `unmarked`
    says the text has no lang of its own but inherits `subject`'s: the remedy is then to mark
    the text, not to correct `subject`.
    """
    if word_count(text) < thresholds.min_words:
        return None  # before identifying: most blocks of a page are names, prices and buttons
    guess = identify(text)
    found = guess.language
    if found in _NOT_EVIDENCE:
        return None
    if found == declared:
        return passed(f"the text reads as '{declared}', as {subject} says")
    if _close(found, declared):
        return None
    likely = guess.probability(declared)
    certainty = f"{guess.confidence:.0%} likely; '{declared}': {likely:.1%}"
    if (
        guess.words >= thresholds.fail_words
        and guess.confidence >= thresholds.fail_confidence
        and likely <= thresholds.declared_at_most
    ):
        remedy = "add" if unmarked else "set"
        target = " to the passage" if unmarked else ""
        return failed(
            f"its {guess.words} words read as '{found}' ({certainty}) but {subject} says '{declared}': "
            f"screen readers will pronounce them with the wrong language's rules; {remedy} "
            f'lang="{found}"{target} (or the language the text is really in)'
        )
    if guess.confidence >= thresholds.review_confidence and likely <= thresholds.review_declared_at_most:
        remedy = "mark the passage with its lang" if unmarked else "correct the lang attribute"
        return cant_tell(
            f"its {guess.words} words may be in '{found}' ({certainty}), not '{declared}' as {subject} "
            f"says: if so, {remedy}"
        )
    return None
