"""What kind of store page this is, read from the page itself, so priorities follow what a page
does whatever its URLs look like.

A store's product pages may live at `/catalogue/<slug>_<id>/`, `/p/123` or `/shoes/blue-runner`;
what makes one a product page is what it shows: schema.org `Product` data, an `og:type` of
product, a buy box (an add-to-cart form with its quantity). A listing shows many add-to-cart
controls or an `ItemList`; a cart shows quantity fields for its lines (or, where quantity is
only a number between -/+ buttons, controls to remove its lines beside the order's totals) and
a way to checkout; checkout asks for payment card details, or an address beside the order's
totals; sign-in and registration pages ask for a password in their main content (not in a
header drop-down); an account page is headed as the customer's account and shows their orders,
addresses or a way to sign out; a search results page shows the query the URL carries.

`aria-hidden` on the main content does not hide it here: an open modal (a mini-cart after
adding a product) hides the page behind it from assistive technology, not from sight, and the
page is still what it shows. Elsewhere it does (a closed drawer is often only `aria-hidden`).

Each kind comes with the signals that decided it, recorded in results.json, so a person can
see why a page is "checkout". Configured `[flows]` still win (a11y_audit.judge.priority), and a
page with no signal falls back to the URL patterns. Kinds are the names of the default flows,
but `account`, which belongs to the sign-in flow (as `/account` URLs do).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from lxml.html import HtmlElement

from a11y_audit.judge.dom import accessible_name, hidden_from_sight, normalise_space, text_of

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
    r"\b(?:order\s+(?:total|summary)|sub[-\s]?total|basket\s+total|cart\s+total|zwischensumme"
    r"|sous-total|subtotaal|bestell(?:übersicht|summe)|récapitulatif\s+de\s+(?:la\s+)?commande"
    r"|resumen\s+del\s+pedido)\b",
    re.IGNORECASE,
)
# What a cart line offers when its quantity is not a field: removing it, or -/+ with a name.
_LINE_CONTROL = re.compile(
    r"\b(?:remove|delete|decrease|increase|entfernen|löschen|supprimer|retirer|eliminar|quitar"
    r"|verwijderen)\b",
    re.IGNORECASE,
)
_CARD_FIELD = re.compile(r"card[-_]?(?:number|num|no)\b|\bcc[-_]?(?:number|num)|\bcvc\b|\bcvv\b", re.I)
# Separators as form libraries write nested names: `address_1`, `shipping[postcode]`,
# `shippingAddress.address_1`.
_ADDRESS_FIELD = re.compile(
    r"(?:^|[-_.\[])(?:line1|address1|address_1|street|postcode|post_code|postal_?code|zip(?:code)?)"
    r"(?:$|[-_.\]])",
    re.I,
)
_SEARCH_PARAMETERS = frozenset({"q", "s", "query", "search", "keyword", "keywords", "term", "text"})
_ACCOUNT_HEADING = re.compile(
    r"^(?:my|your)\s+account$|^account\s+(?:dashboard|overview)$|^mein\s+(?:kunden)?konto$"
    r"|^mon\s+compte$|^mi\s+cuenta$|^mijn\s+account$",
    re.IGNORECASE,
)
_ACCOUNT_SECTION = re.compile(
    r"\b(?:(?:my|recent|your)\s+orders|order\s+history|address\s+book|(?:my\s+|saved\s+)?addresses"
    r"|account\s+(?:information|details)|bestellungen|adressbuch|mes\s+commandes|mes\s+adresses"
    r"|mis\s+pedidos|mis\s+direcciones|mijn\s+bestellingen)\b",
    re.IGNORECASE,
)
_SIGN_OUT = re.compile(
    r"\b(?:log\s?out|log\s+off|sign\s?out|abmelden|ausloggen|déconnexion|se\s+déconnecter"
    r"|cerrar\s+sesión|uitloggen)\b",
    re.IGNORECASE,
)
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
    for rule in (_checkout, _cart, _sign_in, _account, _search, _product, _listing):
        found = rule(root, url)
        if found.kind is not None:
            return found
    return PageType()


def _checkout(root: HtmlElement, _url: str) -> PageType:
    card = [field for field in _fields(root) if _is_card_field(field)]
    if card:
        return PageType("checkout", (f"{len(card)} payment card field(s)",))
    address = [field for field in _fields(root) if _is_address_field(field)]
    if address and _ORDER_TOTALS.search(_main_text(root)):
        return PageType("checkout", (f"{len(address)} address field(s)", "the order's totals beside them"))
    return PageType()


def _cart(root: HtmlElement, _url: str) -> PageType:
    onward = [
        control
        for control in _controls(root)
        if _CHECKOUT.search(_control_words(control)) or "checkout" in (control.get("href") or "").lower()
    ]
    if not onward:
        return PageType()
    quantities = [
        field
        for field in _fields(root)
        if _named(field, _QUANTITY)
        and (field.get("type") or "text").lower() in ("text", "number", "tel")
        and not _in_buy_form(field)
        and not field.xpath(_CHROME)
    ]
    if quantities:
        return PageType("cart", (f"quantity fields for {len(quantities)} line(s)", "a way to checkout"))
    lines = [
        control
        for control in _controls(root)
        if not control.xpath(_CHROME) and _LINE_CONTROL.search(_control_words(control))
    ]
    if lines and _ORDER_TOTALS.search(_main_text(root)):
        return PageType(
            "cart", (f"{len(lines)} control(s) for the lines", "the order's totals", "a way to checkout")
        )
    return PageType()


def _sign_in(root: HtmlElement, _url: str) -> PageType:
    passwords = [
        field
        for field in root.xpath("//input[@type='password']")
        if not _hidden(field) and not field.xpath(_CHROME)
    ]
    if not passwords:
        return PageType()
    tokens = {_autocomplete(field) for field in passwords}
    if "new-password" in tokens or len(passwords) > 1:
        return PageType("sign-in", ("a registration form (new password) in the main content",))
    return PageType("sign-in", ("a password field in the main content",))


def _account(root: HtmlElement, _url: str) -> PageType:
    """Headed as the customer's account ("My account") with its sections or a way to sign out,
    or headed as one of its sections ("Order history") with a way to sign out."""
    headings = [
        text_of(heading, seen=True)
        for heading in root.xpath("//h1 | //h2 | //*[@role='heading']")
        if not _hidden(heading) and not heading.xpath(_CHROME)
    ]
    signs_out = any(_SIGN_OUT.search(_control_words(control)) for control in _controls(root))
    sign_out = ("a way to sign out",) if signs_out else ()
    if any(_ACCOUNT_HEADING.match(text) for text in headings):
        sections = _account_sections(root)
        evidence = (f"sections: {', '.join(sections[:3])}",) if sections else ()
        if evidence or sign_out:
            return PageType("account", ("a heading naming the customer's account", *evidence, *sign_out))
    section = next((text for text in headings if _ACCOUNT_SECTION.fullmatch(text)), None)
    if section and sign_out:
        return PageType("account", (f"a heading naming an account section ({section[:40]!r})", *sign_out))
    return PageType()


def _account_sections(root: HtmlElement) -> list[str]:
    """Account sections named by headings and links outside the site's header and footer."""
    return sorted(
        {
            normalise_space(match.group(0)).lower()
            for node in root.xpath("//h2 | //h3 | //h4 | //*[@role='heading'] | //a[@href]")
            if not _hidden(node) and not node.xpath("ancestor-or-self::header or ancestor-or-self::footer")
            for match in [_ACCOUNT_SECTION.search(text_of(node, seen=True))]
            if match
        }
    )


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


def _hidden(element: HtmlElement) -> bool:
    """Hidden by markup on it or an ancestor, but for `aria-hidden` on the main content or what
    holds it (the page behind an open modal is still in sight)."""
    for node in (element, *element.iterancestors()):
        if hidden_from_sight(node):
            return True
        if node.get("aria-hidden") == "true" and not node.xpath(_HOLDS_MAIN):
            return True
    return False


_HOLDS_MAIN = "self::main or @role='main' or .//main or .//*[@role='main']"


def _fields(root: HtmlElement) -> Iterator[HtmlElement]:
    for field in root.xpath("//input[not(@type='hidden')] | //select | //textarea"):
        if not _hidden(field):
            yield field


def _controls(root: HtmlElement) -> Iterator[HtmlElement]:
    for control in root.xpath("//a[@href] | //button | //input[@type='submit']"):
        if not _hidden(control):
            yield control


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
    return text_of(main[0], seen=True) if main else text_of(root)


def _control_words(control: HtmlElement) -> str:
    return f"{accessible_name(control)} {control.get('value') or ''}"


def _add_to_cart_controls(root: HtmlElement) -> Iterator[HtmlElement]:
    """Visible controls that put a product in the cart, one per form (a form with two buttons
    for one product is one product)."""
    seen: set[HtmlElement] = set()
    for control in root.xpath("//button | //input[@type='submit' or @type='button'] | //*[@role='button']"):
        form = next(control.iterancestors("form"), None)
        action = form.get("action") if form is not None else ""
        if _hidden(control) or not (
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
