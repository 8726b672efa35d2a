"""Moving, blinking or auto-updating content without a pause, stop or hide control (WCAG 2.2.2).

Reads the `motion` artifact (a11y_audit/browser/gatherers/motion.py). Content that starts by
itself, lasts more than 5 s and is shown next to other content (carousels, tickers, looping
animations, background video) distracts people with attention disorders and keeps moving
under screen magnifiers and while someone is reading; failure F16 is a carousel or ticker
with no way to pause it. A visible control named pause/stop/hide/play near the content
passes (whether it works is not tried). Loading indicators and small or unrecognised movers
are cantTell: 2.2.2 exempts essential motion, and a badge that pulses is for a person to weigh.

Auto-updating text (2.2.2's second part, ACT rule efbfc7: text whose innerText changes time
after time by itself, shown beside other content) needs a way to pause, stop or hide the
updates or to control their frequency, wherever on the page it is (a settings dialog counts).
So a repeating timer whose steps change a region's text every time fails only when the page
has no control at all that might do it (nothing named pause, stop, hide, frequency, settings,
updates... and no unnamed button); a control elsewhere on the page is cantTell.
https://www.w3.org/WAI/WCAG21/Understanding/pause-stop-hide.html
https://www.w3.org/WAI/standards-guidelines/act/rules/efbfc7/
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.kinds import MOTION
from a11y_audit.artifacts.motion import Motion, Moving
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.model import Impact

LARGE_AREA = 100 * 100
"""An animated element at least this big (CSS px squared) cannot be a mere flourish."""
_FIX = "add a visible pause/stop button (and stop on hover and focus), or stop after 5 seconds"


def area(item: Moving) -> int:
    rect = item["rect"]
    return int(rect["width"] or 0) * int(rect["height"] or 0) if rect else 0


def mover_verdict(item: Moving, no_instrument: bool = False) -> Verdict | None:
    """The verdict on one moving or updating region; None when 2.2.2 does not apply to it.

    `no_instrument`: the page has no control at all that might pause, stop, hide or slow it.
    """
    kind = item["kind"]
    if kind in ("video", "audio"):
        if kind == "audio" or not item.get("visible") or item.get("paused"):
            return None
        duration = item.get("duration")
        if duration is not None and not item.get("loop") and float(duration) <= 5:
            return None
    if kind == "animation" and item.get("loading"):
        return None
    control = item["control"] or (item.get("controls") and "its built-in controls")
    what = _describe(item)
    if control:
        return passed(f"{what}; {control} can pause or stop it (check that it works)")
    if kind in ("marquee", "blink", "video") or (kind == "timer" and item["carousel"]):
        return failed(f"{what} with no control to pause, stop or hide it: {_FIX}")
    if kind == "animation" and area(item) >= LARGE_AREA:
        return failed(f"{what} with no control to pause, stop or hide it: {_FIX}")
    if kind == "timer" and no_instrument and item.get("textChanges", 0) >= 2 and item.get("alone") is False:
        return failed(
            f"{what}, its text changing every time, and the page has no control to pause, stop or hide "
            "the updates or to slow them: add one (a pause or stop button next to the text)"
        )
    return cant_tell(
        f"{what} and no pause/stop control was found near it: unless the movement is essential or "
        f"stops within 5 seconds, {_FIX}"
    )


def _describe(item: Moving) -> str:
    kind = item["kind"]
    if kind == "timer":
        seconds = float(item.get("every") or 0) / 1000
        return f"it changes by itself every {seconds:g} s ({item.get('changed')} element(s) per step)"
    if kind == "animation":
        name = item.get("name") or "an animation"
        return f"'{name}' runs for more than 5 s (infinitely or longer)"
    if kind == "video":
        return "the video plays by itself" + (" in a loop" if item.get("loop") else "")
    return f"<{kind}> moves the text continuously"


def verdicts(artifact: Motion) -> dict[Target, Verdict]:
    no_instrument = "instrument" in artifact and artifact["instrument"] is None
    found: dict[Target, Verdict] = {}
    for item in [*(artifact["movers"] or []), *(artifact["media"] or [])]:
        verdict = mover_verdict(item, no_instrument) if item["selector"] else None
        if verdict is not None:
            found.setdefault(Target(str(item["selector"]), str(item["snippet"] or "")), verdict)
    return found


class PauseStopHide(WholePageCheck):
    meta = CheckMeta(
        id="pause-stop-hide",
        title="Moving content can be paused, stopped or hidden",
        failure_title="Moving content cannot be paused, stopped or hidden",
        description=(
            "Carousels that advance by themselves, tickers, looping animations and background videos pull "
            "attention away from the task, move the text someone is reading and keep moving under a screen "
            "magnifier. Anything that starts by itself and lasts more than 5 seconds needs a visible pause, "
            "stop or hide control (and carousels should also stop on hover and focus). The check finds, "
            "without waiting: animations running longer than 5 s (document.getAnimations), marquee/blink, "
            "autoplaying video and repeating timers, whose one step it runs to see which region changes; a "
            "carousel, ticker, marquee, autoplaying video or large animation with no control named "
            "pause/stop/hide/play nearby fails, and so does text a timer changes step after step on a page "
            "with no control at all that might pause, stop, hide or slow it; other movers are cantTell, "
            "loading indicators are left alone. It does not test that the control works, and misses motion "
            "driven by setTimeout chains or requestAnimationFrame."
        ),
        wcag=("2.2.2",),
        impact=Impact.SERIOUS,
        requires=("dom", MOTION),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(MOTION))
