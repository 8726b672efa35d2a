"""Each check stands alone: what checks share lives in a11y_audit/judge/commons.py (as axe-core's
commons/), so no check imports another, and a check's code reads top to bottom in one file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_layering import ROOT, imported_modules

CHECKS = ROOT / "checks"


@pytest.mark.parametrize("path", sorted(CHECKS.glob("*.py")), ids=lambda p: p.name)
def test_no_check_imports_another_check(path: Path) -> None:
    offending = {name for name in imported_modules(path) if name.startswith(("a11y_audit.checks", "checks"))}
    assert not offending, f"checks/{path.name} imports {offending}: move the shared part to judge/commons.py"
