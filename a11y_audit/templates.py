"""Guess which page template a URL belongs to, so one defect on 500 product pages reads as one.

Configured patterns win; otherwise the URL's shape is used: the first path segment is kept
and deeper segments that look like slugs or ids (digits, hyphens, long words) become '*'.
Query strings never change the template: /category/shoes?page=2 is still a category page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

__all__ = ["template_for"]

_VARIABLE_SEGMENT = re.compile(r"\d|-|_|\.|^.{25,}$|%")


def template_for(url: str, patterns: Sequence[tuple[str, re.Pattern[str]]] = ()) -> str:
    """Template name for a URL: the first matching (name, regex) pattern, else its shape."""
    for name, pattern in patterns:
        if pattern.search(url):
            return name
    segments = [segment for segment in urlsplit(url).path.split("/") if segment]
    if not segments:
        return "/"
    shaped = [segments[0]] + [
        "*" if _VARIABLE_SEGMENT.search(segment) else segment for segment in segments[1:]
    ]
    return "/" + "/".join(shaped)
