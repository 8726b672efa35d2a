"""Text contrast where axe-core cannot tell: decided from the pixels behind each character.

axe-core reports text over a background image, a gradient or an overlapping element as
incomplete: it computes one background colour and there is none. ACT rule afw4f7 (WCAG 1.4.3)
compares, for each visible character, the *highest possible contrast* between its foreground
pixels (those that change with the CSS color) and its background pixels (all the others in
its box, text shadows included) with 4.5:1, or 3:1 for large text. The `text_backgrounds`
gatherer photographs the box of each character with the text made transparent and keeps its
darkest and lightest pixel (and channel bounds, for translucent text). From those:

- **failed** when even the most favourable pairing gives less than the threshold for one
  visible character of text that has a letter or digit (the rule's expectation fails for that
  character, whatever the rest of the text does);
- **passed** when every character was measured, nothing covered it, and even the least
  favourable background pixel gives at least the threshold;
- otherwise needs review, as axe said: some pixels pass and some fail, and legibility is a
  person's call (the rule's Background; Understanding 1.4.3 on background images, F83).

Text that is as light as its whole background (under `INVISIBLE`) is not visible and not
judged (the rule's assumption on text of the background's colour); text under opacity, a
filter, a mask or blending, or over an image still loading, cannot be told from its colour and the
picture, so it keeps axe's needs review.
https://www.w3.org/WAI/WCAG21/Understanding/contrast-minimum.html
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from a11y_audit.artifacts.text_backgrounds import CharacterBackground, TextBackground
from a11y_audit.judge.commons import Colour, css_colour, luminance, over
from a11y_audit.model import Outcome

__all__ = [
    "DECIDABLE_REASONS",
    "INVISIBLE",
    "TextContrast",
    "decidable",
    "has_words",
    "is_large",
    "judge_text",
]

DECIDABLE_REASONS = frozenset(
    {
        "bgImage", "bgGradient", "bgOverlap", "elmPartiallyObscured", "elmPartiallyObscuring",
        "pseudoContent", "complexTextShadows", "fgAlpha", "outsideViewport",
    }
)  # fmt: skip
"""axe's reasons (its check data's messageKey) for an incomplete color-contrast that are about
what is behind the text, which a picture shows. Not the others: equal colours (invisible
text), images of text, text too short or without letters to be language, an empty field."""
NORMAL, LARGE = 4.5, 3.0
"""WCAG 1.4.3's minimum contrast ratios."""
INVISIBLE = 1.1
"""A character whose highest possible contrast is below this is not visible text (the rule
assumes text of its background's colour is not presentation of text): never failed."""
_LARGE_PX, _LARGE_BOLD_PX, _BOLD = 24.0, 18.66, 700
"""Large scale text: at least 18 point (24 CSS px), or 14 point (18.66 px) and bold."""


@dataclass(frozen=True, slots=True)
class TextContrast:
    """The judgement of one element's text: the outcome and what it rests on, in words."""

    outcome: Outcome
    reason: str


def decidable(node: dict[str, Any]) -> bool:
    """axe left this color-contrast node incomplete because of what is behind the text."""
    return any(
        isinstance(check.get("data"), dict) and check["data"].get("messageKey") in DECIDABLE_REASONS
        for check in node.get("any") or []
    )


def has_words(text: str) -> bool:
    """The text has a letter or a digit: it may express something in human language."""
    return any(unicodedata.category(char)[0] in "LN" for char in text)


def is_large(font_px: float, font_weight: int) -> bool:
    """Large scale text as WCAG defines it (18pt, or 14pt bold)."""
    return font_px >= _LARGE_PX or (font_px >= _LARGE_BOLD_PX and font_weight >= _BOLD)


def judge_text(text: TextBackground) -> TextContrast:
    """Failed, passed or cantTell for one element's own text (module docstring)."""
    colour = css_colour(text["colour"])
    if text["composited"] or colour is None:
        painted = "its text is painted with opacity, a filter, a mask, blending or other colours"
        return TextContrast(Outcome.CANT_TELL, painted)
    if text["loading"]:
        return TextContrast(Outcome.CANT_TELL, "an image behind the text had not loaded")
    needed = LARGE if is_large(text["font_px"], text["font_weight"]) else NORMAL
    ranges = [(box, _highest(colour, box), _lowest(colour, box)) for box in text["characters"]]
    failing = [(box, high) for box, high, _ in ranges if INVISIBLE <= high < needed and not box["covered"]]
    if failing and has_words(text["text"]):
        box, high = max(failing, key=lambda item: item[1])
        return TextContrast(
            Outcome.FAILED,
            f"the highest possible contrast of {box['char']!r} with the pixels behind it is "
            f"{high:.2f}:1, under the {needed}:1 WCAG 1.4.3 asks for "
            f"({len(failing)} of the {len(ranges)} characters measured fall short)",
        )
    whole = len(ranges) == len(text["text"]) and ranges
    if whole and all(low >= needed and not box["covered"] for box, _, low in ranges):
        low = min(low for _, _, low in ranges)
        return TextContrast(Outcome.PASSED, f"every pixel behind the text gives at least {low:.2f}:1")
    return TextContrast(
        Outcome.CANT_TELL,
        f"some pixels behind the text give {needed}:1 and others do not: check that it is readable",
    )


def _foreground(colour: Colour, box: CharacterBackground) -> tuple[float, float]:
    """Bounds of the luminance of the text's pixels: its colour over the background's darkest
    and lightest channels (exact for opaque text; translucent text mixes with what is behind)."""
    if colour[3] >= 1:
        return luminance(colour), luminance(colour)
    low = over(colour, (*map(float, box["low"]), 1.0))
    high = over(colour, (*map(float, box["high"]), 1.0))
    return luminance(low), luminance(high)


def _highest(colour: Colour, box: CharacterBackground) -> float:
    """At least the highest possible contrast of the character (afw4f7): darkest text pixel
    against lightest background pixel, or lightest text pixel against darkest background."""
    dark, light = _foreground(colour, box)
    behind_dark, behind_light = luminance(box["darkest"]), luminance(box["lightest"])
    return max((behind_light + 0.05) / (dark + 0.05), (light + 0.05) / (behind_dark + 0.05), 1.0)


def _lowest(colour: Colour, box: CharacterBackground) -> float:
    """The contrast of the text with its least favourable background pixel, or less (a bound
    from below: 1 when the text's luminance falls within the background's)."""
    dark, light = _foreground(colour, box)
    behind_dark, behind_light = luminance(box["darkest"]), luminance(box["lightest"])
    if dark > behind_light:
        return (dark + 0.05) / (behind_light + 0.05)
    if light < behind_dark:
        return (behind_dark + 0.05) / (light + 0.05)
    return 1.0
