"""The judgement calls of the built-in checks that fixtures alone do not pin down."""

from __future__ import annotations

import pytest

from a11y_audit.check import NavBlock, Page, PageSummary
from a11y_audit.checks.ambiguous_link_text import format_only, generic, link_context
from a11y_audit.checks.duplicate_page_title import DuplicatePageTitle
from a11y_audit.checks.inconsistent_navigation import InconsistentNavigation
from a11y_audit.checks.missing_autocomplete import collects_users_data, field_token, purpose_of
from a11y_audit.checks.orientation_lock import OrientationLock, orientation_rules
from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.engine import judge_page, judge_site, summarise
from a11y_audit.judge.placeholders import (
    HEADING_PLACEHOLDERS,
    IMAGE_PLACEHOLDERS,
    LABEL_PLACEHOLDERS,
    PLACEHOLDERS,
    placeholder_key,
)
from a11y_audit.model import Outcome, PageRecord


@pytest.mark.parametrize("name", ["Read more »", "MORE…", "  learn   more ", "Mehr erfahren →", "[ici]"])
def test_generic_link_names_ignore_case_arrows_and_dots(name: str) -> None:
    assert generic(name)


@pytest.mark.parametrize("name", ["More colours", "Read more about linen", "Heretics", "Details of delivery"])
def test_specific_link_names_are_not_generic(name: str) -> None:
    assert not generic(name)


@pytest.mark.parametrize(
    ("name", "href", "only_format"),
    [
        ("PDF", "/files/size-chart.pdf", True),
        ("(pdf)", "https://cdn.example/a/B.PDF?v=2", True),
        ("EPUB", "/ebooks/4300.epub.images?session=1", True),
        ("Plain text", "/files/4300-0.txt", True),
        ("PDF", "/guides/pdf-invoices", False),
        ("CSV", "/guides/csv-import", False),
        ("Size chart PDF", "/files/size-chart.pdf", False),
    ],
)
def test_a_file_format_name_is_generic_only_for_a_file_of_that_format(
    name: str, href: str, only_format: bool
) -> None:
    assert format_only(name, href) is only_format


@pytest.mark.parametrize(
    ("html", "context"),
    [
        # The whole page is not a link's context: only the body's own inline text is.
        ("<a id=l href=/x>More</a><p>Linen care</p>", ""),
        ("See our returns policy <a id=l href=/x>here</a>", "See our returns policy"),
        # A block that CSS makes no box (contents) or inline is not the block container.
        (
            '<section>Linen care <div style="display: contents"><a id=l href=/x>more</a></div></section>',
            "Linen care",
        ),
        ('<div><span style="display:block"><a id=l href=/x>more</a></span> Linen</div>', ""),
        # Every list item around the link, and the header cells of its cell.
        ("<ul><li>Ulysses<ul><li><a id=l href=/x>HTML</a></li></ul></li></ul>", "Ulysses"),
        ("<table><tr><th>Books</th></tr><tr><td><a id=l href=/x>Download</a></td></tr></table>", "Books"),
        # Links of the same name beside it add nothing; a heading before it does (H80).
        ("<div><a id=l href=/a>More</a> <a href=/b>More</a></div>", ""),
        ("<h2>Journal</h2><div><a id=l href=/a>More</a></div>", "Journal"),
    ],
)
def test_link_context_is_what_act_and_h80_name(html: str, context: str) -> None:
    link = parse_dom(f"<html><body>{html}</body></html>").get_element_by_id("l")
    assert link_context(link) == context


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("  Lorem ipsum dolor sit amet, consectetur.", "placeholder"),
        ("IMAGE!", "image"),
        ("Heading #2", "heading 2"),
        ("Label:", "label"),
    ],
)
def test_placeholder_key_compares_words(name: str, key: str) -> None:
    assert placeholder_key(name) == key


def test_placeholder_lists_keep_words_that_name_real_things_out() -> None:
    # "Title" labels an honorific field; "Text" an engraving; "Logo" may sit by its owner's name.
    assert "title" in HEADING_PLACEHOLDERS and "title" not in LABEL_PLACEHOLDERS
    assert "text" not in LABEL_PLACEHOLDERS and "logo" not in IMAGE_PLACEHOLDERS
    assert PLACEHOLDERS <= HEADING_PLACEHOLDERS & LABEL_PLACEHOLDERS & IMAGE_PLACEHOLDERS


def test_orientation_rules_skip_comments_and_other_media_and_read_rotations() -> None:
    css = """
    /* @media (orientation: portrait) { body { display: none } } */
    @media (max-width: 500px) { main { display: none } }
    @media only screen and (orientation:portrait) {
      .a, .b { transform: rotate(-90deg) }
      .c { transform: rotate(45deg) }
      .d { display: block }
    }
    @media (orientation: landscape) { @supports (display: grid) { main { visibility: hidden } } }
    """
    found = [(rule.orientation, rule.selector, rule.effect, rule.quarter) for rule in orientation_rules(css)]
    assert found == [
        ("portrait", ".a", "rotates", True),
        ("portrait", ".b", "rotates", True),
        ("portrait", ".c", "rotates", False),  # whether 45deg is a quarter turn relative: measured
        ("landscape", "main", "hides", False),
    ]


def test_orientation_lock_cannot_tell_without_a_main_landmark() -> None:
    html = """<html><head><style>@media (orientation: landscape) { .page { display: none } }</style>
    </head><body><div class="page" id="x">All the content</div></body></html>"""
    css = "@media (orientation: landscape) { .page { display: none; } }"
    sheets = {"rules": [{"media": "(orientation: landscape)", "css": css, "href": None}], "unreadable": []}
    page = Page(PageRecord(url="https://s.example/"), parse_dom(html), {"stylesheets": sheets})
    (verdict,) = judge_page(OrientationLock(), page)
    assert verdict.verdict.outcome is Outcome.CANT_TELL


@pytest.mark.parametrize(
    ("value", "token"),
    [
        ("section-blue shipping postal-code", "postal-code"),
        ("billing mobile tel", "tel"),
        ("on", None),
        ("phone", None),
        ("", None),
    ],
)
def test_field_token(value: str, token: str | None) -> None:
    assert field_token(value) == token


@pytest.mark.parametrize(
    ("html", "purpose"),
    [
        ('<input name="customer[firstName]">', "given-name"),
        ('<input name="shippingPostCode">', "postal-code"),
        ('<input type="password" placeholder="Choose a new password">', "new-password"),
        ('<input type="password" name="password">', "current-password"),
        ('<input name="email_address">', "email"),
        ('<input placeholder="Name on card">', "cc-name"),
        ('<input name="promo_email" placeholder="Email for your discount">', None),
        ('<input name="product_search" placeholder="Search">', None),
        ('<input name="hotel">', None),
        # The group a structured name starts with is not the field's purpose: a full name in
        # the shipping address is a name, not an address line.
        ('<label for=f>Full name</label><input id=f name="shippingAddress.full_name">', "name"),
        ('<input id="field-shippingAddress.full_name" name="shippingAddress.full_name">', "name"),
        ('<input name="shipping_address_full_name">', "name"),
        ('<input name="billingAddress[first_name]">', "given-name"),
        ('<input name="shippingAddress.city">', "address-level2"),
        ('<input name="shippingAddress.address_1">', "address-line1"),
        ('<input name="payment[card][number]">', "cc-number"),
        ('<input name="giftRecipient.email">', None),
    ],
)
def test_field_purposes_from_names_and_placeholders(html: str, purpose: str | None) -> None:
    field = parse_dom(f"<html><body>{html}</body></html>").xpath("//input")[0]
    found = purpose_of(field)
    assert (found.token if found else None) == purpose


_LINES = (
    "<form><label for=a>{n} line of address</label><input id=a name=line>"
    "<label>Postcode<input name=postcode></label><input type=password></form>"
)


@pytest.mark.parametrize(
    ("html", "advice"),
    [
        # A registration form's password is a new one, with or without its confirmation.
        ("<form><h2>Create account</h2><input type=password name=pw></form>", "new-password"),
        ("<form><input type=password name=pw><input type=password name=pw2></form>", "new-password"),
        ("<form><input type=password name=pw><button>Sign in</button></form>", "current-password"),
        (
            '<form><input type=password placeholder="Current password"><input type=password></form>',
            "current-password",
        ),
        # Separate address lines take address-line1..3; a lone address field, street-address.
        ("<form><input name=address><input name=address2></form>", "address-line1"),
        ('<form><input name=address><input placeholder="Apartment"></form>', "address-line1"),
        ("<form><input name=address_line_2><input name=email autocomplete=email></form>", "address-line2"),
        ("<form><textarea name=address></textarea><input type=password></form>", "street-address"),
        # Ordinal labels (django-oscar's "First/Second/Third line of address") name the line too.
        (_LINES.format(n="Second"), "address-line2"),
        (_LINES.format(n="Third"), "address-line3"),
        (_LINES.format(n="First"), "address-line1"),
    ],
)
def test_autocomplete_advice_names_the_token_the_field_needs(html: str, advice: str) -> None:
    field = parse_dom(f"<html><body>{html}</body></html>").xpath("//input | //textarea")[0]
    found = purpose_of(field)
    assert found is not None
    assert found.token == advice
    assert found.add().startswith(f'autocomplete="{advice}"')


@pytest.mark.parametrize(
    ("html", "certain"),
    [
        ("<label>Username<input></label>", False),
        ("<form><label>Username<input></label><input type=password></form>", True),
        ("<form><label>Email<input></label><input name=zip autocomplete=postal-code></form>", True),
        # Another form's tokens say nothing about a field outside it.
        ("<label>Email<input></label><form><input autocomplete=email></form>", False),
        ("<label>Card number<input></label>", True),
        # A form for someone's details of two kinds that marks none as someone else's.
        ("<form><label>Email<input></label><label>Full name<input></label></form>", True),
        (
            "<form><fieldset><legend>Recipient</legend><label>Email<input></label><label>Name<input></label></fieldset></form>",
            None,
        ),
    ],
)
def test_missing_token_fails_only_where_the_form_collects_the_users_data(
    html: str, certain: bool | None
) -> None:
    field = parse_dom(f"<html><body>{html}</body></html>").xpath("//input")[0]
    purpose = purpose_of(field)
    if certain is None:  # not about the user at all: not judged
        assert purpose is None
        return
    assert purpose is not None
    assert collects_users_data(field, purpose) is certain


def _titles(*pairs: tuple[str, str]) -> dict[str, Outcome]:
    pages = [PageSummary(f"https://s.example{path}", title) for path, title in pairs]
    return {
        v.page_url.removeprefix("https://s.example"): v.verdict.outcome
        for v in DuplicatePageTitle().judge(pages)
    }


def test_query_variants_of_one_listing_may_share_a_title() -> None:
    outcomes = _titles(("/women", "Women | Shop"), ("/women?page=2", "Women | Shop"), ("/men", "Men | Shop"))
    assert set(outcomes.values()) == {Outcome.PASSED}


def test_home_may_be_titled_home_or_the_site_name_but_other_pages_may_not() -> None:
    outcomes = _titles(("/", "Shop"), ("/a", "A | Shop"), ("/b", "B | Shop"), ("/c", "Home"), ("/d", "Shop"))
    assert outcomes == {
        "/": Outcome.PASSED,
        "/a": Outcome.PASSED,
        "/b": Outcome.PASSED,
        "/c": Outcome.FAILED,
        "/d": Outcome.FAILED,
    }
    assert _titles(("/", "Home"))["/"] is Outcome.PASSED


def test_placeholder_titles_fail_whatever_their_case_and_punctuation() -> None:
    outcomes = _titles(
        ("/a", "Lorem ipsum dolor"), ("/b", "Untitled."), ("/c", "Clementine harvesting season")
    )
    assert outcomes == {"/a": Outcome.FAILED, "/b": Outcome.FAILED, "/c": Outcome.PASSED}


def test_a_shared_title_is_for_review_and_only_within_a_set_of_pages() -> None:
    """WCAG 2.4.2 asks for descriptive titles, not unique ones: a title two pages of one site
    share is needs review; pages that share no navigation are not compared at all."""
    menu = (_nav("/a", "/b"),)
    shared = [PageSummary(f"https://s.example/{n}", "Contact us", menu) for n in ("a", "b")]
    assert {v.verdict.outcome for v in judge_site(DuplicatePageTitle(), shared)} == {Outcome.CANT_TELL}
    unrelated = [PageSummary(f"https://s.example/{n}", "Contact us") for n in ("a", "b")]
    assert {v.verdict.outcome for v in judge_site(DuplicatePageTitle(), unrelated)} == {Outcome.PASSED}


def test_a_bare_file_name_says_nothing_about_the_page() -> None:
    assert _titles(("/lookbook", "lookbook-2024.html"), ("/a", "v2.0 release notes")) == {
        "/lookbook": Outcome.FAILED,
        "/a": Outcome.PASSED,
    }


def _nav(*paths: str) -> NavBlock:
    return NavBlock("nav", "<nav>", "", tuple((f"https://s.example{p}", p) for p in paths))


def test_navigation_order_with_no_majority_is_cant_tell() -> None:
    pages = [
        PageSummary("https://s.example/1", "1", (_nav("/a", "/b"),)),
        PageSummary("https://s.example/2", "2", (_nav("/b", "/a"),)),
    ]
    assert {v.verdict.outcome for v in InconsistentNavigation().judge(pages)} == {Outcome.CANT_TELL}


def test_a_menu_toggle_or_in_page_link_is_no_destination_to_order() -> None:
    """`href="#"` resolves to each page's own URL: on the home page it would be a second "/"
    after "Women", against the "Home" link before it everywhere else."""
    nav = '<nav id="main">{}<a href="/women">Women</a><a href="/men">Men</a>{}</nav>'
    home = nav.format("", '<a href="#" aria-expanded="false">Menu</a><a href="#top">Top</a>')
    other = nav.format('<a href="/">Home</a>', '<a href="javascript:void(0)">Menu</a>')
    pages = [
        summarise(Page(PageRecord(url=f"https://s.example{path}"), parse_dom(f"<body>{html}</body>")))
        for path, html in [("/", home), ("/women", other), ("/men", other), ("/sale", other)]
    ]
    home_links = (("https://s.example/women", "Women"), ("https://s.example/men", "Men"))
    assert pages[0].navigation[0].links == home_links
    assert {v.verdict.outcome for v in judge_site(InconsistentNavigation(), pages)} == {Outcome.PASSED}


def test_pagination_previous_and_next_are_not_reordering() -> None:
    pages = [
        PageSummary(
            f"https://s.example/l?page={n}", "L", (_nav(*prev, "/l?page=1", "/l?page=2", "/l?page=3", *nxt),)
        )
        for n, prev, nxt in [
            (1, (), ("/l?page=2",)),
            (2, ("/l?page=1",), ("/l?page=3",)),
            (3, ("/l?page=2",), ()),
        ]
    ]
    assert {v.verdict.outcome for v in InconsistentNavigation().judge(pages)} == {Outcome.PASSED}
