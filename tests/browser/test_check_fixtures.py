"""Checks that judge browser-gathered artifacts, run on their fixture pairs in real Chromium.

The same fixtures/<check-id>.html + .json as DOM-only checks (tests/checks/test_fixtures.py),
served on 127.0.0.1 and visited with exactly the gatherers the check requires, every one of
them (page-changing ones included). Elements are keyed "#id": give every judged element an id.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from a11y_audit.artifacts.kinds import gatherers_for
from a11y_audit.axe_core import locate_axe_core
from a11y_audit.browser.axe_runner import AxeRunner
from a11y_audit.browser.driver import Session
from a11y_audit.browser.gatherers import make_gatherers
from a11y_audit.browser.visit import PageVisitor
from a11y_audit.check import Page, PageCheck
from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.engine import judge_page
from a11y_audit.model import Outcome, PageRecord
from tests.checks.test_fixtures import (
    CHECKS,
    DOM_CHECKS,
    assert_meets_fixture,
    expected,
    fixture_key,
)

pytestmark = pytest.mark.browser

GATHERED_CHECKS = sorted(set(CHECKS) - DOM_CHECKS)


@pytest.mark.parametrize("check_id", GATHERED_CHECKS)
def test_gathered_check_meets_its_fixture(check_id: str, session: Session, fixtures_url: str) -> None:
    check = CHECKS[check_id]
    assert isinstance(check, PageCheck)
    visitor = PageVisitor(
        session.driver,
        AxeRunner(session.driver, locate_axe_core()),
        page_load_timeout=30,
        screenshots=False,
        gatherers=make_gatherers(gatherers_for([check.meta.requires])),
    )
    gathered = visitor.visit(f"{fixtures_url}/{check_id}.html")
    assert gathered.error is None and gathered.dom is not None, gathered.error
    missing = set(gatherers_for([check.meta.requires])) - set(gathered.artifacts)
    assert not missing, f"not gathered: {missing}; warnings: {gathered.warnings}"
    page = Page(PageRecord(url=gathered.url), parse_dom(gathered.dom), gathered.artifacts)
    found: dict[Outcome, set[str]] = defaultdict(set)
    for item in judge_page(check, page):
        found[item.verdict.outcome].add(fixture_key(item.element))
    assert_meets_fixture(expected(check_id), found, set().union(*found.values()))
