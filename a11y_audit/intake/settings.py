"""[intake] settings: where a flow's pages are, what an order number looks like, where (if
anywhere) original messages may be kept.

    [intake]
    flow_pages = { checkout = ["https://shop.example/checkout"], cart = ["https://shop.example/bag"] }
    order_number = "FF-\\d{6}"          # redacted wherever it appears
    keep_originals = "/srv/private/intake"   # default: originals are not kept
    private_origins = ["https://staging.internal"]   # named hosts allowed to resolve to private IPs

`[flows.NAME] urls` are regexes and cannot be visited, hence flow_pages. Validated by
a11y_audit.config, which turns a SettingError into a file:line message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from a11y_audit.tickets.settings import SettingError

__all__ = ["IntakeSettings", "parse_intake"]

_KEYS = ("flow_pages", "order_number", "keep_originals", "private_origins")


@dataclass(frozen=True, slots=True)
class IntakeSettings:
    flow_pages: tuple[tuple[str, tuple[str, ...]], ...] = ()
    order_number: str | None = None
    keep_originals: str | None = None
    private_origins: tuple[str, ...] = ()

    def pages_for(self, flow: str) -> tuple[str, ...]:
        return next((urls for name, urls in self.flow_pages if name == flow), ())


def _http_urls(value: Any, keys: tuple[str, ...]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise SettingError(keys, "must be a list of http(s) URLs")
    for item in value:
        parts = urlsplit(item)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SettingError(keys, f"'{item}' is not an http(s) URL; give full URLs like https://shop/cart")
    return tuple(value)


def parse_intake(table: Any) -> IntakeSettings:
    """Validate the [intake] table; raise SettingError naming the bad key."""
    if not isinstance(table, dict):
        raise SettingError((), "[intake] must be a table")
    for key in table:
        if key not in _KEYS:
            raise SettingError(
                (key,), f"unknown key '{key}' in [intake]; expected one of: {', '.join(_KEYS)}"
            )
    flow_pages = table.get("flow_pages", {})
    if not isinstance(flow_pages, dict):
        raise SettingError(("flow_pages",), "[intake] flow_pages must be a table: { checkout = [URL, ...] }")
    pages = tuple(
        (str(name), _http_urls(urls, ("flow_pages", str(name)))) for name, urls in flow_pages.items()
    )
    order = table.get("order_number")
    if order is not None:
        if not isinstance(order, str) or not order:
            raise SettingError(("order_number",), "[intake] order_number must be a regular expression string")
        try:
            re.compile(order)
        except re.error as error:
            raise SettingError(
                ("order_number",), f"[intake] order_number is not a valid regex: {error}"
            ) from error
    keep = table.get("keep_originals")
    if keep is not None and (not isinstance(keep, str) or not keep):
        raise SettingError(("keep_originals",), "[intake] keep_originals must be a folder path")
    private = table.get("private_origins", [])
    return IntakeSettings(
        flow_pages=pages,
        order_number=order,
        keep_originals=keep,
        private_origins=_http_urls(private, ("private_origins",)),
    )
