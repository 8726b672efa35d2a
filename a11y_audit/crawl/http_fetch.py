"""A small, never-raising HTTP GET for robots.txt and sitemaps (pages go through the browser).

Failures come back as data in FetchResult, because a missing sitemap is a warning, not a crash.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from typing import IO, Protocol
from urllib.parse import urljoin, urlsplit

from w3lib.url import safe_url_string

from a11y_audit.crawl.urls import HTTP_SCHEMES

MAX_REDIRECTS = 10
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_GZIP_MAGIC = b"\x1f\x8b"
# Content-Encoding plus a gzipped file (sitemap.xml.gz); more layers would be a gzip quine.
_MAX_GZIP_LAYERS = 2
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchResult:
    """The outcome of one GET, after redirects.

    status is None when no HTTP response arrived (DNS, refused, timeout, TLS...). error is None
    only for a complete 2xx response; otherwise it says what went wrong in one line, and body
    holds whatever was received (e.g. a 404 page, or a body cut at max_bytes).
    """

    url: str
    final_url: str
    status: int | None
    content_type: str | None
    body: bytes
    error: str | None

    @property
    def ok(self) -> bool:
        """True for a complete 2xx response."""
        return self.error is None


@dataclass(frozen=True, slots=True)
class _Response:
    """One hop: the raw response before redirect handling."""

    status: int
    headers: Message
    body: bytes
    truncated: bool


class _Readable(Protocol):
    def read(self, amount: int, /) -> bytes: ...


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand 3xx responses back untouched (as HTTPError) to fetch(), which resolves Location,
    counts hops and detects loops itself."""

    def http_error_302(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: Message
    ) -> None:
        return None

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


_OPENER = urllib.request.build_opener(_NoRedirects)


def fetch(url: str, *, timeout: float = 15, max_bytes: int = 50_000_000, user_agent: str) -> FetchResult:
    """GET a URL, following up to MAX_REDIRECTS redirects; never raises for HTTP or network errors.

    gzip is undone both as Content-Encoding and as a gzipped body (sitemap.xml.gz), recognised
    by its magic bytes so a server that already decompressed a .gz file is handled too. The
    body, compressed or not, is capped at max_bytes (the sitemap protocol's limit is 50 MB).
    timeout applies to each network operation, not to the whole download.
    """
    current = url
    seen = {url}
    for _ in range(MAX_REDIRECTS + 1):
        if not _is_http(current):
            return _failure(url, current, None, f"not an http(s) URL: {current}")
        try:
            response = _get(current, timeout=timeout, max_bytes=max_bytes, user_agent=user_agent)
        except (OSError, http.client.HTTPException, ValueError) as exc:
            return _failure(url, current, None, f"network error: {_describe(exc)}")
        if response.status not in REDIRECT_STATUSES:
            return _result(url, current, response, max_bytes)
        location = response.headers.get("Location")
        if not location:
            return _failure(url, current, response.status, "redirect without a Location header")
        try:
            current = urljoin(current, location)
        except ValueError:
            return _failure(url, current, response.status, f"invalid redirect Location '{location}'")
        if current in seen:
            return _failure(url, current, response.status, f"redirect loop at {current}")
        seen.add(current)
    return _failure(url, current, None, f"too many redirects (more than {MAX_REDIRECTS})")


def _is_http(url: str) -> bool:
    try:
        return urlsplit(url).scheme.lower() in HTTP_SCHEMES
    except ValueError:  # e.g. "http://[broken"
        return False


def _get(url: str, *, timeout: float, max_bytes: int, user_agent: str) -> _Response:
    """One GET. safe_url_string percent-encodes and IDNA-encodes what http.client cannot send
    (sitemaps do list URLs like /café.xml)."""
    request = urllib.request.Request(
        safe_url_string(url),
        headers={"User-Agent": user_agent, "Accept-Encoding": "gzip", "Accept": "*/*"},
    )
    try:
        with _OPENER.open(request, timeout=timeout) as raw:
            body, truncated = _read_capped(raw, max_bytes)
            return _Response(raw.status, raw.headers, body, truncated)
    except urllib.error.HTTPError as exc:  # 3xx/4xx/5xx: still a response, with a body
        with exc:
            body, truncated = _read_capped(exc, max_bytes)
            return _Response(exc.code, exc.headers, body, truncated)


def _read_capped(stream: _Readable, limit: int) -> tuple[bytes, bool]:
    """Read at most limit bytes; report whether more was available."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    body = b"".join(chunks)
    return body[:limit], len(body) > limit


def _result(url: str, final_url: str, response: _Response, max_bytes: int) -> FetchResult:
    content_type = response.headers.get("Content-Type")
    body, error = _decode_body(response, max_bytes)
    if error is None and not 200 <= response.status < 300:
        reason = http.client.responses.get(response.status, "")
        error = f"HTTP {response.status} {reason}".rstrip()
    return FetchResult(url, final_url, response.status, content_type, body, error)


def _decode_body(response: _Response, max_bytes: int) -> tuple[bytes, str | None]:
    """Undo Content-Encoding and gzipped files; return the body and an error, if any."""
    if response.truncated:
        return response.body, f"response body larger than {max_bytes} bytes; truncated"
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding not in {"identity", "gzip", "x-gzip"}:
        return response.body, f"unsupported Content-Encoding '{encoding}'"
    body = response.body
    for _ in range(_MAX_GZIP_LAYERS):
        if not body.startswith(_GZIP_MAGIC):
            break
        try:
            body, complete = _gunzip(body, max_bytes)
        except (zlib.error, EOFError) as exc:
            return response.body, f"could not decompress gzip body: {exc}"
        if not complete:
            return body, f"decompressed body larger than {max_bytes} bytes; truncated"
    return body, None


def _gunzip(data: bytes, max_bytes: int) -> tuple[bytes, bool]:
    """Decompress one gzip layer without ever holding more than max_bytes (zip-bomb safe)."""
    decompressor = zlib.decompressobj(wbits=31)
    body = decompressor.decompress(data, max_bytes + 1)
    if len(body) > max_bytes:
        return body[:max_bytes], False
    if not decompressor.eof:
        raise EOFError("compressed data ends before the end-of-stream marker")
    return body, True


def _failure(url: str, final_url: str, status: int | None, error: str) -> FetchResult:
    return FetchResult(url, final_url, status, None, b"", error)


def _describe(exc: BaseException) -> str:
    """One line for a network exception; URLError hides the real cause in .reason."""
    cause = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    text = str(cause) or type(cause).__name__
    return " ".join(text.split())
