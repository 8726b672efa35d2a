"""The demo store's defects that axe cannot see, checked by hand in real headless Chromium.

The tool's own checks for these come later; this proves the fixture itself: each such defect
really fails in the broken store and really passes in the fixed one, so the checks built
against it are tested against genuine failures. (What axe sees is proven through the tool in
test_demo_audit.py.)
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.browser.driver import BrowserSettings, start_session
from a11y_audit.demo.catalog import site_pages
from a11y_audit.demo.defects import load_manifest
from a11y_audit.demo.server import DemoStore

pytestmark = pytest.mark.browser

PAGES = [p.path for p in site_pages()]


@pytest.fixture(scope="module")
def driver() -> Iterator[WebDriver]:
    session = start_session(BrowserSettings(window_width=1280, window_height=900))
    try:
        yield session.driver
    finally:
        session.quit()


# -- What axe cannot see: the broken store fails, the fixed store passes ----------------------

SPACING = """
const style = document.createElement('style');
style.textContent = '* { line-height: 1.5 !important; letter-spacing: .12em !important;' +
  ' word-spacing: .16em !important } p { margin-bottom: 2em !important }';
document.head.appendChild(style);
return Array.from(document.querySelectorAll('body *')).filter(e => {
  const cs = getComputedStyle(e);
  const clips = [cs.overflowX, cs.overflowY].some(o => o === 'hidden' || o === 'clip');
  return clips && e.textContent.trim() && !e.closest('.visually-hidden') && e.clientHeight > 0 &&
    (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1);
}).map(e => e.className);
"""


@pytest.fixture(scope="module")
def live() -> Iterator[dict[str, DemoStore]]:
    with DemoStore("broken") as broken_store, DemoStore("fixed") as fixed_store:
        yield {"broken": broken_store, "fixed": fixed_store}


def _open(drv: WebDriver, store: DemoStore, path: str) -> None:
    drv.delete_all_cookies()
    drv.get(store.base_url.rstrip("/") + path)


def _active_matches(drv: WebDriver, selector: str) -> bool:
    return bool(drv.execute_script("return document.activeElement.matches(arguments[0])", selector))


def _press(drv: WebDriver, *keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    for key in keys:
        ActionChains(drv).send_keys(key).perform()


def _tab_to(drv: WebDriver, selector: str, limit: int = 60) -> None:
    from selenium.webdriver.common.keys import Keys

    for _ in range(limit):
        _press(drv, Keys.TAB)
        if _active_matches(drv, selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _focus(drv: WebDriver, selector: str) -> None:
    drv.execute_script("document.querySelector(arguments[0]).focus()", selector)


def test_reflow_at_320_css_pixels(driver: WebDriver, live: dict[str, DemoStore]) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": False},
    )
    width = "return document.documentElement.scrollWidth"
    try:
        for path in PAGES:
            _open(driver, live["fixed"], path)
            assert driver.execute_script(width) <= 320, path
        for path in load_manifest().get("D34").pages:
            _open(driver, live["broken"], path)
            assert driver.execute_script(width) > 320, path
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_text_spacing_does_not_clip_text(driver: WebDriver, live: dict[str, DemoStore]) -> None:
    for path in PAGES:
        _open(driver, live["fixed"], path)
        assert driver.execute_script(SPACING) == [], path
    for path in load_manifest().get("D17").pages:
        _open(driver, live["broken"], path)
        assert "product-card__name" in driver.execute_script(SPACING), path


def test_focus_is_visible_on_the_main_navigation(driver: WebDriver, live: dict[str, DemoStore]) -> None:
    outline = "const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]"
    for variant, visible in (("fixed", True), ("broken", False)):
        _open(driver, live[variant], "/")
        _tab_to(driver, ".mega-menu__link")
        style, width = driver.execute_script(outline)
        assert (style != "none" and width != "0px") is visible, (variant, style, width)


def test_mega_menu_panels_open_from_the_keyboard(driver: WebDriver, live: dict[str, DemoStore]) -> None:
    from selenium.webdriver.common.keys import Keys

    _open(driver, live["fixed"], "/")
    _tab_to(driver, '[data-js="menu-toggle"]')
    panel = driver.find_element(By.CSS_SELECTOR, "#menu-panel-women")
    assert not panel.is_displayed()
    _press(driver, Keys.ENTER)
    assert panel.is_displayed()
    _press(driver, Keys.TAB)
    assert _active_matches(driver, "#menu-panel-women a")
    _press(driver, Keys.ESCAPE)
    assert not panel.is_displayed()
    assert _active_matches(driver, '[data-js="menu-toggle"]')

    _open(driver, live["broken"], "/")
    assert not driver.find_elements(By.CSS_SELECTOR, '[data-js="menu-toggle"]')
    _tab_to(driver, ".mega-menu__link")
    _press(driver, Keys.TAB)
    assert not _active_matches(driver, ".mega-menu__panel a")
    assert not driver.find_element(By.CSS_SELECTOR, ".mega-menu__panel").is_displayed()


def test_size_guide_traps_focus_only_when_broken(driver: WebDriver, live: dict[str, DemoStore]) -> None:
    from selenium.webdriver.common.keys import Keys

    page = load_manifest().get("D23").pages[0]
    inside = "return !!document.activeElement.closest('#size-guide')"
    _open(driver, live["broken"], page)
    _focus(driver, ".size-guide-link")
    _press(driver, Keys.ENTER)
    dialog = driver.find_element(By.CSS_SELECTOR, "#size-guide")
    assert dialog.is_displayed()
    _press(driver, Keys.TAB, Keys.TAB, Keys.TAB, Keys.SHIFT + Keys.TAB, Keys.ESCAPE, Keys.TAB)
    assert dialog.is_displayed() and driver.execute_script(inside)

    _open(driver, live["fixed"], page)
    _focus(driver, ".size-guide-link")
    _press(driver, Keys.ENTER)
    dialog = driver.find_element(By.CSS_SELECTOR, "#size-guide")
    assert dialog.is_displayed() and driver.execute_script(inside)
    _press(driver, Keys.TAB)
    assert driver.execute_script(inside)
    _press(driver, Keys.ESCAPE)
    assert not dialog.is_displayed()
    assert _active_matches(driver, ".size-guide-link")


def test_added_to_bag_message_is_a_status_message(driver: WebDriver, live: dict[str, DemoStore]) -> None:
    page = load_manifest().get("D27").pages[0]
    for variant in ("fixed", "broken"):
        _open(driver, live[variant], page)
        driver.find_element(By.CSS_SELECTOR, ".add-to-cart").click()
        toast = driver.find_element(By.CSS_SELECTOR, ".cart-toast")
        assert toast.is_displayed() and "Added 1" in toast.text
        announced = toast.get_attribute("role") == "status" or toast.get_attribute("aria-live")
        assert bool(announced) is (variant == "fixed"), variant


def test_sign_in_errors_are_described_in_text(driver: WebDriver, live: dict[str, DemoStore]) -> None:
    for variant in ("fixed", "broken"):
        _open(driver, live[variant], "/sign-in")
        driver.find_element(By.CSS_SELECTOR, ".sign-in-form button[type=submit]").click()
        field = driver.find_element(By.CSS_SELECTOR, ".sign-in-form input[type=email]")
        assert "is-invalid" in (field.get_attribute("class") or "")
        errors = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".sign-in-form .field__error")]
        if variant == "fixed":
            assert field.get_attribute("aria-invalid") == "true"
            assert "Enter your email address" in errors[0]
        else:
            assert field.get_attribute("aria-invalid") is None and errors == []


def test_currency_select_changes_context_only_when_broken(
    driver: WebDriver, live: dict[str, DemoStore]
) -> None:
    import time

    from selenium.webdriver.common.keys import Keys

    for variant in ("fixed", "broken"):
        _open(driver, live[variant], "/cart")
        driver.execute_script("window.__stillHere = true")
        _focus(driver, "#currency-select")
        _press(driver, Keys.ARROW_DOWN)
        time.sleep(1.0)
        reloaded = not driver.execute_script("return window.__stillHere === true")
        assert reloaded is (variant == "broken"), variant


def test_single_key_shortcut_only_when_broken(driver: WebDriver, live: dict[str, DemoStore]) -> None:
    for variant in ("fixed", "broken"):
        _open(driver, live[variant], "/")
        _press(driver, "/")
        assert _active_matches(driver, "#site-search-input") is (variant == "broken"), variant


def test_delivery_tooltip_is_hoverable_and_dismissible_when_fixed(
    driver: WebDriver, live: dict[str, DemoStore]
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    page = load_manifest().get("D30").pages[0]
    for variant in ("fixed", "broken"):
        _open(driver, live[variant], page)
        trigger = driver.find_element(By.CSS_SELECTOR, ".tooltip__trigger")
        bubble = driver.find_element(By.CSS_SELECTOR, ".tooltip__bubble")
        ActionChains(driver).move_to_element(trigger).perform()
        assert bubble.is_displayed(), variant
        ActionChains(driver).move_to_element(bubble).perform()
        assert bubble.is_displayed() is (variant == "fixed"), variant
        _press(driver, Keys.ESCAPE)
        assert not bubble.is_displayed(), variant
        ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, "h1")).perform()
        if variant == "fixed":
            _focus(driver, ".tooltip__trigger")
            assert bubble.is_displayed()
        else:
            assert trigger.tag_name == "span" and trigger.get_attribute("tabindex") is None


ADD_TO_BAG = """
return fetch('/cart/add', {method: 'POST', body: new URLSearchParams({product: 'linen-shirt'})})
  .then(response => response.status);
"""


def test_checkout_works_in_landscape_only_when_fixed(driver: WebDriver, live: dict[str, DemoStore]) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 780, "height": 360, "deviceScaleFactor": 1, "mobile": True},
    )
    try:
        for variant in ("fixed", "broken"):
            _open(driver, live[variant], "/cart")
            # Checkout opens only with a filled bag (a session), as after "Add to bag".
            driver.execute_script(ADD_TO_BAG)
            driver.get(live[variant].base_url.rstrip("/") + "/checkout/shipping")
            assert driver.current_url.endswith("/checkout/shipping"), driver.current_url
            main = driver.find_element(By.CSS_SELECTOR, "main")
            assert main.is_displayed() is (variant == "fixed"), variant
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_carousel_can_be_paused_only_when_fixed(driver: WebDriver, live: dict[str, DemoStore]) -> None:
    import time

    active = (
        "return [...document.querySelectorAll('.carousel--hero [data-js=slide]')]"
        ".findIndex(s => !s.classList.contains('is-inactive'))"
    )
    _open(driver, live["broken"], "/")
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-js=carousel-pause]")
    start = driver.execute_script(active)
    time.sleep(6.5)
    assert driver.execute_script(active) != start
    _open(driver, live["fixed"], "/")
    driver.find_element(By.CSS_SELECTOR, ".carousel--hero [data-js=carousel-pause]").click()
    driver.execute_script("document.activeElement.blur()")
    first = driver.execute_script(active)
    time.sleep(6.5)
    assert driver.execute_script(active) == first
