"""The JavaScript snippets the gatherers run, loaded once from the package's js/ folder."""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["script", "script_with"]


@cache
def script(name: str) -> str:
    """Source of js/<name>.js (cached: the same snippet runs on every page)."""
    return resources.files("a11y_audit.browser").joinpath("js", f"{name}.js").read_text("utf-8")


@cache
def script_with(name: str, *libraries: str) -> str:
    """js/<name>.js preceded by the function declarations in js/lib/<library>.js.

    Snippets run as function bodies (execute_script), so a library's declarations are in
    scope for the snippet: `script_with("keyboard_step", "describe")` may call describe(el).
    """
    parts = [script(f"lib/{library}") for library in libraries]
    return "\n".join([*parts, script(name)])
