"""The motion gatherer in real Chromium: it hears whether autoplaying media makes sound, and
sees whether text a timer updates keeps changing on a page with no control to stop it."""

from __future__ import annotations

import time

import pytest

from a11y_audit.artifacts.kinds import gatherers_for
from a11y_audit.axe_core import locate_axe_core
from a11y_audit.browser.axe_runner import AxeRunner
from a11y_audit.browser.driver import Session
from a11y_audit.browser.gatherers import GatherContext, GatherSettings, make_gatherers
from a11y_audit.browser.gatherers.motion import Motion
from a11y_audit.browser.visit import PageVisitor
from a11y_audit.check import Page
from a11y_audit.checks.pause_stop_hide import PauseStopHide
from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.engine import judge_page
from a11y_audit.model import Outcome, PageRecord
from tests.checks.test_fixtures import fixture_key

pytestmark = pytest.mark.browser


def test_autoplaying_media_is_heard_only_where_its_verdict_depends_on_it(
    session: Session, fixtures_url: str
) -> None:
    """audio-autoplay.html: the chime sounds, the silence is silent, a 2 s fragment of the
    chime plays 2 s (not heard: short sound passes), a player with controls is not fetched."""
    url = f"{fixtures_url}/audio-autoplay.html"
    session.driver.get(url)
    time.sleep(0.5)  # metadata: the media's length
    context = GatherContext(url, None, GatherSettings(), time.monotonic() + 20)
    media = {item["selector"]: item for item in Motion().gather(session.driver, context)["media"]}
    assert media["#f3"].get("sound") is True and media["#f3"].get("duration") == 6
    assert media["#n3"].get("sound") is False
    assert media["#p3"].get("duration") == 2 and "sound" not in media["#p3"]
    assert "sound" not in media["#p1"]
    assert media["#f1"].get("sound") is None  # missing file: not heard, judged by its length


def judged_updates(session: Session, url: str) -> dict[str, Outcome]:
    visitor = PageVisitor(
        session.driver,
        AxeRunner(session.driver, locate_axe_core()),
        page_load_timeout=30,
        screenshots=False,
        gatherers=make_gatherers(gatherers_for([PauseStopHide.meta.requires])),
    )
    gathered = visitor.visit(url)
    assert gathered.dom is not None, gathered.error
    page = Page(PageRecord(url=url), parse_dom(gathered.dom), gathered.artifacts)
    return {fixture_key(item.element): item.verdict.outcome for item in judge_page(PauseStopHide(), page)}


def test_text_a_timer_changes_every_step_fails_only_on_a_page_with_no_control_at_all(
    session: Session, fixtures_url: str
) -> None:
    """auto-updating-text.html: #viewers changes at every step; #hours is rewritten unchanged."""
    alone = judged_updates(session, f"{fixtures_url}/auto-updating-text.html")
    assert alone == {"#viewers": Outcome.FAILED, "#hours": Outcome.CANT_TELL}
    elsewhere = judged_updates(session, f"{fixtures_url}/auto-updating-text.html?control")
    assert elsewhere == {"#viewers": Outcome.CANT_TELL, "#hours": Outcome.CANT_TELL}
