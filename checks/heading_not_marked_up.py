"""Text styled as a heading that is not marked up as one (WCAG 1.3.1, failure F2, technique H42).

A sighted shopper sees a short line in large or bold type over a paragraph and reads it as
the heading of what follows; a screen reader user who jumps by headings never reaches it,
and hears it as one more paragraph. Judged from the rendered page (the `visual_structure`
artifact): short blocks of text (ten words at most, no sentence-final punctuation, some
letters) all of whose text is at least 1.2 times the body text's size or bolder than it.

Not judged: text in a heading already (passed: styled and marked up), links, buttons, form
labels (and text that names a control by aria-labelledby), legends, captions, quotes,
tables, lists, menus and navigation, page header and footer chrome, hidden text (the
gatherer leaves out visually hidden and off-screen text), prices, ratings and other
figures, and text that heads nothing: a failure needs a block of body text, a list or a
table right below it, aligned with it, that it visibly introduces. Failed when it is much
larger (1.4 times, axe's own size margin), or larger and bold in the size and weight of a
marked-up heading of the same page (its own convention for headings); needs review when it
is only bold, only a little larger, larger and bold in a style no heading of the page has
(a status such as "Out of stock" as often as a heading), or ends with a colon (often a
label of what follows).
axe-core's `p-as-heading` judges bold or large <p> elements followed by a <p>, but it is experimental and
not run by the tool's WCAG tags (a11y_audit.judge.axe_results drops it when this check runs,
so an element is reported once).
https://www.w3.org/WAI/WCAG21/Techniques/failures/F2
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from a11y_audit.artifacts.kinds import VISUAL_STRUCTURE
from a11y_audit.artifacts.visual_structure import HeadingStyle, NextBlock, StyledBlock
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.commons import target_of
from a11y_audit.model import Impact

_NOT_HEADINGS = frozenset({"control", "caption", "table", "list", "menu", "hidden", "chrome", "label"})
"""Where large or bold text is something else (a link, a cell, a menu, the page's chrome)."""
_CONTENT_KINDS = frozenset({"list", "table"})
"""What a heading may introduce besides body text."""
_SENTENCE_END = re.compile(r"[.!?\u2026\u3002]$")
_PRICE = re.compile(
    r"[$£€¥₹]\s?\d|\d\s?[$£€¥₹]|\b(?:USD|EUR|GBP)\b|^\W*(?:from\s+)?[\d.,]+\W*$", re.IGNORECASE
)
_WORD = re.compile(r"[^\W\d_]{2,}")
_MUCH_LARGER = 1.4
_LARGER = 1.2
_BOLD = 600
_BODY_TEXT = 40
"""Characters of the block below that make it body text a heading can introduce."""


class HeadingNotMarkedUp(WholePageCheck):
    meta = CheckMeta(
        id="heading-not-marked-up",
        title="Text styled as a heading is marked up as a heading",
        failure_title="Text styled as a heading is not marked up as one",
        description=(
            "Short text set larger or bolder than the body text, over the paragraph, list or table it "
            "introduces, is a heading to anyone who sees it; without <h2>-<h6> (or role=heading with "
            "aria-level) screen reader users cannot jump to it or hear the page's outline. Mark it up as a "
            "heading of the right level (technique H42). Judged from the rendered fonts: failed when the "
            "text is 1.4 times the body size, or 1.2 times and bold like a marked-up heading of the page, "
            "and sits right above body text; needs review when it is only bold or a little larger, or ends "
            "with a colon. Links, buttons, labels, "
            "captions, table cells, list items, menus, page header and footer, prices and hidden text are "
            "not judged."
        ),
        wcag=("1.3.1",),
        impact=Impact.MODERATE,
        requires=("dom", VISUAL_STRUCTURE),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        structure = page.artifact(VISUAL_STRUCTURE)
        body, body_weight = float(structure["bodySize"] or 0), int(structure["bodyWeight"] or 400)
        verdicts: dict[Target, Verdict] = {}
        for block in structure["styled"]:
            verdict = _verdict(block, body, body_weight, structure["headings"]) if body > 0 else None
            if verdict is not None:
                verdicts[target_of(block)] = verdict
        return verdicts


def _verdict(
    block: StyledBlock, body: float, body_weight: int, headings: Sequence[HeadingStyle]
) -> Verdict | None:
    """The verdict on one block styled larger or bolder than body text; None: not judged."""
    inside = set(block["inside"])
    if "heading" in inside:
        return passed(f"{_quoted(block)} is styled as a heading and marked up as one")
    text = block["text"].strip()
    if inside & _NOT_HEADINGS or _SENTENCE_END.search(text) or _is_figure(text):
        return None
    following = block["next"]
    if following is None or not _introduces(block, following):
        return None
    ratio = block["size"] / body
    bold = block["weight"] >= _BOLD > body_weight
    alike = _styled_like(block, headings)
    looks = f"{_quoted(block)} ({_style(block, ratio, bold)}) sits over {_described(following)}"
    if alike is not None:
        looks += f", styled like the heading {alike!r}"
    fix = "mark it up as a heading (<h2>-<h6> of the right level) so screen reader users can find it"
    if text.endswith(":"):
        return cant_tell(f"{looks} and ends with a colon: if it is a heading, {fix}; a label needs none")
    if ratio >= _MUCH_LARGER or (ratio >= _LARGER and bold and alike is not None):
        return failed(f"{looks} but is not a heading: {fix}")
    return cant_tell(f"{looks}: if it reads as the heading of what follows, {fix}; emphasis needs none")


def _is_figure(text: str) -> bool:
    """A price, a rating ("4.5 out of 5"), a count: figures rather than words."""
    characters = [char for char in text if char.isalnum()]
    digits = sum(char.isdigit() for char in characters)
    return bool(_PRICE.search(text)) or not _WORD.search(text) or digits >= 0.3 * len(characters)


def _styled_like(block: StyledBlock, headings: Sequence[HeadingStyle]) -> str | None:
    """The text of a marked-up heading of the page in the same font size and weight, if any:
    the page's own convention says what a heading looks like there."""
    for heading in headings:
        if abs(heading["size"] - block["size"]) <= 1 and abs(heading["weight"] - block["weight"]) < 200:
            return heading["text"][:40]
    return None


def _introduces(block: StyledBlock, following: NextBlock) -> bool:
    """The next block is body text, a list or a table right below the styled one, in smaller or
    plainer type: what a heading introduces (a block beside it, or another styled line, is not)."""
    if set(following["inside"]) & (_NOT_HEADINGS - _CONTENT_KINDS) or "heading" in following["inside"]:
        return False
    below = block["bottom"] - 2 <= following["top"] <= block["bottom"] + max(3 * block["size"], 48)
    below = below and abs(following["left"] - block["left"]) <= max(2 * block["size"], 48)
    plainer = following["size"] < block["size"] - 0.5 or following["weight"] < block["weight"]
    content = following["chars"] >= _BODY_TEXT or bool(set(following["inside"]) & _CONTENT_KINDS)
    return below and plainer and content


def _style(block: StyledBlock, ratio: float, bold: bool) -> str:
    size = f"{block['size']:g} px, {ratio:.1f} times the body text" if ratio >= 1.05 else "body size"
    return f"{size}{', bold' if bold else ''}"


def _described(following: NextBlock) -> str:
    kinds = set(following["inside"]) & _CONTENT_KINDS
    kind = "a list" if "list" in kinds else "a table" if kinds else f"a <{following['tag']}> of body text"
    return f"{kind} ({following['text'][:40]!r})"


def _quoted(block: StyledBlock) -> str:
    return repr(block["text"][:60])
