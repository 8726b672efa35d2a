"""Names that certainly describe nothing: placeholders templates leave behind, and role words.

WCAG asks for text alternatives (1.1.1), headings and labels (2.4.6) and titles (2.4.2)
that describe their object, a human judgement the checks leave to a person, except where a
name cannot describe anything: a placeholder ("Untitled", "Lorem ipsum", "Your text
here"), or the name of what the element *is* rather than what it is about (an image named
"image", a heading "Heading", a field labelled "Label"). Failures F30 (text alternatives
that are not alternatives, "placeholder text") and F25/G130's counterpart for headings and
labels. Each list is in the store languages we audit (en, de, fr, es, nl); entries are
compared after `placeholder_key` (lower case, punctuation removed, spaces collapsed).

Keep the lists to words that describe nothing wherever they appear: "Title" is a fine
label (for Mr/Ms), so it is a placeholder heading but not a placeholder label; "Text" and
"Value" label real fields (an engraving's text, a gift card's value) and "Logo" may have
its owner named right next to it, so none of those is listed.
"""

from __future__ import annotations

import re

from a11y_audit.judge.dom import normalise_space

__all__ = [
    "HEADING_PLACEHOLDERS",
    "IMAGE_PLACEHOLDERS",
    "LABEL_PLACEHOLDERS",
    "PLACEHOLDERS",
    "TITLE_PLACEHOLDERS",
    "placeholder_key",
]

_PUNCTUATION = re.compile(r"[^\w\s]+")
_LOREM = re.compile(r"^lorem ipsum\b")

PLACEHOLDERS = frozenset(
    {
        "untitled", "placeholder", "no title", "sample text", "dummy text", "your text here",
        "text goes here", "insert text here", "enter text here", "add text here", "todo", "tbd",
        "platzhalter", "ohne titel", "blindtext", "sans titre", "texte ici", "sin título",
        "sin titulo", "texto de ejemplo", "naamloos", "zonder titel",
    }
)  # fmt: skip
"""Placeholders of any kind of name; each list below includes them."""

IMAGE_PLACEHOLDERS = PLACEHOLDERS | frozenset(
    {
        "image", "img", "photo", "picture", "pic", "graphic", "icon", "spacer", "blank", "alt",
        "alt text", "alttext", "image description", "description", "thumbnail", "banner",
        "insert alt text here", "product image", "bild", "foto", "grafik", "bildbeschreibung",
        "illustration", "vignette", "visuel", "imagen", "fotografía", "imagen del producto",
        "afbeelding", "plaatje", "productafbeelding",
    }
)  # fmt: skip
"""Names of an image that say there is an image, never what it shows ("spacer" and "blank"
name images that should be decorative)."""

HEADING_PLACEHOLDERS = PLACEHOLDERS | frozenset(
    {
        "heading", "headline", "title", "subtitle", "subheading", "section title",
        "section heading", "heading 1", "heading 2", "heading 3", "heading 4", "heading 5",
        "heading 6", "h1", "h2", "h3", "h4", "h5", "h6", "add a heading", "your heading here",
        "heading goes here", "überschrift", "titel", "untertitel", "titre", "sous titre",
        "título", "titulo", "subtítulo", "encabezado", "koptekst",
    }
)  # fmt: skip
"""Headings that name the element, not the topic of the content after it."""

LABEL_PLACEHOLDERS = PLACEHOLDERS | frozenset(
    {
        "label", "field", "input", "textbox", "text box", "text field", "text input",
        "input field", "form field", "field label", "label text", "type here", "feld", "eingabe",
        "eingabefeld", "beschriftung", "champ", "saisie", "étiquette", "campo", "etiqueta", "veld",
        "invoerveld",
    }
)  # fmt: skip
"""Form field labels that name the control, not what to enter in it."""

TITLE_PLACEHOLDERS = PLACEHOLDERS | frozenset(
    {
        "untitled document", "untitled page", "new page", "page", "document", "index", "default",
        "title", "welcome", "home", "homepage", "home page", "startseite", "accueil", "inicio",
        "startpagina", "react app", "vite app",
    }
)  # fmt: skip
"""Page titles CMSs and app templates leave behind; the words for "home" are a placeholder
only away from the home page (duplicate-page-title decides that)."""


def placeholder_key(text: str) -> str:
    """A name as the lists hold it: lower case, punctuation removed, spaces collapsed; any
    "Lorem ipsum ..." dummy text becomes "placeholder"."""
    key = normalise_space(_PUNCTUATION.sub(" ", text.lower()))
    return "placeholder" if _LOREM.match(key) else key
