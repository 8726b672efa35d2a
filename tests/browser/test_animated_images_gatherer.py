"""The animated_images gatherer in real Chromium: bytes read from the page, measured once per
address, and images of another origin without CORS left unread (never judged)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from functools import partial

import pytest

from a11y_audit.artifacts.animated_images import AnimatedImages
from a11y_audit.browser.driver import Session
from a11y_audit.browser.gatherers import GatherContext, GatherSettings
from a11y_audit.browser.gatherers.animated_images import AnimatedImagesGatherer, _known
from a11y_audit.browser.scripts import script_with
from tests.browser.conftest import CHECK_FIXTURES, _FixtureHandler
from tests.support import local_server, serving

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def other_origin() -> Iterator[str]:
    """The fixtures again on another port: another origin, serving no CORS headers."""
    server = local_server(partial(_FixtureHandler, directory=str(CHECK_FIXTURES)))
    with serving(server):
        yield f"http://127.0.0.1:{server.server_address[1]}"


def gathered(session: Session, url: str) -> AnimatedImages:
    context = GatherContext(url, None, GatherSettings(), time.monotonic() + 20)
    return AnimatedImagesGatherer().gather(session.driver, context)


def test_animated_images_are_measured_and_addresses_read_once(session: Session, fixtures_url: str) -> None:
    url = f"{fixtures_url}/animated-image-no-pause.html"
    session.driver.get(url)
    images = {image["selector"]: image for image in gathered(session, url)["images"]}
    forever = images["#f1"]["animation"]
    assert forever is not None and forever["plays"] is None and forever["format"] == "gif"
    apng = images["#f2"]["animation"]
    assert apng is not None and (apng["format"], apng["plays"]) == ("png", 3)
    assert images["#p2"]["control"] and images["#c2"]["reducedMotion"]
    assert "#n2" not in images  # an SVG: its bytes cannot animate
    # The next page sends the addresses it knows: the browser returns no bytes for them.
    again = session.driver.execute_script(
        script_with("animated_images", "describe"), 60, 5_000_000, 4000, _known()
    )
    assert again["bytes"] == {} and f"{fixtures_url}/animated-forever.gif" in _known()
    assert {image["selector"] for image in gathered(session, url)["images"]} == set(images)


def test_images_of_another_origin_without_cors_are_unread(
    session: Session, fixtures_url: str, other_origin: str
) -> None:
    url = f"{fixtures_url}/flashing-image.html"
    session.driver.get(url)
    session.driver.execute_async_script(
        """var done = arguments[arguments.length - 1];
        var img = document.createElement('img');
        img.id = 'remote'; img.width = 300; img.height = 200;
        img.onload = img.onerror = function () { done(); };
        img.src = arguments[0];
        document.querySelector('main').appendChild(img);""",
        f"{other_origin}/animated-flash.gif?remote",
    )
    images = {image["selector"]: image for image in gathered(session, url)["images"]}
    assert images["#remote"]["animation"] is None
    assert "another origin" in str(images["#remote"]["unread"])
    assert images["#f1"]["animation"] is not None
