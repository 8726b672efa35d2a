"""Writing report files atomically, so a reader never sees half a report."""

from __future__ import annotations

from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(path: Path, text: str) -> Path:
    """Write text to path through a temporary file beside it; returns path."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, "utf-8", newline="")
    temporary.replace(path)
    return path
