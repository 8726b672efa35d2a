"""Artifact `option_groups` (pages/<id>/option_groups.json): how the members of groups of
similar controls look (sizes, pages of a pagination, filters), for the use-of-colour check.

Recorded by a11y_audit/browser/gatherers/option_groups.py (which says how). Only groups of
three or more where some member has a state or a class the first lacks are recorded.
"""

from __future__ import annotations

from typing import TypedDict

from a11y_audit.artifacts.shared import Described

__all__ = ["GroupMember", "MemberNode", "OptionGroup", "OptionGroups"]


class MemberNode(TypedDict):
    """One visible element of a member (at most 8), its colours apart from the rest.

    `colour`: color, background, opacity, borderTop... (border colours only for borders
    drawn, shadows and gradients with colours removed); `shape`: tag, decoration, borders,
    weight, ::before content...
    """

    colour: dict[str, str]
    shape: dict[str, str]


class GroupMember(Described):
    """A member of the group, with its visible text (visually hidden text left out) and states."""

    nodes: list[MemberNode]
    text: str
    name: str
    selected: bool
    disabled: bool
    classes: str
    transient: bool
    """Under the pointer or holding focus: its looks are not its own."""


class OptionGroup(TypedDict):
    """Radio buttons or checkboxes sharing a name, ARIA groups, or sibling buttons and links.

    `kind`: radio, checkbox, radiogroup, listbox, tablist, toolbar, menu or siblings.
    """

    kind: str
    name: str
    members: list[GroupMember]


class OptionGroups(TypedDict):
    """The artifact."""

    groups: list[OptionGroup]
