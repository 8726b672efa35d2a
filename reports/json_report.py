"""results.json re-written in a normal form: indented, keys sorted, UTF-8 unescaped.

The streamed results.json puts each page and issue on one line for speed; this form is
for people and diffs (`git diff` of two runs' results).
"""

from __future__ import annotations

import json

from a11y_audit.run_result import RunResult

__all__ = ["render_json"]


def render_json(run: RunResult) -> str:
    """The run's results.json data, stably formatted."""
    return json.dumps(run.to_json(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
