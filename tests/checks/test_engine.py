"""The engine: findings with unique selectors, counts, crash isolation, site checks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pytest
from lxml.html import HtmlElement

from a11y_audit.check import (
    CheckMeta,
    Page,
    PageCheck,
    PageSummary,
    Scope,
    SiteCheck,
    SiteVerdict,
    Verdict,
    failed,
    passed,
)
from a11y_audit.judge.dom import parse_dom, selector_for
from a11y_audit.judge.engine import findings_for_page, site_findings
from a11y_audit.model import Impact, Outcome, PageRecord, Source

DOM = """<!doctype html><html><head><title>Shop | Example</title></head><body>
<nav aria-label="Main"><a href="/a">A</a> <a href="/b#top">B</a></nav>
<main><ul class="list"><li class="item x">one</li><li class="item">two</li><li id="dup">3</li>
<li id="dup">4</li></ul><p id="only">text</p><div><span>a</span><span class="s">b</span></div></main>
</body></html>"""


def _meta(ident: str, scope: Scope = Scope.PAGE) -> CheckMeta:
    return CheckMeta(
        id=ident,
        title="ok",
        failure_title="bad",
        description="d",
        wcag=("1.3.1",),
        impact=Impact.MINOR,
        scope=scope,
    )


class ListItems(PageCheck):
    meta = _meta("list-items")

    def applicable(self, page: Page) -> Iterable[HtmlElement]:
        return page.elements("//li")

    def expect(self, element: HtmlElement, page: Page) -> Verdict:
        return failed("bad item") if element.text == "two" else passed()


class Nothing(PageCheck):
    meta = _meta("nothing")

    def applicable(self, page: Page) -> Iterable[HtmlElement]:
        return []

    def expect(self, element: HtmlElement, page: Page) -> Verdict:
        raise AssertionError("never called")


class Crashes(PageCheck):
    meta = _meta("crashes")

    def applicable(self, page: Page) -> Iterable[HtmlElement]:
        raise ValueError("boom")

    def expect(self, element: HtmlElement, page: Page) -> Verdict:
        raise AssertionError("never called")


def test_findings_counts_and_summary() -> None:
    record = PageRecord(url="https://shop.example/p", final_url="https://shop.example/p/")
    outcome = findings_for_page(record, DOM, [ListItems(), Nothing()])
    assert [(f.rule.id, f.outcome, f.where.selector) for f in outcome.findings] == [
        ("list-items", Outcome.FAILED, "ul.list > li.item:nth-of-type(2)")
    ]
    finding = outcome.findings[0]
    assert finding.rule.source is Source.A11Y_AUDIT
    assert finding.where.page_url == "https://shop.example/p"  # the requested URL, as for axe findings
    assert finding.where.snippet.startswith('<li class="item">two</li>')
    assert finding.where.message == "bad item"
    assert outcome.counts["list-items"] == {Outcome.PASSED: 3, Outcome.FAILED: 1}
    assert outcome.counts["nothing"] == {Outcome.INAPPLICABLE: 1}
    assert outcome.summary.title == "Shop | Example"
    (nav,) = outcome.summary.navigation
    assert nav.links == (("https://shop.example/a", "A"), ("https://shop.example/b", "B"))


def test_a_crashing_check_becomes_a_cant_tell_finding_and_the_others_still_run() -> None:
    outcome = findings_for_page(PageRecord(url="https://shop.example/"), DOM, [Crashes(), ListItems()])
    crash = outcome.findings[0]
    assert (crash.rule.id, crash.outcome, crash.where.selector) == ("crashes", Outcome.CANT_TELL, "html")
    assert "check crashed: ValueError('boom')" in crash.where.message
    assert [f.rule.id for f in outcome.findings[1:]] == ["list-items"]


def test_selectors_are_unique_in_the_page() -> None:
    root = parse_dom(DOM)
    for element in root.iter():
        if isinstance(element.tag, str):
            assert root.cssselect(selector_for(element)) == [element], selector_for(element)
    assert selector_for(root.xpath("//p")[0]) == "#only"


class Titles(SiteCheck):
    meta = _meta("titles", Scope.SITE)

    def judge(self, pages: Sequence[PageSummary]) -> Iterable[SiteVerdict]:
        for page in pages:
            verdict = failed("untitled") if not page.title else passed()
            yield SiteVerdict(page.url, "title", f"<title>{page.title}</title>", verdict)


class SiteCrash(SiteCheck):
    meta = _meta("site-crash", Scope.SITE)

    def judge(self, pages: Sequence[PageSummary]) -> Iterable[SiteVerdict]:
        raise KeyError("x")


def test_site_findings() -> None:
    menu = ("https://s.example/", "https://s.example/a")
    pages = [
        PageSummary("https://s.example/", "Home", header_footer_links=menu),
        PageSummary("https://s.example/a", None, header_footer_links=menu),
    ]
    assert list(site_findings([], [SiteCrash()])) == []
    findings = list(site_findings(pages, [SiteCrash(), Titles()]))
    assert [(f.rule.id, f.outcome, f.where.page_url) for f in findings] == [
        ("site-crash", Outcome.CANT_TELL, "https://s.example/"),
        ("titles", Outcome.FAILED, "https://s.example/a"),
    ]


def test_site_checks_judge_each_set_of_pages_on_its_own() -> None:
    """Pages that share no navigation are two sets: a crash is reported once per set."""
    pages = [PageSummary("https://s.example/", "Home"), PageSummary("https://other.example/", None)]
    findings = list(site_findings(pages, [SiteCrash()]))
    assert [f.where.page_url for f in findings] == ["https://s.example/", "https://other.example/"]


@pytest.mark.parametrize("text", ["", "<html></html>", "<p>fragment only"])
def test_odd_documents_do_not_break_the_engine(text: str) -> None:
    outcome = findings_for_page(PageRecord(url="https://s.example/"), text, [ListItems()])
    assert outcome.findings == ()
