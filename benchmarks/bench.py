"""Benchmark: pages/minute and peak memory of a11y-audit against the bare Selenium + axe floor.

Why a floor: per page, any Selenium-based auditor must at least navigate and run axe-core,
so a minimal loop doing only that, on the same browser, store and axe options, is the
fastest an audit can be here. "workers=1 / floor" then measures what the tool's extras
cost (multi-frame axe, DOM copy, journal, screenshots), and "workers=2 / workers=1" how much
a second browser gains on this machine. The floor runs twice, once injecting axe.min.js
into every page and once preregistering it through DevTools, to show what the tool's
preregistration is worth.

The store is generated and served from this process, so runs are repeatable offline.
Figures are printed, never asserted: timing on shared machines is too noisy to gate on.

It ends with the HTML report of a synthetic 2,000-page run: render time and file size
(`--report-only` measures just that, without a browser).

    python benchmarks/bench.py [--pages 200] [--quick] [--output DIR] [--report-pages 2000] [--report-only]
"""

from __future__ import annotations

import argparse
import html
import io
import json
import os
import platform
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from statistics import median
from typing import Any

import psutil
from PIL import Image, ImageDraw
from selenium import webdriver

from a11y_audit import api
from a11y_audit.artifacts.kinds import ELEMENT_BOXES
from a11y_audit.artifacts.store import ArtifactStore
from a11y_audit.axe_core import AxeCore, locate_axe_core
from a11y_audit.browser.axe_runner import DEFAULT_TAGS, AxeRunner
from a11y_audit.browser.driver import BrowserSettings, start_session
from a11y_audit.config import Config
from a11y_audit.judge.registry import builtin_checks

HEADER = (
    f"{'run':<44}{'pages':>6}{'seconds':>9}{'ms/page':>9}{'pages/min':>11}"
    f"{'peak RSS MB':>13}{'peak PSS MB':>13}"
)
MIN_PAGES = 8
QUICK_PAGES = 20
SAMPLE_INTERVAL = 0.2
PSS_EVERY = 5
_FIXED_PAGES = ("/", "/cart/", "/account/login/", "/contact/")
_CATEGORIES = (
    "Shoes", "Bags", "Jackets", "Shirts", "Trousers", "Dresses",
    "Hats", "Scarves", "Watches", "Belts", "Socks", "Gloves",
)  # fmt: skip
_COLOURS = ("#1d4ed8", "#b91c1c", "#047857", "#7c3aed", "#b45309", "#0f766e", "#be185d")
# The floor runs axe exactly as the tool does: same tags, same result types.
_AXE_OPTIONS: dict[str, Any] = {
    "runOnly": {"type": "tag", "values": list(DEFAULT_TAGS)},
    "resultTypes": ["violations", "incomplete"],
}
_AXE_RUN = """
const [options, done] = arguments;
axe.run(document, options)
  .then((results) => done({ violations: results.violations.length }))
  .catch((error) => done({ error: String(error && error.message || error) }));
"""


# --- the generated store ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Layout:
    """How many pages of each kind make up a store of the requested size."""

    categories: int
    products: int

    @classmethod
    def for_pages(cls, pages: int) -> _Layout:
        categories = max(1, min(len(_CATEGORIES), pages // 16))
        return cls(categories=categories, products=pages - len(_FIXED_PAGES) - categories)


def build_store(pages: int) -> dict[str, bytes]:
    """Path -> HTML of a small fashion store with exactly `pages` pages, all reachable from /.

    Every page has the header navigation (all categories), the home page and each category
    list products, and each product links to six related ones, so a crawl from / finds
    everything within two clicks. A few realistic defects (an unlabelled search field,
    unnamed icon images, low-contrast badges) give axe something to report.
    """
    layout = _Layout.for_pages(pages)
    products = range(layout.products)
    by_category: dict[int, list[int]] = {index: [] for index in range(layout.categories)}
    for product in products:
        by_category[product % layout.categories].append(product)
    site: dict[str, str] = {
        "/": _page(layout, "Home", _hero() + _grid("Featured", list(products)[:12])),
        "/cart/": _page(layout, "Cart", _cart()),
        "/account/login/": _page(layout, "Sign in", _login()),
        "/contact/": _page(layout, "Contact us", _contact()),
    }
    for category, members in by_category.items():
        site[_category_path(category)] = _page(
            layout, _CATEGORIES[category], _grid(_CATEGORIES[category], members)
        )
    for product in products:
        site[_product_path(product)] = _page(layout, _product_name(product), _product(product, layout))
    assert len(site) == pages, (len(site), pages)
    return {path: page.encode("utf-8") for path, page in site.items()}


def _category_path(category: int) -> str:
    return f"/c/{_CATEGORIES[category].lower()}/"


def _product_path(product: int) -> str:
    return f"/p/{product:04d}/"


def _product_name(product: int) -> str:
    adjectives = ("Classic", "Urban", "Alpine", "Coastal", "Heritage", "Studio", "Trail")
    return f"{adjectives[product % len(adjectives)]} item {product:04d}"


def _price(product: int) -> str:
    return f"€{19 + (product * 37) % 180}.{(product * 13) % 100:02d}"


def _svg(product: int, size: int) -> str:
    """Inline product picture; every fifth one has no accessible name (svg-img-alt)."""
    colour = _COLOURS[product % len(_COLOURS)]
    title = "" if product % 5 == 0 else f"<title>{html.escape(_product_name(product))}</title>"
    return (
        f'<svg role="img" width="{size}" height="{size}" viewBox="0 0 100 100">{title}'
        f'<rect width="100" height="100" fill="#f3f4f6"/>'
        f'<circle cx="50" cy="42" r="{18 + product % 12}" fill="{colour}"/>'
        f'<path d="M20 85 L50 60 L80 85 Z" fill="{colour}" opacity="0.6"/></svg>'
    )


def _card(product: int) -> str:
    badge = '<span class="badge">Sale</span>' if product % 4 == 0 else ""
    return (
        f'<li class="card"><a href="{_product_path(product)}">{_svg(product, 160)}'
        f"<h3>{html.escape(_product_name(product))}</h3></a>{badge}"
        f'<p class="price">{_price(product)}</p>'
        f'<form action="/cart/" method="get"><input type="hidden" name="add" value="{product}">'
        f'<button type="submit">Add to cart</button></form></li>'
    )


def _grid(title: str, members: list[int]) -> str:
    cards = "".join(_card(product) for product in members)
    return f'<h1>{html.escape(title)}</h1><p>{len(members)} products</p><ul class="grid">{cards}</ul>'


def _hero() -> str:
    return (
        '<section class="hero"><h2>Autumn collection</h2><p>Layers for every kind of weather.</p>'
        f'<a class="button" href="{_category_path(0)}">Shop {_CATEGORIES[0].lower()}</a></section>'
    )


def _product(product: int, layout: _Layout) -> str:
    category = product % layout.categories
    related = [(product + step) % layout.products for step in range(1, 7)]
    sizes = "".join(f"<option>{size}</option>" for size in ("XS", "S", "M", "L", "XL"))
    reviews = "".join(
        f"<li><strong>{'★' * (1 + (product + n) % 5)}</strong><p>Review {n} of this item: fits well, "
        f"good fabric, arrived quickly.</p></li>"
        for n in range(1 + product % 4)
    )
    return (
        f'<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>'
        f'<li><a href="{_category_path(category)}">{_CATEGORIES[category]}</a></li>'
        f"<li>{html.escape(_product_name(product))}</li></ol></nav>"
        f'<article class="product">{_svg(product, 360)}<h1>{html.escape(_product_name(product))}</h1>'
        f'<p class="price">{_price(product)}</p><p>Made from recycled materials; machine washable. '
        f"Item number {product:04d}.</p>"
        f'<form action="/cart/" method="get"><input type="hidden" name="add" value="{product}">'
        f'<label for="size">Size</label><select id="size" name="size">{sizes}</select>'
        f'<label for="qty">Quantity</label><input id="qty" name="qty" type="number" value="1" min="1">'
        f'<button type="submit">Add to cart</button></form></article>'
        f"<section><h2>Reviews</h2><ul>{reviews}</ul></section>"
        f'<section><h2>You may also like</h2><ul class="grid">{"".join(map(_card, related))}</ul></section>'
    )


def _cart() -> str:
    rows = "".join(
        f'<tr><td><a href="{_product_path(product)}">{html.escape(_product_name(product))}</a></td>'
        f'<td><input aria-label="Quantity" type="number" value="1"></td><td>{_price(product)}</td></tr>'
        for product in range(3)
    )
    return (
        "<h1>Your cart</h1><table><thead><tr><th>Item</th><th>Quantity</th><th>Price</th></tr></thead>"
        f'<tbody>{rows}</tbody></table><a class="button" href="/account/login/">Checkout</a>'
    )


def _login() -> str:
    return (
        '<h1>Sign in</h1><form action="/account/login/" method="get">'
        '<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email">'
        '<label for="password">Password</label><input id="password" name="password" type="password">'
        '<button type="submit">Sign in</button></form><p><a href="/contact/">Forgot your password?</a></p>'
    )


def _contact() -> str:
    return (
        '<h1>Contact us</h1><form action="/contact/" method="get">'
        '<label for="name">Name</label><input id="name" name="name" autocomplete="name">'
        '<label for="message">Message</label><textarea id="message" name="message"></textarea>'
        '<input name="order" placeholder="Order number">'  # unlabelled: a defect axe reports
        '<button type="submit">Send</button></form>'
    )


def _page(layout: _Layout, title: str, main: str) -> str:
    nav = "".join(
        f'<li><a href="{_category_path(category)}">{_CATEGORIES[category]}</a></li>'
        for category in range(layout.categories)
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="icon" href="data:,"><title>{html.escape(title)} · Bench Store</title><style>'
        "body{font-family:sans-serif;margin:0}header,footer{background:#111827;color:#fff;padding:1em}"
        "header a,footer a{color:#fff}.grid{display:grid;grid-template-columns:repeat(4,1fr);gap:1em;"
        "list-style:none;padding:0}.card{border:1px solid #e5e7eb;padding:.5em}"
        ".badge{color:#d1d5db;background:#fff}.price{font-weight:bold}main{padding:1em}"
        "</style></head><body>"
        '<a href="#main" class="skip">Skip to content</a>'
        '<header><a href="/" class="logo">Bench Store</a>'
        f'<nav aria-label="Categories"><ul>{nav}</ul></nav>'
        '<form action="/" method="get" role="search"><input name="q" placeholder="Search">'
        '<button type="submit">Search</button></form>'
        '<a href="/account/login/">Sign in</a> <a href="/cart/">Cart (0)</a></header>'
        f'<main id="main">{main}</main>'
        '<footer><ul><li><a href="/contact/">Contact</a></li><li><a href="/cart/">Cart</a></li>'
        '<li><a href="/account/login/">Account</a></li></ul><p>© Bench Store. Prices include VAT.</p>'
        "</footer></body></html>"
    )


class StoreServer:
    """The generated store on 127.0.0.1 (a free port), served from memory by a thread."""

    def __init__(self, pages: dict[str, bytes]):
        site = dict(pages)

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                if path == "/robots.txt":
                    self._send(200, "text/plain", b"User-agent: *\nAllow: /\n")
                elif path in site:
                    self._send(200, "text/html; charset=utf-8", site[path])
                else:
                    self._send(404, "text/plain", b"not found")

            def _send(self, status: int, content_type: str, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with suppress(BrokenPipeError, ConnectionResetError):  # the browser moved on
                    self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                """Silence the per-request log lines."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="bench-store", daemon=True)
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.urls = [self.base_url + path for path in site]

    def __enter__(self) -> StoreServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


# --- measuring -------------------------------------------------------------------------------


class PeakMemory:
    """Peak memory of this process plus all its descendants (chromedriver, Chromium), sampled.

    RSS, summed per process every SAMPLE_INTERVAL, counts the memory Chromium's processes
    share once per process, so it overstates what a run needs; PSS splits shared pages
    between their users and adds up to the real footprint, but reading it costs the kernel
    several milliseconds, so it is sampled every PSS_EVERY-th time only (Linux only).
    """

    def __init__(self, interval: float = SAMPLE_INTERVAL):
        self._interval = interval
        self._me = psutil.Process(os.getpid())
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="bench-memory", daemon=True)
        self.peak_rss = 0
        self.peak_pss: int | None = None

    def __enter__(self) -> PeakMemory:
        self._sample(with_pss=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        count = 0
        while not self._stop.wait(self._interval):
            count += 1
            self._sample(with_pss=count % PSS_EVERY == 0)

    def _sample(self, *, with_pss: bool) -> None:
        rss = 0
        pss: int | None = 0
        for process in [self._me, *self._me.children(recursive=True)]:
            try:
                rss += int(process.memory_info().rss)
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                continue  # exited between listing and reading
            if with_pss and pss is not None:
                pss = _add(pss, _pss_of(process.pid))
        self.peak_rss = max(self.peak_rss, rss)
        if with_pss and pss is not None:
            self.peak_pss = max(self.peak_pss or 0, pss)


def _pss_of(pid: int) -> int | None:
    """Proportional set size in bytes from /proc/PID/smaps_rollup; None where unavailable."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text("ascii")
    except ProcessLookupError:
        return 0  # exited: it uses nothing any more
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) * 1024
    return None


def _add(total: int, part: int | None) -> int | None:
    return None if part is None else total + part


@dataclass(frozen=True, slots=True)
class Row:
    """One measured run."""

    name: str
    pages: int
    seconds: float
    peak_rss: int
    peak_pss: int | None

    @property
    def pages_per_minute(self) -> float:
        return self.pages * 60 / self.seconds if self.seconds else 0.0

    @property
    def ms_per_page(self) -> float:
        return self.seconds * 1000 / self.pages if self.pages else float("inf")

    def line(self) -> str:
        return (
            f"{self.name:<44}{self.pages:>6}{self.seconds:>9.1f}{self.ms_per_page:>9.0f}"
            f"{self.pages_per_minute:>11.1f}{self.peak_rss / 2**20:>13.0f}"
            + (f"{self.peak_pss / 2**20:>13.0f}" if self.peak_pss is not None else f"{'n/a':>13}")
        )


def measure(name: str, run: Callable[[], int]) -> Row:
    """Time one run and watch its memory; `run()` returns how many pages it audited."""
    with PeakMemory() as memory:
        started = time.perf_counter()
        pages = run()
        seconds = time.perf_counter() - started
    return Row(name=name, pages=pages, seconds=seconds, peak_rss=memory.peak_rss, peak_pss=memory.peak_pss)


def run_floor(urls: list[str], axe_core: AxeCore, steps: dict[str, list[float]], *, preregister: bool) -> int:
    """The least an auditor can do: navigate, (inject,) axe.run. Returns pages audited.

    The browser comes from the tool's own start_session, so flags, window size and timeouts
    match and only the per-page work differs. Step durations (ms) are appended to `steps`.
    """
    source = axe_core.path.read_text("utf-8")
    session = start_session(BrowserSettings())
    audited = 0
    try:
        driver = session.driver
        assert isinstance(driver, webdriver.Chrome)
        if preregister:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": source})
        for url in urls:
            started = time.perf_counter()
            driver.get(url)
            steps.setdefault("navigate", []).append(_ms_since(started))
            started = time.perf_counter()
            if not preregister:
                driver.execute_script(source)
            outcome = driver.execute_async_script(_AXE_RUN, _AXE_OPTIONS)
            steps.setdefault("axe", []).append(_ms_since(started))
            if isinstance(outcome, dict) and "violations" in outcome:
                audited += 1
    finally:
        session.quit()
    return audited


def _ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def run_tool(
    base_url: str, pages: int, output: Path, *, workers: int, screenshots: bool, our_checks: bool = True
) -> int:
    """A full a11y-audit crawl from / (results.json and report.html included).

    `our_checks=False` runs axe alone (every check of ours skipped, so no gatherer runs): the
    baseline the cost of our checks is measured against.
    """
    skip = () if our_checks else tuple(check.meta.id for check in builtin_checks())
    config = Config(
        start_urls=(base_url + "/",),
        max_pages=pages,
        workers=workers,
        screenshots=screenshots,
        skip_checks=skip,
    )
    outcome = api.audit(config, output)
    return outcome.summary.pages_audited


def warm_up(urls: list[str], axe_core: AxeCore) -> bool:
    """Load the browser and a few pages once (disk caches) and ask how the tool injects axe."""
    session = start_session(BrowserSettings())
    try:
        runner = AxeRunner(session.driver, axe_core)
        for url in urls[:3]:
            session.driver.get(url)
            runner.run()
        return runner.preregistered
    finally:
        session.quit()


def _ratio(numerator: Row | None, denominator: Row | None) -> float:
    if numerator is None or denominator is None or not denominator.pages_per_minute:
        return float("nan")
    return numerator.pages_per_minute / denominator.pages_per_minute


def print_summary(rows: dict[str, Row], preregistered: bool) -> None:
    """Ratios against the targets, and what preregistration and screenshots cost per page."""
    inject, prereg = rows.get("floor-inject"), rows.get("floor-prereg")
    one, one_bare, two = rows.get("workers1"), rows.get("workers1-noshots"), rows.get("workers2")
    print()
    axe_only = rows.get("workers1-axe-only")
    print(f"workers=1 axe only / floor (injection)   {_ratio(axe_only, inject):5.2f}   target >= 0.9")
    print(f"workers=1 / floor (per-page injection)   {_ratio(one, inject):5.2f}   (all our checks too)")
    print(f"workers=1 / floor (preregistered axe)    {_ratio(one, prereg):5.2f}")
    print(f"workers=2 / workers=1                    {_ratio(two, one):5.2f}   target >= 1.2")
    print(f"workers=1 without screenshots / floor    {_ratio(one_bare, inject):5.2f}")
    if inject and prereg:
        saved = inject.ms_per_page - prereg.ms_per_page
        print(
            f"axe preregistration (floor):  {_ratio(prereg, inject):.2f}x pages/min, "
            f"{saved:+.0f} ms/page saved vs injecting axe.min.js into every page"
        )
    if one and one_bare:
        print(f"screenshots cost (workers=1):  {one.ms_per_page - one_bare.ms_per_page:+.0f} ms/page")
    if one and axe_only:
        print(
            f"all our checks / axe only:     {one.ms_per_page / axe_only.ms_per_page:.2f}x time per page "
            f"(workers=1, {one.ms_per_page:.0f} vs {axe_only.ms_per_page:.0f} ms)   target <= 2.5"
        )
    how = (
        "preregistered through DevTools (Page.addScriptToEvaluateOnNewDocument)"
        if preregistered
        else "injected per frame (DevTools unavailable)"
    )
    print(f"a11y-audit axe injection:      {how}")


def print_breakdown(floor_steps: dict[str, dict[str, list[float]]], tool_output: Path) -> None:
    """Median ms per step, floor against a11y-audit workers=1, to show where the gap is."""
    tool: dict[str, list[float]] = {}
    for record in ArtifactStore(tool_output).iter_pages():
        for step, value in record.timings.items():
            tool.setdefault(step.removesuffix("_ms"), []).append(value)
    print("median ms per page step:")
    for name, steps in (
        ("floor, injecting", floor_steps["inject"]),
        ("floor, preregistered", floor_steps["prereg"]),
        ("a11y-audit workers=1", tool),
    ):
        parts = ", ".join(f"{step} {median(values):.0f}" for step, values in steps.items() if values)
        print(f"  {name:<22} {parts or 'n/a'}")


# --- the report of a large run ---------------------------------------------------------------

REPORT_PAGES = 2000
QUICK_REPORT_PAGES = 200
_REPORT_TEMPLATES = ("/p/*", "/c/*", "/", "/cart", "/checkout", "/content/*")


def synthetic_results(pages: int) -> dict[str, Any]:
    """results.json of a `pages`-page run shaped like a real store's: mostly product pages.

    Site-wide defects (header, footer) have an element on every page, template defects one
    on every page of their template, and a tail of one-off defects a few elements each, so
    the report meets both its large cases: huge issues and many issues. Each page has a
    screenshot and element boxes (see write_page_artifacts), as a real run with screenshots.
    """
    urls = [f"http://shop.test/p/{n:05d}/" for n in range(pages)]
    templates = [_REPORT_TEMPLATES[0] if n % 10 else _REPORT_TEMPLATES[1 + n % 5] for n in range(pages)]
    page_rows = [_page_row(n, url, templates[n]) for n, url in enumerate(urls)]
    groups = [list(range(pages))] * 6  # site-wide
    groups += [[n for n in range(pages) if templates[n] == name] for name in _REPORT_TEMPLATES] * 4
    groups += [[n, (n * 7) % pages, (n * 13) % pages] for n in range(0, pages, 25)]  # one-offs
    issues = [
        _issue_row(index, [urls[n] for n in members], sorted({templates[n] for n in members}))
        for index, members in enumerate(group for group in groups if group)
    ]
    by_priority = Counter(issue["priority"] for issue in issues)
    return {
        "schema_version": "1.2.0",
        "tool": {
            "name": "a11y-audit",
            "version": "bench",
            "started": "2026-11-25T10:00:00+00:00",
            "rules_run": [],
        },
        "pages": page_rows,
        "skipped": {"counts": {}, "examples": []},
        "issues": issues,
        "summary": {
            "pages_total": pages,
            "pages_audited": pages,
            "pages_failed": 0,
            "pages_skipped": 0,
            "issues": len(issues),
            "instances": sum(len(issue["instances"]) for issue in issues),
            "by_priority": dict(by_priority),
        },
    }


def _page_row(n: int, url: str, template: str) -> dict[str, Any]:
    """A product page's row, with a screenshot and element boxes."""
    return {
        "url": url,
        "final_url": url,
        "status": 200,
        "title": f"Item {n} | Shop",
        "lang": "en",
        "content_type": "text/html",
        "template": template,
        "depth": 1,
        "source": None,
        "error": None,
        "skipped": None,
        "warnings": [],
        "timings": {},
        "artifacts": {
            "screenshot": f"pages/{n:020d}/screenshot.jpg",
            ELEMENT_BOXES: f"pages/{n:020d}/{ELEMENT_BOXES}.json",
        },
    }


def _issue_row(index: int, page_urls: list[str], templates: list[str]) -> dict[str, Any]:
    """Issue `index` on these pages: an icon button with a long snippet, one element a page."""
    snippet = (
        f'<button class="icon-btn variant-{index}" data-sku="{index:06d}">' + "<svg></svg>" * 20 + "</button>"
    )
    return {
        "fingerprint": f"{index:016x}",
        "rule": f"rule-{index % 40}",
        "source": "axe",
        "outcome": "failed" if index % 4 else "cantTell",
        "impact": ("critical", "serious", "moderate", "minor")[index % 4],
        "wcag": ["4.1.2"] if index % 3 else ["1.4.3", "2.4.4"],
        "level": "A",
        "title": f"Defect {index}: buttons must have discernible text",
        "description": "Ensure buttons have discernible text",
        "help_url": "https://example.test/help",
        "priority": f"P{1 + index % 4}",
        "priority_name": "High",
        "reasons": ["serious impact", "product flow"],
        "due": "2026-12-09",
        "flow": "product",
        "blocker": False,
        "pages": len(page_urls),
        "templates": templates,
        "instances": [
            {
                "page_url": url,
                "selector": f"header .icon-btn.variant-{index}",
                "target": [f".icon-btn.variant-{index}"],
                "snippet": snippet,
                "message": "Element does not have inner text that is visible to screen readers",
            }
            for url in page_urls
        ],
    }


def write_page_artifacts(results: dict[str, Any], folder: Path) -> None:
    """A 1280 x 3000 screenshot per page and the boxes of its reported elements, in a grid."""
    shot = Image.new("RGB", (1280, 3000), "white")
    draw = ImageDraw.Draw(shot)
    for row in range(0, 3000, 150):
        draw.rectangle((40, row + 20, 1240, row + 120), fill=_COLOURS[row // 150 % len(_COLOURS)])
    encoded = io.BytesIO()
    shot.save(encoded, "JPEG", quality=80)
    targets: dict[str, list[dict[str, Any]]] = {}
    for index, issue in enumerate(results["issues"]):
        box = [40 + index % 10 * 120, 20 + index // 10 * 150, 110, 100]
        for instance in issue["instances"]:
            targets.setdefault(instance["page_url"], []).append({"target": instance["target"], "box": box})
    for page in results["pages"]:
        (folder / page["artifacts"]["screenshot"]).parent.mkdir(parents=True, exist_ok=True)
        (folder / page["artifacts"]["screenshot"]).write_bytes(encoded.getvalue())
        boxes = {"page": {"width": 1280, "height": 3000}, "boxes": targets.get(page["url"], [])}
        (folder / page["artifacts"][ELEMENT_BOXES]).write_text(json.dumps(boxes), "utf-8")


def measure_report(pages: int, folder: Path) -> None:
    """Print how long `a11y-audit report` takes to render a large run's HTML, and its size.

    The first render cuts the element screenshots it shows from the page screenshots; a
    second render reuses them, as re-rendering a finished run does.
    """
    results = synthetic_results(pages)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "results.json"
    path.write_text(json.dumps(results), "utf-8")
    write_page_artifacts(results, folder)
    timings = []
    for _ in range(2):
        started = time.perf_counter()
        report = api.report(path, "html")
        timings.append(time.perf_counter() - started)
    crops = list(folder.glob("pages/*/crops/*.jpg"))
    print(
        f"HTML report of a synthetic {pages}-page run ({len(results['issues'])} issues, "
        f"{results['summary']['instances']} elements; results.json {path.stat().st_size / 2**20:.1f} MB): "
        f"report.html {report.stat().st_size / 2**20:.1f} MB; rendered in {timings[0]:.1f} s "
        f"cutting {len(crops)} element screenshots ({sum(c.stat().st_size for c in crops) / 2**20:.1f} MB), "
        f"re-rendered in {timings[1]:.1f} s"
    )


def _arguments(argv: list[str] | None) -> tuple[argparse.Namespace, int, int]:
    """The options, the store size and the synthetic report's size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, help=f"store size and pages per run (default 200; {MIN_PAGES}+)")
    parser.add_argument(
        "--quick", action="store_true", help=f"smoke run: {QUICK_PAGES} pages unless --pages says otherwise"
    )
    parser.add_argument("--output", type=Path, help="folder for the audit outputs (default: a temp dir)")
    parser.add_argument(
        "--report-pages",
        type=int,
        help=f"pages of the synthetic run whose HTML report is timed (default {REPORT_PAGES}, --quick 200)",
    )
    parser.add_argument("--report-only", action="store_true", help="only time the HTML report (no browser)")
    args = parser.parse_args(argv)
    pages = args.pages or (QUICK_PAGES if args.quick else 200)
    if pages < MIN_PAGES:
        parser.error(f"--pages must be at least {MIN_PAGES}")
    return args, pages, args.report_pages or (QUICK_REPORT_PAGES if args.quick else REPORT_PAGES)


def _runs(
    store: StoreServer,
    pages: int,
    output: Path,
    axe_core: AxeCore,
    floor_steps: dict[str, dict[str, list[float]]],
) -> list[tuple[str, str, Callable[[], int]]]:
    """What is timed, in order: the two floors (the bare Selenium + axe loop), then the tool."""
    runs: list[tuple[str, str, Callable[[], int]]] = [
        (
            "floor-inject",
            "floor: get + inject axe + axe.run",
            partial(run_floor, store.urls, axe_core, floor_steps["inject"], preregister=False),
        ),
        (
            "floor-prereg",
            "floor: get + axe.run (axe preregistered)",
            partial(run_floor, store.urls, axe_core, floor_steps["prereg"], preregister=True),
        ),
    ]
    for key, workers, screenshots, our_checks in (
        ("workers1-axe-only", 1, True, False),
        ("workers1", 1, True, True),
        ("workers1-noshots", 1, False, True),
        ("workers2", 2, True, True),
    ):
        label = f"a11y-audit workers={workers}" + ("" if screenshots else ", no screenshots")
        label += "" if our_checks else ", axe only"
        tool_run = partial(
            run_tool,
            store.base_url,
            pages,
            output / key,
            workers=workers,
            screenshots=screenshots,
            our_checks=our_checks,
        )
        runs.append((key, label, tool_run))
    return runs


def _measure_audits(store: StoreServer, pages: int, output: Path) -> None:
    """Time the floors and the tool on the generated store, and print the table and summary."""
    axe_core = locate_axe_core()
    load_before = os.getloadavg()[0]
    preregistered = warm_up(store.urls, axe_core)
    print(
        f"a11y-audit benchmark: {pages}-page generated store at {store.base_url}, "
        f"axe-core {axe_core.version}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(
        "Each run is timed from start to finish (browser start-up, crawl, results and report);"
        " RSS is summed per process (shared pages counted repeatedly), PSS is the real footprint."
    )
    print(HEADER)
    print("-" * len(HEADER), flush=True)
    floor_steps: dict[str, dict[str, list[float]]] = {"inject": {}, "prereg": {}}
    rows: dict[str, Row] = {}
    for key, label, run in _runs(store, pages, output, axe_core, floor_steps):
        rows[key] = measure(label, run)
        print(rows[key].line(), flush=True)
    print_summary(rows, preregistered)
    print_breakdown(floor_steps, output / "workers1")
    print(f"load average (1 min) before/after: {load_before:.1f} / {os.getloadavg()[0]:.1f}")


def main(argv: list[str] | None = None) -> int:
    args, pages, report_pages = _arguments(argv)
    output: Path = args.output or Path(tempfile.mkdtemp(prefix="a11y-bench-"))
    try:
        if not args.report_only:
            with StoreServer(build_store(pages)) as store:
                _measure_audits(store, pages, output)
        measure_report(report_pages, output / "report")
    finally:
        if args.output is None:
            shutil.rmtree(output, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
