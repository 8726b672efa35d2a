"""Visit one URL and gather every artifact the selected checks need in that single navigation.

The order is fixed: navigate, read page facts, run axe, then serialise the DOM and take the
screenshot, so all of them describe the same state; then the other gatherers, those that
leave the page alone first, and those that change it (keyboard, viewport, CSS) last, each on
a reloaded page (a11y_audit.browser.gatherers). Judging happens later, in pure Python.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from selenium.common.exceptions import (
    InvalidSessionIdException,
    JavascriptException,
    NoSuchWindowException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.remote.webdriver import WebDriver
from urllib3.exceptions import HTTPError

from a11y_audit.browser.axe_runner import AxeRunError, AxeRunner
from a11y_audit.browser.devtools import cdp
from a11y_audit.browser.gatherers import GatherContext, Gatherer, GathererError, GatherSettings
from a11y_audit.browser.page_state import NOT_PUT_BACK, PageState
from a11y_audit.browser.screenshot import full_page_screenshot
from a11y_audit.browser.scripts import script
from a11y_audit.model import JsonObject

__all__ = ["BrowserCrashedError", "Gathered", "PageVisitor", "net_error_message"]

_NET_ERROR_IN_MESSAGE = re.compile(r"net::(ERR_[A-Z_]+)")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CRASH_MARKERS = (
    "tab crashed",
    "page crash",
    "chrome not reachable",
    "disconnected",
    "session deleted",
    "invalid session id",
    "no such window",
    "target window already closed",
    "connection refused",
    "max retries exceeded",
)
_NET_ERROR_HINTS = {
    "ERR_NAME_NOT_RESOLVED": "host not found: check the spelling of the URL",
    "ERR_CONNECTION_REFUSED": "connection refused: check that the site is running on that host and port",
    "ERR_CONNECTION_TIMED_OUT": "connection timed out: check the host is reachable from this machine",
    "ERR_ADDRESS_UNREACHABLE": "address unreachable: check the host is reachable from this machine",
    "ERR_TOO_MANY_REDIRECTS": "redirect loop: the server keeps redirecting; fix its redirect rules",
    "ERR_EMPTY_RESPONSE": "the server closed the connection without a response: check the server logs",
    "ERR_INVALID_RESPONSE": "the server sent an invalid response: check the server logs",
    "ERR_CONNECTION_RESET": "the connection was reset: check the server or proxy",
    "ERR_SSL_PROTOCOL_ERROR": "TLS handshake failed: check the server's TLS configuration",
}


class BrowserCrashedError(Exception):
    """The session is unusable (crash, hung renderer, lost connection): restart, retry the page."""


@dataclass(slots=True)
class Gathered:
    """Everything one visit produced; raw data only, the ArtifactStore decides how to keep it."""

    url: str
    info: JsonObject = field(default_factory=dict)
    axe: JsonObject | None = None
    dom: str | None = None
    screenshot: bytes | None = None
    artifacts: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    """Other gathered artifacts by name (a11y_audit.artifacts.kinds)."""
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    restart_browser: bool = False
    """The session stopped answering after the page's artifacts were saved here: replace it."""

    @property
    def is_html(self) -> bool:
        """True when the browser rendered an HTML document (not a PDF, image or feed)."""
        content_type = str(self.info.get("contentType") or "")
        return content_type in _HTML_TYPES


class PageVisitor:
    """Owns nothing but borrows the session's driver; one instance per browser session."""

    def __init__(
        self,
        driver: WebDriver,
        axe: AxeRunner,
        *,
        page_load_timeout: float,
        screenshots: bool = True,
        gatherers: tuple[Gatherer, ...] = (),
        settings: GatherSettings | None = None,
        cookies: tuple[JsonObject, ...] = (),
        hold_unsafe_requests: bool = False,
    ):
        self._driver = driver
        self._axe = axe
        self._timeout = page_load_timeout
        self._screenshots = screenshots
        self._gatherers = gatherers
        self._settings = settings or GatherSettings()
        self._cookies = cookies
        """A signed-in journey's cookies, restored before every page instead of none."""
        # Dialog guard first, so it runs before axe and before any page script.
        self._guard_preregistered = (
            cdp(driver, "Page.addScriptToEvaluateOnNewDocument", {"source": script("dialog_guard")})
            is not None
        )
        for gatherer in gatherers:
            gatherer.prepare(driver)
        for source in dict.fromkeys(g.preload for g in gatherers if g.preload):
            cdp(driver, "Page.addScriptToEvaluateOnNewDocument", {"source": source})
        if hold_unsafe_requests and gatherers:
            # A session whose state matters: acting gatherers must not change it on the server.
            cdp(driver, "Page.addScriptToEvaluateOnNewDocument", {"source": script("hold_unsafe")})

    def visit(
        self,
        url: str,
        *,
        is_allowed: Callable[[str], bool] | None = None,
        interactive: bool | Callable[[Gathered], bool] = True,
    ) -> Gathered:
        """Navigate and gather. `is_allowed(final_url)` stops gathering after off-scope redirects.

        `interactive=False` leaves out the gatherers that change the page (sampled pages); a
        callable decides it from what was gathered (the DOM tells the page's template), once,
        just before the first of them would run.

        Raises BrowserCrashedError when the session died; every other problem becomes
        `Gathered.error` or a warning, so the crawl can go on.
        """
        gathered = Gathered(url=url)
        with _session_errors(gathered):
            self._reset_state()
            self._navigate(gathered)
            if gathered.error is None:
                self._gather(gathered, is_allowed)
            if gathered.error is None and gathered.dom is not None:
                self._run_gatherers(gathered, interactive=interactive)
        return gathered

    def gather_current(self, url: str, *, interactive: bool = False) -> Gathered:
        """Gather the page as it is now, without navigating or resetting anything.

        A journey's state (an open dialog, a filled form) exists only in this document, so
        page-changing gatherers (`interactive`) run one after the other on it, without the
        reload a crawled page gets between them: its state is taken first and put back after
        each of them and at the end (a11y_audit.browser.page_state), so neither the next
        gatherer nor the journey's next step sees what a check did; what could not be put
        back is a warning. Errors are handled as in visit().
        """
        gathered = Gathered(url=url)
        with _session_errors(gathered):
            kept = self._take_state(gathered)
            info = self._driver.execute_script(script("page_info"))
            gathered.info = info if isinstance(info, dict) else {}
            self._gather(gathered, None)
            if gathered.error is None and gathered.dom is not None:
                # Never a reload: it would lose the state; without a record, nothing to put back.
                between = _nothing if kept is None else lambda: self._put_back(kept, gathered, final=False)
                self._run_gatherers(gathered, interactive=interactive, between=between)
            if kept is not None and not gathered.restart_browser:  # not on a hung renderer
                self._put_back(kept, gathered, final=True)
        return gathered

    def _take_state(self, gathered: Gathered) -> PageState | None:
        try:
            return PageState.take(self._driver)
        except JavascriptException as error:
            gathered.warnings.append(
                f"the state could not be recorded, so checks may leave it changed: {_first_line(error)}"
            )
            return None

    def _put_back(self, kept: PageState, gathered: Gathered, *, final: bool) -> None:
        """Put the state back; at the end, warn about what stayed changed (the journey's next
        steps see it so)."""
        started = time.perf_counter()
        try:
            left = kept.restore()
        except JavascriptException as error:
            left = [f"putting it back failed ({_first_line(error)})"]
        spent = gathered.timings.get("restore_ms", 0.0) + _ms_since(started)
        gathered.timings["restore_ms"] = round(spent, 1)
        if final and left:
            gathered.warnings.append(f"{NOT_PUT_BACK}: {'; '.join(left)}")

    def _reset_state(self) -> None:
        """Each page is audited as a first visit: no cookies or storage from the last page
        (but a signed-in crawl's session cookies, when configured, are put back)."""
        driver = self._driver
        if cdp(driver, "Network.clearBrowserCookies") is None:
            driver.delete_all_cookies()
        with contextlib.suppress(JavascriptException):
            driver.execute_script("try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}")
        if self._cookies and cdp(driver, "Network.setCookies", {"cookies": list(self._cookies)}) is None:
            for cookie in self._cookies:  # without DevTools: only for the current page's site
                with contextlib.suppress(WebDriverException):
                    driver.add_cookie(cookie)

    def _navigate(self, gathered: Gathered) -> None:
        started = time.perf_counter()
        try:
            self._driver.get(gathered.url)
        except TimeoutException:
            # Keep what rendered: a hung analytics request must not hide a usable page.
            self._stop_loading()
            gathered.warnings.append(
                f"page did not finish loading within {self._timeout:g}s; audited what had rendered"
            )
        except WebDriverException as error:
            # chromedriver reports some network failures from get() itself, not as an error page.
            code = _NET_ERROR_IN_MESSAGE.search(str(error))
            if code is None:
                raise
            gathered.error = net_error_message(code.group(1))
            gathered.timings["navigate_ms"] = _ms_since(started)
            return
        gathered.timings["navigate_ms"] = _ms_since(started)
        info = self._driver.execute_script(script("page_info"))
        gathered.info = info if isinstance(info, dict) else {}
        error_code = gathered.info.get("errorCode")
        if error_code:
            gathered.error = net_error_message(str(error_code))
        elif gathered.warnings and not gathered.info.get("elementCount"):
            gathered.error = (
                f"page did not load within {self._timeout:g}s: check the server, or raise --page-timeout"
            )

    def _stop_loading(self) -> None:
        with contextlib.suppress(WebDriverException):
            self._driver.execute_script("window.stop()")

    def _gather(self, gathered: Gathered, is_allowed: Callable[[str], bool] | None) -> None:
        info = gathered.info
        for dialog in info.get("dialogs") or []:
            gathered.warnings.append(f"page opened a dialog, answered automatically: {dialog}")
        errors = info.get("scriptErrors") or []
        if errors:
            gathered.warnings.append(f"page scripts threw {len(errors)} error(s), first: {errors[0]}")
        final_url = str(info.get("url") or gathered.url)
        status = info.get("status")
        if isinstance(status, int) and status >= 400:
            return  # an error page is recorded as such by the crawler, not audited
        if not gathered.is_html or (is_allowed is not None and not is_allowed(final_url)):
            return
        started = time.perf_counter()
        try:
            gathered.axe = self._axe.run()
        except (AxeRunError, JavascriptException) as error:
            gathered.error = f"axe-core could not audit the page: {_first_line(error)}"
            return
        gathered.timings["axe_ms"] = _ms_since(started)
        started = time.perf_counter()
        dom = self._driver.execute_script("return document.documentElement.outerHTML")
        gathered.dom = dom if isinstance(dom, str) else None
        gathered.timings["dom_ms"] = _ms_since(started)
        if self._screenshots:
            started = time.perf_counter()
            try:
                gathered.screenshot = full_page_screenshot(self._driver)
            except WebDriverException as error:
                if _is_crash(error):
                    raise
                gathered.warnings.append(f"screenshot failed: {_first_line(error)}")
            gathered.timings["screenshot_ms"] = _ms_since(started)

    def _run_gatherers(
        self,
        gathered: Gathered,
        *,
        interactive: bool | Callable[[Gathered], bool],
        between: Callable[[], None] | None = None,
    ) -> None:
        """Run the configured gatherers; a failing one costs its artifact and a warning, no more.

        `interactive` may be decided only now, from what was gathered (the page's template);
        `between` puts the page back before the next page-changing gatherer (default: reload).
        """
        url = str(gathered.info.get("url") or gathered.url)
        dirty = False  # a page-changing gatherer acted (or failed): reload before the next one
        for gatherer in self._gatherers:
            if gatherer.changes_page and callable(interactive):
                interactive = interactive(gathered)
            if gatherer.changes_page and not interactive:
                continue
            started = time.perf_counter()
            try:
                if dirty:
                    between() if between is not None else self._reload(url)
                    dirty = False
                context = GatherContext(
                    url, gathered.axe, self._settings, time.monotonic() + self._settings.timeout
                )
                gathered.artifacts[gatherer.name] = gatherer.gather(self._driver, context)
            except (GathererError, JavascriptException) as error:
                gathered.warnings.append(f"{gatherer.name} gatherer failed: {_first_line(error)}")
            except TimeoutException as error:
                # Keep what this visit gathered; the hung session is replaced after the page.
                gathered.warnings.append(f"{gatherer.name} gatherer timed out: {_first_line(error)}")
                gathered.restart_browser = True
                return
            except WebDriverException as error:
                if _is_crash(error):
                    raise
                gathered.warnings.append(f"{gatherer.name} gatherer failed: {_first_line(error)}")
            artifact = gathered.artifacts.get(gatherer.name)
            dirty = dirty or (gatherer.changes_page and (artifact is None or gatherer.acted(artifact)))
            gathered.timings[f"{gatherer.name}_ms"] = _ms_since(started)

    def _reload(self, url: str) -> None:
        """Load the page afresh for the next page-changing gatherer (state reset as for a visit)."""
        self._reset_state()
        try:
            self._driver.get(url)
        except TimeoutException:
            self._stop_loading()


@contextlib.contextmanager
def _session_errors(gathered: Gathered) -> Iterator[None]:
    """A dead or hung session raises BrowserCrashedError; any other WebDriver error becomes
    the page's error, so the crawl goes on."""
    try:
        yield
    except (InvalidSessionIdException, NoSuchWindowException) as error:
        raise BrowserCrashedError(_first_line(error)) from error
    except (TimeoutException, HTTPError) as error:
        # A renderer that stops answering (an endless script) poisons every later
        # command in this session, so it is handled like a crash: restart and retry.
        raise BrowserCrashedError(f"the page stopped responding: {_first_line(error)}") from error
    except WebDriverException as error:
        if _is_crash(error):
            raise BrowserCrashedError(_first_line(error)) from error
        gathered.error = f"browser error: {_first_line(error)}"


def _nothing() -> None:
    """What goes between gatherers on a journey state whose state could not be recorded."""


def net_error_message(code: str) -> str:
    """One line naming the network error and what to do about it."""
    code = code.replace("net::", "").strip()
    if code.startswith("ERR_CERT") or code.startswith("ERR_SSL"):
        hint = _NET_ERROR_HINTS.get(
            code, "TLS certificate error: fix the site's certificate or audit over plain HTTP"
        )
    else:
        hint = _NET_ERROR_HINTS.get(code, "the browser could not load the page: check the URL and the server")
    return f"{code}: {hint}"


def _is_crash(error: WebDriverException) -> bool:
    text = str(error).lower()
    return any(marker in text for marker in _CRASH_MARKERS)


def _first_line(error: BaseException) -> str:
    text = (getattr(error, "msg", None) or str(error) or type(error).__name__).strip()
    return text.splitlines()[0][:300] if text else type(error).__name__


def _ms_since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)
