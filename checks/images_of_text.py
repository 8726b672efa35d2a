"""Images that contain text that could be real text (WCAG 1.4.5), for SVG images whose words can be read.

Reads the `svg_text` artifact (a11y_audit/browser/gatherers/svg_text.py). A banner or
button drawn as an image of text cannot be resized without blurring, restyled (colours,
spacing, font), reflowed or translated by the people who need to; the Understanding
document asks for real text styled with CSS unless a particular presentation is essential.
Text in logos and brand names is essential by definition, so an image whose alt, classes
or file name say logo/brand, that sits in the site header's home link, or whose words are
the site's name passes. Every other image with words is cantTell: whether its presentation
is essential (a typeface sample, a screenshot, a diagram's labels) is for a person to say.
https://www.w3.org/WAI/WCAG21/Understanding/images-of-text.html
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from a11y_audit.artifacts.kinds import SVG_TEXT
from a11y_audit.artifacts.svg_text import SvgImage, SvgTexts
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, passed
from a11y_audit.model import Impact

LOGO_HINT = re.compile(r"logo|brand|wordmark|logotype", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]{2,}")
MIN_LETTERS = 3
"""Fewer letters than this (axis ticks, '1', 'x', '%') is not text anyone would set as HTML."""


def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def is_logo(item: SvgImage, site_names: Sequence[str]) -> bool:
    """An image whose text is a logo or brand name (exempt from 1.4.5)."""
    hints = " ".join(str(value or "") for value in (item["alt"], item["hints"], item["source"]))
    if LOGO_HINT.search(hints) or (item["homeLink"] and item["inBanner"]):
        return True
    words = _normal(" ".join(item["texts"] or []))
    return any(
        name and (_normal(name) in words or words in _normal(name)) for name in site_names if _normal(name)
    )


def words_of(item: SvgImage) -> str:
    """The image's text when it holds real words, else ''."""
    text = " ".join(str(part) for part in item["texts"] or [])
    return text if sum(len(word) for word in WORD.findall(text)) >= MIN_LETTERS else ""


def image_verdict(item: SvgImage, site_names: Sequence[str]) -> Verdict | None:
    """The verdict on one SVG image; None when it holds no words (or could not be read)."""
    text = words_of(item)
    if not text:
        return None
    shown = text if len(text) <= 100 else text[:99] + "\u2026"
    if is_logo(item, site_names):
        return passed(f"the text '{shown}' is part of a logo or brand name (exempt)")
    if item["kind"] == "inline":
        return cant_tell(
            f"the inline SVG draws the text '{shown}': SVG text does not wrap or follow text spacing; "
            f"use HTML text styled with CSS unless this presentation is essential (a chart label may be)"
        )
    return cant_tell(
        f"the image contains the text '{shown}': use real text styled with CSS unless the presentation is "
        f"essential (people cannot resize, restyle or translate text in an image)"
    )


def verdicts(artifact: SvgTexts) -> dict[Target, Verdict]:
    site_names = [str(name) for name in artifact["siteNames"] or []]
    found: dict[Target, Verdict] = {}
    for item in artifact["images"] or []:
        verdict = image_verdict(item, site_names) if item["selector"] else None
        if verdict is not None:
            found.setdefault(Target(str(item["selector"]), str(item["snippet"] or "")), verdict)
    return found


class ImagesOfText(WholePageCheck):
    meta = CheckMeta(
        id="images-of-text",
        title="Text is real text, not an image of text",
        failure_title="An image contains text that could be real text",
        description=(
            "Text inside an image (a sale banner, a styled heading, a button drawn as a picture) cannot be "
            "enlarged without blurring, restyled with other colours, fonts or spacing, reflowed on a small "
            "screen or translated. Use HTML text styled with CSS; images of text are only for logos and "
            "where the presentation is essential. The check reads the words of SVG images, which are "
            "markup: same-origin SVGs shown by <img>, <object> and CSS backgrounds are fetched (bounded in "
            "number, size and time) and inline <svg> is read from the page. An image with words is cantTell "
            "(whether its presentation is essential is for a person to judge); one whose alt, classes or "
            "file name say logo/brand, that sits in the header's home link, or whose words are the site's "
            "name passes. It cannot read text in raster images (PNG, JPEG, WebP: that would need OCR), in "
            "cross-origin SVGs or in SVG text converted to outlines."
        ),
        wcag=("1.4.5",),
        impact=Impact.MODERATE,
        requires=("dom", SVG_TEXT),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(SVG_TEXT))
