"""The top document's HTML as the server sent it, from DevTools' copy of the response.

Artifact `served_html` (pages/<id>/served_html.json): a11y_audit.artifacts.served_html.ServedHtml.

WCAG 4.1.1 Parsing judges the markup, not the DOM that the browser repaired and scripts
changed, so the saved DOM cannot serve. The source is taken without a second request, which
could change server state (a page reached by POST, a journey's bag) or return other markup:
the visitor enables the DevTools Network domain once per session (`prepare`), so Chromium
keeps the bodies of the responses it loads, and after the visit the top frame's loader id,
which is the request id of the navigation that made the current document, names the body
(`Network.getResponseBody`). That works for redirects, POST results, no-store pages and
history.pushState alike; Chromium's HTTP cache (`fetch(..., {cache: 'only-if-cached'})`)
does not hold POST results or no-store pages. Where the body cannot be had (no DevTools on a
Grid, a journey state whose body the buffer has let go, a page over the cap) the gatherer
fails with the reason, which becomes a page warning, and the check is skipped on that page:
never a guess, never a re-request.
Cost: two DevTools calls, median 17 ms a page on django-oscar's 70 KB pages (wall clock, on a
loaded 2-core machine); the artifact is gzipped with the others (about 6 KB a page there).
"""

from __future__ import annotations

from typing import ClassVar

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.kinds import SERVED_HTML
from a11y_audit.artifacts.served_html import ServedHtml
from a11y_audit.browser.devtools import cdp
from a11y_audit.browser.gatherers import GatherContext, Gatherer, GathererError

__all__ = ["MAX_CHARS", "ServedHtmlGatherer"]

MAX_CHARS = 2_000_000
"""Bodies longer than this (about 2 MB) are not kept: parsing them would cost seconds a page."""
_BUFFER = {"maxTotalBufferSize": 64_000_000, "maxResourceBufferSize": 8_000_000}
"""What Chromium may keep of response bodies in this session (bytes): the page's document and
then some, so a journey state's body usually survives the subresources loaded after it."""


class ServedHtmlGatherer(Gatherer):
    """The response body of the current top document (see the module docstring)."""

    name: ClassVar[str] = SERVED_HTML

    def prepare(self, driver: WebDriver) -> None:
        cdp(driver, "Network.enable", dict(_BUFFER))

    def gather(self, driver: WebDriver, context: GatherContext) -> ServedHtml:
        tree = cdp(driver, "Page.getFrameTree")
        if tree is None:
            raise GathererError("this browser session does not accept DevTools commands: 4.1.1 not checked")
        frame = tree.get("frameTree")
        loader = frame.get("frame", {}).get("loaderId") if isinstance(frame, dict) else None
        if not isinstance(loader, str) or not loader:
            raise GathererError("DevTools named no loader for the top document: 4.1.1 not checked")
        # None: Chromium holds no body under that id (let go from its buffer, or the document
        # was loaded before the Network domain was on).
        body = cdp(driver, "Network.getResponseBody", {"requestId": loader})
        html = body.get("body") if body else None
        if not isinstance(html, str) or (body and body.get("base64Encoded")):
            raise GathererError("Chromium kept no text copy of the response: 4.1.1 not checked")
        if len(html) > MAX_CHARS:
            raise GathererError(
                f"the HTML is {len(html):,} characters, over the {MAX_CHARS:,} cap: 4.1.1 not checked"
            )
        return ServedHtml(html=html)
