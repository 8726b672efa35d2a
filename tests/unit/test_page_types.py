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


# As React stores render them (EverShop 2.2.1): quantity only as a number between -/+ buttons,
# "Sub total" in two words, a checkout button, field names with dots.
STEPPER_LINE = """<div class="cart-item"><a href="/books/the-silent-harbour-b00000">The Silent Harbour</a>
<div>$31.51</div><div class="inline-flex"><button disabled><svg aria-hidden="true"></svg></button>
<span>1</span><button><svg aria-hidden="true"></svg></button></div>
<button type="button"><svg aria-hidden="true"></svg>Remove</button></div>"""
SUMMARY = """<div class="cart-summary"><h2>Order summary</h2><div>Sub total</div>$31.51
<div>Total</div>$31.51<button type="button">Proceed to checkout</button></div>"""


def test_lines_without_quantity_fields_beside_the_totals_make_a_cart() -> None:
    found = kind(f"<h1>Shopping cart</h1>{STEPPER_LINE}{SUMMARY}")
    assert found == PageType(
        "cart", ("1 control(s) for the lines", "the order's totals", "a way to checkout")
    )


@pytest.mark.parametrize(
    "body",
    [
        # A wish list: remove buttons, but no totals and no way to checkout in it.
        "<h1>Wish list</h1><div>Linen shirt <button>Remove</button> <button>Add to cart</button></div>",
        # A product page behind an open mini-cart: the dialog's lines and totals are not the page's.
        f'<h1>Linen shirt</h1>{BUY_BOX}<div role="dialog">{STEPPER_LINE}{SUMMARY}</div>',
    ],
)
def test_remove_buttons_alone_or_in_a_mini_cart_are_not_a_cart(body: str) -> None:
    assert kind(body).kind != "cart"


@pytest.mark.parametrize("total", ["Sub total", "Subtotal", "Sub-total", "Zwischensumme", "Sous-total"])
def test_dotted_and_bracketed_address_names_beside_totals_make_checkout(total: str) -> None:
    fields = (
        '<input name="shippingAddress.full_name"><input name="shippingAddress.address_1">'
        '<input name="shippingAddress.postcode"><input name="billing[zip]">'
    )
    found = kind(f"<form>{fields}</form><aside><div>{total}</div>$31.51</aside>")
    assert found.kind == "checkout" and found.signals[0] == "3 address field(s)"


def test_the_page_behind_an_open_modal_keeps_its_kind() -> None:
    """A mini-cart opened after adding a product makes the page behind it aria-hidden."""
    page = f"""<html><body>{HEADER}<main aria-hidden="true"><h1>Linen shirt</h1>{BUY_BOX}</main>
    <div role="dialog" aria-modal="true"><p>Added</p><button>Checkout</button></div></body></html>"""
    assert recognise(parse_dom(page), "https://shop.test/x").kind == "product"


def test_a_closed_aria_hidden_drawer_is_still_hidden() -> None:
    drawer = (
        '<div class="drawer" aria-hidden="true"><input type="number" name="qty-1" value="1">'
        '<a href="/checkout">Checkout</a></div>'
    )
    assert kind(f"<h1>About us</h1>{drawer}").kind is None


ACCOUNT_NAV = """<nav class="account-nav"><a href="/account/orders">Orders</a>
<a href="/account/addresses">Addresses</a><a href="/logout">Log out</a></nav>"""


@pytest.mark.parametrize(
    ("body", "signals"),
    [
        (
            "<h1>My account</h1><button>Log out</button><h2>Recent orders</h2><p>None yet</p>"
            "<h2>Address book</h2><button>Add new address</button>",
            (
                "a heading naming the customer's account",
                "sections: address book, recent orders",
                "a way to sign out",
            ),
        ),
        (
            f"<h1>Mein Konto</h1>{ACCOUNT_NAV}<p>Hallo</p>",
            ("a heading naming the customer's account", "sections: addresses", "a way to sign out"),
        ),
        (
            "<h1>Order History</h1><table><tr><td>#100023</td></tr></table>"
            '<a href="/accounts/logout/">Logout</a>',
            ("a heading naming an account section ('Order History')", "a way to sign out"),
        ),
    ],
)
def test_an_account_page_shows_the_customers_account(body: str, signals: tuple[str, ...]) -> None:
    assert kind(body) == PageType("account", signals)


@pytest.mark.parametrize(
    "body",
    [
        "<h1>Order history</h1><p>Track an order by its number.</p>",  # no sign-out: anyone's page
        "<h1>My account</h1><p>Please sign in.</p>",  # nothing of an account in it
        "<h1>Our addresses</h1><p>Shops in Leeds and York.</p><a href='/logout'>Log out</a>",
    ],
)
def test_account_words_alone_do_not_make_an_account_page(body: str) -> None:
    assert kind(body).kind is None


def test_an_account_page_belongs_to_the_sign_in_flow() -> None:
    policy = PriorityPolicy()
    assert policy.flow_of("https://shop.test/me/", None, "account").name == "sign-in"
    mine = PriorityPolicy(flows=(Flow("account", Criticality.HIGH, ("/nothing",)),))
    assert mine.flow_of("https://shop.test/me/", None, "account").name == "account"
