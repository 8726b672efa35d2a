"""Journeys: scripted visits to the states a crawler never reaches (signed in, item in the bag,
each checkout step, an open dialog), declared in the config and validated before any browser starts.

    [journeys]
    deny = ["/account/close"]        # URL regexes never visited or clicked (added to DEFAULT_DENY)
    crawl_as = "sign-in"             # the crawl reuses this journey's session (signed-in crawl)
    # or, instead of crawl_as: storage_state = "qa-session.json" (a11y_audit.crawl.storage_state)

    [journeys.sign-in]
    flow = "sign-in"                 # priority flow of every state audited on the way
    storage_state = false            # start clean even when [journeys] storage_state is set
    steps = [
      { visit = "/sign-in" },
      { fill = "#signin-email", value = "demo@fernandfield.example" },
      { fill = "#signin-password", value = "env:DEMO_PASSWORD" },   # secrets: environment only
      { click = ".sign-in-form button[type=submit]", allow_submit = true },
      { assert_url = "/account$" },
      { audit = "account" },
    ]

This module is pure (no browser): the model, the parser and the safety rules the runner
(a11y_audit.browser.journey_runner) applies. Judging the audited states is the same as for crawled
pages; only their flow comes from the journey instead of the URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from cssselect import SelectorSyntaxError, parse

from a11y_audit.model import JsonObject

__all__ = [
    "ACTIONS",
    "DEFAULT_DENY",
    "KEY_NAMES",
    "ORDER_WORDS",
    "Journey",
    "JourneyError",
    "JourneySettings",
    "Step",
    "Value",
    "parse_journeys",
    "scrub",
]

# action key -> what its value is (for the error message)
ACTIONS: dict[str, str] = {
    "visit": "a URL (absolute http(s) or a path starting with /)",
    "click": "a CSS selector",
    "fill": "a CSS selector (with value = ...)",
    "select": "a CSS selector of a <select> (with value = the option's value or text)",
    "press": "a key name such as Enter, Escape, Tab, ArrowDown, or one character",
    "wait_for": "a CSS selector to wait for",
    "wait_url": "a regular expression the URL must match",
    "wait_idle": "true (wait until the network is idle)",
    "dismiss": "a CSS selector clicked if present (a cookie banner button)",
    "audit": "a state name (lower-case letters, digits and hyphens)",
    "assert_present": "a CSS selector that must be present",
    "assert_url": "a regular expression the URL must match",
    "assert_text": "text the page (or the element `on`) must contain",
}
# modifier -> the actions that accept it
_MODIFIERS: dict[str, tuple[str, ...]] = {
    "value": ("fill", "select"),
    "on": ("press", "assert_text"),
    "frame": ("click", "fill", "wait_for"),
    "timeout": (
        "click",
        "fill",
        "select",
        "wait_for",
        "wait_url",
        "wait_idle",
        "assert_present",
        "assert_text",
    ),
    "allow_submit": ("click", "press"),
    "allow_order": ("click", "press"),
    "interactive": ("audit",),
}
_SELECTOR_ACTIONS = ("click", "fill", "select", "wait_for", "dismiss", "assert_present")
_REGEX_ACTIONS = ("wait_url", "assert_url")
KEY_NAMES = (
    "Enter",
    "Escape",
    "Tab",
    "Space",
    "Backspace",
    "Delete",
    "ArrowUp",
    "ArrowDown",
    "ArrowLeft",
    "ArrowRight",
    "Home",
    "End",
    "PageUp",
    "PageDown",
)
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
_ENV = "env:"

_DESTROY = r"(?:delete|remove|destroy|deactivate|disable|close|cancel|unsubscribe|erase|terminate)"
"""Verbs that end something the signed-in user owns, in the spellings stores put in URLs."""
_OWNED = r"(?:my[-_]?)?(?:account|profile|user|customer|subscription|membership|order|address)e?s?"
"""What such a verb ends: the account itself, or a thing kept in it."""
_SEARCH_KEYS = ("q", "s", "query", "search", "keyword", "keywords", "term", "text")
"""Query keys whose value is what a visitor typed: `?q=delete` searches, it deletes nothing."""
_AFTER_KEY = "".join(rf"(?<![?&;]{key})" for key in _SEARCH_KEYS)
"""At a `=`: the key before it is not a search key."""
_WORD_START = r"(?<=[/?&;=])" + "".join(rf"(?<![?&;]{key}=)" for key in _SEARCH_KEYS)
"""The word starts a path segment, a query key, or a query value that is not a search."""
_WORD_END = r"(?=[/?#&;=.]|$)"
"""The word ends there: `/logout`, `/logout.php`, `?mylogout=`, but not `/logout-mug`."""

DEFAULT_DENY: tuple[str, ...] = (
    rf"(?i){_WORD_START}(?:customer|user|account|member|session|my)?[-_]?(?:log|sign)[-_]?(?:out|off){_WORD_END}",
    rf"(?i)/{_DESTROY}(?:[-_]?{_OWNED})?(?:[/?#.;&]|$)",
    rf"(?i){_WORD_START}(?:{_DESTROY}[-_]?{_OWNED}|{_OWNED}[-_/]{_DESTROY}){_WORD_END}",
    rf"(?i)[?&;]{_DESTROY}(?:[-_][a-z_]*)?=|{_AFTER_KEY}=(?:{_DESTROY})(?:l?ed|d)?(?:[&;#]|$)",
    rf"(?i){_WORD_START}(?:(?:place|submit|confirm|save)[-_]?orders?|orders?[-_/]place){_WORD_END}",
)
"""Never visited or clicked by a journey, nor crawled while signed in: signing out, closing or
deleting the account, removing or cancelling what it holds (addresses, orders, subscriptions),
placing an order. Real stores spell these as a path segment (`/accounts/profile/delete/`,
`/wishlist/index/remove/item/5/`, `/customer/account/logout/`, `/checkout/place-order`), a
compound word that is a whole segment (`close-my-account`, `customer-logout`, `deleteAccount`),
or a query (`?remove_item=`, `?delete=1`, `?change_subscription_to=cancelled`, `?mylogout=`,
`?action=logout`), under any prefix (`/en-gb/`, `/my-account/`, `/settings/profile/`). A verb
inside a longer word or slug (a "closeout" category, "how to remove stains", a product
`/products/logout-mug` or `/products/place-order-kit`) and a search (`?q=delete`) are not
matched. The trade-off: a slug that is exactly a command (`/products/delete`,
`/blog/close-account`) is denied, so a signed-in crawl skips it; the anonymous crawl, which
has no account to lose, still audits it. `[journeys] deny` adds to these."""

ORDER_WORDS = re.compile(
    r"(?i)\b(?:place|submit|complete|confirm)\s+(?:my\s+|your\s+|the\s+)?(?:order|purchase)\b"
    r"|\b(?:pay|buy)(?:\s+now)?\b|\bplace[-_]?order\b"
)
"""A submit control or form action that reads like this places an order or pays: the step
needs `allow_order = true`."""


class JourneyError(ValueError):
    """A bad [journeys] value; `keys` locate it below [journeys] for the file:line message."""

    def __init__(self, keys: tuple[str, ...], message: str) -> None:
        super().__init__(message)
        self.keys = keys


@dataclass(frozen=True, slots=True)
class Value:
    """A fill/select value: literal text from the config, or the name of an environment variable.

    Values from the environment are secrets: the runner masks them in screenshots and scrubs
    them from everything it writes; step descriptions show only the variable's name.
    """

    text: str

    @property
    def env(self) -> str | None:
        """The environment variable's name, for `env:NAME` values."""
        return self.text[len(_ENV) :] if self.text.startswith(_ENV) else None

    def resolve(self, environ: Mapping[str, str]) -> str:
        """The value to type; a missing variable is a JourneyError naming it."""
        name = self.env
        if name is None:
            return self.text
        if name not in environ:
            raise JourneyError((), f"environment variable {name} is not set: export it before the run")
        return environ[name]


@dataclass(frozen=True, slots=True)
class Step:
    """One step: an action on a target, and the modifiers that action accepts."""

    number: int
    """1-based position in the journey, as messages name it."""
    action: str
    target: str
    value: Value | None = None
    on: str | None = None
    frame: str | None = None
    """CSS selector of the iframe the target is in (a payment provider's card fields)."""
    timeout: float | None = None
    allow_submit: bool = False
    allow_order: bool = False
    interactive: bool = False
    """Whether page-changing gatherers run on this `audit` state: `interactive = true`, or by
    default the journey's last step when it is an audit (unless it says `interactive = false`)."""

    def describe(self) -> str:
        """One line for progress output; values from the environment show only their name."""
        text = f"{self.action} {self.target}"
        if self.value is not None:
            text += f" = {self.value.text}" if self.value.env else f" = {self.value.text!r}"
        if self.on:
            text += f" on {self.on}"
        if self.frame:
            text += f" in {self.frame}"
        return text


@dataclass(frozen=True, slots=True)
class Journey:
    """A named script of steps; its audited states are judged on `flow`."""

    name: str
    flow: str
    steps: tuple[Step, ...]
    base_url: str | None = None
    storage_state: bool = True
    """Whether the journey starts from [journeys] storage_state (a sign-in journey wants a
    clean session: `storage_state = false`)."""

    @property
    def states(self) -> tuple[str, ...]:
        """Names of the states the journey audits, in order."""
        return tuple(step.target for step in self.steps if step.action == "audit")

    def secrets(self) -> tuple[str, ...]:
        """Names of the environment variables the journey reads."""
        return tuple(step.value.env for step in self.steps if step.value is not None and step.value.env)


@dataclass(frozen=True, slots=True)
class JourneySettings:
    """[journeys]: the journeys, the deny-list, and how the crawl is signed in: by the session
    a journey (`crawl_as`) leaves, or by a storage-state file (`storage_state`), not both."""

    journeys: tuple[Journey, ...] = ()
    deny: tuple[str, ...] = ()
    crawl_as: str | None = None
    storage_state: str | None = None
    """A storage-state file (path relative to the working directory, like [gate] baseline)."""

    @property
    def signed_in(self) -> bool:
        """Whether the crawl runs signed in (so it must never open a deny-listed URL)."""
        return self.crawl_as is not None or self.storage_state is not None

    @property
    def sign_in_journey(self) -> str | None:
        """The journey whose session the crawl reuses: a storage-state file wins over it (the
        command line's --storage-state over a config's crawl_as)."""
        return self.crawl_as if self.storage_state is None else None

    def starts_from_storage_state(self, journey: Journey) -> bool:
        """Whether journey's session starts from the storage-state file: not when it opts out,
        and never the `crawl_as` journey (it signs in; a crawl_as from the config file and a
        --storage-state file together make it an ordinary journey, still starting clean)."""
        return self.storage_state is not None and journey.storage_state and journey.name != self.crawl_as

    @property
    def deny_patterns(self) -> tuple[str, ...]:
        """The defaults plus the configured patterns."""
        return DEFAULT_DENY + self.deny

    def get(self, name: str) -> Journey:
        """The journey called name; KeyError names the known ones."""
        for journey in self.journeys:
            if journey.name == name:
                return journey
        known = ", ".join(journey.name for journey in self.journeys) or "none configured"
        raise KeyError(f"no journey named {name!r}; journeys: {known}")

    def denied(self, url: str) -> str | None:
        """The deny pattern url matches, if any."""
        return next((pattern for pattern in self.deny_patterns if re.search(pattern, url)), None)

    def to_json(self) -> JsonObject:
        """As recorded in results.json: names and flows, never step values."""
        return {
            "journeys": [{"name": j.name, "flow": j.flow, "states": list(j.states)} for j in self.journeys],
            "deny": list(self.deny),
            "crawl_as": self.crawl_as,
            "storage_state": self.storage_state,
        }


def scrub(text: str, secrets: Iterable[str]) -> str:
    """Replace every secret value in text (a message, a DOM, axe JSON) by asterisks."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "********")
    return text


# --- parsing ---------------------------------------------------------------------------


def parse_journeys(table: Any, known_flows: Iterable[str]) -> JourneySettings:
    """Validate [journeys]; raises JourneyError with the keys of the offending value."""
    if not isinstance(table, dict):
        raise JourneyError((), "[journeys] must be a table: [journeys.NAME] with flow and steps")
    settings: JsonObject = {}
    journeys: list[Journey] = []
    flows = tuple(known_flows)
    for key, value in table.items():
        if key == "deny":
            settings["deny"] = _patterns(value, ("deny",), "[journeys] deny")
        elif key == "crawl_as":
            if not isinstance(value, str):
                raise JourneyError(("crawl_as",), "[journeys] crawl_as must be a journey name")
            settings["crawl_as"] = value
        elif key == "storage_state":
            if not isinstance(value, str) or not value:
                raise JourneyError(
                    ("storage_state",), "[journeys] storage_state must be the path of a storage-state file"
                )
            settings["storage_state"] = value
        elif isinstance(value, dict):
            journeys.append(_journey(key, value, flows))
        else:
            raise JourneyError(
                (key,),
                f"unknown key '{key}' in [journeys]; expected deny, crawl_as, storage_state "
                "or a [journeys.NAME] table",
            )
    result = JourneySettings(journeys=tuple(journeys), **settings)
    if result.crawl_as is not None and result.storage_state is not None:
        raise JourneyError(
            ("storage_state",),
            "[journeys] crawl_as and storage_state both sign the crawl in: keep one "
            "(--storage-state on the command line replaces crawl_as for one run)",
        )
    if result.crawl_as is not None and result.crawl_as not in {j.name for j in journeys}:
        raise JourneyError(("crawl_as",), f"[journeys] crawl_as names no journey: {result.crawl_as!r}")
    for journey in journeys:
        for step in journey.steps:
            if step.action == "visit" and (pattern := result.denied(step.target)):
                raise JourneyError(
                    (journey.name, "steps"),
                    f"[journeys.{journey.name}] step {step.number} visits {step.target}, which the "
                    f"deny-list forbids ({pattern}); remove the step",
                )
    return result


_JOURNEY_KEYS = ("flow", "steps", "base_url", "storage_state")


def _journey(name: str, table: JsonObject, flows: tuple[str, ...]) -> Journey:
    where = f"[journeys.{name}]"
    if not _NAME.fullmatch(name):
        raise JourneyError((name,), f"{where}: a journey name is lower-case letters, digits and hyphens")
    for key in table:
        if key not in _JOURNEY_KEYS:
            raise JourneyError(
                (name, key), f"unknown key '{key}' in {where}; expected one of: {', '.join(_JOURNEY_KEYS)}"
            )
    flow = table.get("flow")
    if not isinstance(flow, str) or flow not in flows:
        raise JourneyError(
            (name, "flow"),
            f"{where} flow must be one of {', '.join(flows)} (or a [flows.NAME] you configure)",
        )
    base_url = table.get("base_url")
    if base_url is not None and not (isinstance(base_url, str) and re.match(r"https?://", base_url)):
        raise JourneyError((name, "base_url"), f"{where} base_url must be an absolute http(s) URL")
    storage_state = table.get("storage_state", True)
    if not isinstance(storage_state, bool):
        raise JourneyError(
            (name, "storage_state"),
            f"{where} storage_state must be true or false (false: start without [journeys] storage_state)",
        )
    raw_steps = table.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise JourneyError(
            (name, "steps"), f'{where} needs steps = [{{ visit = "/" }}, ..., {{ audit = "name" }}]'
        )
    steps = tuple(_step(name, number, raw) for number, raw in enumerate(raw_steps, start=1))
    if steps[0].action != "visit":
        raise JourneyError((name, "steps"), f"{where} step 1 must be a visit: every journey starts at a URL")
    states = [step.target for step in steps if step.action == "audit"]
    if not states:
        raise JourneyError((name, "steps"), f'{where} audits nothing: add {{ audit = "state-name" }} steps')
    duplicate = next((state for state in states if states.count(state) > 1), None)
    if duplicate:
        raise JourneyError(
            (name, "steps"), f"{where} audits state {duplicate!r} twice: give each state its own name"
        )
    if steps[-1].action == "audit" and raw_steps[-1].get("interactive") is not False:
        # Nothing after the last state depends on it, so page-changing gatherers run there
        # unless it says interactive = false; interactive = true on another state adds that one.
        steps = (*steps[:-1], replace(steps[-1], interactive=True))
    return Journey(name=name, flow=flow, steps=steps, base_url=base_url, storage_state=storage_state)


def _step(journey: str, number: int, raw: Any) -> Step:
    where = f"[journeys.{journey}] step {number}"
    keys = (journey, "steps")
    if not isinstance(raw, dict):
        raise JourneyError(keys, f'{where} must be a table such as {{ click = "#add-to-bag" }}')
    actions = [key for key in raw if key in ACTIONS]
    if len(actions) != 1:
        found = ", ".join(actions) or "none"
        raise JourneyError(keys, f"{where} needs exactly one action ({', '.join(ACTIONS)}); found {found}")
    action = actions[0]
    for key in raw:
        if key != action and action not in _MODIFIERS.get(key, ()):
            allowed = [name for name, users in _MODIFIERS.items() if action in users]
            raise JourneyError(
                keys,
                f"{where}: '{key}' does not go with {action}; "
                f"{action} takes {', '.join(allowed) if allowed else 'no other keys'}",
            )
    target = _target(action, raw[action], where, keys)
    value = raw.get("value")
    if action in ("fill", "select"):
        if not isinstance(value, str):
            raise JourneyError(keys, f'{where}: {action} needs value = "text" or "env:VARIABLE"')
        if value.startswith(_ENV) and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", value[len(_ENV) :]):
            raise JourneyError(keys, f"{where}: {value!r} is not an environment variable name")
    timeout = raw.get("timeout")
    if timeout is not None and (
        isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0
    ):
        raise JourneyError(keys, f"{where}: timeout must be a number of seconds above 0")
    on = raw.get("on")
    if on is not None:
        on = _selector(on, where, keys, "on")
    frame = raw.get("frame")
    if frame is not None:
        frame = _selector(frame, where, keys, "frame")
    flags = {name: raw.get(name, False) for name in ("allow_submit", "allow_order", "interactive")}
    for name, flag in flags.items():
        if not isinstance(flag, bool):
            raise JourneyError(keys, f"{where}: {name} must be true or false")
    return Step(
        number=number,
        action=action,
        target=target,
        value=Value(value) if isinstance(value, str) else None,
        on=on,
        frame=frame,
        timeout=float(timeout) if timeout is not None else None,
        **flags,
    )


def _target(action: str, value: Any, where: str, keys: tuple[str, ...]) -> str:
    expected = ACTIONS[action]
    if action == "wait_idle":
        if value is not True:
            raise JourneyError(keys, f"{where}: wait_idle must be {expected}")
        return "network"
    if not isinstance(value, str) or not value:
        raise JourneyError(keys, f"{where}: {action} must be {expected}")
    if action == "visit" and not (value.startswith("/") or re.match(r"https?://", value)):
        raise JourneyError(keys, f"{where}: visit must be {expected}, not {value!r}")
    if action == "audit" and not _NAME.fullmatch(value):
        raise JourneyError(keys, f"{where}: audit must be {expected}, not {value!r}")
    if action == "press" and value not in KEY_NAMES and len(value) != 1:
        raise JourneyError(keys, f"{where}: press must be {expected} ({', '.join(KEY_NAMES)}), not {value!r}")
    if action in _SELECTOR_ACTIONS:
        return _selector(value, where, keys, action)
    if action in _REGEX_ACTIONS:
        _patterns([value], keys, f"{where}: {action}")
    return value


def _selector(value: Any, where: str, keys: tuple[str, ...], key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise JourneyError(keys, f"{where}: {key} must be a CSS selector")
    try:
        parse(value)
    except SelectorSyntaxError as error:
        raise JourneyError(
            keys, f"{where}: {key} is not a valid CSS selector ({value!r}: {error})"
        ) from error
    return value


def _patterns(value: Any, keys: tuple[str, ...], what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise JourneyError(keys, f"{what} must be a list of regular expressions")
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as error:
            raise JourneyError(
                keys, f"{what}: '{pattern}' is not a valid regular expression ({error})"
            ) from error
    return tuple(value)
