"""Lifecycle state: which ticket each issue fingerprint has, in an embedded SQLite file.

Each write is committed at once (autocommit), so a sync that dies halfway keeps the mapping
of every ticket it already created and the next run finishes without filing duplicates.
The state is an optimisation and a memory of what was said (last priority and reach); the
tracker stays the truth: sync looks a fingerprint up there before creating, so a lost state
file costs API calls, not duplicates.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from a11y_audit.errors import UsageError

__all__ = ["Record", "StateStore"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS tickets (
    tracker TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    url TEXT NOT NULL,
    priority TEXT NOT NULL,
    reach TEXT NOT NULL,
    status TEXT NOT NULL,
    content TEXT NOT NULL,
    floor TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (tracker, fingerprint)
)
"""


@dataclass(frozen=True, slots=True)
class Record:
    """What the last sync left behind for one issue in one tracker.

    `tracker` names the tracker instance (e.g. "github:shop/web"), so one state file can serve
    several trackers; `content` is a digest of the ticket text last written, so an unchanged
    issue costs no write; `status` is "open", "closed" or "wont-fix"; `floor` is the priority a
    customer's report set (intake), which later syncs never lower.
    """

    tracker: str
    fingerprint: str
    ticket_id: str
    url: str
    priority: str
    reach: str
    status: str
    content: str
    floor: str = ""


class StateStore:
    """The SQLite state file; read-only (and absent-tolerant) for --dry-run."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        try:
            if read_only:
                self._db = sqlite3.connect(":memory:", isolation_level=None)
                if path.is_file():
                    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
                    source.backup(self._db)
                    source.close()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(path, isolation_level=None)
            self._db.execute(_SCHEMA)
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(tickets)")}
            if "floor" not in columns:  # a state file from before customer floors
                self._db.execute("ALTER TABLE tickets ADD COLUMN floor TEXT NOT NULL DEFAULT ''")
        except (sqlite3.Error, OSError) as error:
            raise UsageError(
                f"cannot use ticket state file {path}: {error} — pass another path with --state"
            ) from error

    def get(self, tracker: str, fingerprint: str) -> Record | None:
        row = self._db.execute(
            "SELECT * FROM tickets WHERE tracker = ? AND fingerprint = ?", (tracker, fingerprint)
        ).fetchone()
        return Record(*row) if row else None

    def records(self, tracker: str) -> list[Record]:
        rows = self._db.execute("SELECT * FROM tickets WHERE tracker = ? ORDER BY fingerprint", (tracker,))
        return [Record(*row) for row in rows]

    def put(self, record: Record) -> None:
        """Insert or replace, committed immediately (the crash-safety guarantee)."""
        self._db.execute(
            "INSERT OR REPLACE INTO tickets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.tracker,
                record.fingerprint,
                record.ticket_id,
                record.url,
                record.priority,
                record.reach,
                record.status,
                record.content,
                record.floor,
            ),
        )

    def close(self) -> None:
        self._db.close()
