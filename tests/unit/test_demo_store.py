"""The demo store without a browser: server lifecycle, pages, feeds, crawlability, manifest."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import FrozenInstanceError
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

import lxml.etree
import lxml.html
import pytest

from a11y_audit.demo import catalog
from a11y_audit.demo.defects import (
    REGRESSION_DEFECT,
    TEMPLATES,
    VARIANTS,
    defect_enabled,
    expand_templates,
    load_manifest,
)
from a11y_audit.demo.server import DECLINED_TOKEN, DEMO_EMAIL, DEMO_PASSWORD, DemoStore

DEMO = Path(__file__).resolve().parents[2] / "a11y_audit" / "demo"
WCAG = Path(__file__).resolve().parents[2] / "a11y_audit" / "wcag21aa.json"
PAGES = [p.path for p in catalog.site_pages()]
CRAWLED = [p.path for p in catalog.crawl_pages()]
JOURNEY_CHECKOUT = [p.path for p in catalog.site_pages() if p.journey == "checkout"]
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(
    url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with _OPENER.open(req, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def page_url(store: DemoStore, path: str) -> str:
    return store.base_url.rstrip("/") + path


def filled_bag(store: DemoStore) -> dict[str, str]:
    """Headers of a signed-in visitor who added a shirt to the bag (a session): the journey-only
    pages (checkout, the order history) open to them."""
    form = urlencode({"email": DEMO_EMAIL, "password": DEMO_PASSWORD}).encode()
    status, headers, _ = fetch(page_url(store, "/sign-in"), data=form)
    assert (status, headers["Location"]) == (303, "/account")
    cookie = {"Cookie": headers["Set-Cookie"].split(";", 1)[0]}
    status, headers, _ = fetch(
        page_url(store, "/cart/add"), data=b"product=linen-shirt&size=M", headers=cookie
    )
    assert status == 303 and headers["Location"] == "/cart"
    return cookie


@pytest.fixture(scope="module")
def broken() -> Iterator[DemoStore]:
    with DemoStore("broken") as store:
        yield store


@pytest.fixture(scope="module")
def fixed() -> Iterator[DemoStore]:
    with DemoStore("fixed") as store:
        yield store


# -- server lifecycle -------------------------------------------------------------------------


def test_start_serves_at_once_and_stop_releases_the_ports() -> None:
    """start() returns with both origins listening (the first request needs no retry or wait);
    after stop() a new store can listen on both ports again. How fast it starts is for a
    benchmark to measure, not for a test to assert."""
    store = DemoStore().start()
    try:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", store.base_url)
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", store.widget_url)
        assert fetch(store.base_url)[0] == 200
        port, widget_port = (int(urlsplit(url).port or 0) for url in (store.base_url, store.widget_url))
    finally:
        store.stop()
    with pytest.raises(RuntimeError):
        _ = store.base_url
    with DemoStore(port=port, widget_port=widget_port) as again:  # the same ports, free again
        assert fetch(again.base_url)[0] == 200


def test_context_manager_starts_and_stops() -> None:
    with DemoStore("fixed") as store:
        url = store.base_url
        assert fetch(url)[0] == 200
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=2)


def test_unknown_variant_raises_naming_the_valid_ones() -> None:
    with pytest.raises(ValueError) as err:
        DemoStore("shiny")
    for variant in VARIANTS:
        assert variant in str(err.value)


def test_widget_origin_is_a_different_origin(broken: DemoStore) -> None:
    store, widgets = urlsplit(broken.base_url), urlsplit(broken.widget_url)
    assert (store.hostname, store.port) != (widgets.hostname, widgets.port)
    for path in ("/chat/launcher", "/chat/embed", "/payment/card-fields"):
        status, headers, _ = fetch(broken.widget_url.rstrip("/") + path)
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        assert fetch(page_url(broken, path))[0] == 404
    assert fetch(broken.widget_url)[0] == 404
    doc = lxml.html.fromstring(fetch(page_url(broken, "/checkout/payment"), headers=filled_bag(broken))[2])
    (frame,) = doc.cssselect("iframe.payment-frame")
    assert str(frame.get("src")).startswith(broken.widget_url.rstrip("/"))


def test_server_is_quiet(capfd: pytest.CaptureFixture[str]) -> None:
    with DemoStore() as store:
        for path in ("/", "/nope", "/static/css/store.css", "/robots.txt"):
            fetch(page_url(store, path))
        fetch(page_url(store, "/newsletter"), data=b"email=a%40b.example")
    out, err = capfd.readouterr()
    assert out == "" and err == ""


# -- pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", ["broken", "fixed"])
def test_every_page_returns_html(variant: str) -> None:
    with DemoStore(variant) as store:
        bag = filled_bag(store)
        for path in PAGES:
            status, headers, body = fetch(page_url(store, path), headers=bag)
            assert status == 200, path
            assert headers["Content-Type"] == "text/html; charset=utf-8", path
            doc = lxml.html.fromstring(body)
            assert doc.findtext(".//title"), path
            assert len(doc.cssselect("h1")) == 1, path


def test_catalogue_size_and_templates() -> None:
    assert len(catalog.PRODUCTS) >= 24
    assert {p.template for p in catalog.PRODUCTS} == {"apparel", "accessory"}
    assert len({p.slug for p in catalog.PRODUCTS}) == len(catalog.PRODUCTS)
    assert all(p.sizes and p.sold_out for p in catalog.PRODUCTS if p.template == "apparel")
    assert not any(p.sizes for p in catalog.PRODUCTS if p.template == "accessory")
    assert 45 <= len(PAGES) <= 70
    assert len(set(PAGES)) == len(PAGES)


@pytest.mark.parametrize(
    "path",
    [
        "/nope",
        "/products/nope",
        "/category/nope",
        "/category/women?page=9",
        "/category/women?page=0",
        "/category/women?colour=purple",
        "/static/../server.py",
        "/static/nope.css",
        "/media/products/nope-1.svg",
        "/media/products/linen-shirt-9.svg",
    ],
)
def test_unknown_paths_are_404(broken: DemoStore, path: str) -> None:
    assert fetch(page_url(broken, path))[0] == 404


def test_404_page_is_html(broken: DemoStore) -> None:
    status, headers, body = fetch(page_url(broken, "/no-such-page"))
    assert status == 404 and headers["Content-Type"].startswith("text/html")
    assert b"can\xe2\x80\x99t find that page" in body


def test_assets_are_served(broken: DemoStore) -> None:
    for path, ctype in [
        ("/static/css/store.css", "text/css"),
        ("/static/js/store.js", "javascript"),
        ("/assets/theme.css", "text/css"),
        ("/static/img/favicon.svg", "svg"),
        ("/media/products/linen-shirt-2.svg", "image/svg+xml"),
    ]:
        status, headers, _ = fetch(page_url(broken, path))
        assert status == 200 and ctype in headers["Content-Type"], path


def test_forms_post_and_redirect(broken: DemoStore) -> None:
    bag = filled_bag(broken)
    for path, target in [
        ("/checkout/shipping", "/checkout/payment"),
        ("/checkout/payment", "/checkout/review"),
        ("/checkout/review", "/checkout/confirmation"),
        ("/newsletter", "/?subscribed=1"),
        ("/sign-in", "/account"),
    ]:
        status, headers, _ = fetch(page_url(broken, path), data=b"x=1", headers=bag)
        assert (status, headers["Location"]) == (303, target)
    assert fetch(page_url(broken, "/checkout/confirmation"), headers=bag)[0] == 200


@pytest.mark.parametrize("path", ["/checkout", *JOURNEY_CHECKOUT, "/checkout/confirmation"])
def test_checkout_with_an_empty_bag_redirects_to_the_bag(broken: DemoStore, path: str) -> None:
    status, headers, _ = fetch(page_url(broken, path))
    assert (status, headers["Location"]) == (302, "/cart")
    if path in JOURNEY_CHECKOUT:  # the steps' forms
        status, headers, _ = fetch(page_url(broken, path), data=b"x=1")
        assert (status, headers["Location"]) == (303, "/cart")


def test_the_empty_bag_offers_no_checkout_and_a_filled_one_does(broken: DemoStore) -> None:
    empty = lxml.html.fromstring(fetch(page_url(broken, "/cart"))[2])
    assert empty.cssselect(".cart-empty") and not empty.xpath("//a[starts-with(@href, '/checkout')]")
    filled = lxml.html.fromstring(fetch(page_url(broken, "/cart"), headers=filled_bag(broken))[2])
    assert filled.xpath("//a[@href='/checkout/shipping']") and not filled.cssselect(".cart-empty")
    assert (
        fetch(page_url(broken, "/checkout"), headers=filled_bag(broken))[1]["Location"]
        == "/checkout/shipping"
    )


@pytest.mark.parametrize("variant", ["broken", "fixed"])
def test_the_declined_test_card_brings_the_payment_step_back_with_an_error(variant: str) -> None:
    """D56: the card fields' decline message is tied by aria-errormessage alone when broken, by
    aria-describedby when fixed; the store's own notice is an alert in both."""
    with DemoStore(variant) as store:
        bag = filled_bag(store)
        accepted = fetch(
            page_url(store, "/checkout/payment"), data=b"payment_token=tok_card_4242", headers=bag
        )
        assert (accepted[0], accepted[1]["Location"]) == (303, "/checkout/review")
        status, _, body = fetch(
            page_url(store, "/checkout/payment"), data=f"payment_token={DECLINED_TOKEN}".encode(), headers=bag
        )
        assert status == 200
        doc = lxml.html.fromstring(body)
        (notice,) = doc.cssselect(".notice--error[role=alert]")
        assert "declined" in notice.text_content()
        (frame,) = doc.cssselect("iframe.payment-frame")
        assert str(frame.get("src")).endswith("/payment/card-fields?error=card_declined")
        (field,) = lxml.html.fromstring(fetch(str(frame.get("src")))[2]).cssselect("#card-number")
    assert field.get("aria-invalid") == "true"
    if variant == "broken":
        assert field.get("aria-errormessage") == "card-number-error" and field.get("aria-describedby") is None
    else:
        assert field.get("aria-describedby") == "card-number-error" and field.get("aria-errormessage") is None


def test_currency_switch_sets_a_cookie_and_guards_the_redirect(broken: DemoStore) -> None:
    status, headers, _ = fetch(page_url(broken, "/currency?code=EUR&next=/cart"))
    assert status == 303 and headers["Location"] == "/cart"
    assert headers["Set-Cookie"].startswith("currency=EUR")
    body = fetch(page_url(broken, "/cart"), headers={"Cookie": "currency=EUR"})[2].decode()
    assert "€" in body and "£" not in body.split("<main", 1)[1].split("</main>", 1)[0]
    assert fetch(page_url(broken, "/currency?code=USD&next=//evil.example"))[1]["Location"] == "/"


# -- robots.txt, sitemaps, crawlability -------------------------------------------------------


def test_robots_txt(broken: DemoStore) -> None:
    from protego import Protego

    status, headers, body = fetch(page_url(broken, "/robots.txt"))
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    text = body.decode()
    assert f"Sitemap: {broken.base_url}sitemap.xml" in text.splitlines()
    robots = Protego.parse(text)
    base = broken.base_url.rstrip("/")
    assert not robots.can_fetch(base + "/account/orders/export", "a11y-audit")
    assert not robots.can_fetch(base + "/category/women?colour=blue&page=2", "a11y-audit")
    assert not robots.can_fetch(base + "/category/women?sort=price-asc", "a11y-audit")
    for path in PAGES:
        assert robots.can_fetch(base + path, "a11y-audit"), path


def test_sitemap_index_lists_every_page(broken: DemoStore) -> None:
    status, headers, body = fetch(page_url(broken, "/sitemap.xml"))
    assert status == 200 and headers["Content-Type"].startswith("application/xml")
    index = lxml.etree.fromstring(body)
    assert index.tag == f"{{{SITEMAP_NS['sm']}}}sitemapindex"
    children = index.xpath("//sm:sitemap/sm:loc/text()", namespaces=SITEMAP_NS)
    assert children == [broken.base_url + "sitemap-pages.xml", broken.base_url + "sitemap-products.xml"]
    urls: list[str] = []
    for child in children:
        urlset = lxml.etree.fromstring(fetch(child)[2])
        assert urlset.tag == f"{{{SITEMAP_NS['sm']}}}urlset"
        urls += urlset.xpath("//sm:url/sm:loc/text()", namespaces=SITEMAP_NS)
    assert urls == [page_url(broken, p) for p in CRAWLED]  # checkout needs a bag: never listed


def _links(base: str, body: bytes) -> set[str]:
    doc = lxml.html.fromstring(body)
    out = set()
    for href in doc.xpath("//a/@href"):
        url = urljoin(base, href).split("#", 1)[0]
        if url.startswith(base.split("/", 3)[0] + "//" + urlsplit(base).netloc + "/"):
            out.add(url)
    return out


@pytest.mark.parametrize("variant", ["broken", "fixed"])
def test_crawl_from_home_finds_exactly_the_inventory(variant: str) -> None:
    """Links alone reach every page, and the store makes no URL space beyond the inventory."""
    from protego import Protego

    with DemoStore(variant) as store:
        robots = Protego.parse(fetch(page_url(store, "/robots.txt"))[2].decode())
        seen, queue = {store.base_url}, [store.base_url]
        html_pages = set()
        while queue and len(seen) < 200:
            url = queue.pop()
            status, headers, body = fetch(url)
            assert status == 200, url
            if not headers["Content-Type"].startswith("text/html"):
                continue
            html_pages.add(url)
            for link in _links(url, body) - seen:
                seen.add(link)
                if robots.can_fetch(link, "a11y-audit"):
                    queue.append(link)
        assert html_pages == {page_url(store, p) for p in CRAWLED}


# -- defect manifest --------------------------------------------------------------------------


def test_manifest_basics() -> None:
    manifest = load_manifest()
    ids = [d.id for d in manifest.defects]
    assert len(ids) >= 32 and len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"D\d{2}", i) for i in ids)
    assert sum(d.axe for d in manifest.defects) >= 15
    assert sum(not d.axe for d in manifest.defects) >= 15
    assert len({d.component for d in manifest.defects}) >= 15
    raw = json.loads((DEMO / "manifest.json").read_text("utf-8"))
    assert [d["id"] for d in raw["defects"]] == ids
    with pytest.raises(FrozenInstanceError):
        manifest.defects[0].id = "D99"  # type: ignore[misc]


def test_manifest_criteria_are_wcag21_a_or_aa() -> None:
    criteria = {c["sc"] for c in json.loads(WCAG.read_text("utf-8"))["criteria"]}
    for defect in load_manifest().defects:
        assert defect.wcag, defect.id
        assert set(defect.wcag) <= criteria, defect.id


def test_manifest_axe_flags_are_consistent() -> None:
    for defect in load_manifest().defects:
        assert defect.axe == bool(defect.axe_rules), defect.id
        assert all(re.fullmatch(r"[a-z0-9-]+", r) for r in defect.axe_rules), defect.id
        assert all(re.fullmatch(r"F\d+", t) for t in defect.techniques), defect.id
        for technique in defect.techniques:
            assert technique in defect.description, (defect.id, technique)


def test_manifest_pages_are_served_and_expand_templates() -> None:
    for defect in load_manifest().defects:
        assert defect.pages, defect.id
        assert set(defect.pages) <= set(PAGES), defect.id
        assert set(defect.templates) <= set(TEMPLATES), defect.id
        if defect.templates:
            assert defect.pages == expand_templates(defect.templates), defect.id


def test_manifest_selectors_match_the_broken_store(broken: DemoStore) -> None:
    cache: dict[str, lxml.html.HtmlElement] = {}
    bag = filled_bag(broken)

    def doc(url: str) -> lxml.html.HtmlElement:
        if url not in cache:
            status, _, body = fetch(url, headers=bag)
            assert status == 200, url
            cache[url] = lxml.html.fromstring(body)
        return cache[url]

    for defect in load_manifest().defects:
        for path in defect.pages:
            host = doc(page_url(broken, path))
            if defect.frame is None:
                assert host.cssselect(defect.selector), (defect.id, path)
                continue
            frames = host.cssselect(defect.frame)
            assert len(frames) == 1, (defect.id, path)
            src = str(frames[0].get("src"))
            assert src.startswith(broken.widget_url.rstrip("/")), (defect.id, src)
            assert doc(src).cssselect(defect.selector), (defect.id, path)


def test_every_defect_is_a_toggle_in_the_templates() -> None:
    used = set()
    for path in (DEMO / "templates").rglob("*"):
        if path.is_file():
            used |= set(re.findall(r"defect\('(D\d\d)'\)", path.read_text("utf-8")))
    assert used == load_manifest().ids()


def test_defect_enabled_rule() -> None:
    ids = sorted(load_manifest().ids())
    assert all(defect_enabled("broken", i) for i in ids)
    assert not any(defect_enabled("fixed", i) for i in ids)
    assert [i for i in ids if defect_enabled("regression", i)] == [REGRESSION_DEFECT]
    with pytest.raises(ValueError):
        defect_enabled("broken", "D99")
    with pytest.raises(ValueError):
        defect_enabled("shiny", ids[0])


def test_each_defect_toggle_changes_its_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Turning on one defect alone changes what its first page serves (markup, CSS or frames)."""
    from a11y_audit.demo import server

    def snapshot(store: DemoStore, path: str) -> bytes:
        body = fetch(page_url(store, path), headers=bag)[2]
        parts = [body, fetch(page_url(store, "/assets/theme.css"))[2]]
        parts += [fetch(src)[2] for src in lxml.html.fromstring(body).xpath("//iframe/@src")]
        return b"".join(parts).replace(store.base_url.encode(), b"").replace(store.widget_url.encode(), b"")

    with DemoStore("fixed") as store:
        bag = filled_bag(store)
        baseline = {d.id: snapshot(store, d.pages[0]) for d in load_manifest().defects}
        for defect in load_manifest().defects:
            monkeypatch.setattr(
                server, "defect_enabled", lambda variant, defect_id, one=defect.id: defect_id == one
            )
            assert snapshot(store, defect.pages[0]) != baseline[defect.id], defect.id


# -- non-axe defects: present in broken, repaired in fixed (static HTML checks) ---------------


def _docs(store: DemoStore) -> dict[str, lxml.html.HtmlElement]:
    """Every page as a visitor with a filled bag sees it (checkout opens only to them)."""
    bag = filled_bag(store)
    return {path: lxml.html.fromstring(fetch(page_url(store, path), headers=bag)[2]) for path in PAGES}


@pytest.fixture(scope="module")
def fixed_docs(fixed: DemoStore) -> dict[str, lxml.html.HtmlElement]:
    return _docs(fixed)


@pytest.fixture(scope="module")
def broken_docs(broken: DemoStore) -> dict[str, lxml.html.HtmlElement]:
    return _docs(broken)


def test_skip_link_target_exists_only_when_fixed(
    fixed_docs: dict[str, lxml.html.HtmlElement], broken_docs: dict[str, lxml.html.HtmlElement]
) -> None:
    for path in PAGES:
        for docs, expected in ((fixed_docs, 1), (broken_docs, 0)):
            (skip,) = docs[path].cssselect("a.skip-link")
            assert len(docs[path].cssselect(str(skip.get("href")))) == expected, path


def test_fixed_titles_are_unique_and_broken_accessory_titles_are_not(
    fixed_docs: dict[str, lxml.html.HtmlElement], broken_docs: dict[str, lxml.html.HtmlElement]
) -> None:
    titles = [fixed_docs[p].findtext(".//title") for p in PAGES]
    assert len(set(titles)) == len(titles)
    accessory = [p for p in load_manifest().get("D31").pages]
    assert {broken_docs[p].findtext(".//title") for p in accessory} == {"Fern & Field"}


def test_fixed_navigation_and_labels_are_consistent(
    fixed_docs: dict[str, lxml.html.HtmlElement], broken_docs: dict[str, lxml.html.HtmlElement]
) -> None:
    def nav(doc: lxml.html.HtmlElement) -> list[str]:
        return [a.text_content() for a in doc.cssselect(".mega-menu__link")]

    def add_label(doc: lxml.html.HtmlElement) -> str:
        return " ".join(doc.cssselect(".add-to-cart")[0].text_content().split())

    with_nav = [p for p in PAGES if fixed_docs[p].cssselect(".mega-menu")]
    assert len({tuple(nav(fixed_docs[p])) for p in with_nav}) == 1
    assert len({tuple(nav(broken_docs[p])) for p in with_nav}) == 2
    products = [p for p in PAGES if p.startswith("/products/")]
    assert {add_label(fixed_docs[p]) for p in products} == {"Add to bag"}
    assert {add_label(broken_docs[p]) for p in products} == {"Add to bag", "Add to basket"}


def test_fixed_store_repairs_the_markup_level_defects(
    fixed_docs: dict[str, lxml.html.HtmlElement], broken_docs: dict[str, lxml.html.HtmlElement]
) -> None:
    checks: dict[str, tuple[str, Callable[[list[Any]], bool]]] = {
        # selector that only the broken markup matches, or that the fixed markup must match
        "positive tabindex": ("[tabindex]", lambda els: any(int(e.get("tabindex")) > 0 for e in els)),
        "auto-submitting select": ("select[data-autosubmit]", bool),
        "bare '/' shortcut": ('[data-shortcut="/"]', bool),
        "carousel without pause": (
            ".carousel",
            lambda els: any(not e.cssselect('[data-js="carousel-pause"]') for e in els),
        ),
        "hover-only menu": (
            ".mega-menu__item",
            lambda els: any(not e.cssselect('[data-js="menu-toggle"]') for e in els),
        ),
        "image of text": (".promo-banner--image img", bool),
        "'More' links": (
            ".story-card__more",
            lambda els: any(e.text_content().strip() == "More" for e in els),
        ),
        "div swatches": ("div.swatch", bool),
        "unannounced toast": (".cart-toast", lambda els: any(e.get("role") != "status" for e in els)),
        "hover-only tooltip": (".tooltip--hover-only", bool),
        "trapping dialog": ("[data-focus-lock]", bool),
        "colour-only errors": (
            "form[data-js=validate] input[required]",
            lambda els: any(not e.get("aria-describedby") for e in els),
        ),
        "silent timeout": (
            "main[data-session-timeout]",
            lambda els: any(not e.get("data-timeout-warning") for e in els),
        ),
        "sold out by colour": (
            ".size-option--unavailable",
            lambda els: any("sold out" not in e.text_content() for e in els),
        ),
        "missing autocomplete": (
            ".shipping-form .field__input",
            lambda els: any(not e.get("autocomplete") for e in els),
        ),
    }
    for name, (selector, failing) in checks.items():
        assert not any(failing(fixed_docs[p].cssselect(selector)) for p in PAGES), name
        assert any(failing(broken_docs[p].cssselect(selector)) for p in PAGES), name


def test_fixed_theme_css_has_no_defect_rules(fixed: DemoStore, broken: DemoStore) -> None:
    fixed_css = fetch(page_url(fixed, "/assets/theme.css"))[2].decode()
    broken_css = fetch(page_url(broken, "/assets/theme.css"))[2].decode()
    assert "{" not in fixed_css
    for needle in ("outline: none", "width: 960px", "orientation: landscape", "overflow: hidden"):
        assert needle in broken_css
