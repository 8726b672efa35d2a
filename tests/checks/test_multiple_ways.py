"""multiple-ways judged on page summaries: search in the set, a site map, or needs review."""

from __future__ import annotations

from a11y_audit.check import NavBlock, PageSummary
from a11y_audit.judge.engine import judge_site
from a11y_audit.model import Outcome
from checks.multiple_ways import MultipleWays


def _menu(*paths: str) -> NavBlock:
    return NavBlock("nav", "<nav>", "Main", tuple((f"https://s.test{path}", path) for path in paths))


NAV = (_menu("/", "/about", "/guides"),)


def outcomes(*pages: PageSummary) -> dict[str, Outcome]:
    return {verdict.page_url: verdict.verdict.outcome for verdict in MultipleWays().judge(pages)}


def test_a_search_form_on_some_pages_gives_every_page_with_navigation_a_second_way() -> None:
    judged = outcomes(
        PageSummary("https://s.test/", "Home", NAV, search="form[role=search]"),
        PageSummary("https://s.test/about", "About", NAV),
    )
    assert judged == {"https://s.test/": Outcome.PASSED, "https://s.test/about": Outcome.PASSED}


def test_without_search_a_site_map_link_is_the_second_way() -> None:
    judged = outcomes(
        PageSummary("https://s.test/site-map", "Site map", NAV, sitemap_links=("https://s.test/guides",)),
        PageSummary("https://s.test/guides", "Guides", NAV),
        PageSummary("https://s.test/about", "About", NAV),
    )
    assert judged["https://s.test/guides"] is Outcome.PASSED
    assert judged["https://s.test/about"] is Outcome.CANT_TELL  # never failed: related links may count


def test_process_steps_without_navigation_or_search_are_left_out() -> None:
    assert outcomes(PageSummary("https://s.test/checkout/pay", "Pay")) == {}


def test_a_scan_of_unrelated_pages_is_no_set_and_is_not_judged() -> None:
    """Pages that share no navigation (a scan of a handful of pages) are not a set of web pages."""
    pages = [
        PageSummary("https://s.test/about", "About", NAV),
        PageSummary("https://s.test/journal", "Journal", (_menu("/journal", "/journal/archive"),)),
        PageSummary("https://other.test/", "Other", (_menu("/about", "/"),)),
    ]
    assert list(judge_site(MultipleWays(), pages)) == []
