from __future__ import annotations

import re

from a11y_audit.judge.page_templates import template_for


def test_slug_and_id_segments_collapse_to_one_template() -> None:
    assert template_for("https://s.test/products/linen-shirt") == "/products/*"
    assert template_for("https://s.test/products/sku123") == "/products/*"
    assert template_for("https://s.test/p/4711/blue") == "/p/*/blue"


def test_home_and_fixed_paths_keep_their_shape_and_queries_are_ignored() -> None:
    assert template_for("https://s.test/") == "/"
    assert template_for("https://s.test/checkout/shipping") == "/checkout/shipping"
    assert template_for("https://s.test/category/shoes-2?page=2") == "/category/*"
    assert template_for("https://s.test/account/orders") == "/account/orders"


def test_a_one_word_slug_after_a_collection_word_is_a_slug() -> None:
    assert template_for("https://s.test/products/overshirt") == "/products/*"
    assert template_for("https://s.test/category/women?page=2") == "/category/*"
    assert template_for("https://s.test/Collections/Sale") == "/Collections/*"
    assert template_for("https://s.test/blogs/news/spring") == "/blogs/*/*"
    assert template_for("https://s.test/p/4711/blue") == "/p/*/blue"  # only the handle itself
    assert template_for("https://s.test/cart") == "/cart"


def test_configured_patterns_win() -> None:
    patterns = (("product", re.compile(r"/products?/")),)
    assert template_for("https://s.test/products/linen-shirt", patterns) == "product"
    assert template_for("https://s.test/cart", patterns) == "/cart"
