"""Run journeys in real Chromium: each in its own browser session, step by step, auditing states.

An `audit` step gathers the page as it is (a11y_audit.browser.visit.PageVisitor.gather_current:
axe, DOM, screenshot and the configured gatherers, as for a crawled page) and saves it as a page
of the run, so evaluation judges it like any other page, on the journey's flow.

A step that cannot do what it says stops the journey: the failure is saved as a page with an
error naming the step, what was expected and where the screenshot is; other journeys and the
crawl go on. Safety rules hold before every click and key press: nothing on the deny-list is
opened, no form is submitted without `allow_submit`, nothing that reads like placing an order
or paying without `allow_order`. Secrets (values from environment variables, and the cookie
and localStorage values of a storage state the journey starts from) are masked in screenshots
and scrubbed from everything saved.

A journey ends with its session read back (cookies, and each origin's localStorage as the
journey left it): the `crawl_as` journey's is the crawl's signed-in state, and
`journeys run NAME --save-storage-state FILE` writes it to a file.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urljoin

from selenium.common.exceptions import (
    ElementClickInterceptedException,
    ElementNotInteractableException,
    NoSuchElementException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

from a11y_audit.artifacts.store import ArtifactStore, page_id
from a11y_audit.axe_core import AxeCore
from a11y_audit.browser.crawler import (
    BrowserFacts,
    CrawlOptions,
    PageSink,
    _count_findings,
    _Worker,
    scrub_gathered,
)
from a11y_audit.browser.devtools import cdp
from a11y_audit.browser.page_state import NOT_PUT_BACK
from a11y_audit.browser.screenshot import full_page_screenshot
from a11y_audit.browser.scripts import script
from a11y_audit.browser.visit import BrowserCrashedError, Gathered, _first_line, net_error_message
from a11y_audit.crawl.journey_spec import (
    ORDER_WORDS,
    Journey,
    JourneyError,
    JourneySettings,
    Step,
    scrub,
)
from a11y_audit.crawl.storage_state import Cookie, OriginStorage, StorageState
from a11y_audit.errors import ToolError
from a11y_audit.model import PageRecord, state_url

__all__ = ["JourneyBatch", "JourneyOutcome", "JourneyRunner", "StepListener"]

StepListener = Callable[[Journey, Step, str], None]
"""Called after each step with what happened ("ok", "audited: ...", "FAILED: ...")."""

DEFAULT_STEP_TIMEOUT = 10.0
_DISMISS_WAIT = 2.0
_IDLE_QUIET = 0.5
_READ_LOCAL_STORAGE = (
    "try { return [location.origin, Object.entries(localStorage)]; } catch (e) { return null; }"
)
_KEYS = {
    "Enter": Keys.ENTER,
    "Escape": Keys.ESCAPE,
    "Tab": Keys.TAB,
    "Space": Keys.SPACE,
    "Backspace": Keys.BACKSPACE,
    "Delete": Keys.DELETE,
    "ArrowUp": Keys.ARROW_UP,
    "ArrowDown": Keys.ARROW_DOWN,
    "ArrowLeft": Keys.ARROW_LEFT,
    "ArrowRight": Keys.ARROW_RIGHT,
    "Home": Keys.HOME,
    "End": Keys.END,
    "PageUp": Keys.PAGE_UP,
    "PageDown": Keys.PAGE_DOWN,
}


class _StepError(Exception):
    """A step could not do what it says: the message says what was expected."""


@dataclass(slots=True)
class JourneyOutcome:
    """What one journey did: its saved states, and why it stopped early if it did."""

    journey: Journey
    states: list[PageRecord] = field(default_factory=list)
    failure: str | None = None
    state: StorageState = field(default_factory=StorageState)
    """The session at the end, when the journey ran to it: every cookie, and the localStorage of
    each origin as the journey left it. In memory only, unless --save-storage-state asks."""


class JourneyRunner:
    """Runs journeys one after the other, each in a fresh browser session of its own."""

    def __init__(
        self,
        settings: JourneySettings,
        store: ArtifactStore,
        axe_core: AxeCore,
        options: CrawlOptions,
        *,
        base_url: str | None,
        environ: Mapping[str, str],
        on_step: StepListener | None = None,
        on_page: PageSink | None = None,
        storage: StorageState | None = None,
    ):
        self.settings = settings
        self.storage = storage or StorageState()
        """Where journeys start ([journeys] storage_state, narrowed to the audit's origins),
        unless settings.starts_from_storage_state says a journey starts clean."""
        self.store = store
        self.axe_core = axe_core
        self.options = options
        self.base_url = base_url
        self.environ = environ
        self.on_step = on_step
        self.on_page = on_page
        self.facts: BrowserFacts | None = None
        """The first journey session's browser, for run.json when no crawl records one."""

    def run(self, journey: Journey, *, done_states: frozenset[str] = frozenset()) -> JourneyOutcome:
        """Run every step; states named in `done_states` (a resumed run's) are not re-audited."""
        outcome = JourneyOutcome(journey)
        storage = self.storage if self.settings.starts_from_storage_state(journey) else StorageState()
        secrets = tuple(self.environ[name] for name in journey.secrets() if self.environ.get(name))
        worker = _Worker(replace(self.options, storage=storage, hold_page_requests=True), self.axe_core)
        worker.start()
        self.facts = self.facts or worker.facts()
        try:
            assert worker.session is not None
            if storage and not worker.devtools_storage:
                raise ToolError(
                    f"journey {journey.name} cannot start from the storage state: this browser "
                    "session does not accept DevTools commands; use local Chromium, or set "
                    f"storage_state = false in [journeys.{journey.name}]"
                )
            run = _Run(self, journey, worker, secrets + storage.secrets(), done_states, outcome)
            run.steps()
            if outcome.failure is None:
                outcome.state = run.session_state()
        finally:
            worker.stop(force=outcome.failure is not None)
        return outcome


class _Run:
    """One journey in one session: the steps, the safety rules, and what gets saved."""

    def __init__(
        self,
        runner: JourneyRunner,
        journey: Journey,
        worker: _Worker,
        secrets: tuple[str, ...],
        done_states: frozenset[str],
        outcome: JourneyOutcome,
    ):
        assert worker.session is not None and worker.visitor is not None
        self.runner = runner
        self.journey = journey
        self.driver: WebDriver = worker.session.driver
        self.visitor = worker.visitor
        self.secrets = secrets
        self.done_states = done_states
        self.outcome = outcome
        self.local_storage: dict[str, tuple[tuple[str, str], ...]] = {}
        """Each http(s) origin's localStorage as the journey last saw it (read after every step:
        only the current document's origin can be read)."""

    def steps(self) -> None:
        for step in self.journey.steps:
            try:
                detail = self.step(step)
            except _StepError as failure:
                self.fail(step, str(failure))
                return
            except JourneyError as error:
                self.fail(step, str(error))
                return
            except BrowserCrashedError as crash:
                self.fail(step, f"the browser crashed or stopped responding: {crash}", screenshot=False)
                return
            except WebDriverException as error:
                self.fail(step, f"browser error: {_first_line(error)}")
                return
            self.tell(step, detail)
            self.note_local_storage()
            url = self.current_url()
            if pattern := self.runner.settings.denied(url):  # a redirect can land anywhere
                self.fail(step, f"the step led to {url}, which the deny-list forbids ({pattern})")
                return

    def tell(self, step: Step, detail: str) -> None:
        if self.runner.on_step is not None:
            self.runner.on_step(self.journey, step, scrub(detail, self.secrets))

    def note_local_storage(self) -> None:
        try:
            read = self.driver.execute_script(_READ_LOCAL_STORAGE)
        except WebDriverException:  # unreadable now (a dialog, a crash): the next step tells
            return
        if isinstance(read, list) and len(read) == 2 and str(read[0]).startswith(("http://", "https://")):
            self.local_storage[str(read[0])] = tuple((str(key), str(value)) for key, value in read[1])

    def session_state(self) -> StorageState:
        """The session now: every cookie the browser holds (DevTools; without it, WebDriver's
        cookies of the current page's site) and the localStorage noted on the way."""
        everything = cdp(self.driver, "Network.getAllCookies")
        cookies = (
            everything["cookies"] if everything and "cookies" in everything else self.driver.get_cookies()
        )
        return StorageState(
            tuple(Cookie.from_browser(cookie) for cookie in cookies),
            tuple(OriginStorage(origin, items) for origin, items in self.local_storage.items() if items),
        )

    # -- the actions -------------------------------------------------------------------------

    def step(self, step: Step) -> str:
        action = getattr(self, f"do_{step.action}")
        if step.frame is None:
            return str(action(step))
        # A payment provider's card fields live in its own (cross-origin) iframe: act inside it.
        frame = self.find(step.frame, step, expected_conditions.presence_of_element_located, "to be present")
        self.driver.switch_to.frame(frame)
        try:
            return str(action(step))
        finally:
            self.driver.switch_to.default_content()

    def do_visit(self, step: Step) -> str:
        base = self.journey.base_url or self.runner.base_url
        if step.target.startswith("/") and base is None:
            raise _StepError(
                f"visit {step.target} is relative: give the journey a base_url or the audit a start URL"
            )
        url = urljoin(base or "", step.target)
        self.refuse_denied(url, f"visiting {url}")
        try:
            self.driver.get(url)
        except TimeoutException:
            self.driver.execute_script("window.stop()")
        except WebDriverException as error:
            code = re.search(r"net::(ERR_[A-Z_]+)", str(error))
            if code is None:
                raise
            raise _StepError(f"could not load {url}: {net_error_message(code.group(1))}") from error
        info = self.driver.execute_script(script("page_info"))
        info = info if isinstance(info, dict) else {}
        if info.get("errorCode"):
            raise _StepError(f"could not load {url}: {net_error_message(str(info['errorCode']))}")
        status = info.get("status")
        if isinstance(status, int) and status >= 400:
            raise _StepError(f"expected a page at {url}, got HTTP {status}")
        return f"ok ({self.driver.current_url})"

    def do_click(self, step: Step) -> str:
        element = self.wait(step, expected_conditions.element_to_be_clickable, "to be clickable")
        self.check_safe(step, element, pressing_enter=False)
        try:
            element.click()
        except ElementClickInterceptedException as error:
            raise _StepError(
                f"{step.target} is covered by another element (a cookie banner or dialog? "
                "add a dismiss step before it)"
            ) from error
        return "ok"

    def do_fill(self, step: Step) -> str:
        assert step.value is not None
        element = self.wait(step, expected_conditions.visibility_of_element_located, "to be visible")
        if (element.get_attribute("type") or "").lower() == "password" and step.value.env is None:
            raise _StepError(
                f"{step.target} is a password field: give its value from the environment "
                '(value = "env:NAME"), never in the config file'
            )
        element.clear()
        element.send_keys(step.value.resolve(self.runner.environ))
        return "ok"

    def do_select(self, step: Step) -> str:
        assert step.value is not None
        element = self.wait(step, expected_conditions.visibility_of_element_located, "to be visible")
        wanted = step.value.resolve(self.runner.environ)
        try:
            choice = Select(element)
        except Exception as error:  # Selenium raises UnexpectedTagNameException for a non-<select>
            raise _StepError(f"{step.target} is not a <select>") from error
        try:
            choice.select_by_value(wanted)
        except NoSuchElementException:
            try:
                choice.select_by_visible_text(wanted)
            except NoSuchElementException as error:
                raise _StepError(f"{step.target} has no option with the value or text given") from error
        return "ok"

    def do_press(self, step: Step) -> str:
        if step.on:
            element = self.find(step.on, step, expected_conditions.visibility_of_element_located)
        else:
            element = self.driver.switch_to.active_element
        if step.target in ("Enter", "Space"):
            self.check_safe(step, element, pressing_enter=step.target == "Enter")
        try:
            element.send_keys(_KEYS.get(step.target, step.target))
        except ElementNotInteractableException as error:
            raise _StepError(f"could not press {step.target}: the element takes no key presses") from error
        return "ok"

    def do_wait_for(self, step: Step) -> str:
        self.wait(step, expected_conditions.visibility_of_element_located, "to appear")
        return "ok"

    def do_wait_url(self, step: Step) -> str:
        try:
            WebDriverWait(self.driver, self.timeout(step)).until(
                lambda driver: re.search(step.target, driver.current_url)
            )
        except TimeoutException as error:
            raise _StepError(
                f"expected the URL to match {step.target!r} within {self.timeout(step):g}s; "
                f"it is {self.driver.current_url}"
            ) from error
        return f"ok ({self.driver.current_url})"

    def do_wait_idle(self, step: Step) -> str:
        """Until the document has loaded and no new resource was fetched for half a second."""
        deadline = time.monotonic() + self.timeout(step)
        last: Any = None
        quiet_since = time.monotonic()
        while time.monotonic() < deadline:
            now = self.driver.execute_script(script("network_idle"))
            if now != last:
                last, quiet_since = now, time.monotonic()
            elif (
                isinstance(now, dict)
                and now.get("complete")
                and time.monotonic() - quiet_since >= _IDLE_QUIET
            ):
                return "ok"
            time.sleep(0.1)
        raise _StepError(f"expected the network to go idle within {self.timeout(step):g}s; it kept loading")

    def do_dismiss(self, step: Step) -> str:
        try:
            element = WebDriverWait(self.driver, step.timeout or _DISMISS_WAIT).until(
                expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, step.target))
            )
        except TimeoutException:
            return "nothing to dismiss"
        self.check_safe(step, element, pressing_enter=False)
        element.click()
        return "dismissed"

    def do_assert_present(self, step: Step) -> str:
        self.wait(step, expected_conditions.presence_of_element_located, "to be present")
        return "ok"

    def do_assert_url(self, step: Step) -> str:
        if not re.search(step.target, self.driver.current_url):
            raise _StepError(f"expected the URL to match {step.target!r}; it is {self.driver.current_url}")
        return "ok"

    def do_assert_text(self, step: Step) -> str:
        selector = step.on or "body"
        try:
            WebDriverWait(self.driver, self.timeout(step)).until(
                expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, selector), step.target)
            )
        except TimeoutException as error:
            raise _StepError(
                f"expected {selector} to contain {step.target!r} within {self.timeout(step):g}s"
            ) from error
        return "ok"

    def do_audit(self, step: Step) -> str:
        if step.target in self.done_states:
            return "already audited (resumed run)"
        page_url = self.driver.current_url
        self.mask(True)
        try:
            gathered = self.visitor.gather_current(page_url, interactive=step.interactive)
        finally:
            self.mask(False)
        if gathered.error:
            raise _StepError(f"state {step.target} could not be audited: {gathered.error}")
        self.outcome.states.append(self.save(step, gathered))
        where = gathered.info.get("url") or page_url
        left = "".join(f"; {warning}" for warning in gathered.warnings if warning.startswith(NOT_PUT_BACK))
        return f"audited state {step.target!r} at {where}: {_count_findings(gathered)} axe result(s){left}"

    # -- safety ------------------------------------------------------------------------------

    def refuse_denied(self, url: str | None, what: str) -> None:
        if url and (pattern := self.runner.settings.denied(url)):
            raise _StepError(f"{what} is forbidden by the deny-list ({pattern}); the journey stops here")

    def check_safe(self, step: Step, element: WebElement, *, pressing_enter: bool) -> None:
        """Refuse denied links, unannounced form submissions and orders before they happen."""
        target = self.driver.execute_script(script("click_target"), element, pressing_enter)
        target = target if isinstance(target, dict) else {}
        self.refuse_denied(target.get("href"), f"opening {target.get('href')}")
        if not target.get("submits"):
            return
        action = str(target.get("action") or "")
        self.refuse_denied(action, f"submitting a form to {action}")
        if not step.allow_submit and not step.allow_order:
            raise _StepError(
                f"{step.target} submits a form (to {action}); add allow_submit = true to the step "
                "if the journey should submit it"
            )
        words = f"{target.get('words') or ''} {action}"
        if ORDER_WORDS.search(words) and not step.allow_order:
            raise _StepError(
                f"{step.target} looks like it places an order or pays ({words.strip()[:80]!r}); "
                "add allow_order = true to the step only if the journey should really do that"
            )

    def mask(self, on: bool) -> None:
        if self.secrets:
            self.driver.execute_script(script("mask_secrets"), list(self.secrets), on)

    # -- waiting -----------------------------------------------------------------------------

    def timeout(self, step: Step) -> float:
        return step.timeout or DEFAULT_STEP_TIMEOUT

    def wait(self, step: Step, condition: Callable[..., Any], what: str) -> WebElement:
        return self.find(step.target, step, condition, what)

    def find(
        self, selector: str, step: Step, condition: Callable[..., Any], what: str = "to be visible"
    ) -> WebElement:
        try:
            element = WebDriverWait(self.driver, self.timeout(step)).until(
                condition((By.CSS_SELECTOR, selector))
            )
        except TimeoutException as error:
            present = bool(self.driver.find_elements(By.CSS_SELECTOR, selector))
            state = "it is on the page but not usable" if present else "no element matches"
            raise _StepError(f"expected {selector} {what} within {self.timeout(step):g}s; {state}") from error
        assert isinstance(element, WebElement)
        return element

    # -- saving ------------------------------------------------------------------------------

    def save(self, step: Step, gathered: Gathered, *, error: str | None = None) -> PageRecord:
        """Save a state (or a failure) as a page of the run, with every secret scrubbed."""
        scrub_gathered(gathered, self.secrets)
        info = gathered.info
        page_url = str(info.get("url") or gathered.url)
        url = state_url(page_url, self.journey.name, step.target if error is None else f"step-{step.number}")
        status = info.get("status") if isinstance(info.get("status"), int) else None
        record = PageRecord(
            url=url,
            final_url=page_url,
            status=status,
            title=str(info.get("title") or "") or None,
            lang=info.get("lang"),
            content_type=info.get("contentType"),
            template=f"journey:{self.journey.name}",
            error=scrub(error or gathered.error or "", self.secrets) or None,
            warnings=tuple(gathered.warnings),
            timings=dict(gathered.timings),
            state=step.target if error is None else None,
            journey=self.journey.name,
            flow=self.journey.flow,
        )
        keep = record.audited
        saved = self.runner.store.save_page(
            record,
            axe=gathered.axe if keep else None,
            dom=gathered.dom if keep else None,
            screenshot=gathered.screenshot,
            gathered=gathered.artifacts if keep else None,
        )
        if self.runner.on_page is not None:
            self.runner.on_page(saved, _count_findings(gathered))
        return saved

    def fail(self, step: Step, expected: str, *, screenshot: bool = True) -> None:
        """Stop the journey: save the failure as a page with an error and a screenshot."""
        gathered = Gathered(url=self.current_url())
        if screenshot:
            try:
                info = self.driver.execute_script(script("page_info"))
                gathered.info = info if isinstance(info, dict) else {}
                self.mask(True)
                gathered.screenshot = full_page_screenshot(self.driver)
                self.mask(False)
            except WebDriverException:
                gathered.screenshot = None
        where = state_url(
            str(gathered.info.get("url") or gathered.url), self.journey.name, f"step-{step.number}"
        )
        shot = f"; screenshot in pages/{page_id(scrub(where, self.secrets))}/" if gathered.screenshot else ""
        message = (
            f"journey {self.journey.name} stopped at step {step.number} ({step.describe()}): {expected}{shot}"
        )
        self.save(step, gathered, error=message)
        self.outcome.failure = scrub(message, self.secrets)
        self.tell(step, f"FAILED: {expected}")

    def current_url(self) -> str:
        try:
            return str(self.driver.current_url)
        except WebDriverException:
            return "about:blank"


class JourneyBatch:
    """An audit's journeys: the `crawl_as` one first (the crawl needs its cookies), then the
    others in a thread beside the crawl's workers, each in its own session."""

    def __init__(
        self, runner: JourneyRunner, done: Mapping[str, frozenset[str]], warn: Callable[[str], None]
    ):
        self._runner = runner
        self._done = done
        self._warn = warn
        """Told at once when the crawl will run signed out, before the crawl starts."""
        self._thread: threading.Thread | None = None
        self._errors: list[BaseException] = []
        self.outcomes: list[JourneyOutcome] = []

    def sign_in(self) -> StorageState:
        """Run the journey whose session the crawl reuses (if any: a storage-state file replaces
        it); its session at the end, or an empty one when it stopped early."""
        name = self._runner.settings.sign_in_journey
        if name is None:
            return StorageState()
        outcome = self._run(self._runner.settings.get(name))
        if outcome.failure is not None:
            self._warn(f"the crawl runs signed out: {outcome.failure}")
        return outcome.state

    def start(self) -> None:
        """Run the journeys sign_in() did not run in a background thread."""
        ran = {outcome.journey.name for outcome in self.outcomes}
        others = [j for j in self._runner.settings.journeys if j.name not in ran]
        if others:
            self._thread = threading.Thread(
                target=self._run_all, args=(others,), name="a11y-journeys", daemon=True
            )
            self._thread.start()

    def join(self) -> None:
        """Wait for the journeys; a tool failure in them (browser would not start) is raised here."""
        if self._thread is not None:
            self._thread.join()
        if self._errors:
            raise self._errors[0]

    def _run_all(self, journeys: list[Journey]) -> None:
        try:
            for journey in journeys:
                self._run(journey)
        except BaseException as error:  # re-raised by join() in the main thread
            self._errors.append(error)

    def _run(self, journey: Journey) -> JourneyOutcome:
        outcome = self._runner.run(journey, done_states=self._done.get(journey.name, frozenset()))
        self.outcomes.append(outcome)
        return outcome
