"""The page's orientation media rules, read from the CSS object model, external sheets included.

Artifact `stylesheets` (pages/<id>/stylesheets.json):
a11y_audit.artifacts.stylesheets.OrientationRules.

The saved DOM holds <style> text but not linked stylesheets, where themes put their media
queries. Reading document.styleSheets in the visit's own page state costs one script call
and changes nothing; only rules whose media condition names the orientation are kept, so
the artifact stays small. Browsers hide the rules of cross-origin sheets served without CORS
from scripts: those are listed, not fetched again behind the page's back.
"""

from __future__ import annotations

from typing import ClassVar, cast

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.kinds import STYLESHEETS
from a11y_audit.artifacts.stylesheets import OrientationRules
from a11y_audit.browser.gatherers import GatherContext, Gatherer, GathererError
from a11y_audit.browser.scripts import script

__all__ = ["Stylesheets"]


class Stylesheets(Gatherer):
    """Orientation media rules of every readable stylesheet (see the module docstring)."""

    name: ClassVar[str] = STYLESHEETS

    def gather(self, driver: WebDriver, context: GatherContext) -> OrientationRules:
        found = driver.execute_script(script("stylesheets"))
        if not isinstance(found, dict) or not isinstance(found.get("rules"), list):
            raise GathererError(f"the stylesheet script returned {type(found).__name__}, not rules")
        return cast(OrientationRules, found)
