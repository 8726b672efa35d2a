"""Progress while crawling: a tqdm bar on a terminal, plain log lines otherwise, or nothing."""

from __future__ import annotations

import sys
import threading
import time
from typing import Any, Protocol, TextIO

from tqdm import tqdm

from a11y_audit.model import PageRecord

__all__ = ["Progress"]


class _Stats(Protocol):
    def stats(self) -> Any: ...


class Progress:
    """Receives every finished page from the worker threads (so it locks) and shows it."""

    def __init__(self, *, quiet: bool = False, stream: TextIO = sys.stderr):
        self._quiet = quiet
        self._stream = stream
        self._tty = stream.isatty()
        self._lock = threading.Lock()
        self._frontier: _Stats | None = None
        self._bar: tqdm[Any] | None = None
        self._started = time.monotonic()
        self.done = 0
        self.failed = 0
        self.findings = 0

    def attach(self, frontier: _Stats) -> None:
        """Called once the frontier exists, so queue sizes can be shown."""
        self._frontier = frontier
        if self._tty and not self._quiet:
            self._bar = tqdm(total=0, unit="page", file=self._stream, dynamic_ncols=True, desc="Auditing")

    def page_done(self, record: PageRecord, findings: int) -> None:
        """One page finished (audited, failed or skipped)."""
        with self._lock:
            self.done += 1
            self.failed += 0 if record.audited or record.skipped else 1
            self.findings += findings
            if self._quiet:
                return
            queued = self._queued()
            if self._bar is not None:
                self._bar.total = self.done + queued
                self._bar.set_postfix(
                    queued=queued, failed=self.failed, findings=self.findings, refresh=False
                )
                self._bar.update(1)
            else:
                state = (
                    "ERROR " + (record.error or "")
                    if record.error
                    else ("skipped: " + record.skipped if record.skipped else f"{findings} findings")
                )
                elapsed = time.monotonic() - self._started
                counts = f"{self.done} done, {queued} queued, {self.failed} failed, {elapsed:.0f}s"
                print(
                    f"[{counts}] {record.url} - {state}",
                    file=self._stream,
                    flush=True,
                )

    def close(self) -> None:
        """Finish the bar so later output starts on a clean line."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def _queued(self) -> int:
        if self._frontier is None:
            return 0
        stats = self._frontier.stats()
        return int(getattr(stats, "queued", 0) or 0)
