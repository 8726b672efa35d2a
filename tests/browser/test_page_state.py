"""A journey's state survives the checks that act on it (a11y_audit.browser.page_state): on a
checkout-like page whose country a step chose (its regions refilled by the page's script),
the context-change probe's ArrowDown, the form-errors probe's emptied form and the keyboard
walk leave it as the journey set it, and the journey's next step submits what the journey
chose. Real Chromium against a server on 127.0.0.1 that logs what the form sends."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from urllib.parse import parse_qs

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.select import Select

from a11y_audit.axe_core import locate_axe_core
from a11y_audit.browser.axe_runner import AxeRunner
from a11y_audit.browser.driver import BrowserSettings, start_session
from a11y_audit.browser.gatherers import make_gatherers
from a11y_audit.browser.visit import Gathered, PageVisitor
from tests.support import QuietHandler, local_server, serving

pytestmark = pytest.mark.browser

SHIPPING = b"""<!doctype html><html lang="en"><head><title>Shipping</title></head><body><main>
<form id="shipping" action="/next" method="post" novalidate data-a11y-audit-safe>
  <label for="country">Country</label>
  <select id="country" name="country">
    <option value="GB">United Kingdom</option><option value="FR">France</option>
    <option value="DE">Germany</option>
  </select>
  <label for="region">Region</label><select id="region" name="region"></select>
  <label for="city">City</label><input id="city" name="city" required>
  <label><input type="checkbox" id="gift" name="gift"> Gift wrap</label>
  <fieldset><legend>Delivery</legend>
    <label><input type="radio" name="speed" value="standard" id="standard"> Standard</label>
    <label><input type="radio" name="speed" value="express" id="express"> Express</label>
  </fieldset>
  <button type="submit" id="continue">Continue</button>
</form>
<iframe id="card" title="Card" src="/frame"></iframe>
<dialog id="guide"><p>Delivery times</p>
  <button type="button" onclick="this.parentNode.close()">Close</button></dialog>
<script>
  var REGIONS = { GB: ['England', 'Scotland'], FR: ['Bretagne', 'Normandie'], DE: ['Bayern', 'Berlin'] };
  var country = document.getElementById('country');
  var region = document.getElementById('region');
  window.model = {};
  function refill() {
    region.innerHTML = '';
    REGIONS[country.value].forEach(function (name) { region.add(new Option(name, name)); });
    window.model.country = country.value;
    window.model.region = region.value;
  }
  country.addEventListener('change', refill);
  region.addEventListener('change', function () { window.model.region = region.value; });
  refill();
</script>
</main></body></html>"""

FRAME = b"""<!doctype html><html lang="en"><head><title>Card</title></head><body>
<label for="month">Expiry month</label>
<select id="month"><option>01</option><option>02</option><option>03</option></select>
</body></html>"""


class Shop(QuietHandler):
    posted: list[dict[str, list[str]]] = []
    lock = threading.Lock()

    def do_GET(self) -> None:
        body = {"/": SHIPPING, "/frame": FRAME}.get(self.path, b"<!doctype html><title>next</title>")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        with self.lock:
            self.posted.append(parse_qs(self.rfile.read(length).decode("utf-8")))
        self.send_response(303)
        self.send_header("Location", "/done")
        self.end_headers()


@pytest.fixture(scope="module")
def journey() -> Iterator[tuple[WebDriver, PageVisitor, str]]:
    server = local_server(Shop)
    session = start_session(BrowserSettings())
    try:
        with serving(server):
            visitor = PageVisitor(
                session.driver,
                AxeRunner(session.driver, locate_axe_core()),
                page_load_timeout=30,
                screenshots=False,
                gatherers=make_gatherers(["context_change", "form_errors", "keyboard", "hover"]),
                hold_unsafe_requests=True,
            )
            yield session.driver, visitor, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        session.quit()


def choose(driver: WebDriver, url: str) -> None:
    """What a journey's steps do: choose France and Normandie, type the city, tick the gift
    wrap and express delivery, pick a card month in the frame, open the dialog, focus the city."""
    driver.get(url)
    Select(driver.find_element(By.ID, "country")).select_by_value("FR")
    Select(driver.find_element(By.ID, "region")).select_by_value("Normandie")
    driver.find_element(By.ID, "city").send_keys("Rouen")
    driver.find_element(By.ID, "gift").click()
    driver.find_element(By.ID, "express").click()
    driver.switch_to.frame(driver.find_element(By.ID, "card"))
    Select(driver.find_element(By.ID, "month")).select_by_visible_text("02")
    driver.switch_to.default_content()
    driver.execute_script("document.getElementById('guide').show(); document.getElementById('city').focus()")


def state(driver: WebDriver) -> dict[str, object]:
    return dict(
        driver.execute_script(
            """var frame = document.getElementById('card').contentDocument;
            return { country: country.value, region: region.value, city: city.value,
                     gift: gift.checked, express: express.checked, month: frame.getElementById('month').value,
                     dialog: document.getElementById('guide').open, focused: document.activeElement.id,
                     model: window.model.country + '/' + window.model.region };"""
        )
    )


EXPECTED = {
    "country": "FR",
    "region": "Normandie",
    "city": "Rouen",
    "gift": True,
    "express": True,
    "month": "02",
    "dialog": True,
    "focused": "city",
    "model": "FR/Normandie",
}


@pytest.fixture(scope="module")
def gathered(journey: tuple[WebDriver, PageVisitor, str]) -> Gathered:
    driver, visitor, url = journey
    choose(driver, url)
    assert state(driver) == EXPECTED
    return visitor.gather_current(driver.current_url, interactive=True)


def test_the_checks_acted_on_the_state(gathered: Gathered) -> None:
    """Not a vacuous pass: the probes did change the country and empty the form."""
    assert gathered.error is None
    steps = {entry.get("selector"): entry for entry in gathered.artifacts["context_change"]["input"]}
    assert steps["#country"]["changed"], steps
    attempts = gathered.artifacts["form_errors"]["attempts"]
    assert {attempt["mode"] for attempt in attempts} >= {"empty"}
    assert "restore_ms" in gathered.timings


def test_after_gathering_the_state_is_as_the_journey_left_it(
    journey: tuple[WebDriver, PageVisitor, str], gathered: Gathered
) -> None:
    driver, _, _ = journey
    assert state(driver) == EXPECTED
    assert not [w for w in gathered.warnings if "could not be put back" in w], gathered.warnings


def test_the_journeys_next_step_sends_what_the_journey_chose(
    journey: tuple[WebDriver, PageVisitor, str], gathered: Gathered
) -> None:
    driver, _, _ = journey
    assert gathered.error is None
    with Shop.lock:
        Shop.posted.clear()
    driver.find_element(By.ID, "continue").click()
    assert driver.current_url.endswith("/done")
    with Shop.lock:
        (sent,) = Shop.posted
    assert sent == {
        "country": ["FR"],
        "region": ["Normandie"],
        "city": ["Rouen"],
        "gift": ["on"],
        "speed": ["express"],
    }


def test_what_cannot_be_put_back_is_a_warning(journey: tuple[WebDriver, PageVisitor, str]) -> None:
    """A control the page replaced while a check acted is named (never its value)."""
    driver, visitor, url = journey
    choose(driver, url)
    driver.execute_script(
        "country.addEventListener('change', function () { var c = city.cloneNode(); city.replaceWith(c); });"
    )
    result = visitor.gather_current(driver.current_url, interactive=True)
    (warning,) = [w for w in result.warnings if "could not be put back" in w]
    assert "#city: removed from the page" in warning and "Rouen" not in warning
