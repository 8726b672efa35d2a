"""The served_html gatherer in real Chromium: the body as sent, with no second request.

WCAG 4.1.1 judges the markup the server sent; a re-request could change server state (a page
reached by POST) or return other markup, so the test server counts every request.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from selenium.webdriver.common.by import By

from a11y_audit.axe_core import locate_axe_core
from a11y_audit.browser.axe_runner import AxeRunner
from a11y_audit.browser.driver import Session
from a11y_audit.browser.gatherers import make_gatherers
from a11y_audit.browser.gatherers.served_html import MAX_CHARS
from a11y_audit.browser.visit import PageVisitor
from tests.browser.site import redirect, send
from tests.support import QuietHandler, local_server, serving

pytestmark = pytest.mark.browser

PAGE = (
    '<!DOCTYPE html><html lang="en"><head><title>Served</title></head><body><main>'
    '<p class="a" class="b">served</p>'
    '<script>document.querySelector("p").textContent = "changed by script"</script>'
    '<form method="post" action="/order"><button>Order</button></form></main></body></html>'
)
POSTED = '<!DOCTYPE html><html lang="en"><head><title>Posted</title></head><body><b><i>x</b></i></body>'
BIG = f'<!DOCTYPE html><html lang="en"><title>Big</title><p>{"x" * MAX_CHARS}</p>'
REQUESTS: Counter[str] = Counter()


class _Handler(QuietHandler):
    def do_GET(self) -> None:
        REQUESTS[f"GET {self.path}"] += 1
        if self.path == "/moved":
            redirect(self, "/")
        elif self.path == "/big":
            send(self, BIG.encode())
        else:
            send(self, PAGE.encode())

    def do_POST(self) -> None:
        REQUESTS[f"POST {self.path}"] += 1
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        send(self, POSTED.encode())


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    server = local_server(_Handler)
    with serving(server):
        yield f"http://127.0.0.1:{server.server_address[1]}"


def _visitor(session: Session) -> PageVisitor:
    return PageVisitor(
        session.driver,
        AxeRunner(session.driver, locate_axe_core()),
        page_load_timeout=30,
        screenshots=False,
        gatherers=make_gatherers(["served_html"]),
    )


def test_the_body_as_sent_after_a_redirect_and_without_a_second_request(session: Session, base: str) -> None:
    REQUESTS.clear()
    gathered = _visitor(session).visit(f"{base}/moved")
    assert gathered.artifacts["served_html"] == {"html": PAGE}  # not the DOM the script changed
    assert (REQUESTS["GET /moved"], REQUESTS["GET /"]) == (1, 1)


def test_a_page_reached_by_post_is_read_without_sending_it_again(session: Session, base: str) -> None:
    visitor = _visitor(session)
    visitor.visit(f"{base}/")
    REQUESTS.clear()
    session.driver.find_element(By.CSS_SELECTOR, "button").click()
    gathered = visitor.gather_current(f"{base}/order")
    assert gathered.artifacts["served_html"] == {"html": POSTED}
    assert REQUESTS["POST /order"] == 1
    assert not [request for request in REQUESTS if request.startswith("GET /order")]


def test_a_page_over_the_cap_is_not_kept_and_the_warning_says_why(session: Session, base: str) -> None:
    gathered = _visitor(session).visit(f"{base}/big")
    assert "served_html" not in gathered.artifacts
    assert any("over the 2,000,000 cap" in warning for warning in gathered.warnings), gathered.warnings
