"""Named iframes and what each shows, for the iframe-same-name-different-content check (4.1.2).

Artifact `frames`: a11y_audit.artifacts.frames.Frames.

One script call. The frames are already loaded in the page, so comparing what they show takes
no navigation: for every iframe in the accessibility tree with a non-empty accessible name, in
the top document and (recursively) in the documents of readable frames, it records the name,
and for a same-origin frame the address its document ended up at (after redirects) and the
rendered text of its body; a cross-origin frame cannot be read from the page, so only its src
is recorded. Non-destructive.
"""

from __future__ import annotations

from typing import ClassVar, cast

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.frames import Frames
from a11y_audit.artifacts.kinds import FRAMES
from a11y_audit.browser.gatherers import GatherContext, Gatherer, GathererError
from a11y_audit.browser.scripts import script_with

__all__ = ["MAX_FRAMES", "MAX_TEXT", "NamedFrames"]

MAX_FRAMES = 100
"""Named iframes recorded per page."""
MAX_TEXT = 20_000
"""Characters of a frame's text recorded; longer text is marked truncated."""


class NamedFrames(Gatherer):
    """Records the page's named iframes in one script call (see the module docstring)."""

    name: ClassVar[str] = FRAMES

    def gather(self, driver: WebDriver, context: GatherContext) -> Frames:
        found = driver.execute_script(script_with("frames", "describe"), MAX_FRAMES, MAX_TEXT)
        if not isinstance(found, dict) or not isinstance(found.get("frames"), list):
            raise GathererError(f"the frames script returned {type(found).__name__}, not frames")
        return cast(Frames, found)
