"""Meaningful content inserted with CSS ::before or ::after (WCAG 1.3.1, failure F87).

Text a stylesheet inserts ("New", "Note: ", "Sale") is not in the HTML: it disappears when
styles are turned off or replaced (reader modes, user style sheets) and cannot be selected.
F87 made any such non-decorative content a failure, but the W3C now marks F87 obsolete:
browsers expose generated text to assistive technology (it is part of the accessibility tree
and of accessible names), so it "does not always constitute a failure". What is certain is
words shown on screen that the author removed from the accessibility tree with an empty
alternative text (`content: "New" / ""`): information in the presentation that is not
programmatically determinable (1.3.1). Judged from the rendered page (the `visual_structure`
artifact): the computed `content` of every visible pseudo-element.

Failed: words (two letters or more) given an empty alternative text, not already in the
element's own text, aria-label or title. Needs review: other words not already there (still
lost without CSS), numbers (a count on a bag icon, a step number), currency symbols, check
and cross marks, and an asterisk (a required field's mark; passed when the field it labels is
required in code). Not judged: quotes, bullets, arrows,
separators, clearfix, CSS counters of lists, icon fonts (private-use characters or an icon
font family; whether an icon has a name is for other rules), hidden pseudo-elements and
text generated for screen readers only (visually hidden).
https://www.w3.org/WAI/WCAG21/Techniques/failures/F87
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from a11y_audit.artifacts.kinds import VISUAL_STRUCTURE
from a11y_audit.artifacts.visual_structure import Generated
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.commons import target_of
from a11y_audit.judge.dom import normalise_space
from a11y_audit.judge.engine import keep_worst
from a11y_audit.model import Impact

_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})\s?|(.))")
_ICON_FONT = re.compile(
    r"icon|awesome|material|symbol|glyph|dashicons|feather|linearicons|themify|remixicon|phosphor|fontello|"
    r"ionicons|octicons|bootstrap-icons|lucide|boxicons|entypo|typicons|genericons|\bfa\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{2,}")
_MARKS = frozenset("✓✔✗✘☐☑☒")


class CssGeneratedContent(WholePageCheck):
    meta = CheckMeta(
        id="css-generated-content",
        title="Meaningful content is in the HTML, not inserted with CSS",
        failure_title="Meaningful content is inserted with CSS ::before/::after",
        description=(
            "Words that a stylesheet inserts with ::before or ::after ('New', 'Note:', 'Sale') are lost "
            "when styles are off or replaced (F87). Put the words in the HTML (styled as before) and keep "
            "CSS content for decoration. Failed when the words are shown but given an empty alternative "
            "text (content: 'New' / ''), so screen readers skip them; needs review for other words not "
            "already in the element's text or label (browsers expose them, so W3C marks F87 obsolete), "
            "numbers, currency symbols, check marks and asterisks of fields not required in code. Quotes, "
            "bullets, arrows, separators and icon fonts are decoration and not judged."
        ),
        wcag=("1.3.1",),
        impact=Impact.MODERATE,
        requires=("dom", VISUAL_STRUCTURE),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        verdicts: dict[Target, Verdict] = {}
        for item in page.artifact(VISUAL_STRUCTURE)["generated"]:
            verdict = _verdict(item)
            if verdict is not None:  # ::before and ::after of one element: the worst counts
                keep_worst(verdicts, target_of(item), verdict)
        return verdicts


def generated_text(content: str) -> tuple[str, str | None]:
    """The text of a computed `content` value and its alternative text (after a "/" outside
    the strings; None when there is none): strings joined, CSS escapes decoded; quote
    keywords, counters and images give no text."""
    main, alternative = _split_alternative(content)
    text = "".join(_ESCAPE.sub(_unescape, part) for part in _STRING.findall(main))
    if alternative is None:
        return text, None
    return text, "".join(_ESCAPE.sub(_unescape, part) for part in _STRING.findall(alternative))


def _split_alternative(content: str) -> tuple[str, str | None]:
    """`content` cut at its first "/" outside a string: what is shown, and its alternative."""
    quoted = escaped = False
    for index, char in enumerate(content):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == "/" and not quoted:
            return content[:index], content[index + 1 :]
    return content, None


def _unescape(match: re.Match[str]) -> str:
    """A CSS escape's character (Chromium serialises most characters as themselves)."""
    code, character = match.group(1), match.group(2)
    if code is None:
        return character or ""
    number = int(code, 16)
    return chr(number) if 0 < number <= 0x10FFFF else "\ufffd"


def _verdict(item: Generated) -> Verdict | None:
    """The verdict on one pseudo-element's content; None when it is decoration or not shown."""
    if not item["visible"] or item["srOnly"] or _ICON_FONT.search(item["fontFamily"]):
        return None
    shown, alternative = generated_text(item["content"])
    text = normalise_space(shown)
    if not text or any(unicodedata.category(char) == "Co" for char in text):
        return None
    where = f"{item['which']} inserts {text[:60]!r}"
    fix = "put it in the HTML (styled as it is now); keep CSS content for decoration"
    if not _WORD.search(text):
        return _symbol_verdict(item, text, where, fix)
    own = normalise_space(f"{item['text']} {item['label']}").lower()
    if text.lower().strip(" :()[]-") in own:
        return passed(f"{where}, which repeats the element's own text or label")
    if alternative is not None and not alternative.strip() and "hidden" not in item["inside"]:
        return failed(
            f"{where} on screen but gives it an empty alternative text, so screen readers skip the "
            f"words: {fix}, or give it an alternative text that says the same"
        )
    return cant_tell(
        f"{where}: generated words are lost when styles are off or replaced and cannot be selected "
        f"(F87, which browsers' support has made obsolete as a failure); if they carry information, {fix}"
    )


def _symbol_verdict(item: Generated, text: str, where: str, fix: str) -> Verdict | None:
    """Numbers, currency, check marks and asterisks may carry information; the rest is decoration."""
    if text.strip() == "*":
        if item["requiredControl"]:
            return passed(f"{where} on the label of a field that is required in code")
        return cant_tell(
            f"{where}: if it marks a required field, make the field required in code "
            "(required or aria-required) and say what the asterisk means"
        )
    if any(char.isdigit() for char in text) and text.strip() not in normalise_space(item["text"]):
        return cant_tell(f"{where}: if the number carries information (a count, a step), {fix}")
    if any(unicodedata.category(char) == "Sc" for char in text) or set(text) & _MARKS:
        return cant_tell(f"{where}: if the symbol carries information (a currency, yes or no), {fix}")
    return None
