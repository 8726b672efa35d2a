"""Artifact `dialogs` (pages/<id>/dialogs.json): dialogs, menus and drawers opened with the keyboard.

Recorded by a11y_audit/browser/gatherers/dialogs.py (which says how); judged by the
dialog-focus (2.4.3), expanded-state-not-updated (4.1.2) and opener-not-keyboard-operable
(2.1.1) checks. Traps in what opens are the keyboard walk's (`keyboard`, keyboard-trap).
"""

from __future__ import annotations

from typing import Literal, TypedDict

from a11y_audit.artifacts.shared import Described

__all__ = ["DialogProbe", "Dialogs", "FocusPlace", "Modality", "OpenedBy"]

FocusPlace = Literal["inside", "trigger", "elsewhere", "body"]
"""Where focus was: in the opened component, on its trigger, on another element of the page,
or nowhere (the document body, or the browser's own controls)."""
OpenedBy = Literal["enter", "space", "click"]
Modality = Literal["declared", "covers"]
"""Modal by declaration (aria-modal="true", a <dialog> opened with showModal), or because it (or
a backdrop shown with it) covers the viewport where nothing did before."""


class DialogProbe(TypedDict):
    """One trigger, focused and activated with Enter (then Space, then, only to tell a key
    problem, a scripted click), and what its component did."""

    trigger: Described
    expanded_before: str | None
    """The trigger's aria-expanded before (null: the attribute is absent)."""
    opened_by: OpenedBy | None
    """null: nothing opened."""
    keys_confirmed: bool | None
    """For opened_by "click": Enter was pressed again after the click had closed it and waited
    for longer; true when it still did not open (null: not tried)."""
    component: Described | None
    linked: bool
    """The component is the one the trigger names (aria-controls, its #fragment)."""
    role: str | None
    modal: Modality | None
    focus_after_open: FocusPlace | None
    focus_element: Described | None
    """The element focus was on after opening (null: none)."""
    focusables: int
    expanded_open: str | None
    """The trigger's aria-expanded once the component was open."""
    tab_escaped_to: Described | None
    """For a modal component: the element of the page behind that Tab or Shift+Tab reached
    from inside (null: focus stayed inside, or not tested)."""
    containment_tested: bool
    closer: Described | None
    """A focusable control inside that only dismisses (a button or same-page link named close,
    cancel, a multiplication sign): never one that accepts, continues or submits."""
    closed_by: Literal["escape", "close_control", "trigger"] | None
    """The first way that closed it: Escape, Enter on the close control, Enter on the trigger."""
    focus_after_close: FocusPlace | None
    focus_after_close_element: Described | None
    expanded_closed: str | None
    """The trigger's aria-expanded once the component was closed."""
    next_tab: FocusPlace | None
    """When focus did not move in: where one Tab from there went (F85: a component next in
    the focus order is as good as focused); null: not tested, or focus did not move."""
    previous_tab: FocusPlace | None
    """When focus was on no element after closing: where one Shift+Tab went (F85: the
    trigger just before is as good as focus returned); null: not tested, or no move."""


class Dialogs(TypedDict):
    """The artifact: the triggers found (one per kind of control) and each probe."""

    candidates: int
    probes: list[DialogProbe]
