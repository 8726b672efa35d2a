"""Artifact `form_errors` (pages/<id>/form_errors.json): what declared-safe forms show when
submitted empty or with malformed values (never sent).

Recorded by a11y_audit/browser/gatherers/form_errors.py (which says how); judged by the
error-identification check.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

from a11y_audit.artifacts.shared import Described, Named, ReadBlocked

__all__ = ["FieldError", "FormAttempt", "FormAttempts"]


class FieldError(Described):
    """A field the attempt left in error, and how the page showed it."""

    label: str
    ariaInvalid: str | None
    """The aria-invalid attribute ("true"; null: none)."""
    errorText: str
    """Text tied to it by aria-describedby or aria-errormessage."""
    labelText: str
    """Error text added to its label."""
    nearbyText: str
    """New text next to it, not tied to it."""
    lookChanged: bool
    """Its border, outline or colours changed."""
    native: bool
    """The browser's own validation stopped the submission on it."""
    focused: bool


class FormAttempt(ReadBlocked):
    """One submission of one form: "empty" (required fields) or "invalid" (malformed values).

    The keys after `mode` are read from the page afterwards: missing when that read failed.
    """

    form: Named
    mode: Literal["empty", "invalid"]
    fields: NotRequired[list[FieldError]]
    announced: NotRequired[list[str]]
    """Text that appeared in live regions (role alert, aria-live)."""
    focus: NotRequired[str | None]
    """The selector of the element holding focus afterwards."""
    focusOnError: NotRequired[bool]
    """Focus moved to a field in error or an error summary."""


class FormAttempts(TypedDict):
    """The artifact: up to two attempts per declared-safe form, each on a fresh page."""

    attempts: list[FormAttempt]
