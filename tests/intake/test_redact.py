"""Redaction of personal data, table-driven and on every realistic sample."""

from __future__ import annotations

import pytest

from a11y_audit.intake.message import parse_message
from a11y_audit.intake.redact import Redactor
from tests.intake.support import PII, leaks, sample


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("mail me at anna.k+shop@mail.example please", "anna.k+shop@mail.example", "mail me at"),
        ("call +44 7700 900123", "7700 900123", "call"),
        ("call 020 7946 0958", "7946 0958", "call"),
        ("appelez le 06 12 34 56 78", "06 12 34 56 78", "appelez"),
        ("llame al +34 612 345 678", "612 345 678", "llame"),
        ("call (415) 555-0132", "555-0132", "call"),
        ("card 4111 1111 1111 1111 declined", "4111 1111 1111 1111", "declined"),
        ("card 4111-1111-1111-1111", "4111-1111-1111-1111", "card"),
        ("I live at 221B Baker Street, London", "Baker Street", "London"),
        ("10 Downing St", "Downing", ""),
        ("12 rue de la Paix, 75002 Paris", "rue de la Paix", "Paris"),
        ("Calle Mayor 5, 28013 Madrid", "Calle Mayor", "Madrid"),
        ("postcode NW1 6XE", "NW1 6XE", "postcode"),
        ("ZIP 20500-0003", "20500", "ZIP"),
        ("Hi Anna,\nthe menu", "Anna", "the menu"),
        ("Bonjour Marie,\nle menu", "Marie", "le menu"),
        ("Hola José,\nel menú", "José", "el menú"),
        ("Best regards,\nJohn Smith\n", "John Smith", "Best regards"),
        ("Cordialement, Jean-Luc Picard", "Picard", "Cordialement"),
        ("Saludos,\nJosé García\n+34 600 000 000", "García", "Saludos"),
    ],
)
def test_redacts(text: str, gone: str, kept: str) -> None:
    redacted = Redactor()(text)
    assert gone not in redacted and kept in redacted


@pytest.mark.parametrize(
    "text",
    [
        "NVDA 2024.1 on Windows 11, Chrome 131",
        "at 200% zoom the size guide is cut off",
        "http://127.0.0.1:41235/products/linen-shirt",
        "Hi, the menu is broken",
    ],
)
def test_leaves_ordinary_words_numbers_and_urls(text: str) -> None:
    assert Redactor()(text) == text


def test_names_and_addresses_from_headers_are_removed_everywhere() -> None:
    redactor = Redactor(people=("Anna Kowalska", "anna.k@mail.example", "Fern & Field Support"))
    text = "Anna here. KOWALSKA family. Support team said hi. Anna Kowalska"
    assert redactor(text) == "[name] here. [name] family. Support team said hi. [name]"


def test_only_luhn_valid_digit_runs_are_card_numbers() -> None:
    assert "[card number]" not in Redactor()("1234 5678 9012 3456")
    assert Redactor()("5555 5555 5555 4444") == "[card number]"


def test_order_numbers_only_when_configured() -> None:
    assert Redactor()("order FF-482913") == "order FF-482913"
    assert Redactor(order=r"FF-\d{6}")("order FF-482913") == "order [order number]"


def test_urls_are_shown_without_query_and_visited_without_personal_data() -> None:
    redactor = Redactor(people=("Anna Kowalska",))
    assert redactor.url("https://shop.example/a?ref=mail#top") == "https://shop.example/a"
    assert redactor.url("https://user:pw@shop.example/u/a@b.example") == "https://shop.example/[redacted]"
    assert redactor.url("http://[::1") == "[unreadable URL]"
    assert redactor("see https://shop.example/a?session=abc.") == "see https://shop.example/a."
    assert redactor.visitable("https://shop.example/a?ref=mail") == "https://shop.example/a?ref=mail"
    assert redactor.visitable("https://shop.example/a?to=a%40b.example") == "https://shop.example/a"
    assert redactor.visitable("https://shop.example/a?tel=%2B44+7700+900123") == "https://shop.example/a"
    assert redactor.visitable("https://shop.example/a?who=Anna") == "https://shop.example/a"
    assert redactor.visitable("https://shop.example/users/anna@b.example") is None


@pytest.mark.parametrize("name", sorted(PII))
def test_no_sample_personal_data_survives(name: str) -> None:
    complaint = parse_message(sample(name))
    redactor = Redactor(people=complaint.people, order=r"FF-\d{6}")
    everything = "\n".join(
        [redactor(complaint.text), redactor(complaint.subject), *map(redactor.url, complaint.links)]
    )
    assert leaks(everything, name) == []
