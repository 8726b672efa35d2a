"""run_intake end to end without a browser: the audit is replaced by saved results, so these
tests are about intake's decisions (what is visited, matched, filed, printed), not the checks."""

from __future__ import annotations

import json
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from a11y_audit.api import AuditOutcome
from a11y_audit.config import Config
from a11y_audit.crawl.journey_spec import parse_journeys
from a11y_audit.errors import UsageError
from a11y_audit.intake.message import parse_message
from a11y_audit.intake.pipeline import IntakeOutcome, run_intake
from a11y_audit.intake.settings import IntakeSettings
from a11y_audit.judge.priority import DEFAULT_FLOWS
from a11y_audit.run_result import load_results
from a11y_audit.tickets.content import build_ticket
from a11y_audit.tickets.file_tracker import FileTracker
from a11y_audit.tickets.settings import TicketSettings
from a11y_audit.tickets.state import StateStore
from a11y_audit.tickets.sync import sync
from a11y_audit.tickets.sync_results import state_path
from tests.intake.support import PII, leaks, sample
from tests.tickets.samples import bare_run, issue, results, typed, write_results

SWATCH = issue(
    "5a7c0de5a7c0de51",
    rule="not-keyboard-operable",
    wcag=("2.1.1",),
    snippet='<div class="swatch" data-js="swatch" title="White"></div>',
    priority="P3",
)
CONTRAST = issue(
    "c0c0c0c0c0c0c0c0", rule="color-contrast", wcag=("1.4.3",), snippet='<p class="note">', priority="P2"
)
CONFIG = Config(
    allowed_origins=("http://127.0.0.1:8000",),
    intake=IntakeSettings(
        flow_pages=(
            ("checkout", ("http://127.0.0.1:8000/checkout/shipping",)),
            ("sign-in", ("http://127.0.0.1:8000/sign-in",)),
        ),
        order_number=r"FF-\d{6}",
    ),
)


def _resolver(host: str, port: int) -> list[str]:
    return {"127.0.0.1": ["127.0.0.1"], "169.254.169.254": ["169.254.169.254"]}.get(host, [])


class FakeAudit:
    """Stands in for api.audit: records what it was asked to visit, writes saved results."""

    def __init__(self, *issues: dict[str, Any]) -> None:
        self.issues = issues
        self.visited: list[tuple[str, ...]] = []
        self.configs: list[Config] = []

    def __call__(self, config: Config, output: Path, *, follow_links: bool = True) -> AuditOutcome:
        assert follow_links is False
        self.visited.append(config.start_urls)
        self.configs.append(config)
        output.mkdir(parents=True, exist_ok=True)
        path = write_results(output, results(*self.issues))
        return AuditOutcome(load_results(path), path, output / "report.html")


def _intake(
    tmp_path: Path, name: str, audit: FakeAudit, config: Config = CONFIG, **options: Any
) -> IntakeOutcome:
    raw = sample(name)
    return run_intake(
        parse_message(raw),
        config,
        TicketSettings(dir=str(tmp_path / "tickets")),
        tmp_path / "out",
        raw=raw,
        resolver=_resolver,
        auditor=audit,
        env={},
        **options,
    )


def _tickets(tmp_path: Path) -> list[dict[str, Any]]:
    return [json.loads(path.read_text("utf-8")) for path in sorted((tmp_path / "tickets").glob("*.json"))]


def _everything(tmp_path: Path, outcome: IntakeOutcome) -> str:
    texts = [*outcome.lines, outcome.reply]
    for path in tmp_path.rglob("*"):
        if path.is_file():
            texts.append(path.read_bytes().decode("utf-8", errors="replace"))
    return "\n".join(texts)


def test_keyboard_complaint_files_the_swatch_issue_at_p1_without_personal_data(tmp_path: Path) -> None:
    audit = FakeAudit(CONTRAST, SWATCH)
    outcome = _intake(tmp_path, "multipart-keyboard.eml", audit)
    assert outcome.exit_code == 0
    assert audit.visited == [("http://127.0.0.1:8000/products/linen-shirt",)]
    [ticket] = _tickets(tmp_path)
    assert ticket["id"] == SWATCH["fingerprint"]
    assert (
        ticket["priority"] == "P1"
        and "customer-reported" in ticket["labels"]
        and "P3" not in ticket["labels"]
    )
    assert "Customer report (redacted)" in (tmp_path / "tickets" / f"{ticket['id']}.md").read_text("utf-8")
    assert "Ticket: created 5a7c0de5a7c0de51 P1" in outcome.lines
    assert (
        "urgent priority" in outcome.reply and "5a7c0de5" not in outcome.reply and "http" not in outcome.reply
    )
    assert leaks(_everything(tmp_path, outcome), "multipart-keyboard.eml") == []


def test_a_known_defect_gets_a_customer_comment_not_a_second_ticket(tmp_path: Path) -> None:
    tracker = FileTracker(tmp_path / "tickets")
    state = StateStore(state_path(TicketSettings(dir=str(tmp_path / "tickets"))))
    swatch = build_ticket(typed(SWATCH), bare_run(tmp_path))
    sync([swatch], [swatch.fingerprint], tracker, state, run="earlier audit")
    state.close()
    outcome = _intake(tmp_path, "known-defect.eml", FakeAudit(SWATCH))
    assert outcome.exit_code == 0
    [ticket] = _tickets(tmp_path)
    assert ticket["priority"] == "P1" and ticket["comments"][-1].startswith(
        "Customer reported (via support):"
    )
    assert "Priority raised P3 → P1" in ticket["comments"][-1]
    assert "Ticket: commented 5a7c0de5a7c0de51 P1 (raised from P3)" in outcome.lines
    assert "already knew about it" in outcome.reply
    assert leaks(_everything(tmp_path, outcome), "known-defect.eml") == []
    again = _intake(tmp_path, "known-defect.eml", FakeAudit(SWATCH))
    assert "Ticket: commented 5a7c0de5a7c0de51 P1" in again.lines and len(_tickets(tmp_path)) == 1


def test_nothing_reproduced_files_needs_triage_and_exits_1(tmp_path: Path) -> None:
    outcome = _intake(tmp_path, "forwarded-twice.eml", FakeAudit(SWATCH))
    assert outcome.exit_code == 1
    [ticket] = _tickets(tmp_path)
    assert "needs-triage" in ticket["labels"] and ticket["title"].startswith(
        "Needs triage: customer problem with the menu"
    )
    body = (tmp_path / "tickets" / f"{ticket['id']}.md").read_text("utf-8")
    assert "What was tried" in body and "127.0.0.1:8000/ with the full check suite" in body
    assert "could not confirm" in outcome.reply
    assert leaks(_everything(tmp_path, outcome), "forwarded-twice.eml") == []


def test_no_url_uses_the_flow_pages_and_blocked_checkout_is_p1(tmp_path: Path) -> None:
    audit = FakeAudit()
    outcome = _intake(tmp_path, "no-url-checkout.eml", audit)
    assert audit.visited == [("http://127.0.0.1:8000/checkout/shipping",)]
    assert outcome.exit_code == 1 and _tickets(tmp_path)[0]["priority"] == "P1"
    with pytest.raises(UsageError, match="no \\[intake\\] flow_pages for checkout"):
        _intake(tmp_path, "no-url-checkout.eml", audit, config=Config())


def test_the_named_flows_journeys_run_from_the_first_start_url(tmp_path: Path) -> None:
    """Checkout pages exist only along the checkout journey (an empty bag's checkout lands on
    the bag), so a checkout complaint runs it; the sign-in journey (another flow) does not
    run, and crawl_as never signs the reproduction in."""
    table = tomllib.loads(
        """
        crawl_as = "sign-in"
        [checkout]
        flow = "checkout"
        steps = [{ visit = "/products/linen-shirt" }, { click = "#add" }, { audit = "bag" }]
        [sign-in]
        flow = "sign-in"
        steps = [{ visit = "/sign-in" }, { audit = "signed-in" }]
        """
    )
    journeys = parse_journeys(table, tuple(flow.name for flow in DEFAULT_FLOWS))
    config = Config(
        start_urls=("http://127.0.0.1:8000/",),
        allowed_origins=("http://127.0.0.1:8000", "https://pay.example"),
        journeys=journeys,
    )
    audit = FakeAudit()
    outcome = _intake(tmp_path, "no-url-checkout.eml", audit, config=config)
    assert audit.visited == [("http://127.0.0.1:8000/",)]
    (used,) = audit.configs
    assert [journey.name for journey in used.journeys.journeys] == ["checkout"]
    assert used.journeys.crawl_as is None
    assert used.allowed_origins == ("http://127.0.0.1:8000", "https://pay.example")
    assert "Journey checkout (checkout): audited no state" in outcome.lines
    assert json.loads((tmp_path / "out" / "intake.json").read_text("utf-8"))["journeys"] == ["checkout"]
    with pytest.raises(UsageError, match="journeys for checkout but no \\[crawl\\] start_urls"):
        _intake(tmp_path, "no-url-checkout.eml", audit, config=replace(config, start_urls=()))


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("other-site.eml", "Not visited: https://www.partner-payments.example/pay (another site"),
        (
            "javascript-link.eml",
            "Not visited: javascript:alert(document.cookie) (javascript: URLs are never visited)",
        ),
    ],
)
def test_unsafe_urls_are_listed_and_never_audited(tmp_path: Path, name: str, shown: str) -> None:
    audit = FakeAudit()
    with pytest.raises(UsageError, match="nothing to visit"):
        _intake(tmp_path, name, audit, config=Config(allowed_origins=("http://127.0.0.1:8000",)))
    assert audit.visited == []


def test_private_addresses_are_refused_unless_allowed(tmp_path: Path) -> None:
    audit = FakeAudit(SWATCH)
    outcome = _intake(tmp_path, "private-addresses.eml", audit)
    assert audit.visited == [("http://127.0.0.1:8000/products/linen-shirt",)]
    refused = [line for line in outcome.lines if line.startswith("Not visited")]
    assert refused == [
        "Not visited: http://169.254.169.254/latest/meta-data/iam/security-credentials/ "
        "(a private, loopback or link-local address that is not an allowed origin)",
        "Not visited: http://[::1]:8000/admin "
        "(a private, loopback or link-local address that is not an allowed origin)",
    ]
    with pytest.raises(UsageError, match="nothing to visit"):
        _intake(
            tmp_path, "private-addresses.eml", audit, config=Config(allowed_origins=("https://shop.example",))
        )


def test_originals_are_kept_only_in_the_configured_private_store(tmp_path: Path) -> None:
    _intake(tmp_path, "multipart-keyboard.eml", FakeAudit(SWATCH), dry_run=True)
    assert not list(tmp_path.rglob("*.eml")) and _tickets(tmp_path) == []
    store = tmp_path / "private"
    config = Config(allowed_origins=CONFIG.allowed_origins, intake=IntakeSettings(keep_originals=str(store)))
    _intake(tmp_path, "multipart-keyboard.eml", FakeAudit(SWATCH), config=config)
    [kept] = store.glob("*.eml")
    assert kept.read_bytes() == sample("multipart-keyboard.eml") and kept.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("name", sorted(set(PII) - {"other-site.eml", "javascript-link.eml"}))
def test_no_sample_leaks_personal_data_into_any_output(tmp_path: Path, name: str) -> None:
    outcome = _intake(tmp_path, name, FakeAudit(SWATCH, CONTRAST))
    assert leaks(_everything(tmp_path, outcome), name) == []
