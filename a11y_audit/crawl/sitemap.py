"""Sitemap parsing (via ultimate-sitemap-parser) and a bounded walk through sitemap indexes.

Sitemaps seed the crawl with pages that no link reaches; broken ones are warnings, not errors.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from usp.objects.sitemap import AbstractIndexSitemap, InvalidSitemap
from usp.tree import sitemap_from_str

from a11y_audit.crawl.http_fetch import FetchResult
from a11y_audit.crawl.scope import CrawlScope
from a11y_audit.crawl.urls import canonicalize, origin, resolve

# usp logs every malformed file under a placeholder URL ("usp-local-dummy.local") that would
# only confuse users; our own warnings name the real URL. With a handler on "usp", Python's
# last-resort stderr handler stays quiet, yet an application that configures logging still
# gets usp's records through propagation.
logging.getLogger("usp").addHandler(logging.NullHandler())


@dataclass(frozen=True, slots=True)
class SitemapDoc:
    """What one sitemap file lists. problem is set when the file is not a sitemap at all."""

    page_urls: tuple[str, ...]
    child_sitemaps: tuple[str, ...]
    problem: str | None = None


def parse_sitemap(body: bytes | str, url: str) -> SitemapDoc:
    """Parse an (already decompressed) urlset, sitemap index, plain-text list, RSS or Atom feed.

    usp's parser is lenient the way sitemaps in the wild need: it recovers the URLs before the
    point where a truncated file breaks off, and accepts urlsets without the namespace. It
    refuses DOCTYPEs and entities, which also keeps XML bombs out. Relative URLs, which the
    protocol forbids but some shops emit anyway, are resolved against the sitemap's URL.
    """
    text = body.decode("utf-8-sig", errors="replace") if isinstance(body, bytes) else body
    parsed = sitemap_from_str(text)
    if isinstance(parsed, InvalidSitemap):
        return SitemapDoc((), (), "not a sitemap (no urlset, sitemapindex, RSS or Atom found)")
    pages = _absolute(url, (page.url for page in parsed.pages))
    children: tuple[str, ...] = ()
    if isinstance(parsed, AbstractIndexSitemap):
        children = _absolute(url, (child.url for child in parsed.sub_sitemaps))
    return SitemapDoc(pages, children)


def iter_sitemap_urls(
    sitemap_url: str,
    fetch: Callable[[str], FetchResult],
    scope: CrawlScope,
    *,
    max_sitemaps: int = 200,
    max_urls: int = 100_000,
    warnings: list[str] | None = None,
) -> Iterator[str]:
    """Yield in-scope page URLs from a sitemap, following sitemap indexes breadth-first.

    Problems do not raise: each is appended as one line to the caller's ``warnings`` list, as
    it happens, so a caller that stops iterating early still sees those met so far. A sitemap
    is fetched at most once (cycles between indexes end there) and only on an origin the scope
    allows; at most max_sitemaps are fetched and max_urls page URLs yielded.
    """
    sink = warnings if warnings is not None else []
    queue = deque([sitemap_url])
    seen = {_key(sitemap_url)}
    fetched = yielded = 0
    while queue:
        current = queue.popleft()
        if origin_problem := _origin_problem(current, scope):
            sink.append(f"skipped sitemap {current}: {origin_problem}")
            continue
        if fetched == max_sitemaps:
            sink.append(f"more than {max_sitemaps} sitemaps; ignored {current} and the rest")
            return
        fetched += 1
        doc = _fetch_doc(current, fetch, sink)
        for child in doc.child_sitemaps:
            if _key(child) not in seen:
                seen.add(_key(child))
                queue.append(child)
        pages = [page for page in doc.page_urls if scope.allows(page)]
        if len(pages) < len(doc.page_urls):
            ignored = len(doc.page_urls) - len(pages)
            sink.append(f"sitemap {current}: ignored {ignored} URLs outside the crawl scope")
        for page in pages:
            if yielded == max_urls:
                sink.append(f"sitemaps list more than {max_urls} pages; ignored the rest")
                return
            yielded += 1
            yield page


def _fetch_doc(url: str, fetch: Callable[[str], FetchResult], sink: list[str]) -> SitemapDoc:
    """Fetch and parse one sitemap, recording why it yielded nothing when it did not."""
    result = fetch(url)
    if result.error is not None:
        sink.append(f"could not fetch sitemap {url}: {result.error}")
        return SitemapDoc((), ())
    doc = parse_sitemap(result.body, result.final_url)
    if doc.problem is not None:
        sink.append(f"sitemap {url}: {doc.problem}")
    elif not doc.page_urls and not doc.child_sitemaps:
        sink.append(f"sitemap {url} lists no pages")
    return doc


def _origin_problem(url: str, scope: CrawlScope) -> str | None:
    try:
        site = origin(url)
    except ValueError:
        return "not an http(s) URL"
    if site not in scope.allowed_origins:
        return f"origin {site} is outside the crawl scope (allow it with an extra origin)"
    return None


def _absolute(base: str, urls: Iterator[str]) -> tuple[str, ...]:
    """Resolve each URL against base, dropping non-http(s) ones and duplicates."""
    resolved = (resolve(base, url) for url in urls)
    return tuple(dict.fromkeys(url for url in resolved if url is not None))


def _key(url: str) -> str:
    """Identity of a sitemap for cycle detection: canonical when possible."""
    try:
        return canonicalize(url)
    except ValueError:
        return url
