"""URL validation, canonicalisation, origins, link resolution and the non-HTML guess."""

from __future__ import annotations

import pytest

from a11y_audit.crawl.urls import (
    TRACKING_PARAMETERS,
    TrailingSlash,
    canonicalize,
    looks_non_html,
    origin,
    parse_start_url,
    resolve,
)
from a11y_audit.errors import UsageError


class TestCanonicalize:
    @pytest.mark.parametrize(
        ("url", "expected"),
        [
            ("http://example.com/a#section", "http://example.com/a"),
            ("http://example.com/a?x=1#", "http://example.com/a?x=1"),
            ("HTTP://ExAmple.COM/Path", "http://example.com/Path"),
            ("http://example.com:80/", "http://example.com/"),
            ("https://example.com:443/", "https://example.com/"),
            ("http://example.com:443/", "http://example.com:443/"),
            ("https://example.com:8443/", "https://example.com:8443/"),
            ("http://example.com:/a", "http://example.com/a"),
            ("http://example.com", "http://example.com/"),
            ("http://example.com?x=1", "http://example.com/?x=1"),
            ("http://example.com/a/./b/../c", "http://example.com/a/c"),
            ("http://example.com/../../a", "http://example.com/a"),
        ],
    )
    def test_basic_normalisation(self, url: str, expected: str) -> None:
        assert canonicalize(url) == expected

    def test_path_case_is_preserved(self) -> None:
        assert canonicalize("http://EXAMPLE.com/Shoes/RED") == "http://example.com/Shoes/RED"

    @pytest.mark.parametrize(
        ("url", "expected"),
        [
            ("http://Bücher.DE/", "http://xn--bcher-kva.de/"),
            ("http://xn--bcher-kva.de/", "http://xn--bcher-kva.de/"),
            ("http://[::0:1]:8080/a", "http://[::1]:8080/a"),
            ("http://[::1]:80/", "http://[::1]/"),
        ],
    )
    def test_hosts(self, url: str, expected: str) -> None:
        assert canonicalize(url) == expected

    @pytest.mark.parametrize(
        ("url", "expected"),
        [
            ("http://e.com/%7euser", "http://e.com/~user"),
            ("http://e.com/%41%62c", "http://e.com/Abc"),
            ("http://e.com/caf%c3%a9", "http://e.com/caf%C3%A9"),
            ("http://e.com/café", "http://e.com/caf%C3%A9"),
            ("http://e.com/a b", "http://e.com/a%20b"),
            ("http://e.com/a%2fb", "http://e.com/a%2Fb"),
            ("http://e.com/?q=a%20b", "http://e.com/?q=a+b"),
            ("http://e.com/?q=a+b", "http://e.com/?q=a+b"),
            ("http://e.com/?q=%41", "http://e.com/?q=A"),
            ("http://e.com/?q=1%2B1", "http://e.com/?q=1%2B1"),
            ("http://e.com/?q=caf%E9", "http://e.com/?q=caf%E9"),
            ("http://e.com/?q=café", "http://e.com/?q=caf%C3%A9"),
            ("http://e.com/?a%3Db=c", "http://e.com/?a%3Db=c"),
        ],
    )
    def test_percent_encoding(self, url: str, expected: str) -> None:
        assert canonicalize(url) == expected

    def test_percent_encoding_variants_are_one_url(self) -> None:
        spellings = ["http://e.com/caf%C3%A9?q=%C3%A9", "http://e.com/café?q=é"]
        assert len({canonicalize(url) for url in spellings}) == 1

    def test_query_sorted_by_key_and_stable_for_repeated_keys(self) -> None:
        url = "http://e.com/list?sort=price&b=2&sort=name&a=1"
        assert canonicalize(url) == "http://e.com/list?a=1&b=2&sort=price&sort=name"

    def test_parameter_order_does_not_matter(self) -> None:
        assert canonicalize("http://e.com/?b=2&a=1") == canonicalize("http://e.com/?a=1&b=2")

    def test_blank_and_valueless_parameters_are_kept_distinct(self) -> None:
        assert canonicalize("http://e.com/?flag&a=") == "http://e.com/?a=&flag"

    def test_empty_query_parts_are_dropped(self) -> None:
        assert canonicalize("http://e.com/?&a=1&&") == "http://e.com/?a=1"

    @pytest.mark.parametrize(
        "param",
        [
            "utm_source",
            "utm_medium",
            "UTM_Campaign",
            "utm_whatever",
            "gclid",
            "fbclid",
            "_ga",
            "msclkid",
            "srsltid",
            "mc_eid",
            "_hsenc",
            "igshid",
            "wbraid",
            "gbraid",
            "dclid",
        ],
    )
    def test_tracking_parameters_are_removed(self, param: str) -> None:
        url = f"http://e.com/p?id=7&{param}=abc"
        assert canonicalize(url) == "http://e.com/p?id=7"

    def test_only_tracking_parameters_leaves_no_question_mark(self) -> None:
        assert canonicalize("http://e.com/p?utm_source=x&gclid=y") == "http://e.com/p"

    def test_tracking_list_is_one_constant_with_utm_prefix(self) -> None:
        assert "utm_*" in TRACKING_PARAMETERS
        assert "gclid" in TRACKING_PARAMETERS

    def test_parameters_that_merely_contain_a_tracking_name_are_kept(self) -> None:
        assert canonicalize("http://e.com/?my_gclid=1&utm=2") == "http://e.com/?my_gclid=1&utm=2"

    def test_jsessionid_path_parameter_is_removed(self) -> None:
        url = "http://e.com/cart;jsessionid=0A1B2C3D?step=2"
        assert canonicalize(url) == "http://e.com/cart?step=2"

    def test_userinfo_is_kept_and_not_lower_cased(self) -> None:
        assert canonicalize("http://User:Pw@EX.com:80/") == "http://User:Pw@ex.com/"

    def test_idempotent(self) -> None:
        url = "HTTP://Bücher.de:80/a/../b c/?z=1&utm_source=x&a=%41#f"
        once = canonicalize(url)
        assert canonicalize(once) == once

    @pytest.mark.parametrize(
        "url",
        [
            "ftp://e.com/",
            "mailto:a@e.com",
            "/relative/path",
            "http:///nohost",
            "http://e.com:99999/",
            "http://e.com:0/",
            "javascript:alert(1)",
        ],
    )
    def test_rejects_what_is_not_an_http_url(self, url: str) -> None:
        with pytest.raises(ValueError):
            canonicalize(url)


class TestTrailingSlash:
    @pytest.mark.parametrize(
        ("url", "keep", "strip", "add"),
        [
            ("http://e.com", "http://e.com/", "http://e.com/", "http://e.com/"),
            ("http://e.com/a", "http://e.com/a", "http://e.com/a", "http://e.com/a/"),
            ("http://e.com/a/", "http://e.com/a/", "http://e.com/a", "http://e.com/a/"),
            ("http://e.com/a//", "http://e.com/a//", "http://e.com/a", "http://e.com/a//"),
            ("http://e.com/a.html", "http://e.com/a.html", "http://e.com/a.html", "http://e.com/a.html"),
            (
                "http://e.com/v1.2/x?q=1",
                "http://e.com/v1.2/x?q=1",
                "http://e.com/v1.2/x?q=1",
                "http://e.com/v1.2/x/?q=1",
            ),
            (
                "http://e.com/dir/?q=1",
                "http://e.com/dir/?q=1",
                "http://e.com/dir?q=1",
                "http://e.com/dir/?q=1",
            ),
        ],
    )
    def test_policies(self, url: str, keep: str, strip: str, add: str) -> None:
        assert canonicalize(url) == keep
        assert canonicalize(url, TrailingSlash.KEEP) == keep
        assert canonicalize(url, TrailingSlash.STRIP) == strip
        assert canonicalize(url, TrailingSlash.ADD) == add


class TestParseStartUrl:
    def test_returns_canonical_form(self) -> None:
        assert parse_start_url("  HTTPS://Shop.Example.COM:443/en?utm_source=x#top ") == (
            "https://shop.example.com/en"
        )

    def test_accepts_ports_ips_and_idna(self) -> None:
        assert parse_start_url("http://localhost:8000") == "http://localhost:8000/"
        assert parse_start_url("http://127.0.0.1:65535/") == "http://127.0.0.1:65535/"
        assert parse_start_url("http://[::1]:8000/") == "http://[::1]:8000/"
        assert parse_start_url("https://bücher.de/") == "https://xn--bcher-kva.de/"

    @pytest.mark.parametrize(
        ("text", "fragment"),
        [
            ("example.com", "the scheme is missing — write it as https://example.com/"),
            ("example.com/shop", "write it as https://example.com/shop"),
            ("localhost:8000", "write it as https://localhost:8000/"),
            ("//example.com/x", "write it as https://example.com/x"),
            ("htp://x.com", "scheme must be http or https — write it as https://x.com/"),
            ("ftp://files.example.com/a", "write it as https://files.example.com/a"),
            ("mailto:a@example.com", "scheme must be http or https"),
            ("http://", "the host name is missing"),
            ("https:example.com", "the host name is missing"),
            ("http://a..b/", "'a..b' is not a valid host name"),
            ("http://" + "a" * 64 + ".com/", "is not a valid host name"),
            ("http://e.com:99999/", "the port must be a number from 1 to 65535"),
            ("http://e.com:0/", "the port must be a number from 1 to 65535"),
            ("http://e.com:http/", "the port must be a number from 1 to 65535"),
            ("http://[zz::1]/", "not a valid IPv6 address"),
            ("https://exa mple.com/", "contains spaces or control characters"),
            ("https://example.com/\x00", "contains spaces or control characters"),
        ],
    )
    def test_errors_name_the_problem_and_the_fix(self, text: str, fragment: str) -> None:
        with pytest.raises(UsageError) as caught:
            parse_start_url(text)
        message = str(caught.value)
        assert fragment in message
        assert message.startswith("invalid URL '")
        assert "—" in message
        assert "\n" not in message
        assert caught.value.exit_code == 2

    def test_empty_input(self) -> None:
        with pytest.raises(UsageError, match="empty URL"):
            parse_start_url("   ")

    def test_control_characters_are_shown_escaped_on_one_line(self) -> None:
        with pytest.raises(UsageError) as caught:
            parse_start_url("https://e.com/\nx")
        assert "\\n" in str(caught.value)
        assert "\n" not in str(caught.value)

    def test_long_input_is_shortened_in_the_message(self) -> None:
        with pytest.raises(UsageError) as caught:
            parse_start_url("htp://" + "x" * 1000)
        assert len(str(caught.value)) < 400


class TestOrigin:
    @pytest.mark.parametrize(
        ("url", "expected"),
        [
            ("https://Shop.Example.com/a?b#c", "https://shop.example.com"),
            ("http://e.com:80/", "http://e.com"),
            ("https://e.com:443/", "https://e.com"),
            ("http://e.com:8080/x", "http://e.com:8080"),
            ("http://user:pw@e.com/", "http://e.com"),
            ("http://Bücher.de/", "http://xn--bcher-kva.de"),
        ],
    )
    def test_origin(self, url: str, expected: str) -> None:
        assert origin(url) == expected

    def test_scheme_is_part_of_origin(self) -> None:
        assert origin("http://e.com/") != origin("https://e.com/")


class TestResolve:
    base = "https://e.com/shop/shoes/index.html?page=2"

    @pytest.mark.parametrize(
        ("href", "expected"),
        [
            ("red.html", "https://e.com/shop/shoes/red.html"),
            ("../bags/", "https://e.com/shop/bags/"),
            ("/cart", "https://e.com/cart"),
            ("?page=3", "https://e.com/shop/shoes/index.html?page=3"),
            ("//cdn.e.com/x", "https://cdn.e.com/x"),
            ("http://other.org/a", "http://other.org/a"),
            ("HTTPS://other.org/", "https://other.org/"),
            ("  /trimmed\n ", "https://e.com/trimmed"),
            ("/ta\tb", "https://e.com/tab"),
            ("", "https://e.com/shop/shoes/index.html?page=2"),
        ],
    )
    def test_joins_relative_links(self, href: str, expected: str) -> None:
        assert resolve(self.base, href) == expected

    def test_fragment_only_link_resolves_to_the_same_page(self) -> None:
        resolved = resolve(self.base, "#reviews")
        assert resolved is not None
        assert canonicalize(resolved) == canonicalize(self.base)

    @pytest.mark.parametrize(
        "href",
        [
            "javascript:void(0)",
            "JavaScript:addToCart(1)",
            " javascript:x()",
            "mailto:a@e.com",
            "tel:+4912345",
            "data:text/html,hi",
            "blob:https://e.com/uuid",
            "about:blank",
            "file:///etc/passwd",
            "ftp://e.com/f",
            "sms:123",
            "whatsapp://send?text=x",
            "http://e.com:99999/",
        ],
    )
    def test_non_http_links_are_none(self, href: str) -> None:
        assert resolve(self.base, href) is None

    def test_relative_link_on_non_http_base_is_none(self) -> None:
        assert resolve("about:blank", "/x") is None


class TestLooksNonHtml:
    @pytest.mark.parametrize(
        "url",
        [
            "https://e.com/manual.pdf",
            "https://e.com/MANUAL.PDF",
            "https://e.com/img/a.jpg?w=200",
            "https://e.com/a.webp",
            "https://e.com/pack.tar.gz",
            "https://e.com/v.mp4",
            "https://e.com/price-list.xlsx",
            "https://e.com/f.woff2",
            "https://e.com/app.js",
            "https://e.com/s.css",
            "https://e.com/feed.xml",
            "https://e.com/api/data.json",
            "https://e.com/img%2Ejpg",
        ],
    )
    def test_assets_and_downloads(self, url: str) -> None:
        assert looks_non_html(url)

    @pytest.mark.parametrize(
        "url",
        [
            "https://e.com/",
            "https://e.com/shoes",
            "https://e.com/shoes/",
            "https://e.com/p.html",
            "https://e.com/index.php?id=1",
            "https://e.com/a.aspx",
            "https://e.com/v1.2",
            "https://e.com/manual.pdf/",
            "https://e.com/search?file=a.pdf",
        ],
    )
    def test_pages(self, url: str) -> None:
        assert not looks_non_html(url)
