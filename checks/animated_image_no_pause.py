"""Animated images that play for more than 5 seconds with no way to stop them (WCAG 2.2.2).

Reads the `animated_images` artifact (a11y_audit/browser/gatherers/animated_images.py): the
GIF, APNG and animated WebP images of the page, decoded, with how long one pass lasts and
how many passes the file asks for. Understanding 2.2.2: moving content that starts by
itself, lasts more than 5 seconds and is shown beside other content needs a way to pause,
stop or hide it; technique G152 is an animated GIF that stops within 5 seconds, failure
F16 is one that keeps going with no control. So an image that stops within 5 s passes, one
with a control named pause/stop/hide/play nearby passes (whether it works is not tried), and
one that surely plays longer (forever, or enough passes) with no control fails. Loading
indicators (tiny images of 32 px or less, inside aria-busy or a progressbar, or named
spinner/loader) may be essential, a <picture> that swaps in a still for
prefers-reduced-motion helps only those who set it, and a GIF whose loop count browsers read
differently may stop in time: those are needs review. The same file on many pages is one
issue (its address is the cause). Images whose bytes could not be read (another origin
without CORS) are not judged; CSS background images are not looked at.
https://www.w3.org/WAI/WCAG21/Understanding/pause-stop-hide.html
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from a11y_audit.artifacts.animated_images import AnimatedImage, Animation
from a11y_audit.artifacts.kinds import ANIMATED_IMAGES
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.animation import image_path, per_image
from a11y_audit.model import Impact

LIMIT_S = 5.0
"""2.2.2's five seconds."""
SURE_S = 5.5
"""Failing needs clearly more than 5 s: frame timing varies a little between browsers."""
TINY_PX = 32
"""Spinners and small badges: at most needs review (loading indicators may be essential)."""
NOT_SHOWN_PX = 8
"""Smaller than this on both sides (a tracking pixel) is not content anyone watches."""
_LOADING = re.compile(
    r"spin|loader|loading|preload|progress|throbber|busy|\bwait|\blade[nr]?\b|chargement|\bcargando",
    re.IGNORECASE,
)
_FIX = (
    "stop it within 5 seconds (fewer loops), replace it with a still image or a video with controls, "
    "or add a pause button"
)


def play_seconds(animation: Animation) -> tuple[float | None, float | None]:
    """Seconds it surely plays and may play (None: forever)."""
    loop = animation["loopMs"] / 1000
    plays, most = animation["plays"], animation["playsAtMost"]
    return (None if plays is None else loop * plays), (None if most is None else loop * most)


def image_verdict(image: AnimatedImage) -> Verdict | None:
    """The verdict on one animated image; None when 2.2.2 does not apply to it."""
    animation = image["animation"]
    width, height = image["rect"]["width"], image["rect"]["height"]
    if animation is None or not animation["moving"] or max(width, height) < NOT_SHOWN_PX:
        return None
    surely, at_most = play_seconds(animation)
    what = _describe(animation, surely, at_most)
    if at_most is not None and at_most <= LIMIT_S:
        return passed(f"{what}: it stops within 5 seconds")
    if image["control"]:
        return passed(f"{what}; {image['control']} can pause or stop it (check that it works)")
    if max(width, height) <= TINY_PX or image["busy"] or _LOADING.search(image["hints"]):
        return cant_tell(f"{what}; it looks like a loading indicator: if it is not essential, {_FIX}")
    if image["reducedMotion"]:
        return cant_tell(
            f"{what}; a still replaces it only for people who ask for reduced motion: check that "
            f"everyone can stop it, or {_FIX}"
        )
    if surely is not None and surely <= SURE_S:
        return cant_tell(f"{what}: check in a browser whether it stops within 5 seconds, or {_FIX}")
    return failed(
        f"{what}, with no control to pause, stop or hide it: {_FIX}",
        cause=f"animated image {image_path(image['url'])}",
    )


def _describe(animation: Animation, surely: float | None, at_most: float | None) -> str:
    kind = {"gif": "GIF", "png": "APNG", "webp": "WebP"}.get(animation["format"], animation["format"])
    frames = f"the animated {kind} ({animation['frames']} frames, {animation['loopMs'] / 1000:g} s a pass)"
    if surely is None:
        return f"{frames} plays forever"
    if at_most is not None and at_most > surely:
        return f"{frames} plays for {surely:g} to {at_most:g} s"
    return f"{frames} plays for {surely:g} s"


class AnimatedImageNoPause(WholePageCheck):
    meta = CheckMeta(
        id="animated-image-no-pause",
        title="Animated images stop within 5 seconds or can be paused",
        failure_title="Animated image plays for more than 5 seconds and cannot be paused",
        description=(
            "An animated GIF, APNG or WebP that keeps moving beside the text pulls the eye away from "
            "it, which makes reading hard for people with attention or reading disorders. Make it stop "
            "within 5 seconds (fewer loops), show a still image or a video with controls instead, or put "
            "a pause button next to it. The check decodes each animated image's frames and loop count: "
            "one that surely plays longer than 5 s with no pause/stop/hide control near it fails; "
            "loading indicators, images swapped for a still only on prefers-reduced-motion, and GIFs "
            "whose loop count browsers read differently are needs review. It does not test that a "
            "control works, and it cannot read images of another origin served without CORS, nor CSS "
            "background images."
        ),
        wcag=("2.2.2",),
        impact=Impact.SERIOUS,
        requires=("dom", ANIMATED_IMAGES),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return per_image(page.artifact(ANIMATED_IMAGES)["images"], image_verdict)
