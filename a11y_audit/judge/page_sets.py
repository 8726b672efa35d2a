"""Which audited pages form a "set of web pages", the unit that site checks compare.

WCAG 3.2.3 (consistent navigation), 3.2.4 (consistent identification) and 2.4.5 (multiple
ways) judge pages within a set of web pages: "a collection of web pages that share a common
purpose and that are created by the same author, group or organization". A run may hold pages
that are no such set: a scan of a handful of unrelated pages, a partner's page next to the
store's, a microsite or help centre on the store's origin built by another team. Comparing
those would turn unrelated pages into findings against each other ("Add to basket" here,
"Add to bag" on someone else's page), and a published finding must hold.

What the saved pages show of "same author, common purpose" is the navigation one author
repeats on every page of a site. So a set is the pages of one origin that share navigation:
a navigation landmark, or the links of the header and footer, that links mostly the same
destinations (`same_navigation`). Sharing chains (A shares the main menu with B, B its
footer with C), so a set is a connected group; a page that shares navigation with no other
page is a set of its own, which no page is compared with. Every site check groups pages here,
never by its own rule, so all of them agree on what a set is.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from a11y_audit.check import NavBlock, PageSummary

__all__ = ["SAME_NAVIGATION", "page_sets", "same_navigation"]

SAME_NAVIGATION = 0.5
"""Two link lists are one navigation when at least this share of the shorter one's
destinations is in the other (items come and go: a sub-menu opens, the current page drops out)."""


def same_navigation(first: Collection[str], second: Collection[str]) -> bool:
    """Whether two lists of link destinations are one navigation (see SAME_NAVIGATION)."""
    if not first or not second:
        return False
    shared = len(set(first) & set(second))
    return shared / min(len(set(first)), len(set(second))) >= SAME_NAVIGATION


def _destinations(block: NavBlock) -> frozenset[str]:
    """Where a navigation block links (a logo and a text link to one page count once)."""
    return frozenset(destination for destination, _ in block.links)


@dataclass(slots=True)
class _Navigation:
    """One navigation seen on pages of an origin: every destination it linked, and the first
    page it was seen on (whose set every other page showing it joins)."""

    links: set[str]
    first_page: int


@dataclass(slots=True)
class _Sets:
    """Union-find over page indexes: pages that share a navigation are one set."""

    parent: list[int] = field(default_factory=list)

    def find(self, page: int) -> int:
        while self.parent[page] != page:
            self.parent[page] = self.parent[self.parent[page]]
            page = self.parent[page]
        return page

    def join(self, first: int, second: int) -> None:
        self.parent[self.find(second)] = self.find(first)


def page_sets(pages: Sequence[PageSummary]) -> list[list[PageSummary]]:
    """The pages grouped into sets of web pages, each in the pages' order, sets in the order
    of their first page; a page that shares no navigation with another is a set of one.

    Navigations are matched incrementally against the destinations already seen in each (as
    a menu's links vary a little from page to page), so a big crawl costs pages times the few
    navigations a site has, not pages squared.
    """
    sets = _Sets(list(range(len(pages))))
    seen: dict[str, list[_Navigation]] = {}
    for index, page in enumerate(pages):
        known = seen.setdefault(_origin(page.url), [])
        for links in _navigations(page):
            match = next((nav for nav in known if same_navigation(links, nav.links)), None)
            if match is None:
                known.append(_Navigation(set(links), index))
            else:
                match.links |= links
                sets.join(match.first_page, index)
    grouped: dict[int, list[PageSummary]] = {}
    for index, page in enumerate(pages):
        grouped.setdefault(sets.find(index), []).append(page)
    return list(grouped.values())


def _navigations(page: PageSummary) -> Iterator[frozenset[str]]:
    """The link lists of a page that may be navigation repeated across a site: each navigation
    landmark, and the header and footer links; fewer than two destinations navigate nowhere."""
    candidates = [*(_destinations(block) for block in page.navigation), frozenset(page.header_footer_links)]
    return (links for links in candidates if len(links) >= 2)


def _origin(url: str) -> str:
    """Scheme, host and port: another origin is another site, even if it links to this one."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()
