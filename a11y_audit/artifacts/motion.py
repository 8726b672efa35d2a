"""Artifact `motion` (pages/<id>/motion.json): content that moves or plays by itself, and the
controls that could stop it.

Recorded by a11y_audit/browser/gatherers/motion.py (which says how); judged by the
pause-stop-hide and audio-autoplay checks.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

from a11y_audit.artifacts.shared import Described

__all__ = ["Motion", "Moving"]


class Moving(Described):
    """A region that moves or updates by itself, or an autoplaying medium.

    `kind` says which: "timer" (a repeating timer changes it), "animation" (a CSS or Web
    Animation lasting more than 5 s), "marquee", "blink", or "video"/"audio". The keys after
    `carousel` belong to some kinds only, as marked.
    """

    kind: str
    control: str | None
    """The selector of a pause/stop control near it (null: none found)."""
    carousel: bool
    """It looks like a carousel (aria-roledescription, slide children, class names)."""
    every: NotRequired[int]
    """timer: ms between steps."""
    changed: NotRequired[int]
    """timer: elements one step changed."""
    textChanges: NotRequired[int]
    """timer: in two more steps, how many changed the region's text (innerText): 2 is text that
    changes time after time (ACT rule efbfc7's "changes multiple times")."""
    alone: NotRequired[bool]
    """timer: the region's text is all the text of the page (nothing else to read meanwhile)."""
    name: NotRequired[str]
    """animation: its name."""
    loading: NotRequired[bool]
    """animation: a spinner or progress indicator."""
    paused: NotRequired[bool]
    """video/audio, and likewise below."""
    muted: NotRequired[bool]
    loop: NotRequired[bool]
    controls: NotRequired[bool]
    """The controls attribute: the browser's own play/pause/mute controls."""
    duration: NotRequired[float | None]
    """Seconds it plays: the resource's length, or its media fragment's (#t=8,10 plays 2 s);
    null: unknown, a stream."""
    sound: NotRequired[bool | None]
    """Whether the part that plays makes any sound (its audio decoded); false: a silent or no
    audio track; null or missing: not listened to (only unmuted media with no control that
    lasts over 3 s is), or could not be (too big, cross-origin)."""
    visible: NotRequired[bool]


class Motion(TypedDict):
    """The artifact; `hooks` false: no preloaded hooks (no DevTools), so timers were not seen."""

    movers: list[Moving]
    media: list[Moving]
    timersStepped: int
    hooks: bool
    instrument: NotRequired[str | None]
    """The selector of the first control anywhere on the page that might pause, stop, hide or
    slow updates (named so, broadly, or a button with no name); null: the page has none."""
