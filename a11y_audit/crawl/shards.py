"""Which shard of a split crawl audits a page (`crawl --shard I/N`), and how a shard still
finds every page: the pages of other shards are read over plain HTTP for their links only.

A page belongs to shard `sha256(canonical URL) mod N + 1`: the frontier's canonical form
(a11y_audit.crawl.urls), so every machine and every run puts a page in the same shard without
talking to the others. Each shard crawls the whole site's link graph, because a page of one
shard may be linked only from a page of another: its own pages are audited in the browser,
as always, and their links (rendered ones included) feed its frontier; a page of another
shard is fetched once with `http_fetch.fetch` (never a browser) and the `<a href>` and
`<area href>` of its HTML feed the frontier the same way. That costs one GET per page, a
small part of an audit, and obeys the same scope, robots.txt, pacing and page limit, since
those pages come from the same frontier.

What HTTP discovery cannot see: links that only a script puts into another shard's page
(and redirects made by a script or a meta refresh there). A page linked only that way is
missed by every shard that does not own the linking page; a sitemap (`--sitemap`) seeds
every shard's frontier with the same URLs and closes that gap. The GET carries no cookies:
in a signed-in crawl another shard's account pages are read signed out, so what only they
link to is seen by no shard but its owner's. Each shard lists the other shards' pages it
reached, and `merge` names those their owner never visited.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html
from lxml.etree import ParserError

from a11y_audit.crawl.http_fetch import FetchResult
from a11y_audit.errors import UsageError

__all__ = ["Discovered", "Shard", "ShardDiscovery", "html_links", "parse_shard", "shard_of"]

_SHARD = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class Shard:
    """Shard `index` (1-based) of `count`: it audits the pages `shard_of` gives it."""

    index: int
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    def owns(self, canonical_url: str) -> bool:
        """Whether this shard audits the page (the URL as the frontier queues it)."""
        return shard_of(canonical_url, self.count) == self.index


def shard_of(canonical_url: str, count: int) -> int:
    """The shard (1..count) that audits a page: a hash, so the same on every machine and run."""
    digest = hashlib.sha256(canonical_url.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def parse_shard(text: str) -> Shard:
    """'2/3' -> Shard(2, 3); anything else is a UsageError saying what a shard looks like."""
    match = _SHARD.fullmatch(text)
    index, count = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
    if not match or count < 1 or not 1 <= index <= count:
        raise UsageError(
            f"--shard {text!r} is not a shard: give I/N with 1 <= I <= N, e.g. --shard 2/3 "
            "for the second of three"
        )
    return Shard(index, count)


@dataclass(frozen=True, slots=True)
class Discovered:
    """What the HTTP fetch of another shard's page found: where it ended (after server
    redirects), whether that was a complete HTML response (its owner audits it then), and
    its links."""

    url: str
    final_url: str
    html: bool
    links: tuple[str, ...] = ()


class ShardDiscovery:
    """One shard's view of a split crawl: which pages it audits, and the plain-HTTP link
    reading of the others' pages (counted, so a shard that owned nothing can tell that the
    site was reachable)."""

    def __init__(self, shard: Shard, fetch: Callable[[str], FetchResult]):
        self.shard = shard
        self._fetch = fetch
        self._lock = threading.Lock()
        self.pages_read = 0
        """Pages of other shards that answered with HTML."""
        self.handed_over: list[str] = []
        """Every page of another shard this one reached: its owner must have it (merge checks)."""

    def owns(self, canonical_url: str) -> bool:
        return self.shard.owns(canonical_url)

    def discover(self, url: str) -> Discovered:
        """GET another shard's page and read its links; never raises (a failure finds none)."""
        result = self._fetch(url)
        html = result.ok and _is_html(result.content_type)
        with self._lock:
            self.handed_over.append(url)
            self.pages_read += html
        if not html:
            return Discovered(url, result.final_url, html=False)
        return Discovered(url, result.final_url, html=True, links=html_links(result.body, result.final_url))


def html_links(body: bytes, page_url: str) -> tuple[str, ...]:
    """The absolute targets of `<a href>` and `<area href>`, resolved as the browser's
    `a.href` is (against `<base href>` when there is one), in document order."""
    try:
        root = lxml.html.document_fromstring(body)
    except (ParserError, ValueError):
        return ()
    bases = root.xpath("//base[@href][1]/@href")
    base = urljoin(page_url, str(bases[0]).strip()) if bases else page_url
    links: list[str] = []
    for href in root.xpath("//a/@href | //area/@href"):
        try:
            links.append(urljoin(base, str(href).strip()))
        except ValueError:
            continue
    return tuple(links)


def _is_html(content_type: str | None) -> bool:
    return (content_type or "").split(";")[0].strip().lower() in _HTML_TYPES
