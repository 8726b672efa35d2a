"""Find the pinned axe-core that `npm ci` installed (never a copy bundled elsewhere)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from a11y_audit.errors import ToolError

__all__ = ["ENV_VAR", "AxeCore", "locate_axe_core"]

ENV_VAR = "A11Y_AUDIT_AXE_CORE"
_RELATIVE = Path("node_modules") / "axe-core" / "axe.min.js"


@dataclass(frozen=True, slots=True)
class AxeCore:
    """The axe.min.js file to inject, and its version for results.json."""

    path: Path
    version: str


def locate_axe_core(explicit: str | os.PathLike[str] | None = None) -> AxeCore:
    """Explicit path, then $A11Y_AUDIT_AXE_CORE, then node_modules near cwd or the checkout.

    The checkout is searched because the README installs the tool editable from a clone
    where `npm ci` put axe-core; cwd is searched for projects that pin their own axe-core.
    """
    candidates: list[Path] = []
    if explicit:
        candidates.append(Path(explicit))
    elif os.environ.get(ENV_VAR):
        candidates.append(Path(os.environ[ENV_VAR]))
    else:
        for base in (Path.cwd(), *Path.cwd().parents):
            candidates.append(base / _RELATIVE)
        checkout = Path(__file__).resolve().parent.parent
        candidates.append(checkout / _RELATIVE)
    for path in candidates:
        if path.is_file():
            return AxeCore(path=path, version=_version_of(path))
    where = candidates[0] if explicit or os.environ.get(ENV_VAR) else "node_modules/axe-core"
    raise ToolError(
        f"axe-core not found at {where}: run `npm ci` in the a11y-audit checkout "
        f"(installs the pinned axe-core), or set {ENV_VAR}=/path/to/axe.min.js"
    )


def _version_of(path: Path) -> str:
    """Read the version from the package.json beside axe.min.js; 'unknown' if it is absent."""
    package_json = path.parent / "package.json"
    try:
        return str(json.loads(package_json.read_text("utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        return "unknown"
