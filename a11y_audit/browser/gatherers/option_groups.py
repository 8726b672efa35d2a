"""How the members of groups of similar controls look, for the use-of-colour check (WCAG 1.4.1).

Artifact `option_groups`: a11y_audit.artifacts.option_groups.OptionGroups.

A sold-out size, the current page of a pagination or the active filter is a member of a
group that looks different from its siblings; whether it differs *only* in colour is a
comparison within the group. Members are the labels of radio buttons and checkboxes
sharing a name, the items of ARIA radio groups, listboxes, tab lists, toolbars and menus,
and buttons or links that are siblings (or one per list item) with the same first class;
only groups of three or more where some member has a state (checked, disabled, selected,
pressed, current) or a class the first lacks are recorded, so menus and product grids cost
no style reads.
Each member's visible elements (at most 8) are recorded with their colours apart from the
rest (border colours only for borders drawn, shadows and gradients with colours removed),
its visible text (visually hidden text is left out: it is not seen), and its states. A
member under the pointer or holding focus is `transient`. Non-destructive: one script
call, bounded to MAX_GROUPS groups of MAX_MEMBERS members.
"""

from __future__ import annotations

from typing import ClassVar, cast

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.kinds import OPTION_GROUPS
from a11y_audit.artifacts.option_groups import OptionGroups as OptionGroupsData
from a11y_audit.browser.gatherers import GatherContext, Gatherer, GathererError
from a11y_audit.browser.scripts import script_with

__all__ = ["MAX_GROUPS", "MAX_MEMBERS", "OptionGroups"]

MAX_GROUPS = 40
MAX_MEMBERS = 30


class OptionGroups(Gatherer):
    """Records the looks of grouped controls in one script call (see the module docstring)."""

    name: ClassVar[str] = OPTION_GROUPS

    def gather(self, driver: WebDriver, context: GatherContext) -> OptionGroupsData:
        found = driver.execute_script(script_with("option_groups", "describe"), MAX_GROUPS, MAX_MEMBERS)
        if not isinstance(found, dict) or not isinstance(found.get("groups"), list):
            raise GathererError(f"the option group script returned {type(found).__name__}, not groups")
        return cast(OptionGroupsData, found)
