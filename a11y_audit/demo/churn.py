"""The `churn` variant: the broken store as the next release of a real store would render it.

Every defect is still there, but everything a fingerprint must ignore has changed: each build
generates new class names (emotion-style `css-<hash>` classes next to the stable ones), the
product listings are in another order, product names and prices differ, and asset and image
URLs carry cache-busting query strings. Names and prices keep their length (words rotated,
prices moved by 10% within the same number of digits), so rendered checks (reflow, text
spacing) see the same layout: a longer name that really overflows would be a real change.
A baseline made from the broken store must still match every issue here
(tests/browser/test_gate_variants.py): churn is not a regression.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import TypeVar

from .catalog import PRODUCTS

__all__ = ["churn_html", "churn_order"]

T = TypeVar("T")
_BUILD = "churn-build-2"
"""Seed of this 'release': the generated class names and cache-busting versions derive from it."""
_CLASS = re.compile(r'class="([^"]*)"')
_PRICE = re.compile(r"([£€$])(\d[\d,]*)\.(\d\d)")
_ASSET = re.compile(r'((?:src|href)="/(?:static|media)/[^"?]+)"')
_NAMES = {
    product.name: " ".join([*product.name.split()[1:], product.name.split()[0]]) for product in PRODUCTS
}
_NAME = re.compile("|".join(re.escape(name) for name in sorted(_NAMES, key=len, reverse=True)))


def churn_order(items: Sequence[T]) -> list[T]:
    """Listings in another order (newest first, say): reversed."""
    return list(reversed(items))


def churn_html(html: str) -> str:
    """Rename products, reprice, regenerate class names and version asset URLs in a page."""
    html = _NAME.sub(lambda match: _NAMES[match.group(0)], html)
    html = _PRICE.sub(_reprice, html)
    html = _CLASS.sub(_with_generated_class, html)
    return _ASSET.sub(lambda match: f'{match.group(1)}?v={_digest("asset")[:8]}"', html)


def _reprice(match: re.Match[str]) -> str:
    """Prices 10% up (45.00 -> 49.50), or down where up would add a digit (95.00 -> 85.50)."""
    cents = int(match.group(2).replace(",", "")) * 100 + int(match.group(3))
    churned = cents * 11 // 10
    if len(str(churned)) != len(str(cents)):
        churned = cents * 9 // 10
    return f"{match.group(1)}{churned // 100:,}.{churned % 100:02d}"


def _with_generated_class(match: re.Match[str]) -> str:
    """A css-in-js style class per distinct class list, different in every build."""
    value = match.group(1)
    return f'class="{value} css-{_digest(value)[:6]}"' if value.strip() else match.group(0)


def _digest(text: str) -> str:
    return hashlib.sha256(f"{_BUILD}\x1f{text}".encode()).hexdigest()
