"""Form fields that collect the user's own data without saying so in `autocomplete`.

WCAG 1.3.5 asks that a field collecting information about the user, for one of the
purposes listed in WCAG's "Input Purposes for User Interface Components", identifies that
purpose programmatically: in HTML, with the matching autocomplete token. Browsers then
fill it in and assistive tools can show familiar icons.
https://www.w3.org/WAI/WCAG21/Understanding/identify-input-purpose.html

Precision first: a field is judged only when its type, label, placeholder, name or id
clearly names one of those purposes (in English, German, French, Spanish or Dutch), and
fields about something else (search, quantity, coupon, a gift recipient) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml.html import HtmlElement

from a11y_audit.check import CheckMeta, Page, PageCheck, Verdict, cant_tell, failed, passed
from a11y_audit.judge.dom import is_hidden, normalise_space, text_of
from a11y_audit.model import Impact


@dataclass(frozen=True, slots=True)
class Purpose:
    """One input purpose: the token to use, the tokens that also serve, and its words."""

    token: str
    accepted: frozenset[str]
    words: re.Pattern[str]


def _purpose(token: str, words: str, also: tuple[str, ...] = ()) -> Purpose:
    return Purpose(token, frozenset((token, *also)), re.compile(rf"\b(?:{words})\b"))


# Most specific first: "name on card" is cc-name before it is name, "email address" is
# email before it is an address, "first name" is given-name before name.
PURPOSES: tuple[Purpose, ...] = (
    _purpose(
        "cc-name",
        r"name on (?:the )?card|card ?holder|cc name|karteninhaber|titulaire de la carte|"
        r"titular",
        ("cc-given-name", "cc-family-name"),
    ),
    _purpose(
        "cc-number",
        r"card ?number|cc number|credit card|kartennummer|num[ée]ro de carte|"
        r"n[úu]mero de tarjeta|kaartnummer",
    ),
    _purpose(
        "cc-exp",
        r"expiry|expiration|exp date|mm ?yy|valid thru|ablaufdatum|g[üu]ltig bis|"
        r"date d expiration|vencimiento|caducidad|vervaldatum",
        ("cc-exp-month", "cc-exp-year"),
    ),
    _purpose(
        "cc-csc",
        r"cvc|cvv|csc|security code|card verification|pr[üu]fnummer|sicherheitscode|"
        r"cryptogramme|c[óo]digo de seguridad|beveiligingscode",
    ),
    _purpose(
        "username",
        r"user ?name|login|benutzername|identifiant|nombre de usuario|usuario|"
        r"gebruikersnaam",
        ("email",),
    ),
    _purpose(
        "given-name",
        r"first ?name|given ?name|fname|forename|vorname|pr[ée]nom|nombre de pila|"
        r"voornaam",
    ),
    _purpose(
        "family-name",
        r"last ?name|family ?name|surname|lname|nachname|familienname|nom de famille|"
        r"apellidos?|achternaam",
    ),
    _purpose(
        "organization",
        r"company|organi[sz]ation|firma|unternehmen|soci[ée]t[ée]|entreprise|empresa|"
        r"bedrijf",
    ),
    _purpose(
        "email",
        r"e ?mail|email address|courriel|correo(?: electr[óo]nico)?",
        ("username",),
    ),
    _purpose(
        "tel",
        r"phone|telephone|tel|mobile|telefon|telefonnummer|handy|t[ée]l[ée]phone|"
        r"portable|tel[ée]fono|m[óo]vil|telefoon|mobiel",
        ("tel-national", "tel-local"),
    ),
    _purpose(
        "bday",
        r"birthday|date of birth|birth ?date|dob|geburtsdatum|geburtstag|"
        r"date de naissance|fecha de nacimiento|geboortedatum",
        ("bday-day", "bday-month", "bday-year"),
    ),
    _purpose(
        "postal-code",
        r"post ?code|postal code|zip|zip ?code|postleitzahl|plz|code postal|"
        r"c[óo]digo postal",
    ),
    _purpose(
        "address-level2",
        r"city|town|ort|stadt|wohnort|ville|ciudad|localidad|plaats|woonplaats",
        ("address-level3",),
    ),
    _purpose(
        "country",
        r"country|land|pays|pa[íi]s",
        ("country-name",),
    ),
    _purpose(
        "address-line2",
        r"address line 2|address 2|address2|apartment|apt|suite|adresszusatz|"
        r"compl[ée]ment d adresse|toevoeging",
        ("address-line3", "street-address"),
    ),
    _purpose(
        "street-address",
        r"address(?: line 1)?|address1|street|stra(?:ss|ß)e|hausnummer|adresse|rue|"
        r"direcci[óo]n|calle|straat|adres",
        ("address-line1", "address-line2"),
    ),
    _purpose(
        "name",
        r"full ?name|your name|name|nom|nombre|naam",
        ("given-name", "family-name", "additional-name", "nickname"),
    ),
)
_NEW_PASSWORD = re.compile(r"\b(?:new|confirm|repeat|create|choose|neu|nouveau|nueva|nieuw)\b")
_PASSWORD = Purpose("current-password", frozenset({"current-password", "new-password"}), re.compile("$^"))

# Fields about something other than the user (WCAG: "information about the user"), or
# not personal at all. Matched in any of the field's texts.
_NOT_ABOUT_THE_USER = re.compile(
    r"\b(?:search|suche|recherche|buscar|zoeken|query|coupon|voucher|promo|discount|gift|"
    r"gutschein|rabatt|cup[óo]n|korting|qty|quantity|menge|anzahl|quantit[ée]|cantidad|aantal|"
    r"captcha|comment|message|nachricht|recipient|friend|empf[äa]nger|destinataire)\b"
)
_UNJUDGED_TYPES = frozenset(
    {"search", "hidden", "submit", "button", "reset", "checkbox", "radio", "file", "range", "color", "image"}
)
_TYPE_PURPOSE = {"email": "email", "tel": "tel"}
# Words in the autocomplete attribute that are not the field name (HTML "autofill detail tokens").
_MODIFIERS = frozenset({"shipping", "billing", "home", "work", "mobile", "fax", "pager", "webauthn"})
FIELD_TOKENS = frozenset(
    token for purpose in (*PURPOSES, _PASSWORD) for token in purpose.accepted
) | frozenset({"honorific-prefix", "honorific-suffix", "one-time-code", "organization-title",
               "address-level1", "address-level4", "cc-type", "transaction-currency",
               "transaction-amount", "language", "sex", "url", "photo", "impp",
               "tel-country-code", "tel-area-code", "tel-local-prefix", "tel-local-suffix",
               "tel-extension"})  # fmt: skip
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SEPARATORS = re.compile(r"[\W_]+")


class MissingAutocomplete(PageCheck):
    meta = CheckMeta(
        id="missing-autocomplete",
        title="Personal-data fields identify their purpose",
        failure_title="Personal-data field lacks the matching autocomplete token",
        description=(
            "People with motor, memory or cognitive impairments rely on the browser to fill in "
            "their name, address, email and card details, and some assistive tools show icons for "
            "familiar fields; both need the field's purpose in markup. Add the autocomplete token "
            'for the purpose (autocomplete="email", "given-name", "postal-code", '
            '"shipping street-address", "cc-number"...); never autocomplete="off" on them.'
        ),
        wcag=("1.3.5",),
        impact=Impact.SERIOUS,
    )

    def applicable(self, page: Page) -> Iterable[HtmlElement]:
        return [
            field
            for field in page.elements("//input | //select | //textarea")
            if _judged(field) and purpose_of(field) is not None
        ]

    def expect(self, element: HtmlElement, page: Page) -> Verdict:
        purpose = purpose_of(element)
        assert purpose is not None  # applicable() keeps only fields with a purpose
        value = normalise_space(element.get("autocomplete") or "").lower()
        token = field_token(value)
        if token is None:
            shown = f'autocomplete="{value}"' if value else "no autocomplete attribute"
            return failed(
                f'field collects "{purpose.token}" but has {shown}: add autocomplete="{purpose.token}"'
            )
        if token in purpose.accepted:
            return passed()
        return cant_tell(
            f'field looks like "{purpose.token}" (from its label, name or type) but autocomplete '
            f'says "{token}": check which is right'
        )


def _judged(field: HtmlElement) -> bool:
    if field.tag == "input" and (field.get("type") or "text").lower() in _UNJUDGED_TYPES:
        return False
    if field.get("disabled") is not None or is_hidden(field):
        return False
    value = normalise_space(field.get("autocomplete") or "").lower()
    # A value that is neither a field name nor on/off is invalid: axe's autocomplete-valid reports it.
    return value in ("", "on", "off") or field_token(value) is not None


def field_token(value: str) -> str | None:
    """The field name in an autocomplete value ("section-a shipping postal-code" -> postal-code)."""
    words = [word for word in value.split() if not word.startswith("section-") and word not in _MODIFIERS]
    return words[-1] if words and words[-1] in FIELD_TOKENS else None


def purpose_of(field: HtmlElement) -> Purpose | None:
    """The input purpose a field's texts name, or None when unclear or not about the user."""
    texts = [_words(text) for text in _texts(field)]
    if any(_NOT_ABOUT_THE_USER.search(text) for text in texts):
        return None
    kind = (field.get("type") or "").lower()
    if kind == "password":
        new = any(
            re.search(r"\b(new|confirm|repeat|create|choose|neu|nouveau|nueva|nieuw)\b", t) for t in texts
        )
        return Purpose("new-password", _PASSWORD.accepted, _PASSWORD.words) if new else _PASSWORD
    if kind in _TYPE_PURPOSE:
        return next(p for p in PURPOSES if p.token == _TYPE_PURPOSE[kind])
    for purpose in PURPOSES:
        if any(purpose.words.search(text) for text in texts):
            return purpose
    return None


def _texts(field: HtmlElement) -> list[str]:
    """What names the field: its labels, aria-label(ledby), placeholder, name and id."""
    root = field.getroottree().getroot()
    texts = [text_of(label) for label in field.iterancestors("label")]
    ident = field.get("id")
    if ident:
        texts += [text_of(label) for label in root.xpath("//label[@for=$ident]", ident=ident)]
    for ref in (field.get("aria-labelledby") or "").split():
        texts += [text_of(node) for node in root.xpath("//*[@id=$ref]", ref=ref)]
    texts += [field.get(name) or "" for name in ("aria-label", "placeholder", "title", "name", "id")]
    return [text for text in texts if text.strip()]


def _words(text: str) -> str:
    """Lower-case words: "billing[firstName]" -> "billing first name"."""
    return normalise_space(_SEPARATORS.sub(" ", _CAMEL.sub(" ", text)).lower())
