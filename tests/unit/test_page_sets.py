"""Which pages form a set of web pages: one origin, shared navigation (judge.page_sets)."""

from __future__ import annotations

from a11y_audit.check import NavBlock, PageSummary
from a11y_audit.judge.page_sets import page_sets, same_navigation


def _nav(origin: str, *paths: str) -> NavBlock:
    return NavBlock("nav", "<nav>", "", tuple((f"{origin}{path}", path.strip("/")) for path in paths))


def _page(url: str, *navigation: NavBlock, header_footer: tuple[str, ...] = ()) -> PageSummary:
    return PageSummary(url, "Title", navigation, header_footer_links=header_footer)


def _urls(sets: list[list[PageSummary]]) -> list[list[str]]:
    return [[page.url for page in pages] for pages in sets]


SHOP = "https://shop.test"


def test_pages_of_one_origin_with_one_menu_are_one_set_though_items_come_and_go() -> None:
    pages = [
        _page(f"{SHOP}/", _nav(SHOP, "/women", "/men", "/sale")),
        _page(f"{SHOP}/women", _nav(SHOP, "/women", "/women/dresses", "/men", "/sale")),
        _page(f"{SHOP}/men", _nav(SHOP, "/men", "/women")),
    ]
    assert _urls(page_sets(pages)) == [[f"{SHOP}/", f"{SHOP}/women", f"{SHOP}/men"]]


def test_another_origin_is_another_set_even_with_the_same_links() -> None:
    """A partner's page listing the store's departments is not one of the store's pages."""
    menu = _nav(SHOP, "/women", "/men")
    pages = [
        _page(f"{SHOP}/", menu),
        _page("https://partner.test/stockists", menu),
        _page(f"{SHOP}/men", menu),
    ]
    assert _urls(page_sets(pages)) == [[f"{SHOP}/", f"{SHOP}/men"], ["https://partner.test/stockists"]]


def test_pages_that_share_no_navigation_are_sets_of_one() -> None:
    """A scan of unrelated pages of one host: nothing to compare them with each other."""
    pages = [
        _page(f"{SHOP}/checkout/pay"),
        _page(f"{SHOP}/journal/linen", _nav(SHOP, "/journal", "/journal/archive")),
        _page(f"{SHOP}/", _nav(SHOP, "/women", "/men")),
        _page(f"{SHOP}/help", _nav(SHOP, "/")),  # one destination navigates nowhere
    ]
    assert _urls(page_sets(pages)) == [[page.url] for page in pages]


def test_header_and_footer_links_count_as_navigation_and_sharing_chains() -> None:
    """A shares the menu with B, B its footer with C: one site, so one set, in page order."""
    footer = (f"{SHOP}/contact", f"{SHOP}/delivery", f"{SHOP}/returns")
    pages = [
        _page(f"{SHOP}/a", _nav(SHOP, "/women", "/men")),
        _page(f"{SHOP}/lone", header_footer=(f"{SHOP}/x", f"{SHOP}/y")),
        _page(f"{SHOP}/c", header_footer=footer),
        _page(f"{SHOP}/b", _nav(SHOP, "/women", "/men"), header_footer=footer),
    ]
    assert _urls(page_sets(pages)) == [[f"{SHOP}/a", f"{SHOP}/c", f"{SHOP}/b"], [f"{SHOP}/lone"]]


def test_same_navigation_needs_half_of_the_shorter_list() -> None:
    assert same_navigation({"a", "b"}, {"b", "c", "d", "e"})
    assert not same_navigation({"a", "b", "c"}, {"c", "d", "e"})
    assert not same_navigation(set(), {"a"})
    assert page_sets([]) == []
