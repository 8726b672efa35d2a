"""pause-stop-hide and audio-autoplay judged over hand-written `motion` artifacts."""

from __future__ import annotations

from typing import Any, cast

from a11y_audit.artifacts.motion import Moving
from a11y_audit.checks.audio_autoplay import media_verdict
from a11y_audit.checks.pause_stop_hide import mover_verdict, verdicts
from a11y_audit.model import Outcome


def moving(data: dict[str, Any]) -> Moving:
    """Hand-written data, only the keys a test needs."""
    return cast(Moving, data)


def mover(**overrides: Any) -> Moving:
    base: dict[str, Any] = {
        "selector": ".carousel",
        "snippet": "<section class=carousel>",
        "kind": "timer",
        "control": None,
        "carousel": True,
        "every": 6000,
        "changed": 3,
        "rect": {"x": 0, "y": 0, "width": 800, "height": 400},
    }
    return moving({**base, **overrides})


def media(**overrides: Any) -> Moving:
    base: dict[str, Any] = {
        "selector": "#music",
        "snippet": "<audio id=music>",
        "kind": "audio",
        "control": None,
        "paused": False,
        "muted": False,
        "loop": False,
        "controls": False,
        "duration": 30.0,
        "visible": False,
    }
    return moving({**base, **overrides})


def outcome(verdict: Any) -> Outcome | None:
    return None if verdict is None else verdict.outcome


def test_auto_advancing_carousel_without_control_fails() -> None:
    verdict = mover_verdict(mover())
    assert verdict is not None and verdict.outcome is Outcome.FAILED and "every 6 s" in verdict.message
    assert outcome(mover_verdict(mover(control="#pause"))) is Outcome.PASSED


def test_unrecognised_updates_and_small_animations_need_review() -> None:
    assert outcome(mover_verdict(mover(carousel=False))) is Outcome.CANT_TELL  # a countdown, a price feed
    dot = mover(kind="animation", name="pulse", carousel=False, rect={"width": 12, "height": 12})
    assert outcome(mover_verdict(dot)) is Outcome.CANT_TELL
    assert outcome(mover_verdict(moving({**dot, "rect": {"width": 600, "height": 40}}))) is Outcome.FAILED


def test_loading_indicators_and_short_or_paused_videos_are_not_judged() -> None:
    assert mover_verdict(mover(kind="animation", loading=True)) is None
    video = media(kind="video", visible=True, muted=True, loop=True)
    assert outcome(mover_verdict(video)) is Outcome.FAILED
    assert outcome(mover_verdict(moving({**video, "controls": True}))) is Outcome.PASSED
    assert mover_verdict(moving({**video, "loop": False, "duration": 4.0})) is None
    assert mover_verdict(moving({**video, "paused": True})) is None
    assert mover_verdict(media()) is None  # audio does not move


def test_marquee_fails_and_verdicts_cover_movers_and_media() -> None:
    marquee = mover(selector="#m", kind="marquee", carousel=False)
    found = verdicts({"movers": [marquee], "media": [media()], "timersStepped": 1, "hooks": True})
    assert [(target.selector, verdict.outcome) for target, verdict in found.items()] == [
        ("#m", Outcome.FAILED)
    ]


def test_autoplaying_sound() -> None:
    assert outcome(media_verdict(media())) is Outcome.FAILED
    assert outcome(media_verdict(media(loop=True, duration=None))) is Outcome.FAILED
    assert outcome(media_verdict(media(duration=None))) is Outcome.CANT_TELL
    assert outcome(media_verdict(media(duration=2.5))) is Outcome.PASSED
    assert outcome(media_verdict(media(controls=True))) is Outcome.PASSED
    assert outcome(media_verdict(media(control="#mute"))) is Outcome.PASSED
    assert media_verdict(media(muted=True)) is None


def test_media_whose_decoded_audio_is_silent_or_missing_makes_no_sound() -> None:
    assert media_verdict(media(sound=False)) is None
    assert outcome(media_verdict(media(sound=True))) is Outcome.FAILED
    assert outcome(media_verdict(media(sound=None))) is Outcome.FAILED  # not heard: judged by its length


def test_text_changing_step_after_step_fails_only_where_the_page_has_no_control_at_all() -> None:
    updates = mover(selector="#stock", carousel=False, textChanges=2, alone=False)
    assert outcome(mover_verdict(updates, no_instrument=True)) is Outcome.FAILED
    assert outcome(mover_verdict(updates)) is Outcome.CANT_TELL  # a control somewhere on the page
    assert outcome(mover_verdict({**updates, "textChanges": 1}, no_instrument=True)) is Outcome.CANT_TELL
    assert outcome(mover_verdict({**updates, "alone": True}, no_instrument=True)) is Outcome.CANT_TELL
    assert outcome(mover_verdict({**updates, "control": "#pause"}, no_instrument=True)) is Outcome.PASSED


def test_only_a_gathering_that_looked_for_controls_can_say_the_page_has_none() -> None:
    updates = mover(selector="#stock", carousel=False, textChanges=2, alone=False)
    gathered = {"movers": [updates], "media": [], "timersStepped": 1, "hooks": True}
    assert [v.outcome for v in verdicts(cast(Any, gathered)).values()] == [Outcome.CANT_TELL]
    assert [v.outcome for v in verdicts(cast(Any, {**gathered, "instrument": None})).values()] == [
        Outcome.FAILED
    ]
