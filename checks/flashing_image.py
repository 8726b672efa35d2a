"""Animated images that flash more than three times a second over a large area (WCAG 2.3.1).

Reads the `animated_images` artifact: each GIF, APNG and animated WebP is analysed frame by
frame (a11y_audit.judge.flashes, after WCAG's definitions of general and red flashes and the
10-degree field of 341 x 256 px) for the area that flashes more than three times in one
second. Flashing over more than a quarter of that field (21,824 px²) can trigger seizures,
and no pause button excuses it (2.3.1 applies whether or not the image can be stopped).
A failure needs the analysis to be sure: four or more flashes in a second over every
backdrop, over at least 1.25 times the threshold area; three and a half flashes, or an area
within 20 % of the threshold either way, is needs review. Flashing in <video>, <canvas> or
CSS animations is not analysed (a video's frames cannot be decoded cheaply in a page visit),
nor images of another origin served without CORS.
https://www.w3.org/WAI/WCAG21/Understanding/three-flashes-or-below-threshold.html
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.animated_images import AnimatedImage
from a11y_audit.artifacts.kinds import ANIMATED_IMAGES
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.animation import image_path, per_image
from a11y_audit.judge.flashes import THRESHOLD_AREA
from a11y_audit.model import Impact

SURE_FACTOR = 1.25
"""A sure flash area at least this many times the threshold fails."""
REVIEW_FACTOR = 0.8
"""A possible flash area from this many times the threshold up is for a person to weigh."""
_FIX = "slow it to at most three flashes a second, shrink the flashing area, or remove the flashing"


def image_verdict(image: AnimatedImage) -> Verdict | None:
    """The verdict on one animated image; None when it does not move or was not read."""
    animation = image["animation"]
    if animation is None or not animation["moving"]:
        return None
    kinds = (("red", animation["red"]), ("general", animation["general"]))
    for kind, flashes in kinds:
        area = flashes["certain"]
        if area >= SURE_FACTOR * THRESHOLD_AREA:
            return failed(
                f"the image flashes ({kind} flashes) more than three times a second over {area:.0f} px², "
                f"above the {THRESHOLD_AREA:.0f} px² threshold (a quarter of a 341 x 256 px field): {_FIX}",
                cause=f"flashing image {image_path(image['url'])}",
            )
    for kind, flashes in kinds:
        area = max(flashes["possible"], flashes["certain"])
        if area >= REVIEW_FACTOR * THRESHOLD_AREA:
            return cant_tell(
                f"the image may flash ({kind} flashes) about three times a second or more over up to "
                f"{area:.0f} px², near the {THRESHOLD_AREA:.0f} px² threshold: check it with a flash "
                f"analyser (PEAT), or {_FIX}"
            )
    note = " in the frames analysed (it is too long to analyse whole)" if animation["truncated"] else ""
    return passed(f"no flashing above the threshold was found{note}")


class FlashingImage(WholePageCheck):
    meta = CheckMeta(
        id="flashing-image",
        title="Animated images do not flash more than three times a second",
        failure_title="Animated image flashes more than three times a second",
        description=(
            "Content that flashes more than three times in one second over a large enough area can cause "
            "seizures in people with photosensitive epilepsy, within seconds and whether or not it can be "
            "paused. The check analyses the frames of every animated GIF, APNG and WebP for general "
            "flashes (opposing luminance changes of 10 % or more where the darker state is below 0.8) and "
            "red flashes (transitions to and from saturated red), and measures the area flashing more "
            "than three times a second within any 341 x 256 px field: clearly above a quarter of it "
            "fails, near it is needs review. Video, canvas and CSS animations are not analysed, nor "
            "images of another origin served without CORS."
        ),
        wcag=("2.3.1",),
        impact=Impact.CRITICAL,
        requires=("dom", ANIMATED_IMAGES),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return per_image(page.artifact(ANIMATED_IMAGES)["images"], image_verdict)
