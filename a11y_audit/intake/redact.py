"""Personal data out of everything intake writes or prints: ticket, report, stdout, logs.

Redaction is deliberately greedy (a redacted street number costs nothing; a leaked phone
number breaks the store's privacy promise). URLs are protected while the prose is redacted,
so a port or product id is not taken for a postcode, and then shown without their query and
fragment (tokens, tracking ids, a prefilled email) and without a path that holds personal data.
`visitable` keeps a query that holds none, since the page may need it.
Phone numbers are found by `phonenumbers` (Google's libphonenumber) in the regions the store
serves; card numbers by digit runs that pass the Luhn check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote_plus, urlsplit, urlunsplit

import phonenumbers

from a11y_audit.intake.understand import find_urls

__all__ = ["Redactor"]

REGIONS = ("GB", "FR", "ES", "US", "DE", "IE")
_PHONE_DIGITS = 9
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_CARD = re.compile(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'\u2019-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'\u2019-]+){0,2}"
_GREETING = re.compile(
    rf"(?im)^[ \t]*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|bonjour|bonsoir|salut|"
    rf"cher|chère|madame|monsieur|hola|buenos días|buenas tardes|buenas noches|"
    rf"estimado|estimada|querido|querida)"
    rf"[ \t,]+(?P<name>(?-i:{_NAME}))"
)
_SIGN_OFFS = (
    "best",
    "best regards",
    "best wishes",
    "kind regards",
    "warm regards",
    "regards",
    "many thanks",
    "thanks",
    "thank you",
    "thanks again",
    "cheers",
    "sincerely",
    "yours sincerely",
    "yours faithfully",
    "all the best",
    "cordialement",
    "bien cordialement",
    "bien à vous",
    "merci",
    "merci d'avance",
    "salutations",
    "sincères salutations",
    "saludos",
    "un saludo",
    "saludos cordiales",
    "atentamente",
    "gracias",
    "muchas gracias",
    "un abrazo",
)
_SIGN_OFF = re.compile(
    r"(?im)^[ \t]*(?:"
    + "|".join(re.escape(word) for word in sorted(_SIGN_OFFS, key=len, reverse=True))
    + r")[ \t]*[,.!]?[ \t]*(?P<rest>[^\n]*)(?P<after>(?:\n[ \t]*[^\n]{1,60}){0,2})"
)
_STREET_EN = re.compile(
    r"(?i)\b\d{1,5}[a-z]?,?[ \t]+(?:[\w'\u2019-]+[ \t]+){0,4}(?:street|st|road|rd|avenue|ave|lane|ln|"
    r"drive|dr|boulevard|blvd|way|close|court|ct|place|pl|square|sq|terrace|crescent|gardens|grove|hill|row|walk)\b\.?"
)
_STREET_FR = re.compile(
    r"(?i)\b\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|allee|"
    r"impasse|quai|route|cours)\b[^\n,]{0,50}"
)
_STREET_ES = re.compile(
    r"(?i)\b(?:calle|c/|avenida|avda\.?|plaza|paseo|camino|carrer|ronda|travesía)[ \t]+[^\n,]{1,50}"
    r"(?:,?[ \t]*(?:n[ºo°.]?[ \t]*)?\d{1,4}[a-z]?\b)?"
)
_POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|\d{5}(?:-\d{4})?)\b"  # UK; FR/ES/DE/US five digits, ZIP+4
)
_NOT_NAMES = {
    "support",
    "team",
    "customer",
    "customers",
    "service",
    "services",
    "shop",
    "store",
    "help",
    "desk",
    "info",
    "contact",
    "the",
    "and",
    "sales",
    "hello",
    "noreply",
    "no-reply",
    "fern",
    "field",
}
_PLACEHOLDER = "\x00{}\x00"


@dataclass(frozen=True, slots=True)
class Redactor:
    """Redacts one complaint's text; `people` are names and addresses from its headers, `order`
    the configured order-number regex."""

    people: tuple[str, ...] = ()
    order: str | None = None

    def __call__(self, text: str) -> str:
        urls: list[str] = []

        def keep(match: re.Match[str]) -> str:
            urls.append(self.url(match.group(0)))
            return _PLACEHOLDER.format(len(urls) - 1)

        protected = re.sub(
            "|".join(re.escape(url) for url in _longest_first(find_urls(text))) or r"(?!)", keep, text
        )
        redacted = self._prose(protected)
        return re.sub(r"\x00(\d+)\x00", lambda match: urls[int(match.group(1))], redacted)

    def url(self, url: str) -> str:
        """The URL as shown: no credentials, query or fragment; a path with personal data redacted."""
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError for a bad port
        except ValueError:
            return "[unreadable URL]"
        if parts.scheme.lower() not in ("http", "https"):
            return self._prose(url)[:80]
        path = "/[redacted]" if self._personal(parts.path) else parts.path
        return urlunsplit((parts.scheme, parts.netloc.rsplit("@", 1)[-1], path, "", ""))

    def visitable(self, url: str) -> str | None:
        """The URL to audit: its query and fragment unless they hold personal data; None when
        the path does (the page is the customer's own, not the store's)."""
        parts = urlsplit(url)
        if self._personal(parts.path) or "@" in parts.netloc:
            return None
        if self._personal(f"{parts.query} {parts.fragment}"):
            return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
        return url

    def _personal(self, text: str) -> bool:
        decoded = unquote_plus(text)
        return bool(_EMAIL.search(decoded)) or self._prose(
            decoded.replace("=", " ").replace("&", " ")
        ) != decoded.replace("=", " ").replace("&", " ")

    def _prose(self, text: str) -> str:
        text = _EMAIL.sub("[email]", text)
        if self.order:
            text = re.sub(self.order, "[order number]", text)
        text = _CARD.sub(_card, text)
        for pattern in (_STREET_EN, _STREET_FR, _STREET_ES):
            text = pattern.sub("[address]", text)
        text = _POSTCODE.sub("[postcode]", text)
        text = _phones(text)
        text = _GREETING.sub(lambda match: _replace_group(match, "name", "[name]"), text)
        text = _SIGN_OFF.sub(_sign_off, text)
        return self._known(text)

    def _known(self, text: str) -> str:
        """Names and addresses from the headers, whole and by part (a signature often says only
        the first name)."""
        for value in _longest_first(_name_parts(self.people)):
            text = re.sub(rf"(?i)(?<![\w@]){re.escape(value)}(?![\w@])", "[name]", text)
        return text


def _longest_first(values: Iterable[str]) -> list[str]:
    return sorted(set(values), key=len, reverse=True)


def _name_parts(people: Iterable[str]) -> set[str]:
    parts = set()
    for person in people:
        person = person.strip()
        if "@" in person:
            parts.add(person)
            continue
        words = [
            word for word in re.split(r"[\s,]+", person) if len(word) > 2 and word.lower() not in _NOT_NAMES
        ]
        parts.update(words)
        if len(words) > 1:
            parts.add(person)
    return parts


def _luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _card(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    return "[card number]" if 13 <= len(digits) <= 19 and _luhn(digits) else match.group(0)


def _phones(text: str) -> str:
    spans: list[tuple[int, int]] = []
    for region in REGIONS:
        for found in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE):
            # POSSIBLE also takes numbers of unallocated ranges; short runs are dates and versions.
            if sum(char.isdigit() for char in found.raw_string) >= _PHONE_DIGITS:
                spans.append((found.start, found.end))
    for start, end in sorted(_merged(spans), reverse=True):
        text = text[:start] + "[phone]" + text[end:]
    return text


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _replace_group(match: re.Match[str], group: str, token: str) -> str:
    start, end = match.span(group)
    whole = match.group(0)
    offset = match.start()
    return whole[: start - offset] + token + whole[end - offset :]


def _sign_off(match: re.Match[str]) -> str:
    """'Best regards,\\nJohn Smith\\n+44...' -> the sign-off kept, the name lines redacted."""
    whole = match.group(0)
    cut = match.start("rest") - match.start()
    lines = [line for line in match.group("after").split("\n") if line.strip()]
    rest = " [name]" if match.group("rest").strip() else ""
    return whole[:cut].rstrip() + rest + "".join("\n[name]" for _ in lines)
