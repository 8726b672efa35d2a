"""Images whose alt text is a file name or a placeholder rather than a text alternative.

Failure F30 of WCAG 1.1.1: "text alternatives that are not alternatives (e.g.,
filenames or placeholder text)". CMSs and page builders produce these when an editor
leaves the alt field to its default. The name judged is the one users get: aria-label over
alt, and the aria-label of svg, canvas and role=img images (ACT rule qt1vmo); an image
inside a link, button or image named by the author is not judged, since that name replaces
the image's. Only names that cannot describe any image fail (a file name, or a word of
a11y_audit.judge.placeholders' IMAGE_PLACEHOLDERS); whether another name fits the image
takes a person.
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
# Roles whose name, when not given by the author, comes from their content (and an image's
# children are presentational): an author's name on them hides the images inside.
_NAMED_FROM_CONTENT = frozenset(
    {"link", "button", "menuitem", "menuitemcheckbox", "menuitemradio", "tab", "option", "checkbox",
     "radio", "switch", "treeitem", "img"}
)  # fmt: skip
_IMAGES = (
    "//img[@alt or @aria-label] | //input[@type='image'][@alt or @aria-label] | //area[@alt or @aria-label] "
    "| //svg[@aria-label] | //canvas[@aria-label] | //*[@role='img'][@aria-label]"
)


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
            for image in page.elements(_IMAGES)
            if image_name(image)[1] and not is_hidden(image) and not _named_by_ancestor(image)
        ]

    def expect(self, element: HtmlElement, page: Page) -> Verdict:
        source, alt = image_name(element)
        words = placeholder_key(alt)
        if _EXTENSION.search(alt) or _CAMERA.match(alt) or alt == _src_stem(element):
            return failed(f"{source} {alt!r} is a file name: describe what the image shows")
        if words in IMAGE_PLACEHOLDERS:
            return failed(
                f'{source} {alt!r} is a placeholder: describe what the image shows, or use alt="" '
                "if it is decorative"
            )
        if words == "logo":
            # Not certainly wrong: the logo's owner may be named right next to it. But a
            # logo's text alternative is normally the name in it ("Fern & Field").
            return cant_tell(f"{source} 'logo' does not say whose logo it is: use the name it shows")
        if _ASSET_NAME.match(alt):
            return cant_tell(f"{source} {alt!r} looks like an asset name: check that it describes the image")
        if _repeats_adjacent_text(element, alt):
            # Not a 1.1.1 failure (the alternative is still right), but it is read twice;
            # H2 combines image and text with alt="" when the image shows nothing more.
            return cant_tell(
                f"{source} {alt!r} repeats the text next to it (link or caption): if the image "
                'shows nothing more, use alt=""'
            )
        return passed()


def image_name(image: HtmlElement) -> tuple[str, str]:
    """Where the image's text alternative comes from and what it is: aria-label wins over alt
    (accessible name computation), and svg, canvas and role=img elements have only aria-label."""
    label = normalise_space(image.get("aria-label") or "")
    if label:
        return "aria-label", label
    return "alt text", normalise_space(image.get("alt") or "")


def _named_by_ancestor(image: HtmlElement) -> bool:
    """Inside a link, button, control or image named by aria-label or aria-labelledby: that
    name replaces its content's, so the image's own name is not what users get (ACT qt1vmo).
    A landmark's or group's name does not replace its content, so it does not count."""
    return any(
        (ancestor.get("aria-label") or "").strip() or (ancestor.get("aria-labelledby") or "").strip()
        for ancestor in image.iterancestors()
        if _role(ancestor) in _NAMED_FROM_CONTENT
    )


def _role(element: HtmlElement) -> str:
    roles = (element.get("role") or "").split()
    if roles:
        return roles[0]
    if element.tag == "a" and element.get("href") is not None:
        return "link"
    return "button" if element.tag == "button" else ""


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
