"""The JavaScript snippets the gatherers run, loaded once from the package's js/ folder."""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["script"]


@cache
def script(name: str) -> str:
    """Source of js/<name>.js (cached: the same snippet runs on every page)."""
    return resources.files("a11y_audit.browser").joinpath("js", f"{name}.js").read_text("utf-8")
