"""Storage-state files: a signed-in session (cookies and localStorage) saved to a file, so a crawl
can run signed in without a sign-in journey, and a sign-in journey can be run once and reused.

Two formats are read, the ones QA teams already have:

- Playwright's `storageState` JSON, the de-facto standard (what `context.storageState()` writes):
  `{"cookies": [{"name", "value", "domain", "path", "expires", "httpOnly", "secure",
  "sameSite"}], "origins": [{"origin": "https://...", "localStorage": [{"name", "value"}]}]}`;
- a Netscape `cookies.txt` (what browser extensions and curl export), read with the standard
  library's `http.cookiejar.MozillaCookieJar`.

Files are written in the Playwright format only (`a11y-audit journeys run NAME
--save-storage-state FILE`), mode 0600: the file signs in as the account.

This module is pure (no browser): reading, validating, choosing what applies to the origins an
audit may visit, and the parameters the browser code hands to DevTools. Cookie and localStorage
values are secrets: no message here ever contains one, and `secrets()` lists them for scrubbing.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import tempfile
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from a11y_audit.crawl.urls import origin
from a11y_audit.errors import UsageError
from a11y_audit.model import JsonObject

__all__ = [
    "MIN_SECRET_LENGTH",
    "Cookie",
    "OriginStorage",
    "StorageState",
    "load_storage_state",
    "save_storage_state",
]

SAME_SITE = ("Strict", "Lax", "None")
MIN_SECRET_LENGTH = 8
"""Values at least this long are scrubbed from what is saved of a page (a page may echo a
session token, as a double-submit CSRF field does). Shorter ones (a currency code, a consent
flag) are not credentials, and replacing them everywhere in a DOM would corrupt it."""

_FORMATS = (
    'Playwright storageState JSON ({"cookies": [...], "origins": [...]}) or a Netscape cookies.txt '
    '(first line "# Netscape HTTP Cookie File")'
)
_NETSCAPE_MAGIC = re.compile(r"#( Netscape)? HTTP Cookie File")


@dataclass(frozen=True, slots=True)
class Cookie:
    """One cookie; `expires` is seconds since the epoch, None for a session cookie."""

    name: str
    value: str
    domain: str
    path: str = "/"
    expires: float | None = None
    http_only: bool = False
    secure: bool = False
    same_site: str | None = None

    @property
    def host(self) -> str:
        """The domain without the leading dot that marks a domain cookie."""
        return self.domain.lstrip(".").lower()

    def applies_to(self, host: str) -> bool:
        """Whether the browser would send this cookie to host (RFC 6265 domain-match)."""
        host = host.lower()
        return host == self.host or host.endswith("." + self.host)

    def expired(self, now: float) -> bool:
        """A persistent cookie whose expiry has passed; the browser would drop it."""
        return self.expires is not None and self.expires <= now

    def params(self) -> JsonObject:
        """Parameters both DevTools' `Network.setCookies` and WebDriver's `add_cookie` accept.

        Without the expiry: the audit's browser sessions are throwaway, expired cookies were
        left out on loading, and WebDriver names the key differently from DevTools.
        """
        params: JsonObject = {
            "name": self.name,
            "value": self.value,
            "domain": self.domain,
            "path": self.path,
            "secure": self.secure,
            "httpOnly": self.http_only,
        }
        if self.same_site is not None:
            params["sameSite"] = self.same_site
        return params

    def to_json(self) -> JsonObject:
        """As in Playwright's storageState (which wants every key: -1 is a session cookie)."""
        return {
            "name": self.name,
            "value": self.value,
            "domain": self.domain,
            "path": self.path,
            "expires": -1 if self.expires is None else self.expires,
            "httpOnly": self.http_only,
            "secure": self.secure,
            "sameSite": self.same_site or "Lax",
        }

    @classmethod
    def from_browser(cls, data: Mapping[str, Any]) -> Cookie:
        """From DevTools' `Network.getAllCookies` (expires -1 = session) or WebDriver's
        `get_cookies` (`expiry`, absent for a session cookie)."""
        expires = data.get("expires", data.get("expiry"))
        same_site = data.get("sameSite")
        return cls(
            name=str(data["name"]),
            value=str(data["value"]),
            domain=str(data.get("domain") or ""),
            path=str(data.get("path") or "/"),
            expires=float(expires) if isinstance(expires, int | float) and expires >= 0 else None,
            http_only=bool(data.get("httpOnly")),
            secure=bool(data.get("secure")),
            same_site=same_site if same_site in SAME_SITE else None,
        )


@dataclass(frozen=True, slots=True)
class OriginStorage:
    """localStorage of one origin ("scheme://host[:port]", as urls.origin spells it)."""

    origin: str
    local_storage: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class StorageState:
    """A session to start from: cookies, and localStorage per origin."""

    cookies: tuple[Cookie, ...] = ()
    origins: tuple[OriginStorage, ...] = ()
    source: str | None = field(default=None, compare=False)
    """The file it came from, for messages (None: a journey's session)."""

    def __bool__(self) -> bool:
        return bool(self.cookies or self.origins)

    def cookie_params(self) -> tuple[JsonObject, ...]:
        """Every cookie as Cookie.params()."""
        return tuple(cookie.params() for cookie in self.cookies)

    def secrets(self) -> tuple[str, ...]:
        """The values to keep out of everything saved (see MIN_SECRET_LENGTH), longest first,
        so a value containing another is scrubbed whole."""
        values = {cookie.value for cookie in self.cookies}
        values.update(value for storage in self.origins for _, value in storage.local_storage)
        return tuple(sorted((v for v in values if len(v) >= MIN_SECRET_LENGTH), key=len, reverse=True))

    def for_origins(self, allowed: Iterable[str], now: float) -> tuple[StorageState, tuple[str, ...]]:
        """What applies to the origins an audit may visit, and a warning line for each kind of
        thing left out (expired cookies; cookies and storage of other sites), never a value."""
        hosts = {urlsplit(item).hostname or "" for item in allowed}
        allowed_origins = set(allowed)
        expired = [cookie for cookie in self.cookies if cookie.expired(now)]
        live = [cookie for cookie in self.cookies if not cookie.expired(now)]
        cookies = tuple(cookie for cookie in live if any(cookie.applies_to(host) for host in hosts))
        origins = tuple(storage for storage in self.origins if storage.origin in allowed_origins)
        where = f"storage state {self.source}" if self.source else "the sign-in journey's session"
        warnings: list[str] = []
        if expired:
            names = ", ".join(sorted({cookie.name for cookie in expired})[:5])
            warnings.append(
                f"{where}: {_count(len(expired), 'expired cookie')} skipped ({names}): sign in "
                "again and save a new file (a11y-audit journeys run NAME --save-storage-state FILE)"
            )
        other_cookies, other_origins = len(live) - len(cookies), len(self.origins) - len(origins)
        if other_cookies or other_origins:
            ignored = " and ".join(
                text
                for count, text in (
                    (other_cookies, _count(other_cookies, "cookie")),
                    (other_origins, f"localStorage of {_count(other_origins, 'origin')}"),
                )
                if count
            )
            warnings.append(
                f"{where}: {ignored} ignored: they belong to sites the audit may not visit "
                f"(allowed: {', '.join(sorted(allowed_origins)) or 'none'}); add --allow-origin to use them"
            )
        return StorageState(cookies, origins, self.source), tuple(warnings)

    def to_json(self) -> JsonObject:
        """Playwright's storageState shape."""
        return {
            "cookies": [cookie.to_json() for cookie in self.cookies],
            "origins": [
                {
                    "origin": storage.origin,
                    "localStorage": [{"name": name, "value": value} for name, value in storage.local_storage],
                }
                for storage in self.origins
            ],
        }


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


# --- reading ---------------------------------------------------------------------------


def load_storage_state(path: Path) -> StorageState:
    """Read a Playwright storageState JSON or a Netscape cookies.txt file.

    Every problem is a UsageError (exit 2) naming the file and the fix, raised before any
    browser starts; no message quotes the file's content, which is full of secrets.
    """
    try:
        text = path.read_text("utf-8-sig")
    except FileNotFoundError as error:
        raise UsageError(
            f"storage-state file {path} does not exist: check the path, or create it with "
            "`a11y-audit journeys run NAME --save-storage-state FILE`"
        ) from error
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else "not UTF-8 text"
        raise UsageError(
            f"cannot read storage-state file {path}: {reason}; check the path and its permissions"
        ) from error
    start = text.lstrip()[:1]
    if start in ("{", "["):
        state = _from_playwright(_json(text, path), path)
    elif _NETSCAPE_MAGIC.match(text.lstrip()):
        state = _from_cookies_txt(path)
    else:
        raise UsageError(f"storage-state file {path} is in an unknown format: give {_FORMATS}")
    return StorageState(state.cookies, state.origins, str(path))


def _json(text: str, path: Path) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:  # its message names the position, not the content
        raise UsageError(
            f"storage-state file {path} is not valid JSON ({error.msg} at line {error.lineno} "
            f"column {error.colno}): fix it, or save it again"
        ) from error


def _from_playwright(data: Any, path: Path) -> StorageState:
    if not isinstance(data, dict) or not ({"cookies", "origins"} & set(data)):
        raise UsageError(f"storage-state file {path} has the wrong shape: expected {_FORMATS}")
    cookies = data.get("cookies", [])
    origins = data.get("origins", [])
    if not isinstance(cookies, list) or not isinstance(origins, list):
        raise UsageError(
            f'storage-state file {path}: "cookies" and "origins" must be lists (Playwright storageState)'
        )
    return StorageState(
        tuple(_playwright_cookie(item, number, path) for number, item in enumerate(cookies, start=1)),
        tuple(_playwright_origin(item, number, path) for number, item in enumerate(origins, start=1)),
    )


def _playwright_cookie(item: Any, number: int, path: Path) -> Cookie:
    where = f"storage-state file {path}: cookie {number}"
    if not isinstance(item, dict):
        raise UsageError(f'{where} must be an object with "name", "value" and "domain"')
    for key in ("name", "value", "domain"):
        value = item.get(key)
        if not isinstance(value, str) or (key != "value" and not value):
            raise UsageError(
                f'{where} has no "{key}" (a string): every cookie needs "name", "value" and "domain"; '
                "fix that entry or save the file again"
            )
    cookie_path = item.get("path", "/")
    expires = item.get("expires", -1)
    same_site = item.get("sameSite")
    if not isinstance(cookie_path, str) or not cookie_path.startswith("/"):
        raise UsageError(f'{where}: "path" must start with /')
    if isinstance(expires, bool) or not isinstance(expires, int | float):
        raise UsageError(f'{where}: "expires" must be seconds since 1970, or -1 for a session cookie')
    if same_site is not None and same_site not in SAME_SITE:
        raise UsageError(f'{where}: "sameSite" must be one of {", ".join(SAME_SITE)}')
    for flag in ("httpOnly", "secure"):
        if not isinstance(item.get(flag, False), bool):
            raise UsageError(f'{where}: "{flag}" must be true or false')
    return Cookie(
        name=item["name"],
        value=item["value"],
        domain=item["domain"],
        path=cookie_path,
        expires=float(expires) if expires >= 0 else None,
        http_only=item.get("httpOnly", False),
        secure=item.get("secure", False),
        same_site=same_site,
    )


def _playwright_origin(item: Any, number: int, path: Path) -> OriginStorage:
    where = f"storage-state file {path}: origin {number}"
    address = item.get("origin") if isinstance(item, dict) else None
    try:
        normalised = origin(address) if isinstance(address, str) else None
    except ValueError:
        normalised = None
    if normalised is None:
        raise UsageError(f'{where} needs "origin": an http(s) origin such as "https://shop.example.com"')
    entries = item.get("localStorage", [])
    if not isinstance(entries, list) or not all(
        isinstance(entry, dict) and isinstance(entry.get("name"), str) and isinstance(entry.get("value"), str)
        for entry in entries
    ):
        raise UsageError(f'{where}: "localStorage" must be a list of {{"name": "...", "value": "..."}}')
    return OriginStorage(normalised, tuple((entry["name"], entry["value"]) for entry in entries))


def _from_cookies_txt(path: Path) -> StorageState:
    """Netscape cookies.txt by http.cookiejar: expired and session cookies are kept here (the
    caller decides and warns); `#HttpOnly_` lines come out with the HttpOnly attribute."""
    jar = http.cookiejar.MozillaCookieJar(str(path))
    try:
        with warnings.catch_warnings():  # cookiejar also warns with a traceback: one line is ours
            warnings.simplefilter("ignore")
            jar.load(ignore_discard=True, ignore_expires=True)
    except http.cookiejar.LoadError as error:  # its message quotes the line: never shown
        raise UsageError(
            f"storage-state file {path} is not a valid Netscape cookies.txt: every line needs 7 "
            "tab-separated fields (domain, subdomains, path, secure, expiry in seconds since 1970 "
            "or 0, name, value); "
            "export the file again"
        ) from error
    cookies = []
    for number, item in enumerate(jar, start=1):
        where = f"storage-state file {path}: cookie {number} (for {item.domain})"
        if item.value is None or not item.name:  # a name-only line: cookiejar moves it to the name
            raise UsageError(
                f"{where} has no name or no value; every cookie needs both: fix that line or "
                "export the file again"
            )
        cookies.append(
            Cookie(
                name=item.name,
                value=item.value,
                domain=item.domain,
                path=item.path or "/",
                expires=float(item.expires) if item.expires else None,  # 0: a session cookie
                http_only=item.has_nonstandard_attr("HTTPOnly"),  # cookiejar's name for #HttpOnly_
                secure=item.secure,
            )
        )
    return StorageState(tuple(cookies))


# --- writing ---------------------------------------------------------------------------


def save_storage_state(state: StorageState, path: Path) -> Path:
    """Write state as Playwright storageState JSON, readable by its owner only (0600).

    Written to a private temporary file beside it and renamed, so the secrets are never in a
    file anyone else can read, not even for a moment, and a crash leaves the old file whole.
    """
    folder = path.resolve().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)  # mode 0600
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(state.to_json(), file, indent=2)
                file.write("\n")
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise UsageError(
            f"cannot write storage-state file {path}: {error.strerror or error}; choose another path"
        ) from error
    return path
