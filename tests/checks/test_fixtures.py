"""Every check against its fixture pair (axe-core's integration-test pattern).

Page checks: fixtures/<check-id>.html holds elements with ids; <check-id>.json lists the
ids per outcome (checks that need browser-gathered artifacts are run on the same files in
real Chromium by tests/browser/test_check_fixtures.py); a check with one verdict a page (on
the html element) names its pages in fixtures/<check-id>/ under "pages" and lists "name #id".
Site checks: the .json maps URL paths (or whole URLs, for a page of another origin) to pages
in fixtures/<check-id>/ and lists "path selector" per outcome; they are judged set of pages by
set, as in a run. Failed and cantTell must match exactly (no unexpected findings); passed and
inapplicable entries must have those outcomes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml.html import HtmlElement

from a11y_audit.artifacts.kinds import gatherers_for
from a11y_audit.check import Page, PageCheck, SiteCheck, Target
from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.engine import judge_page, judge_site, summarise
from a11y_audit.judge.registry import Check, builtin_checks
from a11y_audit.model import Outcome, PageRecord

FIXTURES = Path(__file__).with_name("fixtures")
CHECKS = {check.meta.id: check for check in builtin_checks()}
DOM_CHECKS = {ident for ident, check in CHECKS.items() if gatherers_for([check.meta.requires]) == ()}
"""Checks judged from the saved DOM alone; the others' fixtures are gathered in real Chromium
(tests/browser/test_check_fixtures.py) and compared by the same rules."""
BASE = "https://shop.example"
EXACT = (Outcome.FAILED, Outcome.CANT_TELL)


def expected(check_id: str) -> dict[str, object]:
    data = json.loads((FIXTURES / f"{check_id}.json").read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def fixture_key(element: HtmlElement | Target) -> str:
    """How fixture .json files name a judged element: "#id" (gatherers' selectors start so)."""
    if isinstance(element, Target):
        return element.selector
    return f"#{element.get('id')}"


def observed(check: Check, spec: dict[str, object]) -> tuple[dict[Outcome, set[str]], set[str]]:
    """Keys ("#id" or "path selector") per outcome, and every key the check judged."""
    found: dict[Outcome, set[str]] = defaultdict(set)
    if isinstance(check, PageCheck):
        files = spec.get("pages", {"": ""})
        assert isinstance(files, dict)
        for name, file in files.items():
            path = FIXTURES / check.meta.id / file if file else FIXTURES / f"{check.meta.id}.html"
            page = Page(PageRecord(url=f"{BASE}/fixture"), parse_dom(path.read_text("utf-8")))
            for item in judge_page(check, page):
                found[item.verdict.outcome].add(f"{name} {fixture_key(item.element)}".lstrip())
    else:
        pages = spec["pages"]
        assert isinstance(pages, dict)
        summaries = [
            summarise(
                Page(
                    PageRecord(url=path if "://" in path else BASE + path),
                    parse_dom((FIXTURES / check.meta.id / name).read_text("utf-8")),
                )
            )
            for path, name in pages.items()
        ]
        for verdict in judge_site(check, summaries):
            parts = urlsplit(verdict.page_url)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            where = path if verdict.page_url.startswith(BASE) else f"{parts.scheme}://{parts.netloc}{path}"
            found[verdict.verdict.outcome].add(f"{where} {verdict.selector}")
    return found, set().union(*found.values())


def assert_meets_fixture(spec: dict[str, object], found: dict[Outcome, set[str]], judged: set[str]) -> None:
    """Failed and cantTell exactly as listed; listed passes pass; listed inapplicables unjudged."""
    for outcome in Outcome:
        want = set(spec.get(outcome.value, []))  # type: ignore[call-overload]
        if outcome in EXACT:
            assert found[outcome] == want, f"{outcome.value}: got {sorted(found[outcome])}"
        elif outcome is Outcome.INAPPLICABLE:
            assert not want & judged, f"judged although inapplicable: {sorted(want & judged)}"
        else:
            assert want <= found[outcome], f"not {outcome.value}: {sorted(want - found[outcome])}"


@pytest.mark.parametrize("check_id", sorted(DOM_CHECKS))
def test_check_meets_its_fixture(check_id: str) -> None:
    check = CHECKS[check_id]
    spec = expected(check_id)
    assert_meets_fixture(spec, *observed(check, spec))


@pytest.mark.parametrize("check_id", sorted(CHECKS))
def test_every_check_has_failing_and_passing_fixtures(check_id: str) -> None:
    spec = expected(check_id)
    # A check that can never be certain (it only ever says cantTell) shows its failing side
    # as cantTell cases; every check shows both sides.
    failing = spec.get("failed") or spec.get("cantTell")
    assert failing and spec.get("passed"), "add failing (or cantTell) and passing cases to the fixture"
    several = "pages" in spec
    page_check = isinstance(CHECKS[check_id], PageCheck)
    assert (FIXTURES / f"{check_id}.html").is_file() == (page_check and not several)
    assert (isinstance(CHECKS[check_id], SiteCheck) or several) == (FIXTURES / check_id).is_dir()
