"""Page kinds read from the page, whatever the URL: the evidence each kind needs, and what is
not enough (chrome repeated on every page)."""

from __future__ import annotations

import pytest

from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.page_types import PageType, recognise
from a11y_audit.judge.priority import Criticality, Flow, PriorityPolicy

HEADER = """<header><form action="/search/"><input type="search" name="q"><button>Search</button></form>
<div class="dropdown"><form action="/login/" method="post"><input type="email" name="login-username">
<input type="password" name="login-password"><button>Log in</button></form></div>
<a href="/basket/">Basket</a> <a href="/checkout/">Checkout</a></header>"""

BUY_BOX = """<form action="/basket/add/1/" method="post"><input type="hidden" name="quantity" value="1">
<button type="submit">Add to basket</button></form>"""

CARD = """<article><h3>{name}</h3><form action="/basket/add/{n}/" method="post">
<button type="submit">Add to basket</button></form></article>"""


def kind(body: str, url: str = "https://shop.test/anything/x_12/") -> PageType:
    return recognise(parse_dom(f"<html><body>{HEADER}<main>{body}</main></body></html>"), url)


def test_a_buy_box_makes_a_product_page_whatever_its_url() -> None:
    found = kind(f"<h1>The Silent Harbour</h1><p>£9.99</p>{BUY_BOX}")
    assert found.kind == "product" and "add-to-cart form" in found.signals[0]


def test_a_product_page_with_related_products_is_still_a_product() -> None:
    related = "".join(CARD.format(name=f"Other {n}", n=n) for n in range(2, 8))
    assert kind(f"<h1>Linen shirt</h1>{BUY_BOX}<section>{related}</section>").kind == "product"


LD = '<script type="application/ld+json">{}</script>'


@pytest.mark.parametrize(
    "markup",
    [
        LD.format('{"@context": "https://schema.org", "@type": "Product"}'),
        LD.format('{"@graph": [{"@type": "BreadcrumbList"}, {"@type": ["Product"]}]}'),
        '<div itemscope itemtype="https://schema.org/Product"><h1>Shirt</h1></div>',
    ],
)
def test_structured_data_declares_a_product(markup: str) -> None:
    assert kind(markup) == PageType("product", ("schema.org Product data",))


def test_og_type_product_in_the_head() -> None:
    root = parse_dom(
        '<html><head><meta property="og:type" content="product"></head><body><h1>x</h1></body></html>'
    )
    assert recognise(root, "https://shop.test/x").kind == "product"


def test_many_add_to_cart_controls_make_a_listing() -> None:
    cards = "".join(CARD.format(name=f"Book {n}", n=n) for n in range(12))
    assert kind(f"<h1>Fiction</h1>{cards}") == PageType("category", ("12 add-to-cart controls",))


def test_malformed_json_ld_is_skipped_not_fatal() -> None:
    assert kind('<script type="application/ld+json">{"@type": "Product",</script><p>x</p>').kind is None


def test_quantity_fields_for_lines_and_a_way_to_checkout_make_a_cart() -> None:
    lines = "".join(
        f'<tr><td>Book {n}</td><td><input type="number" name="form-{n}-quantity" value="1"></td></tr>'
        for n in range(3)
    )
    found = kind(
        f'<form method="post"><table>{lines}</table></form><a href="/checkout/">Proceed to checkout</a>'
    )
    assert found == PageType("cart", ("quantity fields for 3 line(s)", "a way to checkout"))


def test_payment_card_fields_make_checkout() -> None:
    found = kind('<form><input autocomplete="cc-number" name="card"><input name="cvc"></form>')
    assert found.kind == "checkout" and found.signals == ("2 payment card field(s)",)


def test_an_address_with_the_orders_totals_is_checkout_but_an_address_book_is_not() -> None:
    address = (
        '<form><input name="line1" autocomplete="shipping address-line1"><input id="id_postcode"></form>'
    )
    assert kind(f"{address}<aside>Order total £19.98</aside>").kind == "checkout"
    assert kind(f"<h1>Add a new address</h1>{address}").kind is None


def test_a_password_in_the_main_content_is_sign_in_but_one_in_the_header_is_not() -> None:
    assert kind("<h1>Shipping and returns</h1><p>We ship.</p>").kind is None  # header login only
    login = '<form method="post"><input type="email" name="u"><input type="password" name="p"></form>'
    assert kind(login) == PageType("sign-in", ("a password field in the main content",))
    register = '<form><input type="password" autocomplete="new-password"><input type="password"></form>'
    assert kind(register).signals == ("a registration form (new password) in the main content",)


def test_the_urls_search_query_shown_on_the_page_is_search() -> None:
    cards = "".join(CARD.format(name=f"Linen {n}", n=n) for n in range(4))
    found = kind(f"<h1>Results for “linen”</h1>{cards}", "https://shop.test/find/?q=linen&page=2")
    assert found == PageType("search", ("the URL's search query 'linen' shown on the page",))
    assert kind(f"<h1>Shirts</h1>{cards}", "https://shop.test/c/shirts?q=linen").kind == "category"


def test_the_kind_names_the_flow_but_configured_flows_win() -> None:
    policy = PriorityPolicy()
    assert policy.flow_of("https://shop.test/catalogue/x_1/", None, "product").name == "product"
    assert policy.flow_of("https://shop.test/catalogue/x_1/", None, None).name == "content"
    assert policy.flow_of("https://shop.test/basket/", None, None).name == "cart"  # the URL still counts
    gifts = PriorityPolicy(flows=(Flow("gift-cards", Criticality.HIGH, ("/gift",)),))
    assert gifts.flow_of("https://shop.test/gift/x_1/", None, "product").name == "gift-cards"
    mine = PriorityPolicy(flows=(Flow("product", Criticality.NORMAL, ("/p/",)),))
    assert mine.flow_of("https://shop.test/catalogue/x_1/", None, "product").criticality is Criticality.NORMAL
