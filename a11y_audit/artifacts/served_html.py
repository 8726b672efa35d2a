"""Artifact `served_html` (pages/<id>/served_html.json): the page's HTML exactly as the server
sent it, before any script ran.

Recorded by a11y_audit/browser/gatherers/served_html.py (which says how); judged by the
html-parsing-error check (WCAG 4.1.1 Parsing is about the markup, not the DOM scripts built).
Where the source cannot be had, there is no artifact and the page's warnings say why.
"""

from __future__ import annotations

from typing import TypedDict

__all__ = ["ServedHtml"]


class ServedHtml(TypedDict):
    """The artifact: the response body of the top document."""

    html: str
    """The body as text (Chromium decodes it with the response's charset)."""
