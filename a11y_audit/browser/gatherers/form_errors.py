"""What declared-safe forms show when submitted empty or with malformed values (WCAG 3.3.1, 3.3.3).

Artifact `form_errors`: a11y_audit.artifacts.form_errors.FormAttempts.

Only forms declared safe are ever submitted: matched by [checks] safe_forms (CSS selectors,
GatherSettings.safe_forms) or marked data-a11y-audit-safe in the markup, and never
a form that takes payment or places an order, however it is marked (lib/safe_forms.js).
Each form gets up to two attempts, each on a freshly loaded page: "empty" (required fields
judged) and "invalid" (email, URL, phone and pattern fields get malformed values). The
submit button is pressed with the preloaded guard on (a11y_audit.browser.page_hooks): the
page's own script validation runs, and a submission that would leave the page is blocked
and recorded in `submits`/`navigations`, so no form data reaches a server; the server's
error page (server-side validation) is therefore never seen and is left to a person.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, cast

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.form_errors import FormAttempt, FormAttempts
from a11y_audit.artifacts.kinds import FORM_ERRORS
from a11y_audit.browser.gatherers import GatherContext, Gatherer
from a11y_audit.browser.page_hooks import PRELOAD, as_list, require_hooks, settle
from a11y_audit.browser.scripts import script_with

__all__ = ["MAX_FORMS", "FormErrors"]

MAX_FORMS = 5
"""Safe forms tried per page (each attempt costs a page load)."""
_COUNTS = {"empty": "required", "invalid": "formats"}
"""Which count of forms_find.js says a form has fields for each attempt."""
_FIND = script_with("forms_find", "describe", "safe_forms", "form_fields")
_ATTEMPT = script_with("form_attempt", "safe_forms", "form_fields")
_READ = script_with("form_read", "describe", "changes", "safe_forms", "form_fields")


class FormErrors(Gatherer):
    """Submits safe forms empty and malformed, recording how errors are shown (see above)."""

    name: ClassVar[str] = FORM_ERRORS
    changes_page: ClassVar[bool] = True
    acts_on_every_page: ClassVar[bool] = False
    preload: ClassVar[str | None] = PRELOAD

    def acted(self, artifact: Mapping[str, Any]) -> bool:
        """A page with no declared-safe form was not touched."""
        return bool(artifact["attempts"])

    def gather(self, driver: WebDriver, context: GatherContext) -> FormAttempts:
        require_hooks(driver)
        selectors = list(context.settings.safe_forms)
        forms = as_list(driver.execute_script(_FIND, selectors, MAX_FORMS))
        plan = [(form, mode) for form in forms for mode in ("empty", "invalid") if form[_COUNTS[mode]]]
        attempts: list[FormAttempt] = []
        native: set[int] = set()  # forms whose empty attempt the browser's own validation stopped
        dirty = False  # an attempt changed the page: load it afresh before the next one
        for form, mode in plan:
            if context.remaining() <= 0:
                break
            if form["index"] in native:
                continue  # the browser checks formats as it checks required fields
            if dirty:
                driver.get(context.url)
            dirty = True
            if not driver.execute_script(_ATTEMPT, selectors, form["index"], mode):
                continue
            settle(driver, context)
            read = driver.execute_script(_READ)
            result = read if isinstance(read, dict) else {}
            fields = as_list(result.get("fields"))
            if fields and all(field.get("native") for field in fields):
                native.add(form["index"])
            where = {"selector": form["selector"], "snippet": form["snippet"]}
            attempts.append(cast(FormAttempt, {"form": where, "mode": mode, **result}))
        return {"attempts": attempts}
