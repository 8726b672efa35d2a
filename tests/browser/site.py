"""A local test site with the pages real stores throw at a crawler: slow, broken, hostile."""

from __future__ import annotations

import re
import ssl
import subprocess
import time
from collections.abc import Callable
from contextlib import ExitStack
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import unquote

from tests.support import QuietHandler, local_server, serving

Route = Callable[[BaseHTTPRequestHandler, re.Match[str]], None]


def html(body: str, title: str = "Test page", head: str = "") -> bytes:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
        f"<body><main><h1>{title}</h1>{body}</main></body></html>"
    ).encode()


def send(
    handler: BaseHTTPRequestHandler, body: bytes, status: int = 200, content_type: str = "text/html"
) -> None:
    handler.send_response(status)
    handler.send_header(
        "Content-Type", f"{content_type}; charset=utf-8" if content_type.startswith("text") else content_type
    )
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def redirect(handler: BaseHTTPRequestHandler, location: str) -> None:
    handler.send_response(302)
    handler.send_header("Location", location)
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def _port(handler: BaseHTTPRequestHandler) -> int:
    """The port this site listens on (another host name for it is another origin)."""
    return int(handler.server.server_address[1])  # type: ignore[index]


def _never_finishes(handler: BaseHTTPRequestHandler, _: re.Match[str]) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.end_headers()
    handler.wfile.write(
        b'<!doctype html><html lang="en"><head><title>Slow</title></head><body><main><h1>Slow</h1>'
        b'<img src="/pic.png"><p>Rendered before the stall.</p>'
    )
    handler.wfile.flush()
    time.sleep(20)


def _calendar(handler: BaseHTTPRequestHandler, match: re.Match[str]) -> None:
    day = int(match.group(1))
    send(
        handler,
        html(
            f'<p>Day {day}</p><a href="/calendar?day={day + 1}">Next day</a>'
            f'<a href="/calendar?day={day - 1}">Previous day</a>',
            title=f"Calendar {day}",
        ),
    )


def _big(handler: BaseHTTPRequestHandler, _: re.Match[str]) -> None:
    rows = "".join(f"<li><span>Item {i}</span></li>" for i in range(10_000))
    send(handler, html(f"<ul>{rows}</ul>", title="Big"))


def _chain(handler: BaseHTTPRequestHandler, match: re.Match[str]) -> None:
    """/chain/0 .. /chain/CHAIN_LENGTH, each linking to the next: a crawl of known size."""
    number = int(match.group(1))
    link = f'<a href="/chain/{number + 1}">Next</a>' if number < CHAIN_LENGTH else ""
    send(handler, html(f'<img src="/pic.png">{link}', title=f"Chain {number}"))


def _rendered(handler: BaseHTTPRequestHandler, _: re.Match[str]) -> None:
    """A menu whose links only a script writes: /rendered-only/1..RENDERED_LINKS."""
    script = (
        f"for (let n = 1; n <= {RENDERED_LINKS}; n++) {{ const a = document.createElement('a');"
        " a.href = '/rendered-only/' + n; a.textContent = 'Item ' + n;"
        " document.getElementById('menu').append(a); }"
    )
    send(handler, html(f'<div id="menu"></div><script>{script}</script>', title="Rendered"))


CHAIN_LENGTH = 24
RENDERED_LINKS = 6
"""/rendered links to /rendered-only/1..6 by script only: no HTML link leads there."""

ROUTES: list[tuple[str, Route]] = [
    (
        r"/$",
        lambda h, m: send(
            h,
            html(
                '<a href="/about">About</a> <a href="/missing">Missing</a> <a href="/doc.pdf">PDF</a> '
                '<a href="/scripts">Scripts</a> <a href="/about?utm_source=x#top">About again</a> '
                '<a href="/calendar?day=1">Calendar</a> <a href="/private/x">Private</a>'
                '<img src="/pic.png">',
                title="Home",
            ),
        ),
    ),
    (r"/about$", lambda h, m: send(h, html('<a href="/">Home</a><input type="text">', title="About"))),
    (r"/private/.*", lambda h, m: send(h, html("<p>private</p>", title="Private"))),
    (
        r"/robots.txt$",
        lambda h, m: send(h, b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
    ),
    (r"/download$", lambda h, m: send(h, b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")),
    (r"/doc.pdf$", lambda h, m: send(h, b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")),
    (
        r"/scripts$",
        lambda h, m: send(
            h,
            html(
                '<script>alert("hello"); confirm("sure?"); undefinedFunction();</script><img src="/x.png">',
                title="Scripts",
            ),
        ),
    ),
    (r"/slow$", _never_finishes),
    (r"/calendar\?day=(-?\d+)$", _calendar),
    (r"/loop$", lambda h, m: redirect(h, "/loop2")),
    (r"/loop2$", lambda h, m: redirect(h, "/loop")),
    (r"/offsite$", lambda h, m: redirect(h, f"http://elsewhere.localhost:{_port(h)}/about")),
    (
        r"/hub$",
        lambda h, m: send(
            h, html('<a href="/moved">Moved</a> <a href="/moved-too">Also moved</a>', title="Hub")
        ),
    ),
    (r"/moved(?:-too)?$", lambda h, m: redirect(h, "/landing")),
    (r"/other-host$", lambda h, m: redirect(h, f"http://localhost:{_port(h)}/about")),
    (r"/to-www$", lambda h, m: redirect(h, f"http://www.localhost:{_port(h)}/about")),
    (r"/landing$", lambda h, m: send(h, html('<img src="/pic.png"><a href="/hub">Hub</a>', title="Landing"))),
    (r"/big$", _big),
    (
        r"/framed\?src=(.+)$",
        lambda h, m: send(
            h, html(f'<iframe title="Support chat" src="{unquote(m.group(1))}"></iframe>', title="Framed")
        ),
    ),
    (
        r"/widget$",
        lambda h, m: send(
            h,
            html(
                '<button class="launch"><svg width="9" height="9"></svg></button>'
                '<input type="email" class="chat-email">',
                title="Widget",
            ),
        ),
    ),
    (
        r"/hang$",
        lambda h, m: send(
            h,
            html(
                '<script>addEventListener("load", () => setTimeout(() => { while (true) {} }, 50));</script>',
                title="Hang",
            ),
        ),
    ),
    (r"/chain/(\d+)$", _chain),
    (
        r"/twins/(\d)$",
        lambda h, m: send(
            h,
            html(
                '<nav aria-label="Main"><a href="/about">About</a> <a href="/landing">Landing</a></nav>'
                f"<p>Twin {m.group(1)}</p>",
                title="Size guide",
            ),
        ),
    ),
    (r"/rendered$", _rendered),
    (
        r"/rendered-only/(\d+)$",
        lambda h, m: send(h, html(f"<p>Item {m.group(1)}</p>", title=f"Item {m.group(1)}")),
    ),
    (r"/pic.png$", lambda h, m: send(h, b"", content_type="image/png")),
]


class _Handler(QuietHandler):
    def do_GET(self) -> None:
        for pattern, route in ROUTES:
            match = re.match(pattern, self.path)
            if match:
                route(self, match)
                return
        send(self, html("<p>Not found</p>", title="Not found"), status=404)


class Site:
    """Serves ROUTES on 127.0.0.1 (optionally over TLS with a self-signed certificate)."""

    def __init__(self, tls_dir: Path | None = None):
        self.server = local_server(_Handler)
        scheme = "http"
        if tls_dir is not None:
            cert, key = _self_signed(tls_dir)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert, key)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
            scheme = "https"
        self.url = f"{scheme}://127.0.0.1:{self.server.server_address[1]}/"
        self._running = ExitStack()

    def __enter__(self) -> Site:
        self._running.enter_context(serving(self.server))
        return self

    def __exit__(self, *exc: object) -> None:
        self._running.close()


def _self_signed(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key
