"""Find checks: the built-ins in a11y_audit.checks, and users' own by dotted path or folder.

Built-in checks live one per module, named after the check id in snake_case
(`ambiguous_link_text.py` holds `ambiguous-link-text`), so a check's code is easy to find
from a finding. `--checks` / `--skip-checks` select among them by id.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TypeAlias

from a11y_audit import checks as builtin_package
from a11y_audit.artifacts.kinds import ARTIFACT_KINDS
from a11y_audit.check import CheckMeta, PageCheck, Scope, SiteCheck
from a11y_audit.errors import UsageError
from a11y_audit.wcag import criterion

__all__ = [
    "Check",
    "builtin_checks",
    "configured_checks",
    "load_check",
    "load_directory",
    "select_checks",
    "validated",
]

_KEBAB = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

Check: TypeAlias = PageCheck | SiteCheck


def builtin_checks() -> tuple[Check, ...]:
    """Every check shipped with a11y-audit, sorted by id."""
    found: list[Check] = []
    for info in pkgutil.iter_modules(builtin_package.__path__):
        module = importlib.import_module(f"{builtin_package.__name__}.{info.name}")
        found.extend(_module_checks(module))
    return tuple(sorted(found, key=lambda check: check.meta.id))


def _module_checks(module: ModuleType) -> list[Check]:
    """Instances of the check classes a module defines (not the ones it imports)."""
    return [
        validated(cls())
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, PageCheck | SiteCheck)
        and cls.__module__ == module.__name__
        and not inspect.isabstract(cls)
    ]


def validated(check: Check) -> Check:
    """The check, if its metadata is usable: a kebab-case id, known criteria, the right scope."""
    meta = getattr(check, "meta", None)
    name = type(check).__name__
    if not isinstance(meta, CheckMeta):
        raise UsageError(f"check {name} has no `meta = CheckMeta(...)`")
    if not _KEBAB.match(meta.id):
        raise UsageError(f"check {name}: id {meta.id!r} must be kebab-case, like 'ambiguous-link-text'")
    unknown = [sc for sc in meta.wcag if criterion(sc) is None]
    if unknown:
        raise UsageError(f"check {meta.id}: {', '.join(unknown)} are not WCAG 2.1 A/AA criteria")
    missing = [name for name in meta.requires if name not in ARTIFACT_KINDS]
    if missing:
        known = ", ".join(sorted(ARTIFACT_KINDS))
        raise UsageError(f"check {meta.id}: requires unknown artifact {', '.join(missing)}; known: {known}")
    scope = Scope.SITE if isinstance(check, SiteCheck) else Scope.PAGE
    if meta.scope is not scope:
        raise UsageError(f"check {meta.id}: a {type(check).__bases__[0].__name__} needs scope={scope}")
    return check


def load_check(spec: str) -> Check:
    """A user check from "package.module:Name", where Name is a check class or instance."""
    module_name, _, name = spec.partition(":")
    if not module_name or not name:
        raise UsageError(f"check {spec!r} must look like 'package.module:ClassName'")
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise UsageError(f"cannot import check module {module_name!r}: {error}") from error
    target = getattr(module, name, None)
    if inspect.isclass(target) and issubclass(target, PageCheck | SiteCheck):
        return validated(target())
    if isinstance(target, PageCheck | SiteCheck):
        return validated(target)
    raise UsageError(f"{spec!r} is not a PageCheck or SiteCheck class (or instance)")


def load_directory(folder: Path) -> tuple[Check, ...]:
    """User checks from every *.py module in a folder (each may define several checks)."""
    if not folder.is_dir():
        raise UsageError(f"check folder {folder} does not exist")
    found: list[Check] = []
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        name = f"a11y_audit_user_checks.{path.stem}"
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise UsageError(f"cannot load check module {path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses and pickling look modules up by name
        try:
            spec.loader.exec_module(module)
        except Exception as error:
            raise UsageError(f"check module {path} failed to load: {error!r}") from error
        found.extend(_module_checks(module))
    return tuple(found)


def select_checks(
    available: Iterable[Check],
    only: Sequence[str] = (),
    skip: Sequence[str] = (),
) -> tuple[Check, ...]:
    """The checks named by --checks (all when empty) minus --skip-checks, in available order.

    An unknown id is a usage error naming the valid ids, so a typo never silently turns a
    check off. Duplicate ids (a user check shadowing a built-in) are errors too.
    """
    checks = tuple(available)
    ids = [check.meta.id for check in checks]
    duplicates = sorted({ident for ident in ids if ids.count(ident) > 1})
    if duplicates:
        raise UsageError(f"more than one check has the id {', '.join(duplicates)}")
    unknown = sorted(set(only) - set(ids)) + sorted(set(skip) - set(ids))
    if unknown:
        raise UsageError(f"unknown check id {', '.join(unknown)}; valid ids: {', '.join(sorted(ids))}")
    return tuple(
        check for check in checks if (not only or check.meta.id in only) and check.meta.id not in skip
    )


def configured_checks(
    only: Sequence[str] = (), skip: Sequence[str] = (), custom: Sequence[str] = ()
) -> tuple[Check, ...]:
    """Built-in checks plus user checks ("pkg.mod:Name" or a folder), then --checks/--skip-checks."""
    user: list[Check] = []
    for spec in custom:
        if ":" in spec:
            user.append(load_check(spec))
        else:
            user.extend(load_directory(Path(spec)))
    return select_checks((*builtin_checks(), *user), only, skip)
