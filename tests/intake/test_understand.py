"""Understanding complaints in English, French and Spanish: methods, flows, components, URLs."""

from __future__ import annotations

import pytest

from a11y_audit.intake.understand import find_urls, understand


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("I use JAWS with Chrome", "screen-reader"),
        ("NVDA says nothing", "screen-reader"),
        ("VoiceOver on my iPhone", "screen-reader"),
        ("TalkBack reads the wrong thing", "screen-reader"),
        ("Narrator skips it", "screen-reader"),
        ("Orca on Linux", "screen-reader"),
        ("j'utilise un lecteur d'écran", "screen-reader"),
        ("uso un lector de pantalla", "screen-reader"),
        ("I can only use the keyboard", "keyboard"),
        ("je navigue au clavier", "keyboard"),
        ("solo uso el teclado", "keyboard"),
        ("I zoom to 400%", "zoom"),
        ("with ZoomText magnifier", "zoom"),
        ("j'utilise une loupe", "zoom"),
        ("uso una lupa", "zoom"),
        ("I use Dragon", "voice-control"),
        ("Voice Control on my Mac", "voice-control"),
        ("avec la commande vocale", "voice-control"),
        ("Windows high contrast mode", "high-contrast"),
        ("forced colours", "high-contrast"),
        ("en mode contraste élevé", "high-contrast"),
        ("modo alto contraste", "high-contrast"),
        ("I use switch access", "switch-access"),
        ("avec un contacteur", "switch-access"),
    ],
)
def test_methods(text: str, method: str) -> None:
    assert method in [item.id for item in understand(text).methods]


@pytest.mark.parametrize(
    ("text", "flow"),
    [
        ("I can't pay", "checkout"),
        ("the checkout is broken", "checkout"),
        ("impossible de payer", "checkout"),
        ("no puedo pagar", "checkout"),
        ("my basket", "cart"),
        ("le panier", "cart"),
        ("el carrito", "cart"),
        ("I can't sign in", "sign-in"),
        ("la connexion ne marche pas", "sign-in"),
        ("no puedo iniciar sesión", "sign-in"),
        ("search does nothing", "search"),
        ("la recherche", "search"),
        ("quiero buscar", "search"),
    ],
)
def test_flows(text: str, flow: str) -> None:
    assert flow in understand(text).flows


@pytest.mark.parametrize(
    ("text", "component"),
    [
        ("the size buttons", "swatches"),
        ("les boutons de taille", "swatches"),
        ("los botones de talla", "swatches"),
        ("the chat window", "chat"),
        ("le tchat", "chat"),
        ("the menu", "menu"),
        ("el menú", "menu"),
        ("the cookie banner", "cookie-banner"),
        ("the size guide pop-up", "dialog"),
    ],
)
def test_components(text: str, component: str) -> None:
    assert component in [item.id for item in understand(text).components]


@pytest.mark.parametrize(
    "text",
    ["taxpayer forms", "the orcas at the zoo are nice", "nothing about access", "a paypal-like thing"],
)
def test_words_match_whole_words_only(text: str) -> None:
    found = understand(text)
    assert found.flows == () and found.methods == ()


def test_blocked_in_three_languages() -> None:
    assert understand("I can't buy it").blocked
    assert understand("je n'arrive pas à commander").blocked
    assert understand("no puedo comprar").blocked
    assert not understand("the colours look odd").blocked


def test_urls_are_found_in_text_and_trimmed() -> None:
    text = "See (https://shop.example/a?b=1), www.shop.example/c. and javascript:alert(1) http://[::1]:8/x."
    assert find_urls(text) == [
        "https://shop.example/a?b=1",
        "https://www.shop.example/c",
        "javascript:alert(1)",
        "http://[::1]:8/x",
    ]


def test_links_from_html_join_the_urls_once() -> None:
    found = understand("on https://shop.example/a", ("https://shop.example/a", "https://shop.example/b"))
    assert found.urls == ("https://shop.example/a", "https://shop.example/b")
