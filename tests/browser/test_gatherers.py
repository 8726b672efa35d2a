"""The visitor runs gatherers in one visit: page-changing ones last, each on a reloaded page
unless the one before it found nothing to act on."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.axe_core import locate_axe_core
from a11y_audit.browser.axe_runner import AxeRunner
from a11y_audit.browser.driver import Session
from a11y_audit.browser.gatherers import GatherContext, Gatherer, GathererError
from a11y_audit.browser.visit import PageVisitor
from tests.browser.site import Site

pytestmark = pytest.mark.browser


class ReadTitle(Gatherer):
    name: ClassVar[str] = "read-title"

    def gather(self, driver: WebDriver, context: GatherContext) -> dict[str, Any]:
        return {"title": driver.title, "axe_ran": context.axe is not None, "url": context.url}


class ChangeTitle(Gatherer):
    """Changes the page, then reports the title it found first."""

    name: ClassVar[str] = "change-title"
    changes_page: ClassVar[bool] = True

    def gather(self, driver: WebDriver, context: GatherContext) -> dict[str, Any]:
        before = driver.title
        driver.execute_script("document.title = 'changed'")
        return {"title": before}


class ChangeTitleAgain(ChangeTitle):
    name: ClassVar[str] = "change-title-again"


class ActsWhenAsked(Gatherer):
    """Changes the page only when its name says so; reports which document it saw."""

    name: ClassVar[str] = "idle"
    changes_page: ClassVar[bool] = True
    acts_on_every_page: ClassVar[bool] = False

    def gather(self, driver: WebDriver, context: GatherContext) -> dict[str, Any]:
        seen = {"document": driver.execute_script("return performance.timeOrigin"), "title": driver.title}
        if self.name.startswith("acting"):
            driver.execute_script("document.title = 'changed'")
        return {**seen, "acted": self.name.startswith("acting")}

    def acted(self, artifact: Mapping[str, Any]) -> bool:
        return bool(artifact["acted"])


class IdleAgain(ActsWhenAsked):
    name: ClassVar[str] = "idle-again"


class Acting(ActsWhenAsked):
    name: ClassVar[str] = "acting"


class Broken(Gatherer):
    name: ClassVar[str] = "broken"

    def gather(self, driver: WebDriver, context: GatherContext) -> dict[str, Any]:
        raise GathererError("the page has no widget to measure")


def visitor(session: Session) -> PageVisitor:
    gatherers = (ReadTitle(), Broken(), ChangeTitle(), ChangeTitleAgain())
    runner = AxeRunner(session.driver, locate_axe_core())
    return PageVisitor(session.driver, runner, page_load_timeout=30, screenshots=False, gatherers=gatherers)


def test_page_changing_gatherers_each_see_a_fresh_page(site: Site, session: Session) -> None:
    gathered = visitor(session).visit(site.url + "widget")
    assert gathered.error is None
    title = gathered.artifacts["read-title"]["title"]
    assert title and title != "changed"
    assert gathered.artifacts["read-title"]["axe_ran"] is True
    assert gathered.artifacts["change-title"] == {"title": title}
    assert gathered.artifacts["change-title-again"] == {"title": title}, "the page was not reloaded"
    assert "broken" not in gathered.artifacts
    assert "broken gatherer failed: the page has no widget to measure" in gathered.warnings
    assert {"read-title_ms", "change-title_ms", "change-title-again_ms"} <= set(gathered.timings)


def test_sampled_out_pages_skip_page_changing_gatherers(site: Site, session: Session) -> None:
    gathered = visitor(session).visit(site.url + "widget", interactive=False)
    assert set(gathered.artifacts) == {"read-title"}


def test_a_gatherer_that_did_not_act_spares_the_next_one_a_reload(site: Site, session: Session) -> None:
    gatherers = (ActsWhenAsked(), IdleAgain(), Acting(), ChangeTitle())
    runner = AxeRunner(session.driver, locate_axe_core())
    visit = PageVisitor(session.driver, runner, page_load_timeout=30, screenshots=False, gatherers=gatherers)
    artifacts = visit.visit(site.url + "widget").artifacts
    assert artifacts["idle-again"]["document"] == artifacts["idle"]["document"], "reloaded for nothing"
    assert artifacts["acting"]["document"] == artifacts["idle"]["document"]
    assert artifacts["change-title"]["title"] == artifacts["idle"]["title"] != "changed", "not reloaded"
