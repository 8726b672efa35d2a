"""Run our own checks over saved artifacts: page checks per page, site checks at the end.

The engine owns everything checks should not repeat: parsing the DOM once, building
selectors and snippets, counting outcomes per rule, and isolating a check that crashes
(a cantTell finding naming the crash, never an aborted run). Pure: no browser, no I/O.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from a11y_audit.artifacts.kinds import DOM
from a11y_audit.check import (
    Control,
    NavBlock,
    Page,
    PageCheck,
    PageSummary,
    SiteCheck,
    SiteVerdict,
    Target,
    Verdict,
    WholePageCheck,
    cant_tell,
)
from a11y_audit.judge.dom import (
    accessible_name,
    destination,
    leads_to_a_document,
    link_destination,
    normalise_space,
    parse_dom,
    selector_for,
    snippet,
    text_of,
    truncated,
)
from a11y_audit.judge.page_sets import page_sets
from a11y_audit.judge.page_types import PageType, recognise
from a11y_audit.model import Finding, Instance, Outcome, PageRecord

__all__ = [
    "ElementVerdict",
    "PageOutcome",
    "findings_for_page",
    "judge_page",
    "judge_site",
    "keep_worst",
    "site_findings",
    "summarise",
]

_REPORTED = (Outcome.FAILED, Outcome.CANT_TELL)
_SEVERITY = {Outcome.PASSED: 0, Outcome.CANT_TELL: 1, Outcome.FAILED: 2}
"""How grave a verdict is: one element judged several times is reported by its gravest."""


def keep_worst(verdicts: dict[Target, Verdict], target: Target, verdict: Verdict) -> None:
    """Add a verdict on `target`, keeping the gravest when it has one already (the first on a tie).

    A check that judges one element several times (clipped and overlapped, rejected by
    several form submissions, changed by several actions) must report it once.
    """
    known = verdicts.get(target)
    if known is None or _SEVERITY[verdict.outcome] > _SEVERITY[known.outcome]:
        verdicts[target] = verdict


@dataclass(frozen=True, slots=True)
class ElementVerdict:
    """One check's verdict on one element: what the fixture tests compare."""

    element: HtmlElement | Target
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class PageOutcome:
    """What our page checks found on one page, and the summary site checks need later."""

    findings: tuple[Finding, ...]
    summary: PageSummary
    counts: dict[str, Counter[Outcome]] = field(default_factory=dict)
    """Per rule id: how many elements passed, failed, ... (inapplicable: 1 per page)."""
    page_type: PageType = field(default_factory=PageType)
    """What kind of store page it is, read from the page (its flow follows it)."""


def judge_page(check: PageCheck, page: Page) -> list[ElementVerdict]:
    """Every verdict of one check on one page; exceptions propagate (see findings_for_page)."""
    if isinstance(check, WholePageCheck):
        return [ElementVerdict(element, verdict) for element, verdict in check.judge(page).items()]
    return [ElementVerdict(element, check.expect(element, page)) for element in check.applicable(page)]


def findings_for_page(
    record: PageRecord,
    dom: str,
    checks: Iterable[PageCheck],
    artifacts: Mapping[str, Any] | None = None,
) -> PageOutcome:
    """Run page checks over one page's artifacts: findings, counts and the site summary.

    A check that requires an artifact the page lacks is not run there (no outcome at all):
    its gatherer failed or was sampled out, and a missing input is not evidence either way.
    """
    page = Page(record, parse_dom(dom), artifacts or {})
    findings: list[Finding] = []
    counts: dict[str, Counter[Outcome]] = {}
    for check in checks:
        if not all(name == DOM or name in page.artifacts for name in check.meta.requires):
            continue
        tally: Counter[Outcome] = Counter()
        counts[check.meta.id] = tally
        try:
            verdicts = judge_page(check, page)
        except Exception as error:  # a broken check must not lose the other checks' results
            verdicts = [ElementVerdict(page.root, cant_tell(f"check crashed: {error!r}"))]
        if not verdicts:
            tally[Outcome.INAPPLICABLE] += 1
        for item in verdicts:
            tally[item.verdict.outcome] += 1
            if item.verdict.outcome in _REPORTED:
                findings.append(_finding(check, page.record.url, item))
    page_type = recognise(page.root, record.final_url or record.url)
    return PageOutcome(tuple(findings), summarise(page), counts, page_type)


def _finding(check: PageCheck, page_url: str, item: ElementVerdict) -> Finding:
    element = item.element
    if isinstance(element, Target):
        selector, html = element.selector, truncated(element.snippet)
    else:
        selector, html = selector_for(element), snippet(element)
    return Finding(
        rule=check.meta.to_rule_meta(),
        outcome=item.verdict.outcome,
        impact=check.meta.impact,
        where=Instance(page_url, selector, (selector,), html, item.verdict.message),
        cause=item.verdict.cause,
    )


def judge_site(check: SiteCheck, summaries: Sequence[PageSummary]) -> Iterator[SiteVerdict]:
    """Every verdict of one site check, judged set of pages by set (judge.page_sets), so no
    check compares pages that do not form a set of web pages. A crash on one set is a
    cantTell on its first page, and the other sets are still judged."""
    for pages in page_sets(summaries):
        try:
            verdicts: list[SiteVerdict] = list(check.judge(pages))
        except Exception as error:  # as for page checks: report it, keep going
            verdicts = [SiteVerdict(pages[0].url, "html", "", cant_tell(f"check crashed: {error!r}"))]
        yield from verdicts


def site_findings(summaries: Sequence[PageSummary], checks: Iterable[SiteCheck]) -> Iterator[Finding]:
    """Run site checks over the summaries of every audited page (in crawl order)."""
    for check in checks:
        for item in judge_site(check, summaries):
            if item.verdict.outcome in _REPORTED:
                yield Finding(
                    rule=check.meta.to_rule_meta(),
                    outcome=item.verdict.outcome,
                    impact=check.meta.impact,
                    where=Instance(
                        item.page_url, item.selector, (item.selector,), item.snippet, item.verdict.message
                    ),
                )


def summarise(page: Page) -> PageSummary:
    """The facts site checks compare across pages: title, navigation blocks, submit controls,
    and the header and footer links that, with the navigation, tell which pages form a set."""
    title = page.root.find("head/title")
    return PageSummary(
        url=page.url,
        title=normalise_space(title.text_content()) if title is not None else None,
        navigation=tuple(_nav_block(nav, page.url) for nav in _outer_navs(page.root)),
        controls=tuple(_controls(page)),
        search=_search(page),
        sitemap_links=_sitemap_links(page, title.text_content() if title is not None else ""),
        header_footer_links=tuple(
            sorted(
                {
                    link_destination(link, page.url)
                    for link in page.elements(_HEADER_FOOTER_LINKS)
                    if leads_to_a_document(link)
                }
            )
        ),
    )


_SEARCH = (
    "//*[@role='search'] | //input[@type='search'] | //form[contains(translate(@action, 'SEARCH', "
    "'search'), 'search') and .//input[not(@type) or @type='text' or @type='search']]"
)
_SITEMAP_WORDS = re.compile(
    r"\bsite[\s-]?map\b|\bsite index\b|\ba\s*[-\u2013]\s*z\b|plan du site|mapa del sitio", re.I
)


_HEADER_FOOTER_LINKS = (
    "//a[@href][ancestor::header or ancestor::footer or ancestor::*[@role='banner' or @role='contentinfo']]"
)
_CONTENT_LINKS = (
    "//a[@href][not(ancestor::nav or ancestor::*[@role='navigation']"
    " or ancestor::header or ancestor::footer)]"
)


def _search(page: Page) -> str | None:
    """A search landmark, search field, or a form that submits to a search address."""
    found = page.elements(_SEARCH)
    return selector_for(found[0]) if found else None


def _sitemap_links(page: Page, title: str) -> tuple[str, ...]:
    """The link destinations of a site map page (named so in its URL, title or first heading)."""
    heading = page.elements("//h1")
    names = " ".join([page.url.rsplit("/", 1)[-1], title, text_of(heading[0]) if heading else ""])
    if not _SITEMAP_WORDS.search(names.replace("_", " ")):
        return ()
    links = page.elements(_CONTENT_LINKS)  # the map itself, not the menus every page repeats
    return tuple(sorted({link_destination(link, page.url) for link in links}))


_SUBMITS = "//form//button[not(@type) or @type='submit'] | //form//input[@type='submit' or @type='image']"


def _controls(page: Page) -> Iterator[Control]:
    """Submit controls of forms, keyed by what submitting does (method, action, name=value)."""
    for control in page.elements(_SUBMITS):
        form = next(control.iterancestors("form"))
        method = (control.get("formmethod") or form.get("method") or "get").upper()
        action = destination(control.get("formaction") or form.get("action") or "", page.url)
        function = f"{method} {action}"
        if control.get("name"):
            function += f" {control.get('name')}={control.get('value') or ''}"
        name = accessible_name(control) or normalise_space(control.get("value") or "")
        yield Control(function, name, selector_for(control), snippet(control))


def _outer_navs(root: HtmlElement) -> list[HtmlElement]:
    """Navigation landmarks not nested in another one (a mega-menu panel is part of its menu)."""
    navs = root.xpath("//nav | //*[@role='navigation']")
    return [nav for nav in navs if not any(a in navs for a in nav.iterancestors())]


def _nav_block(nav: HtmlElement, base_url: str) -> NavBlock:
    links = tuple(
        (link_destination(link, base_url), text_of(link))
        for link in nav.iter("a")
        if leads_to_a_document(link)
    )
    label = normalise_space(nav.get("aria-label") or "")
    return NavBlock(selector_for(nav), snippet(nav), label, links)
