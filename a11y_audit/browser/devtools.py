"""Chrome DevTools Protocol calls over WebDriver, locally and through a Selenium Grid.

DevTools makes two things cheap: registering scripts once per session instead of shipping
them into every page, and full-page screenshots. Callers must have a fallback: a Grid or
another browser may not forward CDP, so `cdp()` returns None instead of raising.
"""

from __future__ import annotations

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.model import JsonObject

__all__ = ["cdp", "enable_cdp"]

_COMMAND = "executeCdpCommand"


def enable_cdp(driver: WebDriver) -> None:
    """Register chromedriver's CDP endpoint on remote connections that lack it (Grid)."""
    executor = driver.command_executor
    commands = getattr(executor, "_commands", None)
    if isinstance(commands, dict) and _COMMAND not in commands:
        executor.add_command(_COMMAND, "POST", "/session/$sessionId/goog/cdp/execute")  # type: ignore[union-attr]


def cdp(driver: WebDriver, command: str, params: JsonObject | None = None) -> JsonObject | None:
    """Run one CDP command; None when the session cannot run CDP commands."""
    try:
        result = driver.execute(_COMMAND, {"cmd": command, "params": params or {}})
    except WebDriverException:
        return None
    value = result.get("value") if isinstance(result, dict) else None
    return value if isinstance(value, dict) else {}
