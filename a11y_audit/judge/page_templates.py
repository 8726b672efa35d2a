"""Guess which page template a URL belongs to, so one defect on 500 product pages reads as one.

A crawl decides a page's template from its rendered DOM (a11y_audit.judge.dom_templates) and
uses the URL's shape only to name those templates, or for a page that has no DOM.

Configured patterns win; otherwise the URL's shape is used: the first path segment is kept
and deeper segments that look like slugs or ids (digits, hyphens, long words) become '*'.
Query strings never change the template: /category/shoes?page=2 is still a category page.

A one-word slug looks like a fixed path (/products/overshirt beside /checkout/shipping), so
a segment is also '*' when the segment before it is a collection word: a path word that shop
systems and CMSs put before the handle of one item (Shopify /products/<handle>,
/collections/<handle>, /blogs/<blog>/<article>, /pages/<handle>; WooCommerce /product/<slug>,
/product-category/<slug>; /p/, /c/, /category/ and /brand/ schemes). One-word slugs at the
top level (/shoes) cannot be told from fixed pages (/cart) by shape: configure a pattern.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from urllib.parse import urlsplit

__all__ = ["configured_template", "template_for"]

_VARIABLE_SEGMENT = re.compile(r"\d|-|_|\.|^.{25,}$|%")
_COLLECTION_WORDS = frozenset(
    {
        "article", "articles", "blog", "blogs", "brand", "brands", "c", "categories", "category",
        "collection", "collections", "item", "items", "news", "p", "pages", "post", "posts",
        "product", "product-category", "products", "tag", "tags",
    }
)  # fmt: skip


def configured_template(url: str, patterns: Sequence[tuple[str, re.Pattern[str]]]) -> str | None:
    """The name of the first configured (name, regex) pattern the URL matches, if any."""
    return next((name for name, pattern in patterns if pattern.search(url)), None)


def template_for(url: str, patterns: Sequence[tuple[str, re.Pattern[str]]] = ()) -> str:
    """Template name for a URL: the first matching (name, regex) pattern, else its shape."""
    configured = configured_template(url, patterns)
    if configured is not None:
        return configured
    segments = [segment for segment in urlsplit(url).path.split("/") if segment]
    if not segments:
        return "/"
    shaped = [segments[0]] + [
        "*" if _VARIABLE_SEGMENT.search(segment) or previous.lower() in _COLLECTION_WORDS else segment
        for previous, segment in pairwise(segments)
    ]
    return "/" + "/".join(shaped)
