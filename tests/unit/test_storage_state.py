"""Storage-state files without a browser: both formats read (Playwright storageState JSON and a
Netscape cookies.txt through http.cookiejar), every bad file a one-line usage error naming the
file and the fix (never quoting a value), what applies narrowed to the audit's origins with one
warning per reason, and the file written back mode 0600."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from a11y_audit.config import load_config
from a11y_audit.crawl.journey_spec import JourneySettings, parse_journeys
from a11y_audit.crawl.storage_state import (
    MIN_SECRET_LENGTH,
    Cookie,
    OriginStorage,
    StorageState,
    load_storage_state,
    save_storage_state,
)
from a11y_audit.errors import UsageError

SECRET = "s3cr3t-session-token-0123456789"
LOCAL_SECRET = "local-storage-jwt-abcdefghijkl"
NOW = 1_800_000_000.0
SHOP = "https://shop.example.com"


def playwright(**overrides: Any) -> dict[str, Any]:
    cookie = {
        "name": "sid",
        "value": SECRET,
        "domain": "shop.example.com",
        "path": "/",
        "expires": -1,
        "httpOnly": True,
        "secure": True,
        "sameSite": "Lax",
    }
    return {
        "cookies": [{**cookie, **overrides}],
        "origins": [{"origin": SHOP, "localStorage": [{"name": "token", "value": LOCAL_SECRET}]}],
    }


def write_json(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "state.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


COOKIES_TXT = (
    "# Netscape HTTP Cookie File\n"
    "# exported by a browser extension\n"
    f".example.com\tTRUE\t/\tTRUE\t{int(NOW) + 3600}\tprefs\tcompact-view\n"
    f"#HttpOnly_shop.example.com\tFALSE\t/\tTRUE\t0\tsid\t{SECRET}\n"
    f"old.example.com\tFALSE\t/\tFALSE\t{int(NOW) - 60}\tstale\tlong-gone-value\n"
)


def test_the_playwright_shape_is_what_is_written() -> None:
    state = StorageState(
        (Cookie("sid", SECRET, "shop.example.com", http_only=True, secure=True, same_site="Lax"),),
        (OriginStorage(SHOP, (("token", LOCAL_SECRET),)),),
    )
    assert state.to_json() == playwright()
    assert Cookie("a", "b", "x.test", expires=NOW).to_json()["expires"] == NOW


def test_playwright_json_round_trips_through_a_private_file(tmp_path: Path) -> None:
    original = load_storage_state(write_json(tmp_path, playwright(expires=NOW + 60, sameSite="Strict")))
    assert original.cookies[0].expires == NOW + 60 and original.cookies[0].same_site == "Strict"
    assert original.origins == (OriginStorage(SHOP, (("token", LOCAL_SECRET),)),)
    saved = save_storage_state(original, tmp_path / "out" / "saved.json")
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert load_storage_state(saved) == original
    assert [p.name for p in saved.parent.iterdir()] == ["saved.json"]  # no temporary file left


def test_an_existing_file_is_replaced_and_becomes_private(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("old", "utf-8")
    path.chmod(0o644)
    save_storage_state(StorageState((Cookie("a", "b", "x.test"),)), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text("utf-8"))["cookies"][0]["name"] == "a"


def test_a_netscape_cookies_txt_is_read_by_http_cookiejar(tmp_path: Path) -> None:
    path = tmp_path / "cookies.txt"
    path.write_text(COOKIES_TXT, "utf-8")
    state = load_storage_state(path)
    by_name = {cookie.name: cookie for cookie in state.cookies}
    assert set(by_name) == {"prefs", "sid", "stale"}
    assert by_name["sid"] == Cookie("sid", SECRET, "shop.example.com", "/", None, True, True)
    assert by_name["prefs"].domain == ".example.com" and not by_name["prefs"].http_only
    assert by_name["stale"].expired(NOW) and not by_name["prefs"].expired(NOW)
    assert state.origins == () and state.source == str(path)


def test_browser_cookies_from_devtools_and_webdriver() -> None:
    devtools = {"name": "sid", "value": SECRET, "domain": "127.0.0.1", "path": "/", "expires": -1}
    webdriver = {"name": "sid", "value": SECRET, "domain": ".shop.test", "expiry": 1900000000}
    assert Cookie.from_browser(devtools).expires is None
    assert Cookie.from_browser({**devtools, "sameSite": "Strict"}).same_site == "Strict"
    assert Cookie.from_browser(webdriver).expires == 1900000000.0


def test_cookie_params_suit_devtools_and_webdriver() -> None:
    cookie = Cookie("sid", SECRET, ".shop.test", "/account", NOW, True, True, "Strict")
    assert cookie.params() == {
        "name": "sid",
        "value": SECRET,
        "domain": ".shop.test",
        "path": "/account",
        "secure": True,
        "httpOnly": True,
        "sameSite": "Strict",
    }
    assert "sameSite" not in Cookie("a", "b", "x.test").params()


BAD_FILES = [
    ("", "unknown format"),
    ("name=value; other=1\n", "unknown format"),
    ("{not json", "is not valid JSON (Expecting property name"),
    ("[]", "has the wrong shape"),
    ('{"cookie": []}', "has the wrong shape"),
    ('{"cookies": {}}', '"cookies" and "origins" must be lists'),
    ('{"cookies": ["sid"]}', "cookie 1 must be an object"),
    (json.dumps(playwright(name="")), 'cookie 1 has no "name"'),
    (json.dumps({"cookies": [{"name": "sid", "domain": "x.test"}]}), 'cookie 1 has no "value"'),
    (json.dumps({"cookies": [{"name": "sid", "value": SECRET}]}), 'cookie 1 has no "domain"'),
    (json.dumps(playwright(path="account")), '"path" must start with /'),
    (json.dumps(playwright(expires="soon")), '"expires" must be seconds since 1970'),
    (json.dumps(playwright(sameSite="lax")), '"sameSite" must be one of Strict, Lax, None'),
    (json.dumps(playwright(secure="yes")), '"secure" must be true or false'),
    (json.dumps({"origins": [{"origin": "shop"}]}), 'origin 1 needs "origin"'),
    (json.dumps({"origins": [{"origin": SHOP, "localStorage": [{"name": "t"}]}]}), '"localStorage" must'),
    ("# Netscape HTTP Cookie File\nshop.test\tFALSE\t/\n", "not a valid Netscape cookies.txt"),
    (f"# Netscape HTTP Cookie File\nshop.test\tFALSE\t/\tFALSE\t0\t\t{SECRET}\n", "has no name or no value"),
    (
        f"# Netscape HTTP Cookie File\nshop.test\tFALSE\t/\tFALSE\tsoon\tsid\t{SECRET}\n",
        "not a valid Netscape cookies.txt",
    ),
]


@pytest.mark.parametrize(("text", "expected"), BAD_FILES)
def test_a_bad_file_is_one_usage_error_naming_it_and_never_a_value(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "state.txt"
    path.write_text(text, "utf-8")
    with pytest.raises(UsageError) as caught:
        load_storage_state(path)
    message = str(caught.value)
    assert expected in message and str(path) in message
    assert "\n" not in message and SECRET not in message and LOCAL_SECRET not in message


def test_a_missing_or_unreadable_file_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"state\.json does not exist: check the path, or create it with"):
        load_storage_state(tmp_path / "state.json")
    with pytest.raises(UsageError, match=r"cannot read storage-state file .*: Is a directory"):
        load_storage_state(tmp_path)
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(UsageError, match="not UTF-8 text"):
        load_storage_state(binary)


def test_only_what_the_audit_may_visit_applies_with_one_warning_per_reason() -> None:
    state = StorageState(
        (
            Cookie("sid", SECRET, "shop.example.com"),
            Cookie("prefs", "compact-view", ".example.com"),
            Cookie("stale", "long-gone-value", "shop.example.com", expires=NOW - 1),
            Cookie("ads", "tracker-value-123", ".ads.example.net"),
            Cookie("other", "other-value-1234", "blog.example.com"),
        ),
        (OriginStorage(SHOP, (("token", LOCAL_SECRET),)), OriginStorage("https://ads.example.net", ())),
        "state.json",
    )
    kept, warnings = state.for_origins([SHOP], NOW)
    assert [cookie.name for cookie in kept.cookies] == ["sid", "prefs"]  # host and parent domain
    assert [item.origin for item in kept.origins] == [SHOP]
    assert warnings == (
        "storage state state.json: 1 expired cookie skipped (stale): sign in again and save a new "
        "file (a11y-audit journeys run NAME --save-storage-state FILE)",
        "storage state state.json: 2 cookies and localStorage of 1 origin ignored: they belong to "
        f"sites the audit may not visit (allowed: {SHOP}); add --allow-origin to use them",
    )
    assert state.for_origins([SHOP, "https://blog.example.com", "https://ads.example.net"], 0)[1] == ()


def test_secrets_are_the_long_values_longest_first() -> None:
    state = StorageState(
        (Cookie("currency", "GBP", "x.test"), Cookie("sid", SECRET, "x.test")),
        (OriginStorage(SHOP, (("token", LOCAL_SECRET), ("flag", "1"))),),
    )
    assert state.secrets() == (SECRET, LOCAL_SECRET)
    assert all(len(value) >= MIN_SECRET_LENGTH for value in state.secrets())
    assert not StorageState() and StorageState().secrets() == ()


# --- config -----------------------------------------------------------------------------------

JOURNEY = {"flow": "sign-in", "steps": [{"visit": "/sign-in"}, {"audit": "form"}]}


def test_storage_state_in_the_config_and_a_journey_that_starts_clean() -> None:
    settings = parse_journeys(
        {"storage_state": "qa.json", "sign-in": {**JOURNEY, "storage_state": False}, "bag": JOURNEY},
        ("sign-in",),
    )
    assert settings.storage_state == "qa.json" and settings.signed_in
    assert settings.sign_in_journey is None
    assert not settings.starts_from_storage_state(settings.get("sign-in"))
    assert settings.starts_from_storage_state(settings.get("bag"))
    assert settings.to_json()["storage_state"] == "qa.json"


def test_the_command_line_storage_state_replaces_crawl_as_whose_journey_starts_clean(tmp_path: Path) -> None:
    path = tmp_path / "a11y-audit.toml"
    path.write_text(
        '[journeys]\ncrawl_as = "sign-in"\n[journeys.sign-in]\nflow = "sign-in"\n'
        'steps = [{ visit = "/sign-in" }, { audit = "form" }]\n',
        "utf-8",
    )
    config = load_config(path)
    assert config.journeys.sign_in_journey == "sign-in" and config.journeys.signed_in
    assert config.with_storage_state(None) is config
    overridden = config.with_storage_state(Path("qa.json")).journeys
    assert overridden.storage_state == "qa.json" and overridden.sign_in_journey is None
    assert not overridden.starts_from_storage_state(overridden.get("sign-in"))
    assert not JourneySettings().signed_in


SIGN_IN = '[journeys.sign-in]\nflow = "sign-in"\nsteps = [{ visit = "/s" }, { audit = "f" }]\n'


@pytest.mark.parametrize(
    ("toml", "line", "expected"),
    [
        (
            '[journeys]\ncrawl_as = "sign-in"\nstorage_state = "qa.json"\n' + SIGN_IN,
            3,
            "crawl_as and storage_state both sign the crawl in: keep one",
        ),
        (
            "[journeys]\nstorage_state = 1\n" + SIGN_IN,
            2,
            "storage_state must be the path of a storage-state file",
        ),
        (SIGN_IN + 'storage_state = "no"\n', 4, "storage_state must be true or false"),
    ],
)
def test_bad_storage_state_config_names_file_and_line(
    tmp_path: Path, toml: str, line: int, expected: str
) -> None:
    path = tmp_path / "a11y-audit.toml"
    path.write_text(toml, "utf-8")
    with pytest.raises(UsageError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}:{line}: ") and expected in str(caught.value)


# --- the command line -----------------------------------------------------------------------


@pytest.mark.parametrize("command", [["crawl"], ["scan"], ["demo"]])
def test_a_bad_storage_state_file_stops_before_any_browser(tmp_path: Path, command: list[str]) -> None:
    """Exit 2 with one line, even with no browser installed (which would be exit 3), and no
    output folder: the file is read before anything else happens."""
    bad = write_json(tmp_path, {"cookies": [{"name": "sid", "value": SECRET}]})
    urls = [] if command == ["demo"] else ["http://127.0.0.1:9/"]
    output = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "a11y_audit", *command, *urls, "--storage-state", str(bad), "-o", str(output)],
        capture_output=True,
        text=True,
        env={**os.environ, "A11Y_AUDIT_CHROMIUM": str(tmp_path / "no-chromium")},
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines() == [
        f'error: storage-state file {bad}: cookie 1 has no "domain" (a string): every cookie needs '
        '"name", "value" and "domain"; fix that entry or save the file again'
    ]
    assert SECRET not in result.stdout + result.stderr and not output.exists()
