"""Deterministic catalogue and page inventory of the demo store.

The data never changes between runs, so tests and golden reports can name exact pages, and the
inventory below is the single list that the routes, the sitemap and the defect manifest agree on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlencode

__all__ = [
    "CATEGORIES",
    "COLOURS",
    "CURRENCIES",
    "PAGE_SIZE",
    "PRODUCTS",
    "SEARCH_SUGGESTIONS",
    "Category",
    "Colour",
    "Currency",
    "Page",
    "Product",
    "category_colours",
    "category_url",
    "crawl_pages",
    "format_price",
    "listing",
    "page_count",
    "product_by_slug",
    "related_products",
    "search",
    "site_pages",
    "template_patterns",
]

Template = Literal["apparel", "accessory"]
PAGE_SIZE = 8
"""Products per listing page: small, so that two categories need a second page."""


@dataclass(frozen=True, slots=True)
class Colour:
    slug: str
    name: str
    hex: str


@dataclass(frozen=True, slots=True)
class Currency:
    code: str
    symbol: str
    rate: float
    """Units of this currency per 1 GBP (fixed, so prices are deterministic)."""


@dataclass(frozen=True, slots=True)
class Category:
    slug: str
    name: str
    blurb: str


@dataclass(frozen=True, slots=True)
class Product:
    slug: str
    name: str
    category: str
    template: Template
    price: int
    """Price in pence (GBP)."""
    colours: tuple[str, ...]
    shape: str
    """Silhouette used to draw the product's SVG images."""
    description: str
    material: str
    rating: int
    """Average rating times ten (45 means 4.5 stars)."""
    reviews: int
    sizes: tuple[str, ...] = ()
    sold_out: tuple[str, ...] = ()
    was_price: int | None = None

    @property
    def url(self) -> str:
        return f"/products/{self.slug}"


@dataclass(frozen=True, slots=True)
class Page:
    """One HTML page of the store and the template that renders it."""

    path: str
    template: str
    sitemap: Literal["pages", "products"] = "pages"
    journey: str | None = None
    """The journey of demo/journeys.toml that reaches the page, when only a journey can: a
    checkout step needs a filled bag and the order history a signed-in session, so neither
    is in the sitemap nor open to a crawler."""


COLOURS: dict[str, Colour] = {
    c.slug: c
    for c in (
        Colour("black", "Black", "#22262b"),
        Colour("blue", "Blue", "#2f5d8a"),
        Colour("beige", "Beige", "#d8c7a8"),
        Colour("green", "Green", "#4f6f52"),
        Colour("grey", "Grey", "#8a8f96"),
        Colour("brown", "Brown", "#7a4f2d"),
        Colour("white", "White", "#f4f1ea"),
    )
}

CURRENCIES: dict[str, Currency] = {
    c.code: c for c in (Currency("GBP", "£", 1.0), Currency("EUR", "€", 1.17), Currency("USD", "$", 1.27))
}

CATEGORIES: dict[str, Category] = {
    c.slug: c
    for c in (
        Category("women", "Women", "Easy linen, soft knits and tailoring that lasts."),
        Category("men", "Men", "Everyday shirts, chinos and outerwear made to be worn."),
        Category("accessories", "Accessories", "Bags, belts and hats to finish the look."),
    )
}

_APPAREL_SIZES = ("XS", "S", "M", "L", "XL")


def _apparel(
    slug: str,
    name: str,
    category: str,
    price: int,
    colours: tuple[str, ...],
    shape: str,
    material: str,
    description: str,
    rating: int,
    reviews: int,
    sold_out: tuple[str, ...],
    was_price: int | None = None,
) -> Product:
    return Product(
        slug=slug,
        name=name,
        category=category,
        template="apparel",
        price=price,
        colours=colours,
        shape=shape,
        description=description,
        material=material,
        rating=rating,
        reviews=reviews,
        sizes=_APPAREL_SIZES,
        sold_out=sold_out,
        was_price=was_price,
    )


def _accessory(
    slug: str,
    name: str,
    price: int,
    colours: tuple[str, ...],
    shape: str,
    material: str,
    description: str,
    rating: int,
    reviews: int,
    was_price: int | None = None,
) -> Product:
    return Product(
        slug=slug,
        name=name,
        category="accessories",
        template="accessory",
        price=price,
        colours=colours,
        shape=shape,
        description=description,
        material=material,
        rating=rating,
        reviews=reviews,
        was_price=was_price,
    )


# fmt: off
PRODUCTS: tuple[Product, ...] = (
    # Women
    _apparel("linen-shirt", "Relaxed Linen Shirt", "women", 4500, ("white", "blue"), "shirt",
             "100% European linen", "A breezy oversized shirt in washed linen with a curved hem.",
             46, 128, ("XS",)),
    _apparel("wrap-dress", "Jersey Wrap Dress", "women", 6900, ("black", "green"), "dress",
             "95% viscose, 5% elastane", "A fluid midi wrap dress with a tie waist.",
             44, 87, ("XL",)),
    _apparel("denim-jacket", "Cropped Denim Jacket", "women", 7500, ("blue",), "jacket",
             "100% organic cotton denim", "A boxy cropped jacket in mid-wash rigid denim.",
             42, 54, ("S", "XL")),
    _apparel("cashmere-jumper", "Cashmere Crew Jumper", "women", 12000, ("beige", "grey"),
             "jumper", "100% Grade-A cashmere", "A light, warm crew neck in pure cashmere.",
             48, 203, ("M",), was_price=14500),
    _apparel("wide-leg-trousers", "Wide-Leg Linen Trousers", "women", 5900, ("beige", "black"),
             "trousers", "100% linen", "High-rise trousers with a wide leg and pressed creases.",
             43, 66, ("XS", "XL")),
    _apparel("pleated-skirt", "Pleated Midi Skirt", "women", 5500, ("green",), "skirt",
             "100% recycled polyester", "A swishy midi skirt with sunray pleats.",
             41, 39, ("L",)),
    _apparel("cotton-tee", "Organic Cotton Tee", "women", 1800, ("white", "black"), "tee",
             "100% organic cotton", "The everyday tee: a soft, slightly boxy fit.",
             47, 412, ("XS",), was_price=2200),
    _apparel("quilted-gilet", "Quilted Gilet", "women", 6500, ("green",), "gilet",
             "Recycled nylon, recycled fill", "A lightweight layer with popper fastening.",
             40, 28, ("XS", "S")),
    _apparel("silk-blouse", "Washed Silk Blouse", "women", 8900, ("beige",), "shirt",
             "100% mulberry silk", "A sand-washed silk blouse with a soft collar.",
             45, 73, ("XL",)),
    _apparel("rib-cardigan", "Rib Knit Cardigan", "women", 5200, ("grey",), "jumper",
             "70% cotton, 30% wool", "A fitted ribbed cardigan with horn-effect buttons.",
             43, 91, ("M", "L")),
    _apparel("trench-coat", "Classic Trench Coat", "women", 14900, ("beige",), "coat",
             "Water-repellent cotton gabardine", "A double-breasted trench with a storm flap.",
             49, 158, ("XS",)),
    _apparel("jersey-joggers", "Jersey Joggers", "women", 3900, ("black",), "trousers",
             "Loopback organic cotton", "Tapered joggers with a drawcord waist.",
             44, 120, ("XL",)),
    # Men
    _apparel("oxford-shirt", "Oxford Button-Down Shirt", "men", 4900, ("blue", "white"), "shirt",
             "100% cotton oxford", "A button-down collar shirt in soft-washed oxford cloth.",
             46, 310, ("S",)),
    _apparel("chino-trousers", "Slim Chino Trousers", "men", 5500, ("beige", "black"),
             "trousers", "98% cotton, 2% elastane", "Slim chinos with a touch of stretch.",
             44, 187, ("XS", "XL")),
    _apparel("merino-jumper", "Merino Crew Jumper", "men", 7900, ("grey", "blue"), "jumper",
             "100% extra-fine merino", "A fine-gauge crew neck that layers under anything.",
             47, 142, ("L",), was_price=9500),
    _apparel("harrington-jacket", "Harrington Jacket", "men", 11000, ("green",), "jacket",
             "Cotton twill, tartan lining", "The classic Harrington with a check lining.",
             45, 64, ("XS",)),
    _apparel("selvedge-jeans", "Selvedge Straight Jeans", "men", 9900, ("blue",), "trousers",
             "14oz Japanese selvedge denim", "Straight-leg jeans in raw selvedge denim.",
             48, 96, ("XS", "S")),
    _apparel("polo-shirt", "Piqué Polo Shirt", "men", 3500, ("white", "green"), "tee",
             "100% cotton piqué", "A short-sleeved polo with a two-button placket.",
             42, 77, ("XL",)),
    _apparel("overshirt", "Wool-Blend Overshirt", "men", 8500, ("grey",), "shirt",
             "60% wool, 40% polyester", "A heavyweight overshirt with chest pockets.",
             43, 51, ("M",)),
    _apparel("hooded-sweatshirt", "Hooded Sweatshirt", "men", 5900, ("black", "grey"), "jumper",
             "Brushed-back organic cotton", "A roomy hoodie with a kangaroo pocket.",
             46, 233, ("XS",)),
    _apparel("wool-overcoat", "Wool Overcoat", "men", 19900, ("black",), "coat",
             "80% wool, 20% cashmere", "A single-breasted overcoat cut to fit over knitwear.",
             49, 47, ("S", "XL")),
    _apparel("linen-shorts", "Linen Drawstring Shorts", "men", 3900, ("beige", "blue"), "shorts",
             "100% linen", "Relaxed shorts with a drawstring waist and deep pockets.",
             41, 58, ("XL",)),
    # Accessories
    _accessory("leather-belt", "Leather Belt", 3500, ("brown", "black"), "belt",
               "Vegetable-tanned leather, brass buckle", "A 3 cm belt that softens with wear.",
               47, 139),
    _accessory("canvas-tote", "Canvas Tote Bag", 2900, ("beige",), "tote",
               "Heavy cotton canvas", "A roomy tote with an inside zip pocket.", 45, 244),
    _accessory("wool-beanie", "Ribbed Wool Beanie", 2500, ("grey", "black"), "beanie",
               "100% lambswool", "A warm turn-up beanie in chunky rib.", 46, 175,
               was_price=3000),
    _accessory("bucket-hat", "Cotton Bucket Hat", 2400, ("beige",), "hat",
               "Cotton twill", "A packable bucket hat with stitched brim.", 42, 61),
    _accessory("crossbody-bag", "Leather Crossbody Bag", 8900, ("brown", "black"), "bag",
               "Full-grain leather", "A compact bag with an adjustable strap.", 48, 93),
    _accessory("silk-scarf", "Printed Silk Scarf", 4900, ("beige",), "scarf",
               "100% silk twill", "A 90 cm square scarf with hand-rolled edges.", 44, 37),
    _accessory("leather-wallet", "Leather Card Wallet", 3200, ("brown",), "wallet",
               "Full-grain leather", "A slim wallet with six card slots.", 46, 118),
    _accessory("weekender-bag", "Canvas Weekender Bag", 11500, ("black",), "bag",
               "Waxed canvas, leather trims", "A holdall sized for two nights away.", 47, 52),
)
# fmt: on

SEARCH_SUGGESTIONS: tuple[str, ...] = ("linen", "leather")
"""Popular searches linked from the footer, so that a crawler reaches the search page."""

_BY_SLUG = {p.slug: p for p in PRODUCTS}


def product_by_slug(slug: str) -> Product | None:
    return _BY_SLUG.get(slug)


def category_colours(category: str) -> tuple[str, ...]:
    """Colour facet values offered on a category page (only colours that have products)."""
    present = {c for p in PRODUCTS if p.category == category for c in p.colours}
    return tuple(c for c in COLOURS if c in present)


def listing(category: str, colour: str | None = None, sort: str | None = None) -> list[Product]:
    items = [p for p in PRODUCTS if p.category == category and (not colour or colour in p.colours)]
    if sort == "price-asc":
        items.sort(key=lambda p: p.price)
    elif sort == "price-desc":
        items.sort(key=lambda p: -p.price)
    elif sort == "rating":
        items.sort(key=lambda p: -p.rating)
    return items


def page_count(items: int) -> int:
    return max(1, -(-items // PAGE_SIZE))


def category_url(category: str, *, colour: str | None = None, page: int = 1) -> str:
    query: dict[str, str] = {}
    if colour:
        query["colour"] = colour
    if page > 1:
        query["page"] = str(page)
    return f"/category/{category}" + (f"?{urlencode(query)}" if query else "")


def related_products(product: Product, count: int = 4) -> list[Product]:
    """Neighbours in the same category, rotating so each product gets a different set."""
    same = [p for p in PRODUCTS if p.category == product.category and p is not product]
    start = PRODUCTS.index(product) % max(1, len(same))
    return (same[start:] + same[:start])[:count]


def search(query: str) -> list[Product]:
    words = query.lower().split()
    if not words:
        return []

    def text(p: Product) -> str:
        colours = " ".join(COLOURS[c].name for c in p.colours)
        return f"{p.name} {p.category} {p.material} {p.description} {colours}".lower()

    return [p for p in PRODUCTS if all(w in text(p) for w in words)]


def format_price(pence: int, currency: str = "GBP") -> str:
    cur = CURRENCIES.get(currency, CURRENCIES["GBP"])
    return f"{cur.symbol}{pence * cur.rate / 100:,.2f}"


def template_patterns() -> tuple[tuple[str, str], ...]:
    """[templates] for auditing the demo: the two product templates share a URL shape.

    A real store is configured the same way when its URLs do not tell templates apart; here
    it keeps the sampled interactive checks on both product layouts.
    """
    accessories = "|".join(re.escape(p.slug) for p in PRODUCTS if p.template == "accessory")
    return (("product-accessory", rf"/products/(?:{accessories})(?:[?#]|$)"),)


def crawl_pages() -> tuple[Page, ...]:
    """The pages a crawler reaches (links and sitemap), in the order the sitemap lists them."""
    return tuple(page for page in site_pages() if page.journey is None)


def site_pages() -> tuple[Page, ...]:
    """Every HTML page, crawlable or journey-only (`Page.journey`), in inventory order."""
    pages = [Page("/", "home")]
    for slug in CATEGORIES:
        count = page_count(len(listing(slug)))
        pages += [Page(category_url(slug, page=n), "category") for n in range(1, count + 1)]
        pages += [Page(category_url(slug, colour=c), "category") for c in category_colours(slug)]
    pages += [Page(f"/search?{urlencode({'q': q})}", "search") for q in SEARCH_SUGGESTIONS]
    pages += [
        Page("/cart", "cart"),
        Page("/checkout/shipping", "checkout-shipping", journey="checkout"),
        Page("/checkout/payment", "checkout-payment", journey="checkout"),
        Page("/checkout/review", "checkout-review", journey="checkout"),
        Page("/sign-in", "sign-in"),
        Page("/account", "account"),
        Page("/account/orders", "account-orders", journey="sign-in"),
        Page("/privacy", "privacy"),
        Page("/accessibility", "accessibility"),
        Page("/shipping-returns", "shipping-returns"),
        Page("/contact", "contact"),
    ]
    pages += [Page(p.url, f"product-{p.template}", "products") for p in PRODUCTS]
    return tuple(pages)
