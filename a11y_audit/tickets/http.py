"""One small HTTP layer for every tracker adapter: retries, backoff, and clear auth errors.

Trackers throttle (429, GitHub's 403 with Retry-After) and have bad minutes (5xx); a sync of
hundreds of tickets must ride that out instead of dying halfway. Rejected credentials, on the
other hand, never get better by retrying: they stop the sync with one line naming the
environment variable to set. Credentials travel only in headers the adapters pass in; nothing
here prints, logs or formats a header, so they cannot leak into messages.

A POST (create, comment) is retried only on 429 and 503, which mean "not processed"; another
5xx may have created the ticket already, and the next sync finds it by fingerprint instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from a11y_audit import __version__
from a11y_audit.errors import ToolError

__all__ = ["HttpClient"]

MAX_WAIT_SECONDS = 300.0


class HttpClient:
    """JSON over HTTP to one tracker, with retry/backoff; errors become one-line ToolErrors."""

    def __init__(
        self,
        base_url: str,
        *,
        tracker: str,
        credential_hint: str,
        headers: Mapping[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        retries: int = 4,
        sleep: Callable[[float], None] = time.sleep,
        timeout: float = 30.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.tracker = tracker
        self.credential_hint = credential_hint
        self.retries = retries
        self.sleep = sleep
        self._client = httpx.Client(
            base_url=self.base_url,
            headers={
                "User-Agent": f"a11y-audit/{__version__}",
                "Accept": "application/json",
                **(headers or {}),
            },
            auth=auth,
            timeout=timeout,
        )

    def __repr__(self) -> str:  # never show headers: they hold the credentials
        return f"HttpClient({self.base_url!r})"

    def json(self, method: str, path: str, **kwargs: Any) -> Any:
        """The decoded JSON body (None for an empty body)."""
        response = self.request(method, path, **kwargs)
        return response.json() if response is not None and response.content else None

    def request(
        self, method: str, path: str, *, missing_ok: bool = False, **kwargs: Any
    ) -> httpx.Response | None:
        """Send with retries; None for a 404 or 410 when `missing_ok` (a deleted ticket)."""
        for attempt in range(self.retries + 1):
            try:
                response = self._client.request(method, path, **kwargs)
            except httpx.TransportError as error:
                if attempt == self.retries:
                    raise ToolError(
                        f"cannot reach {self.tracker} at {self.base_url} ({type(error).__name__}: {error}); "
                        "check the URL and the network, then sync again"
                    ) from error
                self.sleep(_backoff(attempt))
                continue
            wait = self._retry_wait(method, response, attempt)
            if wait is None:
                return self._checked(method, path, response, missing_ok)
            if attempt == self.retries:
                raise ToolError(
                    f"{self.tracker} kept answering HTTP {response.status_code} to {method} {path} after "
                    f"{self.retries} retries; sync again later (tickets already filed are recorded)"
                )
            self.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _retry_wait(self, method: str, response: httpx.Response, attempt: int) -> float | None:
        """Seconds to wait before retrying, or None when the response is final."""
        status = response.status_code
        throttled = status == 429 or (
            status == 403
            and ("retry-after" in response.headers or response.headers.get("x-ratelimit-remaining") == "0")
        )
        unavailable = status == 503 or (status >= 500 and method.upper() != "POST")
        if not (throttled or unavailable):
            return None
        wait = _retry_after(response.headers)
        if wait is None and response.headers.get("x-ratelimit-remaining") == "0":
            reset = response.headers.get("x-ratelimit-reset", "")
            wait = max(0.0, float(reset) - time.time()) if reset.isdigit() else None
        wait = _backoff(attempt) if wait is None else wait
        if wait > MAX_WAIT_SECONDS:
            raise ToolError(
                f"{self.tracker} asks to wait {wait:.0f} s (rate limit); sync again later "
                "(tickets already filed are recorded)"
            )
        return wait

    def _checked(
        self, method: str, path: str, response: httpx.Response, missing_ok: bool
    ) -> httpx.Response | None:
        status = response.status_code
        if status in (401, 403):
            raise ToolError(
                f"{self.tracker} rejected the credentials (HTTP {status} on {method} {path}): "
                f"set {self.credential_hint}"
            )
        if status in (404, 410) and missing_ok:
            return None
        if status >= 400:
            detail = " ".join(response.text.split())[:300]
            raise ToolError(f"{self.tracker} refused {method} {path}: HTTP {status} {detail}".rstrip())
        return response

    def close(self) -> None:
        self._client.close()


def _backoff(attempt: int) -> float:
    """1, 2, 4, 8 ... seconds."""
    return float(2**attempt)


def _retry_after(headers: httpx.Headers) -> float | None:
    """Retry-After in seconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3)."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
