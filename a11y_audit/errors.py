"""Exceptions that carry the CLI exit code, so the CLI maps them without guessing."""

from __future__ import annotations


class A11yAuditError(Exception):
    """Base class: a one-line, user-facing message and an exit code."""

    exit_code = 3


class UsageError(A11yAuditError):
    """Bad input from the user (URL, option, config file): exit 2."""

    exit_code = 2


class ToolError(A11yAuditError):
    """The tool could not do its job (browser, axe-core, output dir, nothing audited): exit 3."""

    exit_code = 3
