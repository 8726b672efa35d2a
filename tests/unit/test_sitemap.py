"""Sitemap parsing, and walking sitemap indexes over HTTP (served from 127.0.0.1)."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from functools import partial

import pytest

from a11y_audit.crawl.http_fetch import FetchResult, fetch
from a11y_audit.crawl.scope import CrawlScope
from a11y_audit.crawl.sitemap import SitemapDoc, iter_sitemap_urls, parse_sitemap
from tests.support import QuietHandler, local_server, serving

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def urlset(*locs: str) -> str:
    entries = "".join(f"<url><loc>{loc}</loc></url>" for loc in locs)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset {NS}>{entries}</urlset>'


def index(*locs: str) -> str:
    entries = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex {NS}>{entries}</sitemapindex>'


class TestParseSitemap:
    def test_urlset(self) -> None:
        doc = parse_sitemap(urlset("https://e.com/a", "https://e.com/b?x=1&amp;y=2"), "https://e.com/s.xml")
        assert doc == SitemapDoc(("https://e.com/a", "https://e.com/b?x=1&y=2"), ())

    def test_sitemap_index(self) -> None:
        doc = parse_sitemap(index("https://e.com/s1.xml", "https://e.com/s2.xml.gz"), "https://e.com/i.xml")
        assert doc.page_urls == ()
        assert doc.child_sitemaps == ("https://e.com/s1.xml", "https://e.com/s2.xml.gz")
        assert doc.problem is None

    def test_plain_text(self) -> None:
        text = "https://e.com/a\n\n  https://e.com/b  \nnot a url\nhttps://e.com/a\n"
        assert parse_sitemap(text, "https://e.com/s.txt").page_urls == ("https://e.com/a", "https://e.com/b")

    def test_rss_and_atom_feeds(self) -> None:
        rss = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            "<item><title>x</title><link>https://e.com/news/1</link></item></channel></rss>"
        )
        atom = (
            '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            '<entry><title>x</title><link href="https://e.com/news/2"/></entry></feed>'
        )
        assert parse_sitemap(rss, "https://e.com/rss").page_urls == ("https://e.com/news/1",)
        assert parse_sitemap(atom, "https://e.com/atom").page_urls == ("https://e.com/news/2",)

    def test_bytes_with_bom(self) -> None:
        body = b"\xef\xbb\xbf" + urlset("https://e.com/café").encode("utf-8")
        assert parse_sitemap(body, "https://e.com/s.xml").page_urls == ("https://e.com/café",)

    def test_relative_urls_resolve_against_the_sitemap(self) -> None:
        doc = parse_sitemap(urlset("/a", "b", "mailto:x@e.com"), "https://e.com/maps/s.xml")
        assert doc.page_urls == ("https://e.com/a", "https://e.com/maps/b")

    def test_truncated_xml_keeps_the_urls_before_the_break(self) -> None:
        body = urlset("https://e.com/a", "https://e.com/b")[:-40]
        assert parse_sitemap(body, "https://e.com/s.xml").page_urls == ("https://e.com/a",)

    @pytest.mark.parametrize(
        "body",
        [
            "<!DOCTYPE html><html><body><a href='https://e.com/x'>x</a></body></html>",
            "<html><body>Sitemap not found</body></html>",
            "<<<>>>",
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><urlset><url><loc>&a;</loc></url></urlset>',
        ],
    )
    def test_not_a_sitemap_is_a_problem_not_a_crash(self, body: str | bytes) -> None:
        doc = parse_sitemap(body, "https://e.com/s.xml")
        assert doc.page_urls == ()
        assert doc.problem is not None
        assert "not a sitemap" in doc.problem

    @pytest.mark.parametrize("body", [b"", b"\x00\xff\xfe binary junk <", "no URLs here"])
    def test_text_without_urls_is_an_empty_sitemap(self, body: str | bytes) -> None:
        assert parse_sitemap(body, "https://e.com/s.xml") == SitemapDoc((), ())


class StaticSite:
    """Serves a dict of path -> (body, content type); remembers every path requested."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[bytes, dict[str, str]]] = {}
        self.requested: list[str] = []
        site = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                site.requested.append(self.path)
                body, headers = site.files.get(self.path, (b"missing", {}))
                self.send_response(200 if self.path in site.files else 404)
                for name, value in headers.items():
                    self.send_header(name.replace("_", "-"), value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = local_server(Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def put(self, path: str, body: str | bytes, content_type: str = "application/xml", **headers: str) -> str:
        data = body.encode() if isinstance(body, str) else body
        self.files[path] = (data, {"Content-Type": content_type, **headers})
        return self.base + path


def serve() -> Iterator[StaticSite]:
    site = StaticSite()
    with serving(site.server):
        yield site


@pytest.fixture
def site() -> Iterator[StaticSite]:
    yield from serve()


@pytest.fixture
def other_site() -> Iterator[StaticSite]:
    """A second server: another origin, to check what is never requested."""
    yield from serve()


FETCH = partial(fetch, user_agent="a11y-audit-test", timeout=5)


def walk(start: str, scope: CrawlScope, **limits: int) -> tuple[list[str], list[str]]:
    warnings: list[str] = []
    urls = list(iter_sitemap_urls(start, FETCH, scope, warnings=warnings, **limits))
    return urls, warnings


def scope_for(*sites: StaticSite) -> CrawlScope:
    return CrawlScope.from_start_urls([s.base + "/" for s in sites])


def test_index_with_plain_and_gzipped_children(site: StaticSite) -> None:
    b = site.base
    site.put("/products.xml.gz", gzip.compress(urlset(f"{b}/p/1", f"{b}/p/2").encode()), "application/gzip")
    site.put("/pages.xml", urlset(f"{b}/about", f"{b}/contact"))
    start = site.put("/sitemap_index.xml", index(f"{b}/products.xml.gz", f"{b}/pages.xml"))
    urls, warnings = walk(start, scope_for(site))
    assert urls == [f"{b}/p/1", f"{b}/p/2", f"{b}/about", f"{b}/contact"]
    assert warnings == []


def test_gzip_sent_as_content_encoding(site: StaticSite) -> None:
    body = gzip.compress(urlset(f"{site.base}/gz").encode())
    start = site.put("/s.xml", body, Content_Encoding="gzip")
    assert walk(start, scope_for(site))[0] == [f"{site.base}/gz"]


def test_cycle_between_indexes_fetches_each_once(site: StaticSite) -> None:
    b = site.base
    site.put("/a.xml", index(f"{b}/b.xml", f"{b}/pages.xml"))
    site.put("/b.xml", index(f"{b}/a.xml", f"{b}/b.xml", f"{b}/pages.xml"))
    site.put("/pages.xml", urlset(f"{b}/x"))
    urls, warnings = walk(f"{b}/a.xml", scope_for(site))
    assert urls == [f"{b}/x"]
    assert sorted(site.requested) == ["/a.xml", "/b.xml", "/pages.xml"]
    assert warnings == []


def test_off_scope_child_sitemaps_are_not_fetched(site: StaticSite, other_site: StaticSite) -> None:
    other_site.put("/foreign.xml", urlset(f"{other_site.base}/f"))
    start = site.put("/index.xml", index(f"{other_site.base}/foreign.xml", f"{site.base}/own.xml"))
    site.put("/own.xml", urlset(f"{site.base}/mine"))
    urls, warnings = walk(start, scope_for(site))
    assert urls == [f"{site.base}/mine"]
    assert other_site.requested == []
    assert warnings == [
        f"skipped sitemap {other_site.base}/foreign.xml: origin {other_site.base} is outside the crawl scope"
        " (allow it with an extra origin)"
    ]


def test_child_sitemaps_on_an_allowed_origin_are_fetched(site: StaticSite, other_site: StaticSite) -> None:
    other_site.put("/foreign.xml", urlset(f"{site.base}/listed-elsewhere"))
    start = site.put("/index.xml", index(f"{other_site.base}/foreign.xml"))
    urls, _ = walk(start, scope_for(site, other_site))
    assert urls == [f"{site.base}/listed-elsewhere"]


def test_page_urls_outside_the_scope_are_dropped_and_counted(site: StaticSite) -> None:
    b = site.base
    listed = (f"{b}/shop/1", "https://elsewhere.example/x", f"{b}/blog/2", f"{b}/shop/3")
    start = site.put("/s.xml", urlset(*listed))
    scope = CrawlScope.from_start_urls([b + "/"], exclude=["/blog/"])
    urls, warnings = walk(start, scope)
    assert urls == [f"{b}/shop/1", f"{b}/shop/3"]
    assert warnings == [f"sitemap {start}: ignored 2 URLs outside the crawl scope"]


def test_unreachable_and_invalid_children_are_warnings(site: StaticSite) -> None:
    b = site.base
    site.put("/html.xml", "<!DOCTYPE html><html><body>Oops</body></html>", "text/html")
    site.put("/empty.xml", urlset())
    site.put("/good.xml", urlset(f"{b}/ok"))
    children = (f"{b}/missing.xml", f"{b}/html.xml", f"{b}/empty.xml", f"{b}/good.xml")
    start = site.put("/index.xml", index(*children))
    urls, warnings = walk(start, scope_for(site))
    assert urls == [f"{b}/ok"]
    assert warnings == [
        f"could not fetch sitemap {b}/missing.xml: HTTP 404 Not Found",
        f"sitemap {b}/html.xml: not a sitemap (no urlset, sitemapindex, RSS or Atom found)",
        f"sitemap {b}/empty.xml lists no pages",
    ]


def test_malformed_xml_does_not_crash(site: StaticSite) -> None:
    start = site.put("/broken.xml", urlset(f"{site.base}/first", f"{site.base}/second")[:-45] + "<<garbage")
    urls, _ = walk(start, scope_for(site))
    assert urls == [f"{site.base}/first"]


def test_max_sitemaps(site: StaticSite) -> None:
    b = site.base
    children = [f"{b}/s{i}.xml" for i in range(5)]
    for i in range(5):
        site.put(f"/s{i}.xml", urlset(f"{b}/page{i}"))
    start = site.put("/index.xml", index(*children))
    urls, warnings = walk(start, scope_for(site), max_sitemaps=3)
    assert urls == [f"{b}/page0", f"{b}/page1"]
    assert warnings == [f"more than 3 sitemaps; ignored {b}/s2.xml and the rest"]
    assert len(site.requested) == 3


def test_max_urls(site: StaticSite) -> None:
    b = site.base
    start = site.put("/s.xml", urlset(*(f"{b}/p{i}" for i in range(10))))
    urls, warnings = walk(start, scope_for(site), max_urls=4)
    assert urls == [f"{b}/p{i}" for i in range(4)]
    assert warnings == ["sitemaps list more than 4 pages; ignored the rest"]


def test_start_sitemap_off_origin_is_not_fetched(site: StaticSite, other_site: StaticSite) -> None:
    start = other_site.put("/s.xml", urlset(f"{site.base}/x"))
    urls, warnings = walk(start, scope_for(site))
    assert urls == []
    assert other_site.requested == []
    assert len(warnings) == 1


def test_warnings_list_is_optional() -> None:
    def never(url: str) -> FetchResult:
        return FetchResult(url, url, None, None, b"", "network error: unreachable")

    scope = CrawlScope.from_start_urls(["https://e.com/"])
    assert list(iter_sitemap_urls("https://e.com/s.xml", never, scope)) == []


def test_warnings_are_visible_while_iterating(site: StaticSite) -> None:
    b = site.base
    site.put("/good.xml", urlset(f"{b}/ok"))
    start = site.put("/index.xml", index(f"{b}/missing.xml", f"{b}/good.xml"))
    warnings: list[str] = []
    iterator = iter_sitemap_urls(start, FETCH, scope_for(site), warnings=warnings)
    assert next(iterator) == f"{b}/ok"
    assert warnings == [f"could not fetch sitemap {b}/missing.xml: HTTP 404 Not Found"]
