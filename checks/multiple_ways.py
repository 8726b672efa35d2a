"""Pages that can be found only one way: no search and no site map reaches them.

WCAG 2.4.5 asks for more than one way to locate a page within a set of pages (search, a
site map, a table of contents, navigation, links between related pages), except pages that
are a step in a process (checkout). Navigation is one way on nearly every store, so what
decides is a second: a search form, or a site map / A-Z index that links the page.
https://www.w3.org/WAI/WCAG21/Understanding/multiple-ways.html

Decisions: only a set of web pages is judged (the engine groups pages that share a site and
navigation: a11y_audit.judge.page_sets); a page that shares navigation with no other audited
page, such as each page of a scan of unrelated pages, is no set and is not judged, because
the audit saw nothing of the set it belongs to. Within a set, a page with a search form
passes; so does a page whose navigation leads to a site search on another page of the set,
and a page a site map links to. A page with neither is cantTell, never failed:
related-product links or a table of contents may be the second way, and only a person can
judge those. A page without any navigation landmark or search is taken for a step in a
process (checkout, payment) and left out, as the exception says.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from a11y_audit.check import CheckMeta, PageSummary, Scope, SiteCheck, SiteVerdict, Verdict, cant_tell, passed
from a11y_audit.model import Impact


class MultipleWays(SiteCheck):
    meta = CheckMeta(
        id="multiple-ways",
        title="Pages can be found in more than one way",
        failure_title="Pages can be found only through the navigation",
        description=(
            "People find pages differently: screen-reader and magnifier users often search or scan "
            "a site map instead of opening menu after menu, and people with cognitive disabilities "
            "may not follow a deep category tree. Offer at least two ways to reach each page, "
            "typically the navigation plus a site search (or a site map / A-Z index). The check "
            "finds search forms (role=search, type=search, or a form submitting to a search "
            "address) and site map pages in the crawl; it cannot judge related links or tables of "
            "contents, so a page without search or site map is 'needs review', never failed. "
            "Pages without navigation or search are treated as steps in a process (checkout) and "
            "skipped, as WCAG's exception says, and so are pages that share navigation with no "
            "other audited page: the audit saw none of the set they belong to."
        ),
        wcag=("2.4.5",),
        impact=Impact.MODERATE,
        scope=Scope.SITE,
    )

    def judge(self, pages: Sequence[PageSummary]) -> Iterable[SiteVerdict]:
        if len(pages) < 2:
            return  # a page alone is no set of pages; see the module docstring
        searchable = any(page.search for page in pages)
        mapped = {link for page in pages for link in page.sitemap_links}
        for page in pages:
            if page.search is None and not page.navigation:
                continue  # a step in a process: no navigation to find it by
            yield SiteVerdict(page.url, page.search or "html", "", _verdict(page, searchable, mapped))


def _verdict(page: PageSummary, searchable: bool, mapped: set[str]) -> Verdict:
    if page.search:
        return passed("the page has a search form")
    if page.url.split("#", 1)[0] in mapped:
        return passed("a site map page links to this page")
    if searchable:
        return passed("another page that shares this page's navigation has a search form")
    return cant_tell(
        "no search form and no site map page was found, so the navigation may be the only way to "
        "this page: add a site search or a site map, or check that related links or a table of "
        "contents offer a second way"
    )
