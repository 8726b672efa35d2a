"""A local demo storefront with planted WCAG defects, served on two origins.

`a11y-audit demo` and the integration tests audit it. The second ("widgets") origin serves the
live-chat widget and the payment card fields, so that they are cross-origin iframes as on real
stores; both origins run on the standard library's threading HTTP server, so the store starts in
milliseconds and needs nothing beyond Jinja2.
"""

from __future__ import annotations

import logging
import mimetypes
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import catalog
from .churn import churn_html, churn_order
from .defects import VARIANTS, defect_enabled

__all__ = ["DECLINED_CARD", "DEMO_EMAIL", "DEMO_PASSWORD", "JOURNEYS", "VARIANTS", "DemoStore"]

_log = logging.getLogger(__name__)
_HERE = Path(__file__).resolve().parent
_STATIC = _HERE / "static"
_HTML = "text/html; charset=utf-8"

DEMO_EMAIL = "demo@fernandfield.example"
DEMO_PASSWORD = "fern-and-field-demo-2024"
"""The demo account (docs/journeys.md). Journeys type the password from an environment variable."""
JOURNEYS = _HERE / "journeys.toml"
"""The demo's ready journey config (checkout and sign-in), what `a11y-audit demo` audits by default."""
DECLINED_CARD = "4000 0000 0000 0002"
"""The payment provider's test card that is always declined (as Stripe's test cards); any other
number is accepted. Test numbers only: never a real-looking card number in the demo."""
DECLINED_TOKEN = "tok_chargeDeclined"
"""What the card fields (static/js/card-fields.js) hand the store for DECLINED_CARD."""


@dataclass(slots=True)
class _Response:
    status: int = 200
    body: str | bytes = ""
    content_type: str = _HTML
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Request:
    method: str
    path: str
    query: dict[str, str]
    cookies: dict[str, str]
    form: dict[str, str] = field(default_factory=dict)

    @property
    def full_path(self) -> str:
        qs = "&".join(f"{quote(k)}={quote(v)}" for k, v in self.query.items())
        return self.path + (f"?{qs}" if qs else "")


def _redirect(location: str, status: int = 303) -> _Response:
    return _Response(status=status, headers={"Location": location}, content_type="text/plain")


@dataclass(slots=True)
class _Session:
    """A visitor's server-side state, behind the `sid` cookie: only journeys ever get one
    (the crawl clears cookies and never submits forms), so its pages are journey-only states."""

    signed_in: bool = False
    bag: list[tuple[catalog.Product, str, str, int]] = field(default_factory=list)


class _Site:
    """Renders every page of one variant for both origins."""

    def __init__(self, variant: str) -> None:
        self.variant = variant
        self.store_origin = ""
        self.widget_origin = ""
        self.env = Environment(
            loader=FileSystemLoader(_HERE / "templates"),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=StrictUndefined,
        )
        self.env.globals.update(
            defect=self.defect,
            catalog=catalog,
            categories=list(catalog.CATEGORIES.values()),
            colours=catalog.COLOURS,
            currencies=list(catalog.CURRENCIES.values()),
        )
        self.store_routes: dict[str, Callable[[_Request], _Response]] = {
            "/": self.home,
            "/search": self.search,
            "/cart": self.cart,
            "/checkout": self.checkout,
            "/checkout/shipping": self.checkout,
            "/checkout/payment": self.checkout,
            "/checkout/review": self.checkout,
            "/checkout/confirmation": self.checkout,
            "/sign-in": self.page("sign-in", "sign_in.html", "Sign in or create an account"),
            "/account": self.page("account", "account.html", "My account"),
            "/account/orders/export": self.orders_export,
            "/privacy": self.page("privacy", "content/privacy.html", "Privacy policy"),
            "/accessibility": self.page(
                "accessibility", "content/accessibility.html", "Accessibility statement"
            ),
            "/shipping-returns": self.page(
                "shipping-returns", "content/shipping_returns.html", "Delivery and returns"
            ),
            "/contact": self.page("contact", "content/contact.html", "Contact us"),
            "/currency": self.currency,
            "/robots.txt": self.robots,
            "/sitemap.xml": self.sitemap_index,
            "/sitemap-pages.xml": lambda r: self.sitemap("pages"),
            "/sitemap-products.xml": lambda r: self.sitemap("products"),
            "/assets/theme.css": self.theme_css,
        }
        self.widget_routes: dict[str, Callable[[_Request], _Response]] = {
            "/chat/launcher": lambda r: self.widget("widgets/chat.html", mode="launcher"),
            "/chat/embed": lambda r: self.widget("widgets/chat.html", mode="embed"),
            "/payment/card-fields": lambda r: self.widget(
                "widgets/card_fields.html", declined=r.query.get("error") == "card_declined"
            ),
        }
        self.sessions: dict[str, _Session] = {}
        self.sessions_lock = threading.Lock()
        self.store_routes["/account/orders"] = self.order_history
        self.post_handlers: dict[str, Callable[[_Request], _Response]] = {
            "/sign-in": self.sign_in,
            "/cart/add": self.cart_add,
            "/checkout/shipping": self.checkout_post,
            "/checkout/payment": self.checkout_post,
            "/checkout/review": self.checkout_post,
        }
        self.post_routes: dict[str, str] = {
            "/sign-in": "/account",
            "/account": "/account",
            "/cart/add": "/cart",
            "/newsletter": "/?subscribed=1",
            "/contact": "/contact?sent=1",
        }

    def defect(self, defect_id: str) -> bool:
        return defect_enabled(self.variant, defect_id)

    # -- dispatch -----------------------------------------------------------------------------

    def handle(self, req: _Request, *, widget: bool) -> _Response:
        if req.path.startswith("/static/"):
            return self.static(req.path.removeprefix("/static/"))
        if widget:
            route = self.widget_routes.get(req.path)
            return route(req) if route else self.not_found(req, plain=True)
        if req.method == "POST":
            handler = self.post_handlers.get(req.path)
            if handler is not None:
                return handler(req)
            target = self.post_routes.get(req.path)
            return _redirect(target) if target else _Response(405, "Method not allowed")
        route = self.store_routes.get(req.path)
        if route:
            return route(req)
        if req.path.startswith("/category/"):
            return self.category(req, req.path.removeprefix("/category/"))
        if req.path.startswith("/products/"):
            return self.product(req, req.path.removeprefix("/products/"))
        if req.path.startswith("/media/products/") and req.path.endswith(".svg"):
            return self.product_image(req.path.removeprefix("/media/products/")[:-4])
        return self.not_found(req)

    def render(self, req: _Request, template: str, page: str, title: str, **ctx: Any) -> _Response:
        session = self.session_of(req)
        bag = session.bag if session is not None else []
        currency = req.cookies.get("currency", "GBP")
        if currency not in catalog.CURRENCIES:
            currency = "GBP"
        html = self.env.get_template(template).render(
            page_template=page,
            title=title,
            path=req.full_path,
            currency=currency,
            price=lambda pence: catalog.format_price(pence, currency),
            show_cookie_banner="consent" not in req.cookies,
            store_origin=self.store_origin,
            widget_origin=self.widget_origin,
            cart=bag,
            cart_count=sum(q for _, _, _, q in bag),
            signed_in=session is not None and session.signed_in,
            session_bag=bool(bag),
            **ctx,
        )
        return _Response(body=churn_html(html) if self.variant == "churn" else html)

    def ordered(self, products: list[catalog.Product]) -> list[catalog.Product]:
        """Product listings as this variant orders them (churn: another order)."""
        return churn_order(products) if self.variant == "churn" else products

    def page(self, name: str, template: str, title: str) -> Callable[[_Request], _Response]:
        return lambda req: self.render(req, template, name, title, query=req.query)

    # -- store pages --------------------------------------------------------------------------

    def home(self, req: _Request) -> _Response:
        new_in = self.ordered([catalog.PRODUCTS[i] for i in (0, 12, 22, 3)])
        return self.render(req, "home.html", "home", "Fern & Field: modern clothing", new_in=new_in)

    def category(self, req: _Request, slug: str) -> _Response:
        cat = catalog.CATEGORIES.get(slug)
        colour = req.query.get("colour")
        if cat is None or (colour is not None and colour not in catalog.category_colours(slug)):
            return self.not_found(req)
        sort = req.query.get("sort", "")
        items = self.ordered(catalog.listing(slug, colour, sort))
        pages = catalog.page_count(len(items))
        page_no = req.query.get("page", "1")
        if not page_no.isdigit() or not 1 <= int(page_no) <= pages:
            return self.not_found(req)
        n = int(page_no)
        shown = items[(n - 1) * catalog.PAGE_SIZE : n * catalog.PAGE_SIZE]
        title = cat.name + (f" in {catalog.COLOURS[colour].name}" if colour else "")
        title += f", page {n}" if n > 1 else ""
        return self.render(
            req,
            "category.html",
            "category",
            title,
            category=cat,
            colour=colour,
            sort=sort,
            in_stock=req.query.get("in_stock") == "1",  # every demo product is in stock
            products=shown,
            total=len(items),
            page_no=n,
            pages=pages,
        )

    def product(self, req: _Request, slug: str) -> _Response:
        product = catalog.product_by_slug(slug)
        if product is None:
            return self.not_found(req)
        return self.render(
            req,
            f"product_{product.template}.html",
            f"product-{product.template}",
            product.name,
            product=product,
            category=catalog.CATEGORIES[product.category],
            related=catalog.related_products(product),
        )

    def search(self, req: _Request) -> _Response:
        q = req.query.get("q", "").strip()
        title = f"Search results for “{q}”" if q else "Search"
        return self.render(req, "search.html", "search", title, q=q, results=self.ordered(catalog.search(q)))

    def cart(self, req: _Request) -> _Response:
        session = self.session_of(req)
        added = session is not None and bool(session.bag)
        return self.render(req, "cart.html", "cart", "Your bag", expired="expired" in req.query, added=added)

    # -- sessions: sign-in, the bag, order history (journey-only states) ----------------------

    def session_of(self, req: _Request) -> _Session | None:
        with self.sessions_lock:
            return self.sessions.get(req.cookies.get("sid", ""))

    def _session_for(self, req: _Request, resp: _Response) -> _Session:
        """The visitor's session, or a new one whose cookie goes out with resp."""
        session = self.session_of(req)
        if session is None:
            sid = secrets.token_urlsafe(16)
            session = _Session()
            with self.sessions_lock:
                self.sessions[sid] = session
            resp.headers["Set-Cookie"] = f"sid={sid}; Path=/; HttpOnly; SameSite=Lax"
        return session

    def sign_in(self, req: _Request) -> _Response:
        """The demo account signs in; other credentials go back with an error. Registering,
        and posts without an email field, go on to the account page as before (no session)."""
        form = req.form
        if "name" in form or "email" not in form:
            return _redirect("/account")
        if form.get("email") != DEMO_EMAIL or form.get("password") != DEMO_PASSWORD:
            return _redirect("/sign-in?error=credentials")
        resp = _redirect("/account")
        self._session_for(req, resp).signed_in = True
        return resp

    def cart_add(self, req: _Request) -> _Response:
        product = catalog.product_by_slug(req.form.get("product", ""))
        resp = _redirect("/cart")
        if product is not None:
            quantity = req.form.get("quantity", "1")
            colour = req.form.get("colour") or product.colours[0]
            size = req.form.get("size", "")
            item = (product, colour, size, int(quantity) if quantity.isdigit() else 1)
            self._session_for(req, resp).bag.append(item)
        return resp

    def order_history(self, req: _Request) -> _Response:
        session = self.session_of(req)
        if session is None or not session.signed_in:
            return _redirect("/sign-in", 302)
        return self.render(req, "account_orders.html", "account-orders", "Order history")

    def checkout(self, req: _Request, *, declined: bool = False) -> _Response:
        """A checkout step; like a real store's, with an empty bag every step sends you to the bag
        (so only a journey that adds to the bag reaches checkout; the crawler never does)."""
        session = self.session_of(req)
        if session is None or not session.bag:
            return _redirect("/cart", 302)
        if req.path == "/checkout":
            return _redirect("/checkout/shipping", 302)
        step = req.path.rsplit("/", 1)[1]
        titles = {
            "shipping": "Delivery details",
            "payment": "Payment",
            "review": "Review order",
            "confirmation": "Order confirmed",
        }
        title = f"Checkout: {titles[step]}"
        return self.render(
            req, f"checkout/{step}.html", f"checkout-{step}", title, step=step, declined=declined
        )

    def checkout_post(self, req: _Request) -> _Response:
        """A submitted step goes on to the next; a payment with the provider's declined test
        card (token tok_chargeDeclined, card 4000 0000 0000 0002) comes back with the error."""
        session = self.session_of(req)
        if session is None or not session.bag:
            return _redirect("/cart")
        if req.path == "/checkout/payment" and req.form.get("payment_token") == DECLINED_TOKEN:
            return self.checkout(req, declined=True)
        return _redirect(_CHECKOUT_NEXT[req.path])

    def orders_export(self, req: _Request) -> _Response:
        csv = "order,date,total\nFF-10482,2024-03-02,94.00\nFF-10219,2024-01-17,45.00\n"
        return _Response(body=csv, content_type="text/csv; charset=utf-8")

    def currency(self, req: _Request) -> _Response:
        code = req.query.get("code", "GBP")
        target = req.query.get("next", "/")
        if not target.startswith("/") or target.startswith("//"):
            target = "/"
        resp = _redirect(target)
        if code in catalog.CURRENCIES:
            resp.headers["Set-Cookie"] = f"currency={code}; Path=/; SameSite=Lax"
        return resp

    def not_found(self, req: _Request, *, plain: bool = False) -> _Response:
        if plain:
            return _Response(404, "Not found", "text/plain; charset=utf-8")
        resp = self.render(req, "not_found.html", "not-found", "Page not found")
        resp.status = 404
        return resp

    # -- feeds and assets ---------------------------------------------------------------------

    def robots(self, req: _Request) -> _Response:
        body = self.env.get_template("feeds/robots.txt").render(origin=self.store_origin)
        return _Response(body=body, content_type="text/plain; charset=utf-8")

    def sitemap_index(self, req: _Request) -> _Response:
        body = self.env.get_template("feeds/sitemap_index.xml").render(origin=self.store_origin)
        return _Response(body=body, content_type="application/xml; charset=utf-8")

    def sitemap(self, group: str) -> _Response:
        paths = [p.path for p in catalog.crawl_pages() if p.sitemap == group]
        body = self.env.get_template("feeds/urlset.xml").render(
            origin=self.store_origin.rstrip("/"), paths=paths
        )
        return _Response(body=body, content_type="application/xml; charset=utf-8")

    def theme_css(self, req: _Request) -> _Response:
        body = self.env.get_template("assets/theme.css").render()
        return _Response(body=body, content_type="text/css; charset=utf-8")

    def product_image(self, name: str) -> _Response:
        slug, _, view = name.rpartition("-")
        product = catalog.product_by_slug(slug)
        if product is None or view not in {"1", "2", "3"}:
            return _Response(404, "Not found", "text/plain; charset=utf-8")
        body = self.env.get_template("media/product.svg").render(product=product, view=int(view))
        return _Response(body=body, content_type="image/svg+xml")

    def widget(self, template: str, **ctx: Any) -> _Response:
        html = self.env.get_template(template).render(
            store_origin=self.store_origin, widget_origin=self.widget_origin, **ctx
        )
        return _Response(body=html)

    def static(self, rel: str) -> _Response:
        path = (_STATIC / rel).resolve()
        if not path.is_relative_to(_STATIC) or not path.is_file():
            return _Response(404, "Not found", "text/plain; charset=utf-8")
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype.endswith(("javascript", "svg+xml")):
            ctype += "; charset=utf-8"
        return _Response(body=path.read_bytes(), content_type=ctype)


_CHECKOUT_NEXT = {
    "/checkout/shipping": "/checkout/payment",
    "/checkout/payment": "/checkout/review",
    "/checkout/review": "/checkout/confirmation",
}
"""Where each submitted checkout step leads."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str, port: int, site: _Site, *, widget: bool) -> None:
        super().__init__((host, port), _Handler)
        self.site = site
        self.widget = widget

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet about clients that hang up mid-response (browsers do that)."""


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Request lines would drown test output; the store logs nothing."""

    def do_GET(self) -> None:
        self._serve("GET")

    def do_HEAD(self) -> None:
        self._serve("HEAD")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        self._serve("POST", {k: v[0] for k, v in parse_qs(body).items()})

    def _serve(self, method: str, form: dict[str, str] | None = None) -> None:
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        jar = SimpleCookie(self.headers.get("Cookie", ""))
        req = _Request(method, url.path, query, {k: m.value for k, m in jar.items()}, form or {})
        try:
            resp = self.server.site.handle(req, widget=self.server.widget)
        except Exception:  # a template bug must show up as a 500, not a dropped connection
            _log.exception("demo store failed on %s %s", method, self.path)
            resp = _Response(500, "Internal server error", "text/plain; charset=utf-8")
        body = resp.body.encode("utf-8") if isinstance(resp.body, str) else resp.body
        self.send_response(resp.status)
        self.send_header("Content-Type", resp.content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in resp.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(body)


class DemoStore:
    """The demo storefront: `with DemoStore("fixed") as store: visit(store.base_url)`."""

    def __init__(
        self, variant: str = "broken", host: str = "127.0.0.1", port: int = 0, widget_port: int = 0
    ) -> None:
        if variant not in VARIANTS:
            raise ValueError(f"unknown variant {variant!r}; valid variants: {', '.join(VARIANTS)}")
        self.variant = variant
        self.host = host
        self.port = port
        self.widget_port = widget_port
        self._servers: list[_Server] = []
        self._threads: list[threading.Thread] = []

    def start(self) -> DemoStore:
        if self._servers:
            return self
        site = _Site(self.variant)
        store = _Server(self.host, self.port, site, widget=False)
        try:
            widgets = _Server(self.host, self.widget_port, site, widget=True)
        except OSError:
            store.server_close()
            raise
        self._servers = [store, widgets]
        site.store_origin = self.base_url.rstrip("/")
        site.widget_origin = self.widget_url.rstrip("/")
        for server in self._servers:
            thread = threading.Thread(
                target=server.serve_forever,
                args=(0.05,),
                daemon=True,
                name=f"demo-store-{server.server_address[1]}",
            )
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._servers, self._threads = [], []

    def _url(self, index: int) -> str:
        if not self._servers:
            raise RuntimeError("DemoStore is not running; call start() first")
        return f"http://{self.host}:{self._servers[index].server_address[1]}/"

    @property
    def base_url(self) -> str:
        return self._url(0)

    @property
    def widget_url(self) -> str:
        return self._url(1)

    def __enter__(self) -> DemoStore:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
