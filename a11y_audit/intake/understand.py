"""What the complaint is about: URLs, the assistive technology or method, the flow, the
component, and whether the customer is blocked. Table-driven, English/French/Spanish.

Words are matched on text folded to lower case without accents ("sesión" == "sesion"), on word
boundaries, so "orca" is the screen reader only as a word and "payer" never matches "taxpayer".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["COMPONENTS", "FLOWS", "METHODS", "Understanding", "find_urls", "fold", "understand"]


@dataclass(frozen=True, slots=True)
class Method:
    id: str
    label: str  # plain words for the reply and the ticket
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Component:
    id: str
    label: str
    words: tuple[str, ...]  # what customers say
    terms: tuple[str, ...]  # what findings contain (rule ids, titles, selectors, snippets)


METHODS: tuple[Method, ...] = (
    Method(
        "screen-reader",
        "a screen reader",
        (
            "screen reader",
            "screenreader",
            "screen-reader",
            "jaws",
            "nvda",
            "voiceover",
            "voice over",
            "talkback",
            "narrator",
            "orca",
            "lecteur d'ecran",
            "lecteur d ecran",
            "lecteur ecran",
            "lector de pantalla",
            "lectores de pantalla",
            "narrateur",
            "narrador",
        ),
    ),
    Method(
        "keyboard",
        "the keyboard only",
        (
            "keyboard",
            "tab key",
            "tabbing",
            "tab through",
            "without a mouse",
            "no mouse",
            "clavier",
            "touche tab",
            "sans souris",
            "teclado",
            "tecla tab",
            "sin raton",
        ),
    ),
    Method(
        "zoom",
        "screen magnification or zoom",
        (
            "zoom",
            "zoomed",
            "zooming",
            "magnifier",
            "magnification",
            "zoomtext",
            "enlarge",
            "larger text",
            "text size",
            "loupe",
            "agrandir",
            "agrandissement",
            "grossissement",
            "lupa",
            "ampliador",
            "ampliar",
            "magnificador",
        ),
    ),
    Method(
        "voice-control",
        "voice control",
        (
            "voice control",
            "voice access",
            "dragon",
            "speech recognition",
            "voice command",
            "commande vocale",
            "controle vocal",
            "reconnaissance vocale",
            "control por voz",
            "reconocimiento de voz",
            "comandos de voz",
        ),
    ),
    Method(
        "high-contrast",
        "high contrast or forced colours",
        (
            "high contrast",
            "forced colors",
            "forced colours",
            "contrast mode",
            "contrast theme",
            "contraste eleve",
            "contraste eleve",
            "couleurs forcees",
            "alto contraste",
            "colores forzados",
        ),
    ),
    Method(
        "switch-access",
        "switch access",
        (
            "switch access",
            "switch control",
            "switch device",
            "acces par contacteur",
            "contacteur",
            "acceso con interruptores",
            "acceso por interruptor",
            "control por botones",
        ),
    ),
)

# Flow names are those of a11y_audit.judge.priority's DEFAULT_FLOWS (and of [intake] flow_pages).
FLOWS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "checkout",
        (
            "checkout",
            "check out",
            "pay",
            "paying",
            "payment",
            "place order",
            "place my order",
            "payer",
            "paiement",
            "commander",
            "passer commande",
            "pagar",
            "pago",
            "finalizar compra",
            "tramitar pedido",
        ),
    ),
    ("cart", ("cart", "basket", "shopping bag", "my bag", "panier", "carrito", "cesta")),
    (
        "sign-in",
        (
            "sign in",
            "signin",
            "log in",
            "login",
            "log on",
            "my account",
            "password",
            "connexion",
            "se connecter",
            "mot de passe",
            "mon compte",
            "iniciar sesion",
            "inicio de sesion",
            "contrasena",
            "mi cuenta",
            "acceder",
        ),
    ),
    ("search", ("search", "recherche", "rechercher", "buscar", "busqueda", "buscador")),
)

COMPONENTS: tuple[Component, ...] = (
    Component(
        "swatches",
        "the size and colour options",
        (
            "size buttons",
            "size button",
            "size options",
            "sizes",
            "choose a size",
            "pick a size",
            "select a size",
            "colour swatches",
            "color swatches",
            "swatches",
            "swatch",
            "colour options",
            "color options",
            "boutons de taille",
            "tailles",
            "taille",
            "choisir une taille",
            "couleurs",
            "botones de talla",
            "tallas",
            "talla",
            "elegir una talla",
            "colores",
        ),
        ("swatch", "size", "colour", "color"),
    ),
    Component(
        "chat",
        "the chat",
        (
            "chat",
            "live chat",
            "chatbot",
            "support chat",
            "messenger",
            "tchat",
            "chat en direct",
            "chat en vivo",
        ),
        ("chat", "messenger", "intercom", "zendesk"),
    ),
    Component(
        "menu",
        "the menu",
        (
            "menu",
            "navigation",
            "nav bar",
            "navbar",
            "main menu",
            "menu principal",
            "menú",
            "barre de navigation",
        ),
        ("menu", "nav"),
    ),
    Component(
        "cookie-banner",
        "the cookie banner",
        ("cookie", "cookies", "consent", "banner", "bandeau", "banniere", "aviso de cookies"),
        ("cookie", "consent"),
    ),
    Component(
        "dialog",
        "a pop-up",
        (
            "popup",
            "pop-up",
            "pop up",
            "modal",
            "dialog",
            "overlay",
            "size guide",
            "fenetre",
            "ventana emergente",
        ),
        ("dialog", "modal", "overlay", "size-guide"),
    ),
    Component(
        "carousel",
        "the carousel",
        ("carousel", "slider", "slideshow", "carrousel", "diaporama", "carrusel"),
        ("carousel", "slider", "slide"),
    ),
    Component(
        "form",
        "a form",
        (
            "form",
            "form field",
            "text field",
            "input field",
            "input",
            "formulaire",
            "champ",
            "champs",
            "formulario",
            "campo",
            "campos",
        ),
        ("input", "label", "form", "autocomplete", "select"),
    ),
    Component(
        "images",
        "images",
        ("image", "images", "picture", "photo", "photos", "imagen", "imagenes", "fotos"),
        ("image", "img", "alt"),
    ),
    Component(
        "add-to-cart",
        "the add-to-bag button",
        (
            "add to cart",
            "add to bag",
            "add to basket",
            "ajouter au panier",
            "anadir al carrito",
            "agregar al carrito",
        ),
        ("add-to-cart", "add-to-bag", "add_to_cart"),
    ),
    Component(
        "links",
        "links",
        ("link", "links", "lien", "liens", "enlace", "enlaces"),
        ("link", "<a "),
    ),
)

_BLOCKED = (
    "can't",
    "cant",
    "cannot",
    "can not",
    "unable",
    "impossible",
    "blocked",
    "stuck",
    "not able",
    "couldn't",
    "could not",
    "doesn't work",
    "does not work",
    "won't let",
    "no way to",
    "ne peux pas",
    "n'arrive pas",
    "narrive pas",
    "impossible de",
    "bloque",
    "ne fonctionne pas",
    "no puedo",
    "no consigo",
    "bloqueado",
    "bloqueada",
    "no funciona",
    "imposible",
)

_URL = re.compile(r"""(?i)\b(?:https?://|javascript:|data:|file:|www\.)[^\s<>"']+""")
_CLOSERS = {")": "(", "]": "[", "}": "{"}


@dataclass(frozen=True, slots=True)
class Understanding:
    urls: tuple[str, ...]
    methods: tuple[Method, ...]
    flows: tuple[str, ...]
    components: tuple[Component, ...]
    blocked: bool


def fold(text: str) -> str:
    """Lower case, accents removed, curly apostrophes straightened: how the tables are written."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'").lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _says(folded: str, words: tuple[str, ...]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(fold(word))}(?!\w)", folded) for word in words)


def find_urls(text: str) -> list[str]:
    """URLs as written (trailing punctuation dropped), www. ones given https://, in order."""
    found = []
    for match in _URL.finditer(text):
        url = _trimmed(match.group(0))
        found.append(f"https://{url}" if url.lower().startswith("www.") else url)
    return list(dict.fromkeys(found))


def _trimmed(url: str) -> str:
    """Drop sentence punctuation and closing brackets the URL did not open: '(see x.com/a).'"""
    while url:
        last = url[-1]
        if last in ".,;:!?'\"" or (last in _CLOSERS and url.count(last) > url.count(_CLOSERS[last])):
            url = url[:-1]
        else:
            return url
    return url


def understand(text: str, links: tuple[str, ...] = ()) -> Understanding:
    folded = fold(text)
    return Understanding(
        urls=tuple(dict.fromkeys([*find_urls(text), *links])),
        methods=tuple(method for method in METHODS if _says(folded, method.words)),
        flows=tuple(name for name, words in FLOWS if _says(folded, words)),
        components=tuple(component for component in COMPONENTS if _says(folded, component.words)),
        blocked=_says(folded, _BLOCKED),
    )
