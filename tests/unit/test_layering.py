"""Architecture rules: gather -> judge -> report.

Only a11y_audit/browser/ talks to the browser (selenium). Judging, gating, reporting and the
checks work on what was gathered, so they import neither the browser package nor the crawl
package: they must run on a results folder alone, without a browser or a network.

Each rule names the layers it binds, so every parametrised case asserts something; the
modules a rule leaves out are left out by stating the layer, never by returning early.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
BROWSER_LIBS = ("selenium", "axe_selenium_python")
GATHERING = ("a11y_audit.browser", "a11y_audit.crawl")
"""The gathering packages: they drive the browser and fetch pages, robots.txt and sitemaps."""
PURE_LAYERS = ("a11y_audit/judge", "a11y_audit/gate", "reports", "checks")
"""Judging, gating, reporting and the checks: they read gathered artifacts, never gather.
(reports/ and checks/ are symlinked into the package as a11y_audit/reports and
a11y_audit/checks; they are scanned at their real place, once.)
The composition root (api.py), the CLI, config.py and the crawl package itself are wiring or
gathering, outside these layers: they may import the gathering packages."""


def python_files(folders: tuple[str, ...]) -> list[Path]:
    files = sorted(path for folder in folders for path in (ROOT / folder).rglob("*.py"))
    assert files, f"no Python files under {folders}: the layer moved and the rule checks nothing"
    return files


def package_of(path: Path) -> str:
    """The dotted package a module sits in, as imports name it (reports/ is a11y_audit.reports)."""
    folders = path.relative_to(ROOT).parts[:-1]
    return ".".join(folders if folders[0] == "a11y_audit" else ("a11y_audit", *folders))


def imported_modules(path: Path) -> set[str]:
    return imported_names(path.read_text("utf-8"), package_of(path))


def imported_names(source: str, package: str) -> set[str]:
    """Every module an import statement in source names, relative imports resolved against
    package and `from a import b` counted as both a and a.b (b may be a submodule)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - (node.level - 1)])
                base = f"{anchor}.{base}" if base else anchor
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def _is_under(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == package or name.startswith(package + ".") for package in packages)


def _outside_browser(path: Path) -> bool:
    return "browser" not in path.relative_to(ROOT).parts


@pytest.mark.parametrize(
    "path",
    [path for path in python_files(("a11y_audit", "checks", "reports")) if _outside_browser(path)],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_only_the_browser_package_imports_selenium(path: Path) -> None:
    offending = {name for name in imported_modules(path) if name.split(".")[0] in BROWSER_LIBS}
    assert not offending, (
        f"{path.relative_to(ROOT)} imports {offending}: move browser code to a11y_audit/browser/"
    )


@pytest.mark.parametrize("path", python_files(PURE_LAYERS), ids=lambda p: str(p.relative_to(ROOT)))
def test_judging_gating_reporting_and_checks_do_not_gather(path: Path) -> None:
    offending = {name for name in imported_modules(path) if _is_under(name, GATHERING)}
    assert not offending, (
        f"{path.relative_to(ROOT)} imports {sorted(offending)}: judge/, gate/, reports/ and "
        "checks/ read gathered artifacts; move what they need out of browser/ or crawl/"
    )


def test_the_import_scan_sees_every_import_form() -> None:
    """The rule is only as good as its scan: absolute, `from a import b` and relative imports
    of the gathering packages are all caught (a judge/ module is the example)."""
    source = (
        "import a11y_audit.browser.driver\n"
        "from a11y_audit import crawl\n"
        "from ..crawl.urls import canonicalize\n"
        "from . import grouping\n"
    )
    names = imported_names(source, package_of(ROOT / "a11y_audit" / "judge" / "example.py"))
    assert {name for name in names if _is_under(name, GATHERING)} == {
        "a11y_audit.browser.driver",
        "a11y_audit.crawl",
        "a11y_audit.crawl.urls",
        "a11y_audit.crawl.urls.canonicalize",
    }
    assert "a11y_audit.judge.grouping" in names
    assert package_of(ROOT / "reports" / "html.py") == "a11y_audit.reports"
    assert package_of(ROOT / "a11y_audit" / "judge" / "__init__.py") == "a11y_audit.judge"
