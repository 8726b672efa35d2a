"""Artifact `keyboard` (pages/<id>/keyboard.json): the Tab walk and the keyboard probes.

Recorded by a11y_audit/browser/gatherers/keyboard.py (which says how); judged by the
focus-not-visible, focus-order, keyboard-trap, skip-link-not-working, character-key-shortcut
and non-text-contrast checks.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

from a11y_audit.artifacts.shared import Described

__all__ = ["Component", "Escapes", "KeyboardWalk", "Shortcut", "SkipLink", "TabStop", "Viewport", "WalkEnd"]

WalkEnd = Literal["left-document", "wrapped", "cycle", "max-stops", "deadline", "navigated"]
"""Why the walk stopped: focus left the document or wrapped to the first stop, Tab went round
a cycle, or the walk ran out of presses, time, or the page (it navigated)."""


class Viewport(TypedDict):
    """The window's inner size, CSS px."""

    width: int
    height: int


class TabStop(Described):
    """One element Tab reached, in the order it did."""

    tag: str
    kind: str
    """A signature, tag|role|type.classes: stops of one kind look alike (pixel tests extend)."""
    role: str | None
    tabindex: str | None
    """The attribute as written (null: none)."""
    skip: bool
    """A same-page "skip to" link."""
    focus_visible: bool
    """It matched :focus-visible when Tab reached it."""
    hidden: list[str]
    """Why it cannot be seen while focused: no-size, transparent, clipped, off-screen (empty
    when visible on screen)."""
    fixed: bool
    aria_hidden: bool
    inert: bool
    style: dict[str, str]
    """Computed focus-related styles while focused (js/lib/focus_state.js)."""
    unfocused_style: dict[str, str] | None
    """The same once focus moved on (null: unknown)."""
    pixel_ratio: float | None
    """Share of the element's area (+8 px) that changed between blurred and focused (null:
    not measured; the walk measures a sample, one stop per kind and style change)."""
    pixel_area: Literal["element", "ancestor", "none"] | None
    """What was measured: the element, or the label or small ancestor that stands in for a
    visually hidden control; "none": hidden, and nothing visible around it."""
    dom_rank: int | None
    """Position among the stops in document order."""
    focus_kept: NotRequired[bool | None]
    """For a stop inside aria-hidden="true": it still had focus a second after it was focused,
    with nothing moving focus meanwhile (a focus sentinel passes focus on); null or missing:
    not measured."""
    viewport_pixels: NotRequired[int | None]
    """Pixels of the whole window that changed between blurred and focused, measured when
    under 1% of pixel_area did (an indicator drawn elsewhere on the page); null: not measured."""


class Escapes(TypedDict, total=False):
    """Which ways out of a component worked (null: not tried; an earlier way got out)."""

    tab: bool | None
    shift_tab: bool | None
    escape: bool | None
    close_control: bool | None
    advised: bool | None
    """A key combination the page's help text advises (tried only when the others failed)."""


class Component(TypedDict):
    """A Tab cycle found by the walk ("walk"), stops a script takes focus back to after the
    keyboard moved it away ("refocus"), or a component opened with Enter ("opener")."""

    source: Literal["walk", "refocus", "opener"]
    opener: Described | None
    opened: bool | None
    component: Described | None
    modal: bool | None
    focus_moved_in: bool | None
    focusables: int
    escapes: Escapes
    """Empty when the component did not open (nothing to leave)."""
    close_control: Described | None
    advised_keys: NotRequired[list[str]]
    """Key combinations the page's text advised, as written ("Ctrl+M"), when no standard way
    got out (empty: none advised)."""
    help_control: NotRequired[Described | None]
    """A help control in the component that was activated to show such advice."""
    held_by: NotRequired[list[Described]]
    """For "refocus": the stop a script takes focus back to when Tab leaves it, then the one
    it does so for Shift+Tab, when that is another stop (focus cannot go round either way)."""


class SkipLink(TypedDict):
    """A skip link among the first stops, activated with Enter, then one Tab."""

    link: Described
    href: str | None
    target: Described | None
    """The element its fragment names (null: none)."""
    focus: Described | None
    focus_in_target: bool | None
    scrolled: bool | None
    next_focus: Described | None
    """Where the Tab after Enter went."""
    next_in_target: bool | None
    next_follows_target: bool | None
    """That stop comes after the target in the document."""
    walk_next: str | None
    """The selector of the stop after the link in the walk (without Enter)."""


class Shortcut(TypedDict):
    """A shortcut key pressed with focus on the page that moved focus, changed the content or
    left the page."""

    key: str
    """"/", "s"... or "ctrl+k"."""
    modifier: bool
    focus: Described | None
    navigated: bool
    changes: NotRequired[int | None]
    """Content changes (elements shown, hidden, added or rewritten) the key made; null: the
    page changed by itself while the gatherer waited, so no key can be blamed."""


class KeyboardWalk(TypedDict):
    """The artifact: every Tab stop, the components tested for traps, skip links, shortcuts."""

    viewport: Viewport | None
    end: WalkEnd
    presses: int
    """Tab presses of the walk."""
    stops: list[TabStop]
    components: list[Component]
    skip_links: list[SkipLink]
    shortcuts: list[Shortcut]
