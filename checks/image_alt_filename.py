"""Images whose alt text is a file name or a placeholder rather than a text alternative.

Failure F30 of WCAG 1.1.1: "text alternatives that are not alternatives (e.g.,
filenames or placeholder text)". CMSs and page builders produce these when an editor
leaves the alt field to its default.
https://www.w3.org/WAI/WCAG21/Understanding/non-text-content.html
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from a11y_audit.check import CheckMeta, Page, PageCheck, Verdict, cant_tell, failed, passed
from a11y_audit.judge.dom import is_hidden, normalise_space, text_of
from a11y_audit.judge.placeholders import IMAGE_PLACEHOLDERS, placeholder_key
from a11y_audit.model import Impact

_EXTENSION = re.compile(r"\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic|ico)(\?.*)?$", re.IGNORECASE)
# Default names of cameras and phones: IMG_1234, DSC00012, DSCN0042, PXL_20230101_..., GOPR0001.
_CAMERA = re.compile(r"^(img|dsc[nf]?|dcim|pxl|gopr|mvimg|sam|photo|image)[_-]?\d{3,}", re.IGNORECASE)
# One "word" that mixes separators and digits (banner_01, hero-2x, product_123_large).
_ASSET_NAME = re.compile(r"^(?=\S*\d)(?=\S*[_-])\S+$")


class ImageAltFilename(PageCheck):
    meta = CheckMeta(
        id="image-alt-filename",
        title="Image alt text describes the image",
        failure_title="Image alt text is a file name or placeholder",
        description=(
            "Screen readers read alt text instead of showing the image, so 'IMG_1234.jpg' or "
            "'image' tells a blind shopper nothing about the product or the banner. Describe what "
            "the image shows or does (for a linked image: where the link goes); give purely "
            'decorative images alt="".'
        ),
        wcag=("1.1.1",),
        impact=Impact.SERIOUS,
    )

    def applicable(self, page: Page) -> Iterable[HtmlElement]:
        return [
            image
            for image in page.elements("//img[@alt] | //input[@type='image'][@alt] | //area[@alt]")
            if normalise_space(image.get("alt") or "") and not is_hidden(image)
        ]

    def expect(self, element: HtmlElement, page: Page) -> Verdict:
        alt = normalise_space(element.get("alt") or "")
        words = placeholder_key(alt)
        if _EXTENSION.search(alt) or _CAMERA.match(alt) or alt == _src_stem(element):
            return failed(f"alt text {alt!r} is a file name: describe what the image shows")
        if words in IMAGE_PLACEHOLDERS:
            return failed(
                f'alt text {alt!r} is a placeholder: describe what the image shows, or use alt="" '
                "if it is decorative"
            )
        if words == "logo":
            # Not certainly wrong: the logo's owner may be named right next to it. But a
            # logo's text alternative is normally the name in it ("Fern & Field").
            return cant_tell("alt text 'logo' does not say whose logo it is: use the name it shows")
        if _ASSET_NAME.match(alt):
            return cant_tell(f"alt text {alt!r} looks like an asset name: check that it describes the image")
        if _repeats_adjacent_text(element, alt):
            # Not a 1.1.1 failure (the alternative is still right), but it is read twice;
            # H2 combines image and text with alt="" when the image shows nothing more.
            return cant_tell(
                f"alt text {alt!r} repeats the text next to it (link or caption): if the image "
                'shows nothing more, use alt=""'
            )
        return passed()


def _src_stem(image: HtmlElement) -> str:
    """The file name of the image without extension, when it looks machine-made."""
    stem = PurePosixPath(urlsplit(image.get("src") or "").path).stem
    return stem if stem and " " not in stem and re.search(r"[\d_-]", stem) else "\0"


def _repeats_adjacent_text(image: HtmlElement, alt: str) -> bool:
    """The same words as the rest of the enclosing link or button, or the figure's caption."""
    container = next(image.iterancestors("a", "button"), None)
    if container is not None:
        adjacent = text_of(container).replace(alt, " ", 1)
    else:
        figure = next(image.iterancestors("figure"), None)
        captions = figure.findall("figcaption") if figure is not None else []
        adjacent = text_of(captions[0]) if captions else ""
    return normalise_space(adjacent).lower() == alt.lower()
