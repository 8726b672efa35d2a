"""The lifecycle state machine, against the offline file tracker and a real SQLite state file."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from a11y_audit.tickets.content import Ticket
from a11y_audit.tickets.file_tracker import FileTracker
from a11y_audit.tickets.state import StateStore
from a11y_audit.tickets.sync import Remote, SyncReport, sync
from a11y_audit.tickets.sync_results import tickets_for
from tests.tickets.samples import issue, results, run_in

A, B, C = "a" * 16, "b" * 16, "c" * 16


class Setup:
    def __init__(self, tmp_path: Path) -> None:
        self.folder = tmp_path / "tickets"
        self.state_path = tmp_path / "state.sqlite"
        self.tracker = FileTracker(self.folder)

    def run(self, *issues: dict[str, Any], close_fixed: bool = False, dry_run: bool = False) -> SyncReport:
        data = results(*issues)
        state = StateStore(self.state_path, read_only=dry_run)
        try:
            return sync(
                tickets_for(run_in(self.folder, data), "P4"),
                [item["fingerprint"] for item in data["issues"]],
                self.tracker,
                state,
                run="2026-11-25",
                close_fixed=close_fixed,
                dry_run=dry_run,
            )
        finally:
            state.close()

    def ticket(self, fingerprint: str) -> dict[str, Any]:
        return dict(json.loads((self.folder / f"{fingerprint}.json").read_text("utf-8")))

    def edit(self, fingerprint: str, **changes: Any) -> None:
        path = self.folder / f"{fingerprint}.json"
        path.write_text(json.dumps({**self.ticket(fingerprint), **changes}), "utf-8")


def counts(report: SyncReport) -> dict[str, int]:
    return {action: count for action, count in report.counts().items() if count}


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    return Setup(tmp_path)


def test_first_sync_creates_and_second_changes_nothing(setup: Setup) -> None:
    assert counts(setup.run(issue(A), issue(B))) == {"created": 2}
    before = {path.name: path.read_text("utf-8") for path in setup.folder.iterdir()}
    assert counts(setup.run(issue(A), issue(B))) == {"unchanged": 2}
    assert {path.name: path.read_text("utf-8") for path in setup.folder.iterdir()} == before
    assert setup.ticket(A)["status"] == "open" and setup.ticket(A)["comments"] == []


def test_priority_or_reach_change_comments_and_updates(setup: Setup) -> None:
    setup.run(issue(A, priority="P3", pages=1))
    report = setup.run(issue(A, priority="P2", pages=25, templates=("product", "cart")))
    assert counts(report) == {"updated": 1}
    ticket = setup.ticket(A)
    assert ticket["priority"] == "P2" and "P2" in ticket["labels"] and "P3" not in ticket["labels"]
    assert ticket["comments"] == [
        "The run of 2026-11-25 changed this issue. Priority P3 → P2 (High). "
        "Reach 1 page(s), 1 template(s) → 25 page(s), 2 template(s)."
    ]


def test_labels_people_added_survive_an_update(setup: Setup) -> None:
    setup.run(issue(A, priority="P3"))
    setup.edit(A, labels=[*setup.ticket(A)["labels"], "team-checkout"])
    setup.run(issue(A, priority="P2"))
    assert setup.ticket(A)["labels"] == ["a11y", "wcag-4.1.2", "P2", f"a11y-fp-{A}", "team-checkout"]


def test_a_closed_ticket_reopens_when_the_defect_returns(setup: Setup) -> None:
    setup.run(issue(A))
    setup.edit(A, status="closed")
    assert counts(setup.run(issue(A))) == {"reopened": 1}
    assert setup.ticket(A)["status"] == "open"
    assert setup.ticket(A)["comments"] == ["The defect was found again by the run of 2026-11-25."]


def test_close_fixed_closes_what_is_gone_and_the_return_reopens_it(setup: Setup) -> None:
    setup.run(issue(A), issue(B))
    assert counts(setup.run(issue(A))) == {"unchanged": 1, "no-longer-found": 1}
    assert setup.ticket(B)["status"] == "open"
    assert counts(setup.run(issue(A), close_fixed=True)) == {"unchanged": 1, "closed": 1}
    assert setup.ticket(B)["status"] == "closed"
    assert "closing as fixed" in setup.ticket(B)["comments"][-1]
    assert counts(setup.run(issue(A), close_fixed=True)) == {"unchanged": 1}  # closed once
    assert counts(setup.run(issue(A), issue(B))) == {"unchanged": 1, "reopened": 1}


def test_an_issue_below_min_priority_is_not_closed_as_fixed(setup: Setup, tmp_path: Path) -> None:
    setup.run(issue(A, priority="P4"))
    data = results(issue(A, priority="P4"))
    state = StateStore(setup.state_path)
    report = sync(
        tickets_for(run_in(tmp_path, data), "P2"), [A], setup.tracker, state, run="r", close_fixed=True
    )
    state.close()
    assert counts(report) == {} and setup.ticket(A)["status"] == "open"


def test_wont_fix_label_is_respected(setup: Setup) -> None:
    setup.run(issue(A, priority="P3"))
    setup.edit(A, status="closed", labels=[*setup.ticket(A)["labels"], "wontfix"])
    before = setup.ticket(A)
    assert counts(setup.run(issue(A, priority="P1"))) == {"wont-fix": 1}
    assert setup.ticket(A) == before
    assert counts(setup.run(close_fixed=True)) == {}


def test_a_lost_state_file_creates_no_duplicate(setup: Setup) -> None:
    setup.run(issue(A), issue(B))
    setup.state_path.unlink()
    assert counts(setup.run(issue(A), issue(B), issue(C))) == {"created": 1, "updated": 2}
    assert sorted(path.name for path in setup.folder.glob("*.json")) == [
        f"{A}.json",
        f"{B}.json",
        f"{C}.json",
    ]


class CrashingTracker(FileTracker):
    """Dies on the second create, like a sync killed halfway."""

    creates = 0

    def create(self, ticket: Ticket) -> Remote:
        CrashingTracker.creates += 1
        if CrashingTracker.creates == 2:
            raise KeyboardInterrupt
        return super().create(ticket)


def test_a_sync_that_dies_halfway_resumes_without_duplicates(setup: Setup) -> None:
    setup.tracker = CrashingTracker(setup.folder)
    with pytest.raises(KeyboardInterrupt):
        setup.run(issue(A), issue(B), issue(C))
    state = StateStore(setup.state_path)
    assert [record.fingerprint for record in state.records(setup.tracker.key)] == [A]  # committed at once
    state.close()
    assert counts(setup.run(issue(A), issue(B), issue(C))) == {"created": 2, "unchanged": 1}


def test_dry_run_writes_neither_tickets_nor_state(setup: Setup) -> None:
    report = setup.run(issue(A), dry_run=True)
    assert report.lines["created"] == ["(new)  P2  Buttons must have discernible text — button.add · product"]
    assert not setup.folder.exists() and not setup.state_path.exists()
    setup.run(issue(A))
    state_before = setup.state_path.read_bytes()
    assert counts(setup.run(issue(A, priority="P1"), dry_run=True)) == {"updated": 1}
    assert setup.ticket(A)["priority"] == "P2" and setup.state_path.read_bytes() == state_before


def test_evidence_is_copied_next_to_the_ticket(setup: Setup, tmp_path: Path) -> None:
    screenshot = tmp_path / "shot.jpg"
    screenshot.write_bytes(b"jpeg")
    remote = setup.tracker.create(tickets_for(run_in(tmp_path, results(issue(A))), "P4")[0])
    setup.tracker.attach(remote, screenshot)
    assert (setup.folder / f"{A}-shot.jpg").read_bytes() == b"jpeg"
    assert f"[{A}-shot.jpg]({A}-shot.jpg)" in (setup.folder / f"{A}.md").read_text("utf-8")


def test_a_customer_priority_floor_is_never_lowered_by_a_later_audit(setup: Setup) -> None:
    setup.run(issue(A, priority="P3"))
    state = StateStore(setup.state_path)
    record = state.get(setup.tracker.key, A)
    assert record is not None
    state.put(replace(record, priority="P1", floor="P1"))  # what intake records for a blocked customer
    state.close()
    setup.run(issue(A, priority="P3"))
    ticket = setup.ticket(A)
    assert ticket["priority"] == "P1" and "P1" in ticket["labels"] and "P3" not in ticket["labels"]
    assert not any("P1 → P3" in comment for comment in ticket["comments"])
    setup.run(issue(A, priority="P3"))
    assert setup.ticket(A)["priority"] == "P1"


def test_a_state_file_from_before_floors_gains_the_column(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path)
    old.execute(
        "CREATE TABLE tickets (tracker TEXT NOT NULL, fingerprint TEXT NOT NULL, ticket_id TEXT NOT NULL, "
        "url TEXT NOT NULL, priority TEXT NOT NULL, reach TEXT NOT NULL, status TEXT NOT NULL, "
        "content TEXT NOT NULL, PRIMARY KEY (tracker, fingerprint))"
    )
    old.execute("INSERT INTO tickets VALUES ('file', ?, '1', '', 'P2', '1 page(s)', 'open', 'x')", (A,))
    old.commit()
    old.close()
    state = StateStore(path)
    record = state.get("file", A)
    state.close()
    assert record is not None and record.floor == "" and record.priority == "P2"
