"""What appears on the page after safe actions, and whether a live region carries it (WCAG 4.1.3).

Artifact `status_messages`: a11y_audit.artifacts.status_messages.StatusActions.

A status message (success, result count, error, progress) appears without taking focus, so
only a live region (role status/alert/log or aria-live) gets it read out. The gatherer
presses, one at a time, the page's safe actions: buttons that only act in the page
(type="button") and submit buttons of declared-safe forms ([checks] safe_forms, or
data-a11y-audit-safe in the markup; never a payment or order form), and only those whose
name says they add to a bag/cart/wish list, apply, copy or check stock. The preloaded
hooks (a11y_audit.browser.page_hooks) record every element that changed, with its text at
that moment (a toast that vanishes after 4 s still counts), and block any navigation, form
submission or new window the action would cause. In a session whose state matters (signed
in, or a journey) the action's POST/PUT/PATCH/DELETE requests are held too (`held`), so a
message that needs the server's answer does not appear there and is not judged: the
anonymous crawl's pages of the same template are where it is. Judging is
checks/status_message_not_announced.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, cast

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.kinds import STATUS_MESSAGES
from a11y_audit.artifacts.status_messages import StatusAction, StatusActions
from a11y_audit.browser.gatherers import GatherContext, Gatherer
from a11y_audit.browser.page_hooks import PRELOAD, as_list, require_hooks, settle
from a11y_audit.browser.scripts import script_with

__all__ = ["MAX_ACTIONS", "StatusMessages"]

MAX_ACTIONS = 6
"""Safe actions tried per page (declared-safe forms first); a template rarely has more kinds."""


class StatusMessages(Gatherer):
    """Presses safe actions and records what appeared (see the module docstring)."""

    name: ClassVar[str] = STATUS_MESSAGES
    changes_page: ClassVar[bool] = True
    acts_on_every_page: ClassVar[bool] = False
    preload: ClassVar[str | None] = PRELOAD

    def acted(self, artifact: Mapping[str, Any]) -> bool:
        """A page with no safe action was not touched."""
        return bool(artifact["actions"])

    def gather(self, driver: WebDriver, context: GatherContext) -> StatusActions:
        require_hooks(driver)
        selectors = list(context.settings.safe_forms)
        actions = as_list(
            driver.execute_script(
                script_with("status_actions", "describe", "safe_forms"), selectors, MAX_ACTIONS
            )
        )
        done: list[StatusAction] = []
        for action in actions:
            if context.remaining() <= 0:
                break
            element = action.pop("element")
            before = driver.execute_script(
                "const hooks = window.__a11yAuditHooks; const held = hooks.requests.length;"
                " hooks.start(true); arguments[0].focus(); arguments[0].click(); return held;",
                element,
            )
            settle(driver, context)
            result = driver.execute_script(script_with("status_read", "describe", "changes"), element, before)
            done.append(
                cast(StatusAction, {"held": [], **action, **(result if isinstance(result, dict) else {})})
            )
        return {"actions": done}
