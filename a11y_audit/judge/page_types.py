"""What kind of store page this is, read from the page itself, so priorities follow what a page
does whatever its URLs look like.

A store's product pages may live at `/catalogue/<slug>_<id>/`, `/p/123` or `/shoes/blue-runner`;
what makes one a product page is what it shows: schema.org `Product` data, an `og:type` of
product, a buy box (an add-to-cart form with its quantity). A listing shows many add-to-cart
controls or an `ItemList`; a cart shows quantity fields for its lines and a way to checkout;
checkout asks for payment card details, or an address beside the order's totals; sign-in and
registration pages ask for a password in their main content (not in a header drop-down); a
search results page shows the query the URL carries.

Each kind comes with the signals that decided it, recorded in results.json, so a person can
see why a page is "checkout". Configured `[flows]` still win (a11y_audit.judge.priority), and a
page with no signal falls back to the URL patterns. Kinds are the names of the default flows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from lxml.html import HtmlElement

from a11y_audit.judge.dom import accessible_name, is_hidden, normalise_space, text_of

__all__ = ["PageType", "recognise"]


@dataclass(frozen=True, slots=True)
class PageType:
    """A page's kind (a default flow's name, or None when nothing tells) and why."""

    kind: str | None = None
    signals: tuple[str, ...] = ()


_ADD_TO_CART = re.compile(
    r"\badd\s+to\s+(?:the\s+|my\s+|your\s+)?(?:cart|basket|bag|trolley)\b|\bin\s+den\s+warenkorb\b"
    r"|\bajouter\s+au\s+panier\b|\bañadir\s+al\s+carrito\b|\bin\s+winkelwagen\b|\bbuy\s+now\b",
    re.IGNORECASE,
)
_ADD_TO_CART_ACTION = re.compile(r"(?:cart|basket|bag)/add|add[-_]?to[-_]?(?:cart|basket|bag)", re.IGNORECASE)
_QUANTITY = re.compile(r"(?:^|[-_\[])(?:quantity|qty)(?:$|[-_\]])", re.IGNORECASE)
_CHECKOUT = re.compile(r"\bcheck\s?out\b|\bkasse\b|\bcommander\b", re.IGNORECASE)
_ORDER_TOTALS = re.compile(
    r"\b(?:order\s+(?:total|summary)|sub-?total|basket\s+total|cart\s+total)\b", re.IGNORECASE
)
_CARD_FIELD = re.compile(r"card[-_]?(?:number|num|no)\b|\bcc[-_]?(?:number|num)|\bcvc\b|\bcvv\b", re.I)
_ADDRESS_FIELD = re.compile(
    r"(?:^|[-_])(?:line1|address1|address_1|street|postcode|post_code|zip)(?:$|[-_])", re.I
)
_SEARCH_PARAMETERS = frozenset({"q", "s", "query", "search", "keyword", "keywords", "term", "text"})
# Where a site's chrome lives: a header drop-down's sign-in form is on every page.
_CHROME = (
    "ancestor-or-self::header or ancestor-or-self::nav or ancestor-or-self::footer"
    " or ancestor-or-self::dialog or ancestor-or-self::*[@role='banner' or @role='navigation'"
    " or @role='contentinfo' or @role='dialog']"
)
_PRODUCT_TYPES = frozenset({"Product", "ProductGroup", "IndividualProduct", "ProductModel"})
_LISTING_TYPES = frozenset({"ItemList", "OfferCatalog", "CollectionPage"})


def recognise(root: HtmlElement, url: str) -> PageType:
    """The page's kind and the signals for it, strongest evidence first."""
    for rule in (_checkout, _cart, _sign_in, _search, _product, _listing):
        found = rule(root, url)
        if found.kind is not None:
            return found
    return PageType()


def _checkout(root: HtmlElement, _url: str) -> PageType:
    card = [
        field
        for field in _fields(root)
        if _autocomplete(field).startswith("cc-") or _named(field, _CARD_FIELD)
    ]
    if card:
        return PageType("checkout", (f"{len(card)} payment card field(s)",))
    address = [field for field in _fields(root) if _is_address_field(field)]
    if address and _ORDER_TOTALS.search(_main_text(root)):
        return PageType("checkout", (f"{len(address)} address field(s)", "the order's totals beside them"))
    return PageType()


def _cart(root: HtmlElement, _url: str) -> PageType:
    quantities = [
        field
        for field in _fields(root)
        if _named(field, _QUANTITY)
        and (field.get("type") or "text").lower() in ("text", "number", "tel")
        and not _in_buy_form(field)
    ]
    if not quantities:
        return PageType()
    onward = [
        control
        for control in root.xpath("//a[@href] | //button | //input[@type='submit']")
        if not is_hidden(control)
        and (_CHECKOUT.search(_control_words(control)) or "checkout" in (control.get("href") or "").lower())
    ]
    if not onward:
        return PageType()
    return PageType("cart", (f"quantity fields for {len(quantities)} line(s)", "a way to checkout"))


def _sign_in(root: HtmlElement, _url: str) -> PageType:
    passwords = [
        field
        for field in root.xpath("//input[@type='password']")
        if not is_hidden(field) and not field.xpath(_CHROME)
    ]
    if not passwords:
        return PageType()
    tokens = {_autocomplete(field) for field in passwords}
    if "new-password" in tokens or len(passwords) > 1:
        return PageType("sign-in", ("a registration form (new password) in the main content",))
    return PageType("sign-in", ("a password field in the main content",))


def _search(root: HtmlElement, url: str) -> PageType:
    query = next(
        (value.strip() for key, value in parse_qsl(urlsplit(url).query) if key.lower() in _SEARCH_PARAMETERS),
        "",
    )
    if not query:
        return PageType()
    shown = " ".join(
        [
            normalise_space(" ".join(node.text_content() for node in root.xpath("//title | //h1"))),
            " ".join(field.get("value") or "" for field in root.xpath("//input[@type='search' or @name]")),
        ]
    )
    if query.lower() not in shown.lower():
        return PageType()
    return PageType("search", (f"the URL's search query {query[:40]!r} shown on the page",))


def _product(root: HtmlElement, _url: str) -> PageType:
    types = list(_schema_types(root))
    if sum(kind in _PRODUCT_TYPES for kind in types) == 1 and not _LISTING_TYPES & set(types):
        return PageType("product", ("schema.org Product data",))
    og_type = root.xpath("string(//meta[@property='og:type']/@content)").strip().lower()
    if og_type in ("product", "og:product", "product.item"):
        return PageType("product", (f"og:type {og_type}",))
    buy_forms = [form for form in _add_to_cart_forms(root) if _has_quantity_or_options(form)]
    if len(buy_forms) == 1:
        return PageType("product", ("an add-to-cart form with its quantity or options",))
    return PageType()


def _listing(root: HtmlElement, _url: str) -> PageType:
    types = list(_schema_types(root))
    if _LISTING_TYPES & set(types) or sum(kind in _PRODUCT_TYPES for kind in types) >= 3:
        return PageType("category", ("schema.org list of products",))
    controls = len(list(_add_to_cart_controls(root)))
    if controls >= 3:
        return PageType("category", (f"{controls} add-to-cart controls",))
    return PageType()


# -- evidence ------------------------------------------------------------------------------


def _fields(root: HtmlElement) -> Iterator[HtmlElement]:
    for field in root.xpath("//input[not(@type='hidden')] | //select | //textarea"):
        if not is_hidden(field):
            yield field


def _autocomplete(field: HtmlElement) -> str:
    """The field's autofill token (the last one: 'shipping address-line1' -> 'address-line1')."""
    tokens = (field.get("autocomplete") or "").lower().split()
    return tokens[-1] if tokens else ""


def _named(field: HtmlElement, pattern: re.Pattern[str]) -> bool:
    return any(pattern.search(field.get(attribute) or "") for attribute in ("name", "id"))


def _is_card_field(field: HtmlElement) -> bool:
    return _autocomplete(field).startswith("cc-") or _named(field, _CARD_FIELD)


def _is_address_field(field: HtmlElement) -> bool:
    token = _autocomplete(field)
    return token in ("address-line1", "street-address", "postal-code") or _named(field, _ADDRESS_FIELD)


def _main_text(root: HtmlElement) -> str:
    main = root.xpath("//main | //*[@role='main']")
    return text_of(main[0]) if main else text_of(root)


def _control_words(control: HtmlElement) -> str:
    return f"{accessible_name(control)} {control.get('value') or ''}"


def _add_to_cart_controls(root: HtmlElement) -> Iterator[HtmlElement]:
    """Visible controls that put a product in the cart, one per form (a form with two buttons
    for one product is one product)."""
    seen: set[HtmlElement] = set()
    for control in root.xpath("//button | //input[@type='submit' or @type='button'] | //*[@role='button']"):
        form = next(control.iterancestors("form"), None)
        action = form.get("action") if form is not None else ""
        if is_hidden(control) or not (
            _ADD_TO_CART.search(_control_words(control)) or _ADD_TO_CART_ACTION.search(action or "")
        ):
            continue
        owner = form if form is not None else control
        if owner not in seen:
            seen.add(owner)
            yield control


def _add_to_cart_forms(root: HtmlElement) -> list[HtmlElement]:
    forms = (next(control.iterancestors("form"), None) for control in _add_to_cart_controls(root))
    return [form for form in forms if form is not None]


def _in_buy_form(field: HtmlElement) -> bool:
    form = next(field.iterancestors("form"), None)
    return form is not None and any(True for _ in _add_to_cart_controls(form))


def _has_quantity_or_options(form: HtmlElement) -> bool:
    """A buy box: the product's quantity (even a hidden 1) or its options (size, colour)."""
    return any(_named(field, _QUANTITY) for field in form.iter("input", "select")) or bool(
        form.xpath(".//select | .//input[@type='radio']")
    )


def _schema_types(root: HtmlElement) -> Iterator[str]:
    """schema.org types the page declares, in JSON-LD and microdata (malformed JSON is skipped:
    page content is untrusted and often hand-written)."""
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        yield from _json_ld_types(data)
    for itemtype in root.xpath("//*[@itemtype]/@itemtype"):
        for value in str(itemtype).split():
            yield value.rstrip("/").rsplit("/", 1)[-1]


def _json_ld_types(data: object) -> Iterator[str]:
    if isinstance(data, list):
        for item in data:
            yield from _json_ld_types(item)
    elif isinstance(data, dict):
        kind = data.get("@type")
        for value in kind if isinstance(kind, list) else [kind]:
            if isinstance(value, str):
                yield value.rsplit("/", 1)[-1]
        yield from _json_ld_types(data.get("@graph"))
