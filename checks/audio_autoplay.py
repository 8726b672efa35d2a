"""Sound that plays by itself for more than 3 seconds without a way to stop it (WCAG 1.4.2).

Reads the media entries of the `motion` artifact (a11y_audit/browser/gatherers/motion.py):
audio and video elements that autoplay or were playing. Sound that starts on its own drowns
out a screen reader, so anything that plays sound for more than 3 s needs a mechanism to
pause or stop it or to set its volume separately (failure F23), such as the element's own
controls or a pause/mute button near it. Muted media is no concern here (2.2.2 covers
moving video), nor media whose audio the gatherer decoded and found silent or missing (ACT
rule 80f0bf applies only to a resource that "contains audio"). The length is what plays: a
media fragment (`video.mp4#t=8,10`) plays 2 s of a longer file. Media whose length is
unknown is cantTell. Browsers may block unmuted
autoplay without a user gesture; the check judges what the page asks for, since visitors
who have interacted with the site before get the sound.
https://www.w3.org/WAI/WCAG21/Understanding/audio-control.html
https://www.w3.org/WAI/standards-guidelines/act/rules/80f0bf/
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.kinds import MOTION
from a11y_audit.artifacts.motion import Motion, Moving
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.model import Impact

LIMIT_SECONDS = 3.0


def media_verdict(item: Moving) -> Verdict | None:
    """The verdict on one autoplaying audio or video element; None when it makes no sound."""
    if item.get("muted") or item.get("sound") is False:
        return None
    control = item["control"] or (item.get("controls") and "its built-in controls")
    duration = item.get("duration")
    length = "in a loop" if item.get("loop") else f"for {duration:g} s" if duration is not None else ""
    what = f"the {item.get('kind')} plays sound by itself" + (f" {length}" if length else "")
    if control:
        return passed(f"{what}; {control} can pause or mute it")
    if not item.get("loop") and duration is not None and float(duration) <= LIMIT_SECONDS:
        return passed(f"{what}, no longer than {LIMIT_SECONDS:g} s")
    if not length:
        return cant_tell(
            f"{what} (length unknown) and has no controls: if it lasts more than 3 s, add controls or a "
            "pause/mute button, or do not autoplay"
        )
    return failed(
        f"{what} with no way to pause, stop or mute it: add the controls attribute or a pause/mute button "
        "at the top of the page, or do not autoplay sound"
    )


def verdicts(artifact: Motion) -> dict[Target, Verdict]:
    found: dict[Target, Verdict] = {}
    for item in artifact["media"] or []:
        verdict = media_verdict(item) if item["selector"] else None
        if verdict is not None:
            found[Target(str(item["selector"]), str(item["snippet"] or ""))] = verdict
    return found


class AudioAutoplay(WholePageCheck):
    meta = CheckMeta(
        id="audio-autoplay",
        title="Sound that plays automatically can be paused or muted",
        failure_title="Sound plays automatically with no way to stop it",
        description=(
            "Audio that starts by itself talks over a screen reader, so its user cannot hear the page "
            "well enough to find the control that would stop it. Do not autoplay sound, or keep it under "
            "3 seconds, or give the player its controls (or a pause/mute button near it). The check reads "
            "audio and video that autoplay or play after load (on sampled pages): unmuted media that plays "
            "longer than 3 s (a media fragment such as #t=8,10 counts as what it plays) or loops, with no "
            "controls attribute and no pause/mute/stop/sound button nearby, fails unless its decoded audio "
            "is silent or missing; unknown length is cantTell. It cannot hear sound made by Web Audio or "
            "plugins, nor check that a page-wide mute control works."
        ),
        wcag=("1.4.2",),
        impact=Impact.CRITICAL,
        requires=("dom", MOTION),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(MOTION))
