"""Templates from the DOM: one per page type of a store, whatever its URLs and crawl order."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path
from typing import cast

from a11y_audit.artifacts.store import ArtifactStore
from a11y_audit.axe_core import AxeCore
from a11y_audit.browser.crawler import Crawler, CrawlOptions
from a11y_audit.browser.visit import Gathered
from a11y_audit.crawl.frontier import Frontier
from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.dom_templates import (
    SAME_TEMPLATE,
    PageShape,
    TemplateRegistry,
    dom_signature,
    page_shape,
    similarity,
    template_names,
    with_template_name,
)
from a11y_audit.judge.sampling import BottomK, final_sample
from a11y_audit.model import PageRecord

CHROME = """
<header class="site-header"><a href="/" class="logo">Shop</a>
  <form action="/search" role="search"><input type="search" name="q"><button>Search</button></form>
  <a href="/basket/">Basket (0)</a></header>
<nav><ul>{menu}</ul></nav>
"""
FOOTER = (
    '<footer><ul><li><a href="/about/">About</a></li><li><a href="/contact/">Contact</a></li></ul></footer>'
)


def _page(main: str, *, menu_items: int = 6, body_class: str = "default") -> str:
    menu = "".join(f'<li><a href="/c/{n}/">Category {n}</a></li>' for n in range(menu_items))
    return (
        f'<html lang="en"><head><title>t</title><script>var x = 1;</script></head>'
        f'<body class="{body_class}">{CHROME.format(menu=menu)}<main id="content">{main}</main>{FOOTER}'
        "</body></html>"
    )


def product(title: str, pid: int, *, paragraphs: int = 2, reviews: int = 0, in_stock: bool = True) -> str:
    """A product page: gallery, details, buy box (or a sold-out note), description, reviews."""
    buy = (
        f'<form action="/basket/add/{pid}/" method="post" class="add-to-basket">'
        f'<label for="qty-{pid}">Quantity</label>'
        f'<input id="qty-{pid}" name="quantity" type="number" value="1">'
        '<button type="submit" class="btn btn-primary">Add to basket</button></form>'
        if in_stock
        else '<p class="availability outofstock">Out of stock</p>'
    )
    description = "".join(f"<p>Paragraph {n} about {title}.</p>" for n in range(paragraphs))
    review_list = "".join(
        f'<li class="review review-{n}"><h4>Review {n}</h4><p class="star-rating Four">4</p><p>Nice</p></li>'
        for n in range(reviews)
    )
    return _page(
        f'<ul class="breadcrumb"><li><a href="/">Home</a></li><li>{title}</li></ul>'
        f'<article class="product_page product-{pid}"><div class="row">'
        f'<div class="col-sm-6 gallery"><img src="/media/{pid}.jpg" alt="{title}"></div>'
        f'<div class="col-sm-6 product_main"><h1>{title}</h1><p class="price_color">£{pid}.99</p>'
        f"{buy}</div></div>"
        f'<div class="sub-header"><h2>Product Description</h2></div>{description}'
        f'<table class="table table-striped"><tr><th>UPC</th><td>{pid}</td></tr>'
        f"<tr><th>Price</th><td>£{pid}</td></tr></table>"
        f'<section id="reviews"><h2>Customer Reviews</h2><ol class="reviews">{review_list}</ol></section>'
        "</article>"
    )


def category(name: str, items: int, *, pages: bool = True) -> str:
    """A category listing: heading, facets, a grid of product cards, pagination."""
    cards = "".join(
        f'<li class="col-xs-6 col-sm-4"><article class="product_pod"><div class="image_container">'
        f'<a href="/p/{n}/"><img src="/m/{n}.jpg" alt="Item {n}"></a></div>'
        f'<h3><a href="/p/{n}/">Item {n}</a></h3><div class="product_price"><p class="price_color">£{n}</p>'
        f'<form action="/basket/add/{n}/" method="post"><button type="submit">Add to basket</button></form>'
        "</div></article></li>"
        for n in range(items)
    )
    pager = (
        '<ul class="pager"><li class="current">Page 1</li>'
        '<li class="next"><a href="?page=2">next</a></li></ul>'
    )
    return _page(
        f'<ul class="breadcrumb"><li><a href="/">Home</a></li><li>{name}</li></ul>'
        f'<div class="page-header"><h1>{name}</h1></div>'
        '<div class="row"><aside class="facets"><h2>Refine</h2></aside>'
        f'<div class="col-sm-8"><form method="get" class="form-horizontal"><label for="sort">Sort by</label>'
        '<select id="sort" name="sort_by"><option>Relevancy</option></select></form>'
        f'<section><ol class="row">{cards}</ol>{pager if pages else ""}</section></div></div>'
    )


def sign_in() -> str:
    return _page(
        '<div class="row"><div class="col-sm-6 login_form"><form method="post"><h2>Log In</h2>'
        '<label for="email">Email</label><input id="email" name="login-username" type="email">'
        '<label for="pw">Password</label><input id="pw" name="login-password" type="password">'
        '<button type="submit">Log In</button></form></div></div>'
    )


def _shape(html: str, url: str) -> PageShape:
    shape, _ = page_shape(parse_dom(html), url)
    return shape


def _assign(pages: list[tuple[str, str]]) -> dict[str, str]:
    """Crawl the pages in this order and name the templates as evaluation does."""
    registry = TemplateRegistry()
    records = []
    for url, html in pages:
        shape, page_type = page_shape(parse_dom(html), url)
        key = registry.assign(shape)
        records.append(PageRecord(url=url, template=key, template_source="dom", page_type=page_type.kind))
    names = template_names(records)
    return {record.url: with_template_name(record, names).template or "" for record in records}


STORE = [
    ("https://s.test/en-gb/catalogue/linen-shirt_12/", product("Linen shirt", 12)),
    ("https://s.test/en-gb/catalogue/a-long-novel_7/", product("A long novel", 7, paragraphs=9, reviews=5)),
    ("https://s.test/en-gb/catalogue/oat-chino_31/", product("Oat chino", 31, reviews=1)),
    ("https://s.test/en-gb/catalogue/sold-out-scarf_40/", product("Sold-out scarf", 40, in_stock=False)),
    ("https://s.test/en-gb/catalogue/category/books_1/", category("Books", 30)),
    ("https://s.test/en-gb/catalogue/category/books/fiction_2/", category("Fiction", 12)),
    ("https://s.test/en-gb/catalogue/category/books/fiction/fantasy_4/", category("Fantasy", 3, pages=False)),
    ("https://s.test/en-gb/catalogue/category/clothing/shirts_13/", category("Shirts", 7)),
    ("https://s.test/en-gb/accounts/login/", sign_in()),
]  # fmt: skip


def test_product_pages_of_different_products_and_lengths_are_one_template() -> None:
    short, long = _shape(STORE[0][1], STORE[0][0]), _shape(STORE[1][1], STORE[1][0])
    assert short.kind == long.kind == "product"
    assert similarity(short.signature, long.signature) >= SAME_TEMPLATE
    assert len({_assign(STORE)[url] for url, _ in STORE[:4]}) == 1  # the sold-out one too


def test_a_product_page_and_a_category_page_are_two_templates() -> None:
    item, listing = _shape(STORE[0][1], STORE[0][0]), _shape(STORE[4][1], STORE[4][0])
    assert similarity(item.signature, listing.signature) < SAME_TEMPLATE
    names = _assign(STORE)
    assert names[STORE[0][0]] != names[STORE[4][0]]


def test_three_or_thirty_list_items_give_one_signature() -> None:
    assert dom_signature(parse_dom(category("A", 3))) == dom_signature(parse_dom(category("B", 30)))


def test_chrome_text_ids_and_numbered_classes_are_not_the_signature() -> None:
    bigger_menu = dom_signature(parse_dom(product("X", 1)))
    assert bigger_menu == dom_signature(parse_dom(_page_with_other_chrome(product("Y", 987))))


def _page_with_other_chrome(html: str) -> str:
    return html.replace('<li><a href="/c/0/">Category 0</a></li>', "<li><span>Sale</span><em>!</em></li>")


def test_pages_of_different_kinds_are_never_one_template() -> None:
    registry = TemplateRegistry()
    signature = dom_signature(parse_dom(sign_in()))
    assert registry.assign(PageShape("sign-in", signature)) != registry.assign(PageShape("cart", signature))
    assert registry.assign(PageShape(None, signature)) == "dom:1"  # unrecognised: by structure alone


def test_category_urls_of_any_depth_are_one_template_with_a_readable_name() -> None:
    names = _assign(STORE)
    listings = {names[url] for url, _ in STORE[4:8]}
    assert listings == {"category /en-gb/catalogue/category/*, /en-gb/catalogue/category/*/*, "
                        "/en-gb/catalogue/category/*/fiction/*"}  # fmt: skip
    assert names[STORE[0][0]] == "product /en-gb/catalogue/*"
    assert names[STORE[8][0]] == "sign-in /en-gb/accounts/login"


def test_many_url_shapes_are_named_by_their_common_prefix() -> None:
    pages = [(f"https://s.test/shop/{'x/' * depth}c-{depth}", category("C", 4)) for depth in range(5)]
    assert set(_assign(pages).values()) == {"category /shop/…"}


def test_the_same_store_crawled_in_any_order_gets_the_same_templates_and_names() -> None:
    first = _assign(STORE)
    for seed in range(6):
        shuffled = STORE[:]
        random.Random(seed).shuffle(shuffled)
        assert _assign(shuffled) == first


def test_a_template_keeps_a_few_representatives_not_every_page() -> None:
    registry = TemplateRegistry()
    base = frozenset(f"main/div{n}" for n in range(20))
    for extra in range(40):
        assert registry.assign(PageShape("category", base | {f"main/p{extra}"})) == "dom:1"
    assert len(registry) == 1
    assert not registry.wants("dom:1")  # full: later pages are compared with it, never kept


def test_resumed_keys_do_not_collide_with_new_ones() -> None:
    registry = TemplateRegistry()
    registry.remember("dom:3", _shape(sign_in(), "https://s.test/login"))
    assert registry.assign(_shape(category("C", 3), "https://s.test/c")) == "dom:4"


def test_sampling_follows_dom_templates_in_every_crawl_order() -> None:
    """The bottom-k sample of a DOM template is gathered whatever the crawl order, although
    the template is known only after each page's DOM (nothing is noted at queue time)."""
    finals = []
    for seed in range(4):
        shuffled = STORE[:]
        random.Random(seed).shuffle(shuffled)
        registry, sample, records = TemplateRegistry(), BottomK(2), []
        for url, html in shuffled:
            key = registry.assign(_shape(html, url))
            gathered = sample.offer(key, url)
            artifacts = {"dom": "d", **({"keyboard": "k"} if gathered else {})}
            records.append(PageRecord(url=url, template=key, template_source="dom", artifacts=artifacts))
        names = template_names(records)
        finals.append(
            {
                (with_template_name(r, names).template, r.url)
                for r in records
                if r.url in final_sample(records, 2)
            }
        )
    assert all(final == finals[0] for final in finals)
    assert len(finals[0]) == 2 + 2 + 1  # two products, two listings, the sign-in page


def test_names_ignore_configured_url_and_journey_templates() -> None:
    kept = PageRecord(url="https://s.test/x", template="product", template_source="configured")
    assert with_template_name(kept, {"product": "other"}) == kept
    old = replace(kept, template_source=None)
    assert template_names([old]) == {}


def _crawler(store: ArtifactStore, patterns: tuple[tuple[str, re.Pattern[str]], ...] = ()) -> Crawler:
    """A crawler that never starts a browser: only its template decisions are called."""
    options = CrawlOptions(template_patterns=patterns, gatherers=("keyboard",))
    return Crawler(cast(Frontier, None), store, cast(AxeCore, None), options)


def test_the_crawler_takes_configured_templates_then_the_dom_then_the_url(tmp_path: Path) -> None:
    patterns = (("product", re.compile(r"/catalogue/linen")),)
    crawler = _crawler(ArtifactStore.open(tmp_path, resume=False), patterns)
    url, html = STORE[0]
    configured = crawler._template_of(url, Gathered(url=url, dom=html))
    assert (configured.name, configured.source) == ("product", "configured")
    dom = crawler._template_of(STORE[1][0], Gathered(url=STORE[1][0], dom=STORE[1][1]))
    assert (dom.name, dom.source, dom.page_type.kind) == ("dom:1", "dom", "product")
    failed = crawler._template_of("https://s.test/products/x-1", Gathered(url="https://s.test/products/x-1"))
    assert (failed.name, failed.source) == ("/products/*", "url")


def test_a_resumed_crawl_gets_its_dom_templates_back_from_the_saved_doms(tmp_path: Path) -> None:
    store = ArtifactStore.open(tmp_path, resume=False)
    first = _crawler(store)
    for url, html in STORE[4:6]:
        key = first._template_of(url, Gathered(url=url, dom=html)).name
        store.save_page(PageRecord(url=url, template=key, template_source="dom"), dom=html)
    resumed = _crawler(ArtifactStore.open(tmp_path, resume=True))
    resumed.count_sampled(store.iter_pages())
    url, html = STORE[7]
    assert resumed._template_of(url, Gathered(url=url, dom=html)).name == "dom:1"  # the listings'
    url, html = STORE[8]
    assert resumed._template_of(url, Gathered(url=url, dom=html)).name == "dom:2"  # a new one
