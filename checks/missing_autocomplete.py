"""Form fields that collect the user's own data without saying so in `autocomplete`.

WCAG 1.3.5 asks that a field collecting information about the user, for one of the
purposes listed in WCAG's "Input Purposes for User Interface Components", identifies that
purpose programmatically: in HTML, with the matching autocomplete token. Browsers then
fill it in and assistive tools can show familiar icons.
https://www.w3.org/WAI/WCAG21/Understanding/identify-input-purpose.html

Precision first: a field is judged only when its type, label, placeholder, name or id
clearly names one of those purposes (in English, German, French, Spanish or Dutch), and
fields about something else (search, quantity, coupon, a gift recipient) are left alone.
A structured name's last part is the field ("shippingAddress.full_name" collects a name; the
"address" before it names the group), and a specific purpose ("full name", "first name")
wins over the generic words of an address.
Whether a field asks for the user's *own* data is a judgement about its context, so a
missing token fails only where the form shows it collects the user's data: a password
field (sign-in, registration, account), payment card fields (the payer's), or other fields
whose purposes the author already identified with autocomplete tokens, or a form asking for
two kinds of personal data. A lone "Username" box with nothing around it is needs review.

The advice names the token the field needs: `new-password` on registration and
change-password forms (a new password, or a password with its confirmation), and
`address-line1`..`address-line3` where the address is split over several lines
(`street-address` is the whole address in one field).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

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
    advice: str = ""
    """What to add, when it is more than `autocomplete="<token>"`."""

    def add(self) -> str:
        return self.advice or f'autocomplete="{self.token}"'


def _purpose(token: str, words: str, also: tuple[str, ...] = ()) -> Purpose:
    return Purpose(token, frozenset((token, *also)), re.compile(rf"\b(?:{words})\b"))


def _nth_line(ordinals: str) -> str:
    """Words of one line of a split address: "Second line of address", "2nd address line"."""
    return rf"(?:{ordinals}) (?:address )?line"


_NAME_PARTS = ("given-name", "family-name", "additional-name", "nickname")
"""Tokens that also serve a field asking for a person's name."""

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
    # A full name before the address words: "shippingAddress.full_name" is the name of the
    # person at that address, not a line of it.
    _purpose(
        "name",
        r"full ?name|your name|complete name|vollst[äa]ndiger name|nom complet|nombre completo|"
        r"volledige naam",
        _NAME_PARTS,
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
    _purpose("address-line3", "address line 3|address 3|address3|adresszeile 3|" + _nth_line("third|3rd")),
    _purpose(
        "address-line2",
        r"address line 2|address 2|address2|apartment|apt|suite|adresszusatz|adresszeile 2|"
        r"compl[ée]ment d adresse|toevoeging|" + _nth_line("second|2nd"),
    ),
    _purpose("address-line1", "address line 1|address 1|address1|adresszeile 1|" + _nth_line("first|1st")),
    _purpose(
        "street-address",
        r"address|street|stra(?:ss|ß)e|hausnummer|adresse|rue|direcci[óo]n|calle|straat|adres",
    ),
    _purpose(
        "name",
        r"name|nom|nombre|naam",
        _NAME_PARTS,
    ),
)
_NEVER = re.compile("$^")
_CURRENT_PASSWORD = Purpose("current-password", frozenset({"current-password"}), _NEVER)
_NEW_PASSWORD = Purpose("new-password", frozenset({"new-password"}), _NEVER)
_SOME_PASSWORD = Purpose(
    "current-password",
    frozenset({"current-password", "new-password"}),
    _NEVER,
    'autocomplete="current-password" (signing in) or "new-password" (registering or changing it)',
)
_NEW_WORDS = re.compile(
    r"\b(?:new|confirm|confirmation|repeat|retype|re enter|create|choose|neu|neues|wiederholen|"
    r"best[äa]tigen|nouveau|confirmer|nueva|nuevo|confirmar|repetir|nieuw|herhaal|bevestig)\b"
)
_CURRENT_WORDS = re.compile(
    r"\b(?:current|old|existing|aktuell|aktuelles|alt|altes|actuel|ancien|actual|huidig)\b"
)
# What a form's buttons, legend and headings say it is for.
_REGISTRATION = re.compile(
    r"\b(?:register|registration|sign up|create (?:an |your |my )?account|registrieren|registrierung|"
    r"konto erstellen|s inscrire|inscription|cr[ée]er (?:un |mon )?compte|registrarse|registro|"
    r"crear (?:una |mi )?cuenta|registreren|account aanmaken)\b"
)
_SIGN_IN = re.compile(
    r"\b(?:sign in|log in|login|anmelden|einloggen|se connecter|connexion|iniciar sesi[óo]n|inloggen)\b"
)
_FORM_PURPOSE = ".//legend | .//h1 | .//h2 | .//h3 | .//h4 | .//button | .//*[@role='button']"
_SEPARATE_LINES = re.compile(
    r"\b(?:address line [23]|address [23]|address[23]|apartment|apt|suite|adresszusatz|"
    r"(?:second|2nd|third|3rd) line(?: of (?:the )?(?:street )?address)?)\b"
)

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
    token for purpose in (*PURPOSES, _SOME_PASSWORD) for token in purpose.accepted
) | frozenset({"honorific-prefix", "honorific-suffix", "one-time-code", "organization-title",
               "address-level1", "address-level4", "cc-type", "transaction-currency",
               "transaction-amount", "language", "sex", "url", "photo", "impp",
               "tel-country-code", "tel-area-code", "tel-local-prefix", "tel-local-suffix",
               "tel-extension"})  # fmt: skip
_GROUPS = re.compile(r"[.\[\]]+")
"""Separators of a structured field name: "group.field", "group[field]"."""
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
            '"shipping address-line1", "cc-number", "new-password"...); never autocomplete="off" '
            "on them."
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
            if not collects_users_data(element, purpose):
                return cant_tell(
                    f'field looks like "{purpose.token}" but has {shown}, and nothing around it shows '
                    f"whose data it asks for: if it is the user's own, add {purpose.add()}"
                )
            return failed(f'field collects "{purpose.token}" but has {shown}: add {purpose.add()}')
        if token in purpose.accepted:
            return passed()
        return cant_tell(
            f'field looks like "{purpose.token}" (from its label, name, type or form) but autocomplete '
            f'says "{token}": check which is right ({purpose.add()})'
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
    legends = [_words(text_of(legend)) for legend in field.xpath("ancestor::fieldset/legend")]
    groups = [_words(field.get(name) or "") for name in ("name", "id")]  # "giftRecipient.email"
    if any(_NOT_ABOUT_THE_USER.search(text) for text in texts + legends + groups):
        return None
    kind = (field.get("type") or "").lower()
    if kind == "password":
        return _password_purpose(field, texts)
    if kind in _TYPE_PURPOSE:
        return next(p for p in PURPOSES if p.token == _TYPE_PURPOSE[kind])
    purpose = next((p for p in PURPOSES if any(p.words.search(text) for text in texts)), None)
    if purpose is not None and purpose.token == "street-address":
        return _address_purpose(field)
    return purpose


def _password_purpose(field: HtmlElement, texts: list[str]) -> Purpose:
    """new-password where a password is being chosen, current-password where it is typed to sign in.

    A password to choose is named so ("new", "confirm"), comes with its confirmation (two or
    more password fields, none of them the current one), or is in a registration form.
    """
    if any(_CURRENT_WORDS.search(text) for text in texts):
        return _CURRENT_PASSWORD
    if any(_NEW_WORDS.search(text) for text in texts):
        return _NEW_PASSWORD
    form = _form_of(field)
    if form is None:
        return _SOME_PASSWORD
    passwords = [other for other in form.xpath(".//input[@type='password']") if not is_hidden(other)]
    if len(passwords) > 1 and not any(
        _CURRENT_WORDS.search(_words(text)) for other in passwords for text in _texts(other)
    ):
        return _NEW_PASSWORD
    purpose = _words(
        " ".join(text_of(part) for part in form.xpath(_FORM_PURPOSE) if isinstance(part.tag, str))
    )
    purpose += " " + _words(" ".join(str(value) for value in form.xpath(".//input[@type='submit']/@value")))
    if _REGISTRATION.search(purpose) and not _SIGN_IN.search(purpose):
        return _NEW_PASSWORD
    if _SIGN_IN.search(purpose) and not _REGISTRATION.search(purpose):
        return _CURRENT_PASSWORD
    return _SOME_PASSWORD


def _address_purpose(field: HtmlElement) -> Purpose:
    """A field for "the address": its first line where the form splits the address into lines.

    street-address is the whole address, newlines included, so it fits a textarea or a lone
    address field; beside an "address line 2" or "apartment" field it is the first line.
    """
    words = PURPOSES[[p.token for p in PURPOSES].index("street-address")].words
    if field.tag == "textarea":
        return Purpose("street-address", frozenset({"street-address"}), words)
    scope = _form_of(field)
    others = (scope if scope is not None else field.getroottree().getroot()).xpath(".//input | .//textarea")
    split = any(
        _SEPARATE_LINES.search(_words(text)) or "address-line2" in (other.get("autocomplete") or "").lower()
        for other in others
        if other is not field
        for text in _texts(other)
    )
    if split:
        return Purpose("address-line1", frozenset({"address-line1"}), words)
    return Purpose(
        "street-address",
        frozenset({"street-address", "address-line1"}),
        words,
        'autocomplete="street-address" (or "address-line1" if another field takes a second line)',
    )


def collects_users_data(field: HtmlElement, purpose: Purpose) -> bool:
    """Whether the field's context shows that it asks for the user's own data (WCAG 1.3.5 scope).

    A password or payment card is the user's own; so are the fields of a form that has a
    password field (sign-in, registration, account), whose other fields already identify
    their purposes with autocomplete tokens (the author treats the form as the user's data),
    or that asks for another kind of personal data too (name and email, address and
    postcode: a form for someone's details that marks none of them as someone else's).
    """
    if purpose.token.endswith("password") or purpose.token.startswith("cc-"):
        return True
    form = _form_of(field)
    scope = form if form is not None else field.getroottree().getroot()
    for other in scope.xpath(".//input | .//select | .//textarea"):
        if other is field or other.get("disabled") is not None or is_hidden(other):
            continue
        if form is None and _form_of(other) is not None:
            continue  # a field outside forms is submitted (if at all) with the others outside forms
        if (other.get("type") or "").lower() == "password":
            return True
        if field_token(normalise_space(other.get("autocomplete") or "").lower()) is not None:
            return True
        if _judged(other) and (purpose_of(other) or purpose).token != purpose.token:
            return True
    return False


def _form_of(field: HtmlElement) -> HtmlElement | None:
    """The field's form owner: the form its form attribute names, else the form around it."""
    owner = field.get("form")
    if owner:
        found = field.getroottree().getroot().xpath("//form[@id=$owner]", owner=owner)
        if found:
            return cast(HtmlElement, found[0])
    return next(field.iterancestors("form"), None)


def _texts(field: HtmlElement) -> list[str]:
    """What names the field: its labels, aria-label(ledby), placeholder, name and id."""
    root = field.getroottree().getroot()
    texts = [text_of(label) for label in field.iterancestors("label")]
    ident = field.get("id")
    if ident:
        texts += [text_of(label) for label in root.xpath("//label[@for=$ident]", ident=ident)]
    for ref in (field.get("aria-labelledby") or "").split():
        texts += [text_of(node) for node in root.xpath("//*[@id=$ref]", ref=ref)]
    texts += [field.get(name) or "" for name in ("aria-label", "placeholder", "title")]
    texts += [_leaf(field.get(name) or "") for name in ("name", "id")]
    return [text for text in texts if text.strip()]


def _leaf(identifier: str) -> str:
    """The field's own part of a structured name or id ("shippingAddress.full_name" ->
    "full_name", "billing[address][city]" -> "city") when that part names a purpose by itself;
    the earlier parts name the group ("shipping address"), not what the field collects.
    The whole identifier otherwise ("address[line1]": "line1" alone names nothing)."""
    parts = [part for part in _GROUPS.split(identifier) if part]
    if len(parts) > 1 and any(purpose.words.search(_words(parts[-1])) for purpose in PURPOSES):
        return parts[-1]
    return identifier


def _words(text: str) -> str:
    """Lower-case words: "billing[firstName]" -> "billing first name"."""
    return normalise_space(_SEPARATORS.sub(" ", _CAMEL.sub(" ", text)).lower())
