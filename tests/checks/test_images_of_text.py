"""images-of-text judged over hand-written `svg_text` artifacts."""

from __future__ import annotations

from typing import Any, cast

from a11y_audit.artifacts.svg_text import SvgImage
from a11y_audit.checks.images_of_text import image_verdict, verdicts, words_of
from a11y_audit.model import Outcome


def image(**overrides: Any) -> SvgImage:
    base: dict[str, Any] = {
        "selector": "#banner",
        "snippet": "<img id=banner>",
        "kind": "img",
        "source": "https://shop.example/img/sale.svg",
        "texts": ["Summer sale", "Up to 30% off"],
        "unread": False,
        "alt": "Summer sale: up to 30% off",
        "hints": "promo__image",
        "homeLink": False,
        "inBanner": False,
        "hidden": False,
    }
    return cast(SvgImage, {**base, **overrides})


def outcome(item: SvgImage, *names: str) -> Outcome | None:
    verdict = image_verdict(item, list(names))
    return verdict.outcome if verdict else None


def test_an_svg_image_with_words_is_cant_tell_never_failed() -> None:
    verdict = image_verdict(image(), ["Fern & Field"])
    assert verdict is not None and verdict.outcome is Outcome.CANT_TELL
    assert "Summer sale Up to 30% off" in verdict.message


def test_logos_are_exempt() -> None:
    assert outcome(image(alt="Acme logo")) is Outcome.PASSED
    assert outcome(image(hints="site-header__brand")) is Outcome.PASSED
    assert outcome(image(source="https://shop.example/img/wordmark.svg", alt="")) is Outcome.PASSED
    assert outcome(image(homeLink=True, inBanner=True, alt="Home")) is Outcome.PASSED
    assert outcome(image(texts=["Maison Rue"], alt=""), "Maison Rue") is Outcome.PASSED
    # A home link outside the header is a banner like any other.
    assert outcome(image(homeLink=True)) is Outcome.CANT_TELL


def test_numbers_and_single_letters_are_not_text_to_set_in_html() -> None:
    assert words_of(image(texts=["40", "25%", "x"])) == ""
    assert outcome(image(texts=["40", "25%"])) is None
    assert outcome(image(texts=["NEW"])) is Outcome.CANT_TELL


def test_unread_or_wordless_images_are_not_judged_and_inline_svg_says_so() -> None:
    assert outcome(image(texts=[], unread=True)) is None
    inline = image_verdict(image(kind="inline", source=None, texts=["Shop the edit"]), [])
    assert inline is not None and inline.outcome is Outcome.CANT_TELL and "inline SVG" in inline.message


def test_verdicts_are_keyed_by_selector() -> None:
    found = verdicts({"images": [image(), image(selector="#logo", alt="logo")], "looked": 2, "siteNames": []})
    assert {target.selector: verdict.outcome for target, verdict in found.items()} == {
        "#banner": Outcome.CANT_TELL,
        "#logo": Outcome.PASSED,
    }
