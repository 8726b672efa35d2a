"""Artifact `frames` (pages/<id>/frames.json): the named iframes of a web page and what each shows.

Recorded by a11y_audit/browser/gatherers/frames.py (which says how); judged by the
iframe-same-name-different-content check.
"""

from __future__ import annotations

from typing import TypedDict

from a11y_audit.artifacts.shared import Named

__all__ = ["Frames", "ShownFrame"]


class ShownFrame(Named):
    """An iframe included in the accessibility tree with a non-empty accessible name.

    `selector` is the iframe's in its own document; an iframe inside another frame is named
    "<container's selector> >>> <its selector in the frame>".
    """

    name: str
    """Its accessible name: aria-labelledby's text, else aria-label, else title."""
    url: str
    """The address of the document it shows, after redirects when the document can be read;
    otherwise its resolved src ('' when it has none)."""
    readable: bool
    """Its document is readable (same origin): `text` is what it shows."""
    complete: bool
    """Its document had finished loading when read."""
    text: str
    """The rendered text of its document's body (innerText), cut at the gatherer's limit."""
    truncated: bool
    """`text` was cut: words after the cut were not read."""


class Frames(TypedDict):
    """The artifact: every named iframe of the top document and of the readable frames in it."""

    frames: list[ShownFrame]
