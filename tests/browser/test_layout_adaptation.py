"""The layout_adaptation gatherer in real Chromium: it restores the page's viewport, and
measures the same at 320 CSS px by resizing the window where DevTools is unavailable."""

from __future__ import annotations

import time
from urllib.parse import quote

import pytest

from a11y_audit.browser.driver import Session
from a11y_audit.browser.gatherers import GatherContext, GatherSettings
from a11y_audit.browser.gatherers import layout_adaptation as module

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def reflow_url(fixtures_url: str) -> str:
    return f"{fixtures_url}/reflow.html"


def gather(session: Session, url: str) -> dict[str, object]:
    session.driver.get(url)
    context = GatherContext(url, None, GatherSettings(), time.monotonic() + 20)
    return {**module.LayoutAdaptation().gather(session.driver, context)}


def offenders(artifact: dict[str, object]) -> set[str]:
    reflow = artifact["reflow"]
    assert isinstance(reflow, dict)
    return {item["selector"] for item in reflow["offenders"]}


def test_the_viewport_is_restored_after_measuring(session: Session, reflow_url: str) -> None:
    before = session.driver.execute_script("return [innerWidth, innerHeight, devicePixelRatio]")
    artifact = gather(session, reflow_url)
    assert artifact["method"] == "devtools"
    assert session.driver.execute_script("return [innerWidth, innerHeight, devicePixelRatio]") == before
    assert session.driver.execute_script("return document.getElementById('a11y-audit-text-spacing')") is None


def test_without_devtools_the_window_is_resized_and_put_back(
    session: Session, reflow_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_devtools = offenders(gather(session, reflow_url))
    size = session.driver.get_window_size()
    monkeypatch.setattr(module, "cdp", lambda *args, **kwargs: None)  # as on a Grid without CDP
    artifact = gather(session, reflow_url)
    assert artifact["method"] == "window" and "incomplete" not in artifact
    assert offenders(artifact) == with_devtools
    assert session.driver.get_window_size() == size


def test_at_200_percent_it_keeps_boxes_that_cut_their_own_text_at_100_percent_already(
    session: Session, fixtures_url: str
) -> None:
    """resize-text.html: #f4 and #f5 cut their words at any zoom (kept, with the style that
    judges the cut); the slides of #n2 and the replaced text of #n3 are hidden on purpose."""
    zoom = gather(session, f"{fixtures_url}/resize-text.html")["zoom"]
    assert isinstance(zoom, dict)
    kept = {item["selector"]: item for item in zoom["kept"]}
    assert {"#f4", "#f5"} <= set(kept) and not {"#n2", "#n3"} & set(kept), kept
    chip = kept["#f4"]
    assert chip["textOverflow"]["x"] > 2 and chip["style"]["whiteSpace"] == "nowrap"
    assert chip["style"]["textOverflow"] == "clip"
    promo = next(item for item in zoom["clipped"] if "Winter sale" in item["text"])
    assert promo["style"]["textOverflow"] == "ellipsis"


def test_the_viewport_turned_to_portrait_shows_which_elements_turn_and_by_how_much(session: Session) -> None:
    """A page tilted 2.5deg that turns 92.5deg in landscape (ACT b33eff's Failed Example 3)."""
    style = (
        "body { transform: rotate(2.5deg); } .badge { rotate: 10deg; }"
        " @media (orientation: landscape) { body { transform: rotate(92.5deg); } }"
    )
    url = f"data:text/html,<style>{style}</style><main>Page content <b class=badge>new</b></main>"
    turned = gather(session, url)["turned"]
    assert isinstance(turned, list)
    assert [(item["selector"], item["angles"]) for item in turned] == [
        ("html > body:nth-of-type(1)", {"first": 92.5, "second": 2.5})
    ]


def test_it_measures_after_the_pages_own_debounced_resize_handler_has_re_laid_it_out(
    session: Session,
) -> None:
    """A carousel track 1200px wide that the theme re-pages 200 ms after a resize (a common
    debounce): measured at once it sticks out at 320px; measured once settled it does not."""
    script = (
        "let t; addEventListener('resize', () => { clearTimeout(t); t = setTimeout(() => {"
        " document.querySelector('.track').style.width = innerWidth < 600 ? '100%' : '1200px'; }, 200); });"
    )
    page = (
        f"<style>.track {{ width: 1200px; height: 40px; background: #ccc; }}</style>"
        f"<main><div class=track>Slides</div></main><script>{script}</script>"
    )
    artifact = gather(session, "data:text/html," + quote(page))
    reflow = artifact["reflow"]
    assert isinstance(reflow, dict)
    assert [item["snippet"] for item in reflow["offenders"] if "track" in item["snippet"]] == []
