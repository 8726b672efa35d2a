"""fetch() against a local HTTP server: redirects, errors, gzip, size caps, timeouts."""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from a11y_audit.crawl.http_fetch import MAX_REDIRECTS, fetch
from tests.support import QuietHandler, local_server, serving

UA = "a11y-audit-test/1.0"


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    hold: threading.Event | None = None
    """Withhold the reply until this is set (a guard of 10 s ends the wait if it never is)."""


Route = Reply | Callable[[str], Reply]


class Site:
    """A local server whose responses are set per path by each test."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.replied: list[str] = []
        """Paths of held replies, once the hold ended and the reply is being sent."""
        site = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                site.requests.append((self.path, dict(self.headers.items())))
                route = site.routes.get(self.path, Reply(404, b"not found"))
                reply = route(self.path) if callable(route) else route
                if reply.hold is not None:
                    reply.hold.wait(timeout=10)
                    site.replied.append(self.path)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(reply.body)

        self.server = local_server(Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    with serving(site.server):
        yield site


def test_plain_get(site: Site) -> None:
    site.routes["/robots.txt"] = Reply(200, b"User-agent: *\n", {"Content-Type": "text/plain"})
    result = fetch(site.url("/robots.txt"), user_agent=UA)
    assert result.ok
    assert result.error is None
    assert result.status == 200
    assert result.body == b"User-agent: *\n"
    assert result.content_type == "text/plain"
    assert result.url == result.final_url == site.url("/robots.txt")


def test_sends_user_agent_and_accepts_gzip(site: Site) -> None:
    site.routes["/x"] = Reply(200, b"ok")
    fetch(site.url("/x"), user_agent=UA)
    headers = site.requests[0][1]
    assert headers["User-Agent"] == UA
    assert headers["Accept-Encoding"] == "gzip"


@pytest.mark.parametrize(
    ("status", "text"),
    [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error"), (403, "HTTP 403 Forbidden")],
)
def test_http_errors_are_returned_not_raised(site: Site, status: int, text: str) -> None:
    site.routes["/e"] = Reply(status, b"error page")
    result = fetch(site.url("/e"), user_agent=UA)
    assert result.status == status
    assert result.error == text
    assert not result.ok
    assert result.body == b"error page"


def test_follows_redirect_chain(site: Site) -> None:
    site.routes["/a"] = Reply(301, headers={"Location": "/b"})
    site.routes["/b"] = Reply(302, headers={"Location": site.url("/c")})
    site.routes["/c"] = Reply(307, headers={"Location": "d?x=1"})
    site.routes["/d?x=1"] = Reply(200, b"final")
    result = fetch(site.url("/a"), user_agent=UA)
    assert result.ok
    assert result.body == b"final"
    assert result.url == site.url("/a")
    assert result.final_url == site.url("/d?x=1")


def test_redirect_loop_is_detected(site: Site) -> None:
    site.routes["/loop1"] = Reply(302, headers={"Location": "/loop2"})
    site.routes["/loop2"] = Reply(302, headers={"Location": "/loop1"})
    result = fetch(site.url("/loop1"), user_agent=UA)
    assert result.error == f"redirect loop at {site.url('/loop1')}"
    assert len(site.requests) == 2


def test_too_many_redirects(site: Site) -> None:
    site.routes.update(
        {f"/r{i}": Reply(302, headers={"Location": f"/r{i + 1}"}) for i in range(MAX_REDIRECTS + 5)}
    )
    result = fetch(site.url("/r0"), user_agent=UA)
    assert result.error == f"too many redirects (more than {MAX_REDIRECTS})"
    assert result.status is None
    assert len(site.requests) == MAX_REDIRECTS + 1


def test_exactly_max_redirects_is_fine(site: Site) -> None:
    site.routes.update(
        {f"/r{i}": Reply(302, headers={"Location": f"/r{i + 1}"}) for i in range(MAX_REDIRECTS)}
    )
    site.routes[f"/r{MAX_REDIRECTS}"] = Reply(200, b"made it")
    assert fetch(site.url("/r0"), user_agent=UA).body == b"made it"


def test_redirect_to_non_http_scheme_is_an_error(site: Site) -> None:
    site.routes["/ftp"] = Reply(301, headers={"Location": "ftp://example.com/file"})
    result = fetch(site.url("/ftp"), user_agent=UA)
    assert result.error == "not an http(s) URL: ftp://example.com/file"


def test_non_ascii_urls_are_percent_encoded(site: Site) -> None:
    site.routes["/caf%C3%A9.xml?q=%C3%A9"] = Reply(200, b"encoded")
    result = fetch(site.url("/café.xml?q=é"), user_agent=UA)
    assert result.body == b"encoded"


def test_invalid_redirect_location_is_an_error(site: Site) -> None:
    site.routes["/bad"] = Reply(302, headers={"Location": "http://[broken/"})
    result = fetch(site.url("/bad"), user_agent=UA)
    assert result.status == 302
    assert result.error == "invalid redirect Location 'http://[broken/'"


def test_redirect_without_location(site: Site) -> None:
    site.routes["/nowhere"] = Reply(302)
    result = fetch(site.url("/nowhere"), user_agent=UA)
    assert result.status == 302
    assert result.error == "redirect without a Location header"


def test_gzip_content_encoding_is_decoded(site: Site) -> None:
    site.routes["/s.xml"] = Reply(200, gzip.compress(b"<urlset/>"), {"Content-Encoding": "gzip"})
    result = fetch(site.url("/s.xml"), user_agent=UA)
    assert result.ok
    assert result.body == b"<urlset/>"


def test_gzipped_file_is_decoded(site: Site) -> None:
    site.routes["/s.xml.gz"] = Reply(200, gzip.compress(b"<urlset/>"), {"Content-Type": "application/gzip"})
    assert fetch(site.url("/s.xml.gz"), user_agent=UA).body == b"<urlset/>"


def test_gzipped_file_sent_with_gzip_encoding_is_decoded_twice(site: Site) -> None:
    body = gzip.compress(gzip.compress(b"<urlset/>"))
    site.routes["/s.xml.gz"] = Reply(200, body, {"Content-Encoding": "gzip"})
    assert fetch(site.url("/s.xml.gz"), user_agent=UA).body == b"<urlset/>"


def test_corrupt_gzip_is_an_error(site: Site) -> None:
    site.routes["/bad.gz"] = Reply(200, gzip.compress(bytes(range(256)) * 50)[:100])
    result = fetch(site.url("/bad.gz"), user_agent=UA)
    assert result.status == 200
    assert result.error is not None
    assert result.error.startswith("could not decompress gzip body")


def test_unsupported_content_encoding_is_an_error(site: Site) -> None:
    site.routes["/br"] = Reply(200, b"\x00\x01", {"Content-Encoding": "br"})
    assert fetch(site.url("/br"), user_agent=UA).error == "unsupported Content-Encoding 'br'"


def test_body_is_capped(site: Site) -> None:
    site.routes["/big"] = Reply(200, b"a" * 10_000)
    result = fetch(site.url("/big"), user_agent=UA, max_bytes=1000)
    assert len(result.body) == 1000
    assert result.error == "response body larger than 1000 bytes; truncated"


def test_body_of_exactly_max_bytes_is_complete(site: Site) -> None:
    site.routes["/exact"] = Reply(200, b"a" * 1000)
    site.routes["/exact.gz"] = Reply(200, gzip.compress(b"a" * 1000))
    for path in ("/exact", "/exact.gz"):
        result = fetch(site.url(path), user_agent=UA, max_bytes=1000)
        assert result.ok, path
        assert result.body == b"a" * 1000


def test_decompressed_size_is_capped(site: Site) -> None:
    bomb = gzip.compress(b"\0" * 5_000_000)
    site.routes["/bomb.gz"] = Reply(200, bomb)
    result = fetch(site.url("/bomb.gz"), user_agent=UA, max_bytes=100_000)
    assert len(bomb) < 100_000
    assert len(result.body) == 100_000
    assert result.error == "decompressed body larger than 100000 bytes; truncated"


def test_connection_refused_is_a_network_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = fetch(f"http://127.0.0.1:{port}/robots.txt", user_agent=UA, timeout=2)
    assert result.status is None
    assert result.error is not None
    assert result.error.startswith("network error:")
    assert "refused" in result.error.lower()


def test_timeout_is_a_network_error(site: Site) -> None:
    """The server withholds its reply until the test releases it: fetch() coming back with a
    timeout while the reply is still withheld shows it gave up on its own timeout, not on the
    server (how long it took is the benchmark's business, not a test's)."""
    hold = threading.Event()
    site.routes["/slow"] = Reply(200, b"late", hold=hold)
    try:
        result = fetch(site.url("/slow"), user_agent=UA, timeout=0.3)
        assert site.replied == []
    finally:
        hold.set()
    assert [path for path, _ in site.requests] == ["/slow"]
    assert result.status is None
    assert result.error is not None
    assert "timed out" in result.error


@pytest.mark.parametrize("url", ["ftp://example.com/x", "file:///etc/passwd", "not a url", "http://[::1"])
def test_non_http_urls_are_errors(url: str) -> None:
    result = fetch(url, user_agent=UA)
    assert result.status is None
    assert result.error == f"not an http(s) URL: {url}"
    assert result.body == b""
