"""results.json re-written in a normal form: indented, keys sorted, UTF-8 unescaped.

The streamed results.json puts each page and issue on one line for speed; this form is
for people and diffs (`git diff` of two runs' results).
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["render_json"]


def render_json(results: dict[str, Any]) -> str:
    """The same data, stably formatted."""
    return json.dumps(results, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
