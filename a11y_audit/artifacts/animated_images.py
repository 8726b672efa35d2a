"""Artifact `animated_images` (pages/<id>/animated_images.json): the page's animated images,
how long they play and how much of them flashes.

Recorded by a11y_audit/browser/gatherers/animated_images.py (which says how; the frames are
measured by a11y_audit.judge.animation); judged by the animated-image-no-pause (2.2.2) and
flashing-image (2.3.1) checks.
"""

from __future__ import annotations

from typing import TypedDict

from a11y_audit.artifacts.shared import Described

__all__ = ["AnimatedImage", "AnimatedImages", "Animation", "FlashArea"]


class FlashArea(TypedDict):
    """CSS px² of the image flashing more than three times in one second, within the worst
    10-degree field (341 x 256 px): `certain` counts pixels with at least 8 opposing
    transitions (4 flashes) in the same second whatever is behind the image; `possible`
    those with at least 7 (3.5 flashes) over a white or a black backdrop."""

    certain: float
    possible: float


class Animation(TypedDict):
    """One decoded animated image (a11y_audit.judge.animation.measure)."""

    format: str
    """"gif", "png" (APNG) or "webp"."""
    width: int
    height: int
    """Natural size, px."""
    frames: int
    loopMs: int
    """One pass through the frames, ms, with the browser's clamp (delays up to 10 ms show for 100 ms)."""
    plays: int | None
    """Passes it surely makes (null: forever)."""
    playsAtMost: int | None
    """Passes it may make: a GIF's loop count is read as repeats by browsers (one more pass)."""
    moving: bool
    """Some frame differs visibly from the first (an animated file with one still picture is not)."""
    general: FlashArea
    red: FlashArea
    truncated: bool
    """Only the first frames were analysed (too many): flashes later on are not counted."""


class AnimatedImage(Described):
    """An <img> showing an image whose bytes can animate (sniffed, not by extension)."""

    url: str
    """Its address (currentSrc; data: URLs cut to their media type)."""
    alt: str | None
    hints: str
    """Its id, classes and alt, and those of its parent, for telling a loading indicator."""
    control: str | None
    """The selector of a visible control named pause/stop/hide/play... near it (null: none)."""
    reducedMotion: bool
    """A <picture> <source> for prefers-reduced-motion may swap it for a still."""
    busy: bool
    """Inside aria-busy="true" or role=progressbar: a loading indicator."""
    animation: Animation | None
    """null: the bytes could not be read or decoded (see `unread`)."""
    unread: str | None
    """Why the bytes were not measured (cross-origin without CORS, too big, undecodable)."""


class AnimatedImages(TypedDict):
    """The artifact; `looked`: images whose bytes were sniffed (or known from earlier pages)."""

    images: list[AnimatedImage]
    looked: int
