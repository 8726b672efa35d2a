"""Our checks on the demo store's server-rendered pages: the planted non-axe defects they
target are found where the manifest says, and the fixed store yields no findings at all.

Server HTML stands in for the rendered DOM here (the templates need no script to render
what these checks read), so this runs without a browser.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from urllib.parse import urlsplit

import lxml.html
import pytest

from a11y_audit.check import PageCheck, SiteCheck
from a11y_audit.demo import catalog
from a11y_audit.demo.defects import load_manifest
from a11y_audit.demo.server import DemoStore
from a11y_audit.judge.engine import findings_for_page, site_findings
from a11y_audit.judge.registry import builtin_checks
from a11y_audit.model import Finding, Outcome, PageRecord
from tests.unit.test_demo_store import filled_bag

# Manifest defects (axe: false) each check must find, everywhere the manifest lists them.
TARGETS = {
    "D01": "broken-skip-link",
    "D15": "ambiguous-link-text",
    "D29": "inconsistent-identification",
    "D31": "duplicate-page-title",
    "D33": "inconsistent-navigation",
    "D39": "missing-autocomplete",
}


def audit(variant: str) -> tuple[list[Finding], dict[str, str]]:
    """Findings of every built-in check over the whole store, and each page's HTML by path."""
    checks = builtin_checks()
    page_checks = [check for check in checks if isinstance(check, PageCheck)]
    site_checks = [check for check in checks if isinstance(check, SiteCheck)]
    findings: list[Finding] = []
    summaries = []
    html: dict[str, str] = {}
    with DemoStore(variant) as store:
        session = filled_bag(store)  # the journey-only pages open to a signed-in visitor with a bag
        for page in catalog.site_pages():
            url = store.base_url.rstrip("/") + page.path
            with urllib.request.urlopen(urllib.request.Request(url, headers=session), timeout=10) as response:
                html[page.path] = response.read().decode("utf-8")
            outcome = findings_for_page(PageRecord(url=url), html[page.path], page_checks)
            findings.extend(outcome.findings)
            summaries.append(outcome.summary)
    findings.extend(site_findings(summaries, site_checks))
    return findings, html


@pytest.fixture(scope="module")
def broken() -> Iterator[tuple[list[Finding], dict[str, str]]]:
    yield audit("broken")


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.mark.parametrize("defect_id", sorted(TARGETS))
def test_planted_defect_is_found_where_the_manifest_says(
    broken: tuple[list[Finding], dict[str, str]], defect_id: str
) -> None:
    findings, html = broken
    defect = load_manifest().get(defect_id)
    assert not defect.axe
    hits = [f for f in findings if f.rule.id == TARGETS[defect_id] and f.outcome is Outcome.FAILED]
    assert {_path(f.where.page_url) for f in hits} == set(defect.pages)
    for finding in hits:
        document = lxml.html.document_fromstring(html[_path(finding.where.page_url)])
        (element,) = document.cssselect(finding.where.selector)
        # The same component: the manifest's element, or one wrapping or inside it (nav > ul).
        related = {element, *element.iterancestors(), *element.iterdescendants()}
        assert related & set(document.cssselect(defect.selector)), finding.where.selector


def test_broken_store_has_no_findings_beyond_the_planted_defects(
    broken: tuple[list[Finding], dict[str, str]],
) -> None:
    findings, _ = broken
    assert {f.rule.id for f in findings} == set(TARGETS.values())


def test_fixed_store_has_no_findings() -> None:
    findings, _ = audit("fixed")
    assert [(f.rule.id, f.where.page_url, f.where.message) for f in findings] == []
