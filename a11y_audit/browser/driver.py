"""Start a WebDriver session: local Debian Chromium or a remote Selenium Grid.

Selenium Manager must never download anything, so local sessions always get explicit
chromedriver and Chromium paths; a missing binary is a ToolError naming the install command.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.browser.devtools import enable_cdp
from a11y_audit.browser.reaper import kill_browsers_using, profile_prefix, reap_orphans, watch_this_process
from a11y_audit.errors import ToolError

__all__ = ["BrowserSettings", "Session", "check_local_browser", "start_session"]

_CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
)
_COMMAND_GRACE = 5.0
_QUIT_TIMEOUT = 5.0
_INSTALL_HINT = "install it with `apt-get install chromium chromium-driver`"


@dataclass(frozen=True, slots=True)
class BrowserSettings:
    """How to start browsers; paths default to Debian's packages, env vars override them."""

    chromium: str = os.environ.get("A11Y_AUDIT_CHROMIUM", "/usr/bin/chromium")
    chromedriver: str = os.environ.get("A11Y_AUDIT_CHROMEDRIVER", "/usr/bin/chromedriver")
    remote_url: str | None = None
    page_load_timeout: float = 30.0
    script_timeout: float = 60.0
    window_width: int = 1280
    window_height: int = 1024


@dataclass(slots=True)
class Session:
    """A live WebDriver plus what must be cleaned up with it (the throwaway profile)."""

    driver: WebDriver
    profile_dir: str | None
    is_local: bool

    def quit(self, *, force: bool = False) -> None:
        """End the browser and delete the profile; `force` for a hung or crashed browser.

        A polite quit of a hung local browser costs half a minute (Selenium waits for
        chromedriver to shut down), so a forced quit kills the local processes outright.
        """
        if not (force and self.profile_dir):
            _set_command_timeout(self.driver, _QUIT_TIMEOUT)
            with contextlib.suppress(Exception):  # a crashed browser cannot be quit cleanly
                self.driver.quit()
        if self.profile_dir:
            kill_browsers_using(self.profile_dir)
            shutil.rmtree(self.profile_dir, ignore_errors=True)


def check_local_browser(settings: BrowserSettings) -> None:
    """Fail early, with the fix, when Chromium or chromedriver is missing."""
    if settings.remote_url:
        return
    for name, path in (("Chromium", settings.chromium), ("chromedriver", settings.chromedriver)):
        if not (Path(path).is_file() and os.access(path, os.X_OK)):
            raise ToolError(f"{name} not found at {path}: {_INSTALL_HINT}")


def start_session(settings: BrowserSettings) -> Session:
    """Start one browser session with the timeouts and window size of the settings."""
    options = webdriver.ChromeOptions()
    for flag in _CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={settings.window_width},{settings.window_height}")
    # Dialogs are neutralised by a script; this catches any that slip through (e.g. onbeforeunload).
    options.unhandled_prompt_behavior = "dismiss"
    profile_dir: str | None = None
    try:
        if settings.remote_url:
            driver: WebDriver = webdriver.Remote(command_executor=settings.remote_url, options=options)
            enable_cdp(driver)
        else:
            check_local_browser(settings)
            reap_orphans()
            watch_this_process()
            profile_dir = tempfile.mkdtemp(prefix=profile_prefix())
            options.add_argument(f"--user-data-dir={profile_dir}")
            options.binary_location = settings.chromium
            # Own process session: a terminal Ctrl-C reaches only a11y-audit, which then lets
            # in-flight pages finish instead of watching its browsers die under them; the
            # watchdog (a11y_audit.browser.reaper) kills them if a11y-audit dies first.
            # The log path puts the profile folder on chromedriver's command line too, so
            # both processes can be found (and reaped) by it.
            service = Service(
                executable_path=settings.chromedriver,
                service_args=[f"--log-path={profile_dir}/chromedriver.log", "--log-level=SEVERE"],
                popen_kw={"start_new_session": True},
            )
            driver = webdriver.Chrome(service=service, options=options)
    except WebDriverException as error:
        if profile_dir:
            shutil.rmtree(profile_dir, ignore_errors=True)
        where = settings.remote_url or settings.chromium
        first_line = (
            (error.msg or str(error)).strip().splitlines()[0]
            if (error.msg or str(error)).strip()
            else "unknown error"
        )
        raise ToolError(
            f"browser would not start ({where}): {first_line} — check the browser install or --remote-url"
        ) from error
    driver.set_page_load_timeout(settings.page_load_timeout)
    driver.set_script_timeout(settings.script_timeout)
    # chromedriver does not enforce the script timeout while the renderer is stuck in an
    # endless loop, and Selenium's HTTP client waits forever by default: bound every command.
    _set_command_timeout(driver, max(settings.page_load_timeout, settings.script_timeout) + _COMMAND_GRACE)
    return Session(driver=driver, profile_dir=profile_dir, is_local=not settings.remote_url)


def _set_command_timeout(driver: WebDriver, seconds: float) -> None:
    """Seconds Selenium's HTTP client waits for any one WebDriver command."""
    driver.command_executor.client_config.timeout = seconds  # type: ignore[union-attr]
