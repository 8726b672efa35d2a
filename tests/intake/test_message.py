"""Parsing complaints: every sample shape, limits, injection and broken encodings."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from a11y_audit.errors import UsageError
from a11y_audit.intake.message import MAX_DEPTH, MAX_RAW_BYTES, from_text, html_text, parse_message
from tests.intake.support import sample


def test_multipart_reads_the_plain_text_and_the_html_links_and_ignores_attachments() -> None:
    complaint = parse_message(sample("multipart-keyboard.eml"))
    assert "size\nbuttons" in complaint.description or "size buttons" in complaint.description
    assert complaint.text.count("I only use the keyboard") == 1  # the HTML alternative is not doubled
    assert complaint.links == ("http://127.0.0.1:8000/products/linen-shirt",)
    assert "JVBERi0" not in complaint.text and "receipt" not in complaint.text
    assert {"Anna Kowalska", "anna.kowalska@mailbox.example"} <= set(complaint.people)
    assert complaint.subject == "Can't choose a size with my keyboard"


def test_forwarded_twice_keeps_the_customer_words_and_collects_quoted_senders() -> None:
    complaint = parse_message(sample("forwarded-twice.eml"))
    assert complaint.description.startswith("Hello,\n\nI'm blind and use VoiceOver")
    assert "Second one this week" in complaint.text and "Can the web team" in complaint.text
    assert "From:" not in complaint.text and "Date:" not in complaint.text
    assert {"Oliver Grant", "oliver.grant@post.example", "Tom Becker"} <= set(complaint.people)


def test_html_only_message_becomes_text_with_hidden_hrefs_kept() -> None:
    complaint = parse_message(sample("html-only-zoom.eml"))
    assert "I can\u2019t read the product details" in complaint.text  # windows-1252 quote decoded
    assert "<div>" not in complaint.text and "margin" not in complaint.text
    assert complaint.links == ("http://127.0.0.1:8000/products/linen-shirt?ref=mail",)


def test_encoded_headers_and_latin1_body_decode() -> None:
    french = parse_message(sample("french-nvda.eml"))
    assert french.subject == "Impossible de payer"
    assert "Je n'arrive pas à payer" in french.text
    spanish = parse_message(sample("spanish-sign-in.eml"))
    assert spanish.subject == "No puedo iniciar sesión"
    assert "José García" in spanish.people


def test_unknown_charset_and_bad_bytes_decode_with_replacement() -> None:
    complaint = parse_message(sample("bad-charset.eml"))
    assert "The menu" in complaint.text and "\ufffd" in complaint.text


def test_forwarded_message_attached_as_rfc822_is_read() -> None:
    inner = EmailMessage()
    inner["From"] = "Zoe Quinn <zoe.quinn@inbox.example>"
    inner["Subject"] = "checkout"
    inner.set_content("I can't pay with the keyboard on https://shop.example/checkout")
    outer = EmailMessage()
    outer["From"] = "support@shop.example"
    outer["Subject"] = "Fwd: checkout"
    outer.set_content("see attached")
    outer.add_attachment(inner)
    complaint = parse_message(outer.as_bytes())
    assert "I can't pay with the keyboard" in complaint.text
    assert "zoe.quinn@inbox.example" in complaint.people and "Zoe Quinn" in complaint.people


def test_header_injection_is_refused() -> None:
    with pytest.raises(UsageError, match="header injection"):
        parse_message(sample("header-injection.eml"))


def test_a_20_mb_body_is_refused_in_one_line() -> None:
    raw = b"From: a@b.example\nSubject: x\n\n" + b"keyboard " * (20 * 1024 * 1024 // 9)
    with pytest.raises(UsageError, match="too large") as error:
        parse_message(raw)
    assert "\n" not in str(error.value)
    assert len(raw) > MAX_RAW_BYTES


def test_more_than_two_megabytes_of_text_is_refused() -> None:
    with pytest.raises(UsageError, match="too large"):
        from_text("x" * (3 * 1024 * 1024))


def test_deep_mime_nesting_is_refused() -> None:
    message = EmailMessage()
    message.set_content("deepest")
    for _ in range(MAX_DEPTH + 2):
        outer = EmailMessage()
        outer.make_mixed()
        outer.attach(message)
        message = outer
    message["From"] = "a@b.example"
    with pytest.raises(UsageError, match="nests MIME parts"):
        parse_message(message.as_bytes())


def test_plain_text_without_headers_is_a_complaint_too() -> None:
    complaint = parse_message(b"The menu can't be opened with NVDA.\nhttps://shop.example/")
    assert complaint.description.startswith("The menu") and complaint.people == ()


def test_html_text_drops_scripts_and_keeps_lines() -> None:
    text, hrefs = html_text('<p>one<script>evil()</script></p><p>two <a href="https://x.example/a">x</a></p>')
    assert text.splitlines() == ["one", "two x"] and hrefs == ["https://x.example/a"]
    assert html_text("   ") == ("", [])
