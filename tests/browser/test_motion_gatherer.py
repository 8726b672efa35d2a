"""The motion gatherer in real Chromium: it hears whether autoplaying media makes sound."""

from __future__ import annotations

import time

import pytest

from a11y_audit.browser.driver import Session
from a11y_audit.browser.gatherers import GatherContext, GatherSettings
from a11y_audit.browser.gatherers.motion import Motion

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
