"""Page text made safe to put in one line of any report, before that format's own escaping."""

from __future__ import annotations

import unicodedata

__all__ = ["plain"]


def plain(text: str, limit: int) -> str:
    """One line of at most `limit` characters: whitespace collapsed, control and format
    characters (bidirectional overrides that reorder what a reader sees, zero-width joiners,
    icon-font private-use glyphs) dropped, an ellipsis where cut (at a word end when one is near)."""
    kept = "".join(" " if char.isspace() else char for char in text if not _hidden(char))
    flat = " ".join(kept.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit * 3 // 4 else cut).rstrip() + "…"


def _hidden(char: str) -> bool:
    return not char.isspace() and unicodedata.category(char).startswith("C")
