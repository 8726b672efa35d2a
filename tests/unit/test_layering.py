"""Architecture rule: only a11y_audit/browser/ talks to the browser; judging code stays pure."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
BROWSER_LIBS = ("selenium", "axe_selenium_python")
# The composition root and the CLI wire the browser in; everything else must not need it.
WIRING = {"a11y_audit/api.py", "a11y_audit/cli/main.py"}


def python_files() -> list[Path]:
    return sorted(
        path
        for folder in ("a11y_audit", "checks", "reports")
        for path in (ROOT / folder).rglob("*.py")
        if "browser" not in path.relative_to(ROOT).parts
    )


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", python_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_browser_package_imports_selenium(path: Path) -> None:
    offending = {name for name in imported_modules(path) if name.split(".")[0] in BROWSER_LIBS}
    assert not offending, (
        f"{path.relative_to(ROOT)} imports {offending}: move browser code to a11y_audit/browser/"
    )


@pytest.mark.parametrize("path", python_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_judging_code_does_not_depend_on_the_browser_package(path: Path) -> None:
    if path.relative_to(ROOT).as_posix() in WIRING:
        return
    offending = {name for name in imported_modules(path) if name.startswith("a11y_audit.browser")}
    assert not offending, f"{path.relative_to(ROOT)} imports {offending}"
