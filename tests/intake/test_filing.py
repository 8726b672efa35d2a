"""Filing decisions on the file tracker: priority floor, reopen, won't-fix, dry run."""

from __future__ import annotations

import json
from pathlib import Path

from a11y_audit.intake.filing import customer_priority, file_ticket
from a11y_audit.intake.understand import understand
from a11y_audit.judge.priority import Criticality, Flow
from a11y_audit.tickets.content import build_ticket
from a11y_audit.tickets.file_tracker import FileTracker
from a11y_audit.tickets.state import StateStore
from tests.tickets.samples import bare_run, issue, typed

FINGERPRINT = "0123456789abcdef"


def test_blocked_on_a_critical_flow_is_p1_otherwise_unchanged() -> None:
    blocked = understand("I can't pay")
    assert customer_priority("P3", blocked, None, ()) == "P1"
    assert customer_priority("P3", understand("I can't read the blog"), "content", ()) == "P3"
    assert customer_priority("P3", understand("the colours are odd"), "checkout", ()) == "P3"
    newsletter = (Flow("newsletter", Criticality.CRITICAL, ("/news",)),)
    assert customer_priority("P4", understand("I'm stuck"), "newsletter", newsletter) == "P1"


def _setup(tmp_path: Path, labels: list[str], status: str) -> tuple[FileTracker, StateStore]:
    tracker = FileTracker(tmp_path)
    state = StateStore(tmp_path / "state.sqlite")
    remote = tracker.create(build_ticket(typed(issue(FINGERPRINT, priority="P2")), bare_run(tmp_path)))
    data = json.loads((tmp_path / f"{remote.id}.json").read_text("utf-8"))
    data.update(status=status, labels=[*data["labels"], *labels])
    (tmp_path / f"{remote.id}.json").write_text(json.dumps(data), "utf-8")
    return tracker, state


def _ticket(tmp_path: Path) -> dict[str, object]:
    return dict(json.loads((tmp_path / f"{FINGERPRINT}.json").read_text("utf-8")))


def test_a_closed_ticket_is_reopened_by_a_customer_report(tmp_path: Path) -> None:
    tracker, state = _setup(tmp_path, [], "closed")
    ticket = build_ticket(typed(issue(FINGERPRINT, priority="P1")), bare_run(tmp_path))
    filed = file_ticket(ticket, "Customer reported (via support): stuck", tracker, state)
    assert (filed.action, filed.priority, filed.raised_from) == ("reopened", "P1", "P2")
    saved = _ticket(tmp_path)
    assert saved["status"] == "open" and saved["priority"] == "P1"
    record = state.get(tracker.key, FINGERPRINT)
    assert record is not None and record.floor == "P1"  # later audits' syncs never lower it


def test_a_wont_fix_ticket_gets_the_comment_only(tmp_path: Path) -> None:
    tracker, state = _setup(tmp_path, ["wontfix"], "closed")
    filed = file_ticket(
        build_ticket(typed(issue(FINGERPRINT, priority="P2")), bare_run(tmp_path)),
        "Customer reported",
        tracker,
        state,
    )
    assert filed.action == "commented"
    assert _ticket(tmp_path)["status"] == "closed"


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    tracker, state = FileTracker(tmp_path / "t"), StateStore(tmp_path / "state.sqlite", read_only=True)
    filed = file_ticket(
        build_ticket(typed(issue(FINGERPRINT)), bare_run(tmp_path)), "x", tracker, state, dry_run=True
    )
    assert filed.action == "(dry run) created" and not (tmp_path / "t").exists()
