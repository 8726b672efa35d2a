"""Storage-state files in real Chromium, through the CLI: a session saved by `journeys run sign-in
--save-storage-state` signs `crawl` and `scan` in on the demo store (the account pages show
what only a signed-in customer sees, where signed out they redirect to the sign-in page); a
hand-written Playwright file and a cookies.txt do too; localStorage is there before the page's
scripts on every crawled page and a journey keeps what its pages write; journey steps are
crawl progress lines; and no cookie or localStorage value appears in any output."""

from __future__ import annotations

import gzip
import http.client
import json
import os
import stat
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest

from a11y_audit.demo.server import DEMO_EMAIL, DEMO_PASSWORD, DemoStore
from tests.browser.conftest import load_results, run_cli
from tests.browser.site import html, send
from tests.support import QuietHandler, local_server, serving

pytestmark = pytest.mark.browser

ENV = {**os.environ, "DEMO_PASSWORD": DEMO_PASSWORD}
SIGN_IN_STEPS = """steps = [
  { visit = "/sign-in" },
  { fill = ".sign-in-form input[name=email]", value = "demo@fernandfield.example" },
  { fill = ".sign-in-form input[name=password]", value = "env:DEMO_PASSWORD" },
  { click = ".sign-in-form button[type=submit]", allow_submit = true },
  { wait_url = "/account$" },
  { assert_text = "See all your orders", on = "main" },
  { audit = "account" },
]
"""
# Crawls here judge axe and page checks only: page-changing gatherers are not what is tested.
NO_INTERACTIVE = "[checks]\ninteractive_pages_per_template = 0\n"


@dataclass(frozen=True)
class Run:
    result: subprocess.CompletedProcess[str]
    output: Path
    results: dict[str, Any]

    def crawled(self, path: str) -> dict[str, Any]:
        """The crawled (not journey) page whose URL ends in path."""
        pages = [p for p in self.results["pages"] if not p.get("state") and p["url"].endswith(path)]
        assert len(pages) == 1, [p["url"] for p in self.results["pages"]]
        page: dict[str, Any] = pages[0]
        return page

    def dom(self, page: dict[str, Any]) -> str:
        return gzip.decompress((self.output / page["artifacts"]["dom"]).read_bytes()).decode()


def audit(*args: str, output: Path) -> Run:
    result = run_cli(*args, "-o", str(output), env=ENV)
    assert result.returncode == 0, result.stderr
    return Run(result, output, load_results(output))


def assert_nowhere(secrets: tuple[str, ...], *runs: Run) -> None:
    """No secret in any file of the runs' output folders (decompressed) nor in what they printed."""
    files = [path for run in runs for path in run.output.rglob("*") if path.is_file()]
    assert len(files) > 5
    for path in files:
        data = path.read_bytes()
        data = gzip.decompress(data) if path.suffix == ".gz" else data
        for secret in secrets:
            assert secret.encode() not in data, path
    for run in runs:
        for secret in secrets:
            assert secret not in run.result.stdout + run.result.stderr


def config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "a11y-audit.toml"
    path.write_text(text + NO_INTERACTIVE, "utf-8")
    return path


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoStore]:
    with DemoStore("broken") as store:
        yield store


def sign_in_over_http(store: DemoStore) -> str:
    """A fresh demo session id, signed in without a browser (as a QA script would get one)."""
    parts = urlsplit(store.base_url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port)
    connection.request(
        "POST",
        "/sign-in",
        urlencode({"email": DEMO_EMAIL, "password": DEMO_PASSWORD}),
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    response = connection.getresponse()
    cookie = SimpleCookie(response.getheader("Set-Cookie") or "")
    connection.close()
    assert response.status in (302, 303) and "sid" in cookie
    return cookie["sid"].value


def assert_signed_in(run: Run) -> None:
    """The order history (signed in only) was audited as itself, not as the sign-in page."""
    orders = run.crawled("/account/orders")
    assert orders["final_url"].endswith("/account/orders") and orders["title"].startswith("Order history")
    assert orders["error"] is None and orders["artifacts"]["axe"]


def test_a_session_saved_by_a_sign_in_journey_signs_the_crawl_in(demo: DemoStore, tmp_path: Path) -> None:
    state = tmp_path / "qa-session.json"
    cfg = config(
        tmp_path,
        f'[journeys]\nstorage_state = "{state}"\n'
        f'[journeys.sign-in]\nflow = "sign-in"\nstorage_state = false\n{SIGN_IN_STEPS}',
    )
    saved = audit(
        "journeys",
        "run",
        "sign-in",
        "--config",
        str(cfg),
        "--url",
        demo.base_url,
        "--save-storage-state",
        str(state),
        output=tmp_path / "journey",
    )
    assert stat.S_IMODE(state.stat().st_mode) == 0o600
    assert f"Storage state: {state}" in saved.result.stdout
    session = json.loads(state.read_text("utf-8"))
    sid = next(cookie["value"] for cookie in session["cookies"] if cookie["name"] == "sid")

    # The crawl reads the file from the config; the sign-in journey runs beside it, clean.
    crawl = audit(
        "crawl",
        demo.base_url + "account",
        "--config",
        str(cfg),
        "--include",
        "/account",
        output=tmp_path / "crawl",
    )
    assert_signed_in(crawl)
    account = crawl.crawled("/account")
    assert "See all your orders" in crawl.dom(account)  # the link only a signed-in customer gets
    assert any(page.get("state") == "account" for page in crawl.results["pages"])
    assert crawl.results["tool"]["config"]["journeys"]["storage_state"] == str(state)

    # scan, with the file on the command line only; and the same page signed out.
    scan = audit(
        "scan", demo.base_url + "account/orders", "--storage-state", str(state), output=tmp_path / "scan"
    )
    assert_signed_in(scan)
    signed_out = audit("scan", demo.base_url + "account/orders", output=tmp_path / "signed-out")
    assert signed_out.crawled("/account/orders")["final_url"].endswith("/sign-in")

    assert_nowhere((sid, DEMO_PASSWORD), saved, crawl, scan)


def write_playwright_state(path: Path, sid: str, origin: str) -> Path:
    """A Playwright storageState file as a person might hand-write one: the session cookie,
    an expired cookie and a third-party cookie, localStorage of the store and of another site."""

    def cookie(
        name: str, value: str, domain: str, expires: int, *, third_party: bool = False
    ) -> dict[str, Any]:
        return {
            "name": name,
            "value": value,
            "domain": domain,
            "path": "/",
            "expires": expires,
            "httpOnly": name == "sid",
            "secure": third_party,
            "sameSite": "None" if third_party else "Lax",
        }

    state = {
        "cookies": [
            cookie("sid", sid, "127.0.0.1", -1),
            cookie("old", "expired-long-ago", "127.0.0.1", 1000),
            cookie("ads", "third-party-value", ".ads.example", -1, third_party=True),
        ],
        "origins": [
            {"origin": origin, "localStorage": [{"name": "qa", "value": "local-storage-secret"}]},
            {"origin": "https://ads.example", "localStorage": []},
        ],
    }
    path.write_text(json.dumps(state), "utf-8")
    return path


def test_a_hand_written_playwright_file_and_a_cookies_txt_sign_in_too(
    demo: DemoStore, tmp_path: Path
) -> None:
    sid = sign_in_over_http(demo)
    origin = demo.base_url.rstrip("/")
    playwright = write_playwright_state(tmp_path / "storage-state.json", sid, origin)
    scan = audit(
        "scan",
        demo.base_url + "account/orders",
        "--storage-state",
        str(playwright),
        output=tmp_path / "playwright",
    )
    assert_signed_in(scan)
    warnings = [
        f"storage state {playwright}: 1 expired cookie skipped (old): sign in again and save a new "
        "file (a11y-audit journeys run NAME --save-storage-state FILE)",
        f"storage state {playwright}: 1 cookie and localStorage of 1 origin ignored: they belong to "
        f"sites the audit may not visit (allowed: {origin}); add --allow-origin to use them",
    ]
    assert [line for line in scan.result.stderr.splitlines() if line.startswith("warning:")] == [
        f"warning: {warning}" for warning in warnings
    ]
    assert scan.results["tool"]["warnings"] == warnings

    cookies_txt = tmp_path / "cookies.txt"
    cookies_txt.write_text(
        f"# Netscape HTTP Cookie File\n#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t0\tsid\t{sid}\n"
    )
    netscape = audit(
        "scan",
        demo.base_url + "account/orders",
        "--storage-state",
        str(cookies_txt),
        output=tmp_path / "netscape",
    )
    assert_signed_in(netscape)
    assert netscape.results["tool"]["warnings"] == []
    assert_nowhere((sid, "local-storage-secret"), scan, netscape)


def test_journey_steps_are_crawl_progress_lines(demo: DemoStore, tmp_path: Path) -> None:
    """The `crawl_as` journey runs before the crawl: each of its steps is a progress line (as
    `journeys run` prints them), then the pages it signed the crawl in for."""
    cfg = config(
        tmp_path, f'[journeys]\ncrawl_as = "sign-in"\n[journeys.sign-in]\nflow = "sign-in"\n{SIGN_IN_STEPS}'
    )
    crawl = audit(
        "crawl", demo.base_url + "account", "--config", str(cfg), "--include", "/account", output=tmp_path
    )
    lines = crawl.result.stderr.splitlines()
    steps = [line for line in lines if line.startswith("sign-in ")]
    assert [line.split(" ", 2)[1] for line in steps] == [f"{n}/7" for n in range(1, 8)]
    assert steps[2] == "sign-in 3/7 fill .sign-in-form input[name=password] = env:DEMO_PASSWORD: ok"
    assert steps[6].startswith("sign-in 7/7 audit account: audited state 'account' at ")
    state_line = next(i for i, line in enumerate(lines) if "#journey=sign-in&state=account" in line)
    orders_line = next(i for i, line in enumerate(lines) if "/account/orders - " in line)
    # the state's page line comes as its step ends; then the crawl, signed in
    assert state_line < lines.index(steps[-1]) < orders_line
    assert_signed_in(crawl)
    assert_nowhere((DEMO_PASSWORD,), crawl)


# --- localStorage and secrets echoed by a page, on a site of our own ----------------------------

COOKIE_SECRET = "session-cookie-secret-4711"
LOCAL_SECRET = "local-storage-secret-0815"
_STATUS = """<p id="status"></p><script>
  var token = localStorage.getItem("qa-token");
  document.getElementById("status").textContent = "token: " + (token === null ? "none"
    : token.startsWith("local-storage-secret") ? "the stored one" : token);
  if (location.pathname === "/write") localStorage.setItem("qa-token", "written-by-the-page");
</script>"""


class _TokenPages(QuietHandler):
    """Every page says whether its cookie came and what localStorage holds, and echoes the cookie
    into a hidden field, as a double-submit CSRF form does."""

    def do_GET(self) -> None:
        cookie = SimpleCookie(self.headers.get("Cookie") or "")
        session = cookie["session"].value if "session" in cookie else ""
        body = (
            f"<p>cookie: {'present' if session == COOKIE_SECRET else 'absent'}</p>{_STATUS}"
            f'<form action="/save"><input type="hidden" name="csrf" value="{session}">'
            '<label>Note <input name="note"></label></form>'
            '<nav><a href="/write">Write</a> <a href="/read">Read</a></nav>'
        )
        send(self, html(body, title=f"Token page {self.path}"))


@pytest.fixture(scope="module")
def token_site() -> Iterator[str]:
    server = local_server(_TokenPages)
    with serving(server):
        yield f"http://127.0.0.1:{server.server_address[1]}"


def test_local_storage_is_there_before_page_scripts_and_echoed_values_are_scrubbed(
    token_site: str, tmp_path: Path
) -> None:
    state = tmp_path / "state.json"
    state.write_text(
        json.dumps(
            {
                "cookies": [{"name": "session", "value": COOKIE_SECRET, "domain": "127.0.0.1", "path": "/"}],
                "origins": [
                    {"origin": token_site, "localStorage": [{"name": "qa-token", "value": LOCAL_SECRET}]}
                ],
            }
        ),
        "utf-8",
    )
    crawl = audit("crawl", token_site + "/", "--storage-state", str(state), output=tmp_path / "crawl")
    pages = {page["url"].removeprefix(token_site): page for page in crawl.results["pages"]}
    assert set(pages) == {"/", "/write", "/read"}
    for page in pages.values():  # every page a first visit, with the stored state again
        dom = crawl.dom(page)
        assert "cookie: present" in dom and "token: the stored one" in dom, page["url"]
        assert 'name="csrf" value="********"' in dom  # the echoed cookie, scrubbed

    # Journeys start from the state once: what a page writes stays for the next page.
    cfg = config(
        tmp_path,
        f'[journeys]\nstorage_state = "{state}"\n'
        '[journeys.keeps]\nflow = "checkout"\nsteps = [\n  { visit = "/write" },\n  { visit = "/read" },\n'
        '  { assert_text = "token: written-by-the-page", on = "#status" },\n  { audit = "read" },\n]\n'
        '[journeys.clean]\nflow = "checkout"\nstorage_state = false\nsteps = [\n  { visit = "/read" },\n'
        '  { assert_text = "token: none", on = "#status" },\n  { assert_text = "cookie: absent" },\n'
        '  { audit = "read" },\n]\n',
    )
    journeys = audit(
        "journeys",
        "run",
        "keeps",
        "clean",
        "--config",
        str(cfg),
        "--url",
        token_site,
        output=tmp_path / "journeys",
    )
    assert "keeps 3/4 assert_text token: written-by-the-page on #status: ok" in journeys.result.stdout
    assert "clean 2/4 assert_text token: none on #status: ok" in journeys.result.stdout
    keeps = next(page for page in journeys.results["pages"] if page.get("journey") == "keeps")
    assert "cookie: present" in journeys.dom(keeps) and COOKIE_SECRET not in journeys.dom(keeps)
    assert_nowhere((COOKIE_SECRET, LOCAL_SECRET), crawl, journeys)
