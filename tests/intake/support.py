"""Sample complaints (tests/intake/samples/*.eml) and the personal data each one holds: every
value listed here must be absent from everything intake prints or writes."""

from __future__ import annotations

import re
from pathlib import Path

SAMPLES = Path(__file__).parent / "samples"
DEMO_ORIGIN = "http://127.0.0.1:8000"

PII: dict[str, tuple[str, ...]] = {
    "multipart-keyboard.eml": (
        "Anna",
        "Kowalska",
        "anna.kowalska@mailbox.example",
        "7700 900123",
        "4111 1111 1111 1111",
        "FF-482913",
        "Sam",
    ),
    "forwarded-twice.eml": (
        "Priya",
        "Natarajan",
        "priya.natarajan@fernandfield.example",
        "Tom Becker",
        "tom.becker",
        "Oliver",
        "Grant",
        "oliver.grant@post.example",
        "221B Baker Street",
        "NW1 6XE",
        "020 7946 0958",
    ),
    "html-only-zoom.eml": (
        "Margaret",
        "O'Neill",
        "m.oneill@webmail.example",
        "555-0132",
        "1600 Pennsylvania Avenue",
        "20500",
    ),
    "french-nvda.eml": (
        "Marie",
        "Dupont",
        "marie.dupont@courriel.example",
        "Sophie",
        "+33 6 12 34 56 78",
        "12 rue de la Paix",
        "75002",
    ),
    "spanish-sign-in.eml": (
        "José",
        "García",
        "jose.garcia@correo.example",
        "+34 612 345 678",
        "Calle Mayor",
        "28013",
    ),
    "no-url-checkout.eml": ("Sam Okafor", "Okafor", "sam.okafor@inbox.example"),
    "other-site.eml": ("Lee Chang", "lee.chang@inbox.example", "session=abc"),
    "known-defect.eml": ("Ben", "Adeyemi", "ben.adeyemi@inbox.example", "07700 900456"),
    "javascript-link.eml": ("Rita", "Moreno", "rita.moreno@inbox.example"),
    "private-addresses.eml": ("nobody@inbox.example",),
}


def sample(name: str, origin: str = DEMO_ORIGIN) -> bytes:
    """The sample's bytes, its demo links pointed at `origin` (a test server's random port)."""
    return (SAMPLES / name).read_bytes().replace(DEMO_ORIGIN.encode(), origin.encode())


def leaks(text: str, name: str) -> list[str]:
    """The sample's personal data found in text (case-insensitive, whole words: "Sam" is not "same")."""
    return [
        value for value in PII[name] if re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text, re.IGNORECASE)
    ]
