"""Content that moves or plays by itself, and the controls that could stop it (WCAG 2.2.2, 1.4.2).

Artifact `motion`: a11y_audit.artifacts.motion.Motion.

Waiting on every page to see whether something moves would cost seconds per page, so the
gatherer finds candidates at once: running animations whose iterations last more than 5 s
(CSS animations and Web Animations, via document.getAnimations), <marquee>/<blink>, media
that autoplays, and repeating timers (setInterval, recorded by the preloaded hooks of
a11y_audit.browser.page_hooks). Each timer is run for one step by the gatherer itself, and
the elements its step changes (their closest common ancestor is the region) tell a carousel
advancing every N ms from a background poll that touches nothing. A repeating timer keeps
going, so a region it changes moves for more than 5 s; timers that re-arm setTimeout
chains are not seen. Running a step changes the page, hence changes_page (sampled pages).
Without the hooks (no DevTools) timers are not seen and `hooks` is false.

Media that would play sound for more than 3 s with no control near it (the audio-autoplay
check's failures) is then listened to without playing it (js/motion_sound.js): its resource
is fetched and its audio decoded, since a video with a silent or no audio track makes no
sound (ACT rule 80f0bf's "contains audio"). Only such media is fetched, and only up to
MAX_SOUND_BYTES and MAX_SOUND_SECONDS; an autoplaying medium that is muted or has controls
costs nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, cast

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.kinds import MOTION
from a11y_audit.artifacts.motion import Motion as MotionData
from a11y_audit.artifacts.motion import Moving
from a11y_audit.browser.gatherers import GatherContext, Gatherer, GathererError
from a11y_audit.browser.page_hooks import PRELOAD
from a11y_audit.browser.scripts import script, script_with

__all__ = ["MAX_SOUND_BYTES", "MAX_SOUND_SECONDS", "MAX_TIMERS", "Motion"]

MAX_TIMERS = 20
"""Repeating timers run for one step per page."""
MAX_SOUND_BYTES = 16_000_000
"""A media resource larger than this is not fetched to hear whether it makes sound."""
MAX_SOUND_SECONDS = 8.0
"""Time for fetching and decoding the media resources of one page."""
_AUDIO_LIMIT = 3.0
"""1.4.2's 3 seconds: shorter sound passes without listening to it."""


class Motion(Gatherer):
    """Finds moving and autoplaying content in one script call (see the module docstring)."""

    name: ClassVar[str] = MOTION
    changes_page: ClassVar[bool] = True
    acts_on_every_page: ClassVar[bool] = False
    preload: ClassVar[str | None] = PRELOAD

    def acted(self, artifact: Mapping[str, Any]) -> bool:
        """Only stepping a repeating timer changes the page; finding animations and media reads it."""
        return bool(artifact["timersStepped"])

    def gather(self, driver: WebDriver, context: GatherContext) -> MotionData:
        found = driver.execute_script(script_with("motion", "describe"), MAX_TIMERS)
        if not isinstance(found, dict):
            raise GathererError(f"the motion script returned {type(found).__name__}")
        motion = cast(MotionData, found)
        _listen(driver, motion["media"], min(MAX_SOUND_SECONDS, context.remaining() - 1))
        return motion


def _listen(driver: WebDriver, media: list[Moving], seconds: float) -> None:
    """Sets `sound` on the media that would play sound for over 3 s with no control near it."""
    wanted = [
        index
        for index, item in enumerate(media)
        if not item.get("muted")
        and not item["control"]
        and not item.get("controls")
        and (item.get("loop") or float(item.get("duration") or 0) > _AUDIO_LIMIT)
    ]
    if not wanted or seconds <= 0:
        return
    answers = driver.execute_async_script(
        script("motion_sound"), wanted, MAX_SOUND_BYTES, round(seconds * 1000)
    )
    if not isinstance(answers, list):
        return
    for index, answer in zip(wanted, answers, strict=False):
        media[index]["sound"] = answer if isinstance(answer, bool) else None
