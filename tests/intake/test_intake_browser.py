"""`a11y-audit intake` on the demo store (variant broken) with real Chromium and the file tracker:
a keyboard complaint about the size buttons becomes the swatch keyboard ticket at P1; a second
complaint about the same defect becomes a comment on it; a screen-reader user who cannot pay
is reproduced on the checkout journey's states (an empty bag's checkout is only the bag); no
personal data or password anywhere."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from a11y_audit.demo.server import DEMO_PASSWORD, DemoStore
from tests.browser.conftest import run_cli
from tests.intake.support import leaks, sample

pytestmark = pytest.mark.browser


def _everything(folder: Path, *printed: str) -> str:
    files = [
        path.read_bytes().decode("utf-8", errors="replace") for path in folder.rglob("*") if path.is_file()
    ]
    return "\n".join([*printed, *files])


def test_intake_files_then_comments_without_personal_data(tmp_path: Path) -> None:
    inbox, work = tmp_path / "inbox", tmp_path / "work"
    inbox.mkdir()
    work.mkdir()
    with DemoStore("broken") as store:
        origin = store.base_url.rstrip("/")
        config = inbox / "intake.toml"
        config.write_text(
            f'[crawl]\nallowed_origins = ["{origin}"]\n[intake]\norder_number = "FF-\\\\d{{6}}"\n'
        )
        runs = []
        for name in ("multipart-keyboard.eml", "known-defect.eml"):
            message = inbox / name
            message.write_bytes(sample(name, origin))
            result = run_cli(
                "intake", str(message), "--config", str(config),
                "--output", str(work / name), "--dir", str(work / "tickets"),
            )  # fmt: skip
            assert result.returncode == 0, result.stderr
            runs.append(result)
    tickets = [json.loads(path.read_text("utf-8")) for path in (work / "tickets").glob("*.json")]
    assert len(tickets) == 1, [ticket["title"] for ticket in tickets]
    [ticket] = tickets
    assert "keyboard" in ticket["title"].lower() and ticket["priority"] == "P1"
    assert "swatch" in (work / "tickets" / f"{ticket['id']}.md").read_text("utf-8")
    assert f"Ticket: created {ticket['id']} P1" in runs[0].stdout
    assert f"Ticket: commented {ticket['id']} P1" in runs[1].stdout
    assert ticket["comments"][-1].startswith("Customer reported (via support):")
    for name, result in zip(("multipart-keyboard.eml", "known-defect.eml"), runs, strict=True):
        assert leaks(_everything(work, result.stdout, result.stderr), name) == []


def test_a_checkout_complaint_is_reproduced_on_the_checkout_journey(tmp_path: Path) -> None:
    inbox, work = tmp_path / "inbox", tmp_path / "work"
    inbox.mkdir()
    journeys = (Path(__file__).parents[2] / "a11y_audit" / "demo" / "journeys.toml").read_text("utf-8")
    env = {**os.environ, "DEMO_PASSWORD": DEMO_PASSWORD}
    with DemoStore("broken") as store:
        origin, widgets = store.base_url.rstrip("/"), store.widget_url.rstrip("/")
        config = inbox / "intake.toml"
        config.write_text(
            f'[crawl]\nstart_urls = ["{origin}/"]\nallowed_origins = ["{origin}", "{widgets}"]\n{journeys}',
            "utf-8",
        )
        message = inbox / "no-url-checkout.eml"
        message.write_bytes(sample("no-url-checkout.eml", origin))
        result = run_cli(
            "intake", str(message), "--config", str(config),
            "--output", str(work / "out"), "--dir", str(work / "tickets"), env=env, timeout=600,
        )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    journey = next(line for line in result.stdout.splitlines() if line.startswith("Journey checkout"))
    assert "shipping" in journey and "payment-declined" in journey, journey
    assert "Journey sign-in" not in result.stdout  # another flow's journey does not run
    (ticket,) = [json.loads(path.read_text("utf-8")) for path in (work / "tickets").glob("*.json")]
    body = (work / "tickets" / f"{ticket['id']}.md").read_text("utf-8")
    assert "#journey=checkout&state=" in body, body
    assert ticket["priority"] == "P1"
    everything = _everything(work, result.stdout, result.stderr)
    assert leaks(everything, "no-url-checkout.eml") == []
    assert DEMO_PASSWORD not in everything
